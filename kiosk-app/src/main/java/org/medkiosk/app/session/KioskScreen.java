package org.medkiosk.app.session;

import java.util.List;
import org.medkiosk.app.viewmodel.JourneyViewModel;
import org.medkiosk.journey.identify.IdentitySource;

/** What the lobby screen shows; the view renders exactly one of these. */
public sealed interface KioskScreen {

    /** Attract screen: no patient. */
    record Idle() implements KioskScreen {
    }

    /** A card was read and the hospital is being asked who it is. */
    record LookingUp(IdentitySource source) implements KioskScreen {
    }

    /**
     * The patient's home: greeting with a masked name and the services; the likely task's one-tap card comes from
     * {@link KioskViewModel#pendingTaskProperty()} when the hospital answers.
     */
    record Home(String maskedName, List<Service> services) implements KioskScreen {
        public Home {
            services = List.copyOf(services);
        }
    }

    /** The session ended with a card still in a reader: the patient is asked to take it (no patient data here). */
    record TakeYourCard(java.util.Set<CardSlot> slots) implements KioskScreen {
        public TakeYourCard {
            slots = java.util.Set.copyOf(slots);
        }
    }

    /** A message the patient must read, with what to do next; both are i18n keys. */
    record Notice(String titleKey, String adviceKey) implements KioskScreen {
    }

    /** A journey the patient started from home; its own view model says which of its screens shows. */
    record InJourney(Service service, JourneyViewModel<?> model) implements KioskScreen {
    }

    /**
     * Technician mode: the PIN pad, then the technician screen; its view model says which. No patient data: the
     * patient's session ended before this screen showed.
     */
    record Technician(org.medkiosk.app.viewmodel.TechnicianViewModel model) implements KioskScreen {
    }

    /**
     * Nurse-assisted mode's desk: staff sign-in, then the patient search; its view model says which. No patient's
     * session is open behind it.
     */
    record Staff(org.medkiosk.app.viewmodel.StaffDeskViewModel model) implements KioskScreen {
    }

    /** The department guide (导诊): for a patient from home, or a visitor from the lobby (no session data). */
    record Guide(org.medkiosk.app.viewmodel.GuideViewModel model) implements KioskScreen {
    }

    /** Price lookup (物价查询): needs no identification. */
    record Prices(org.medkiosk.app.viewmodel.PriceLookupViewModel model) implements KioskScreen {
    }

    /** Hospital information (医院信息): departments, doctors, notices; needs no identification. */
    record HospitalInfo(org.medkiosk.app.viewmodel.HospitalInfoViewModel model) implements KioskScreen {
    }
}
