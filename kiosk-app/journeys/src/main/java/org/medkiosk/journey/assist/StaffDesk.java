package org.medkiosk.journey.assist;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.medkiosk.hospital.HospitalBackend;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PatientQuery;
import org.medkiosk.hospital.StaffCredentials;
import org.medkiosk.hospital.StaffMember;
import org.medkiosk.hospital.StaffRole;
import org.medkiosk.journal.StaffAudit;
import org.medkiosk.journey.concurrent.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nurse-assisted mode's state machine: a member of staff signs in (staff card, or staff number and PIN, confirmed
 * by the hospital), finds the patient beside them, and acts for them; every step is written to the
 * {@link StaffAudit}. Choices arrive on the UI thread, the hospital is asked in the background, and states come
 * back on the UI thread. Only nurses and doctors assist patients: a technician's badge is refused here (technician
 * mode has its own PIN).
 */
public final class StaffDesk {
    private static final Logger LOG = LoggerFactory.getLogger(StaffDesk.class);

    /** How a patient came to be acted for: found by the nurse's search, or by their own card or code. */
    public enum Found {
        BY_NAME_AND_BIRTH_DATE, BY_PHONE, BY_MEDICAL_RECORD_NUMBER, BY_CARD_OR_CODE
    }

    private final HospitalBackend backend;
    private final TaskExecutor tasks;
    private final StaffAudit audit;
    private final Clock clock;
    private final List<Consumer<StaffDeskState>> listeners = new CopyOnWriteArrayList<>();
    private volatile StaffDeskState state = new StaffDeskState.SignIn(StaffDeskState.SignInProblem.NONE);
    private volatile StaffMember staff;
    /** Bumped at sign-out so a late answer (a sign-in, a search) for a gone nurse is dropped. */
    private volatile long epoch;

    public StaffDesk(HospitalBackend backend, TaskExecutor tasks, StaffAudit audit, Clock clock) {
        this.backend = Objects.requireNonNull(backend);
        this.tasks = Objects.requireNonNull(tasks);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    public StaffDeskState state() {
        return state;
    }

    public void onChange(Consumer<StaffDeskState> listener) {
        listeners.add(listener);
    }

    /** Who is signed in; empty before sign-in and after sign-out. */
    public Optional<StaffMember> staff() {
        return Optional.ofNullable(staff);
    }

    /** Whether a member of staff with this role may act for patients at the kiosk. */
    public static boolean assistsPatients(StaffMember member) {
        return member.has(StaffRole.NURSE) || member.has(StaffRole.DOCTOR);
    }

    public void signIn(StaffCredentials credentials) {
        if (staff != null || state instanceof StaffDeskState.SigningIn) {
            return;
        }
        long mine = epoch;
        String presented = presented(credentials);
        String how = credentials instanceof StaffCredentials.StaffCard ? "STAFF_CARD" : "STAFF_NUMBER_AND_PIN";
        show(new StaffDeskState.SigningIn());
        tasks.background().execute(() -> {
            Optional<StaffMember> who;
            try {
                who = backend.signIn(credentials);
            } catch (RuntimeException e) {
                LOG.warn("staff sign-in could not be confirmed: {}", e.getClass().getSimpleName());
                audit.record(entry(null, presented, StaffAudit.Action.SIGN_IN_REFUSED, how, "HOSPITAL_UNAVAILABLE", null));
                answer(mine, () -> show(new StaffDeskState.SignIn(StaffDeskState.SignInProblem.HOSPITAL_UNAVAILABLE)));
                return;
            }
            if (who.isEmpty()) {
                LOG.info("staff sign-in refused by the hospital ({})", how);
                audit.record(entry(null, presented, StaffAudit.Action.SIGN_IN_REFUSED, how, "NOT_RECOGNISED", null));
                answer(mine, () -> show(new StaffDeskState.SignIn(StaffDeskState.SignInProblem.NOT_RECOGNISED)));
            } else if (!assistsPatients(who.get())) {
                LOG.info("staff sign-in refused: roles {} do not assist patients", who.get().roles());
                audit.record(entry(who.get(), StaffAudit.Action.SIGN_IN_REFUSED, how, "NOT_ALLOWED", null));
                answer(mine, () -> show(new StaffDeskState.SignIn(StaffDeskState.SignInProblem.NOT_ALLOWED)));
            } else {
                StaffMember member = who.get();
                LOG.info("staff signed in: {} ({})", member.id(), how);
                audit.record(entry(member, StaffAudit.Action.SIGNED_IN, how, "OK", null));
                answer(mine, () -> {
                    staff = member;
                    show(new StaffDeskState.FindPatient(StaffDeskState.SearchProblem.NONE));
                });
            }
        });
    }

    public void find(PatientQuery query) {
        StaffMember member = staff;
        if (member == null || state instanceof StaffDeskState.Searching) {
            return;
        }
        long mine = epoch;
        String way = way(query).name();
        show(new StaffDeskState.Searching());
        tasks.background().execute(() -> {
            List<Patient> found;
            try {
                found = backend.findPatients(query);
            } catch (RuntimeException e) {
                LOG.warn("patient search failed: {}", e.getClass().getSimpleName());
                audit.record(entry(member, StaffAudit.Action.PATIENT_SEARCHED, way, "HOSPITAL_UNAVAILABLE", null));
                answer(mine, () -> show(new StaffDeskState.FindPatient(StaffDeskState.SearchProblem.HOSPITAL_UNAVAILABLE)));
                return;
            }
            audit.record(entry(member, StaffAudit.Action.PATIENT_SEARCHED, way, "found " + found.size(), null));
            answer(mine, () -> show(found.isEmpty()
                    ? new StaffDeskState.FindPatient(StaffDeskState.SearchProblem.NONE_FOUND)
                    : new StaffDeskState.Found(found)));
        });
    }

    /** Back from the results to a new search. */
    public void newSearch() {
        if (staff != null) {
            show(new StaffDeskState.FindPatient(StaffDeskState.SearchProblem.NONE));
        }
    }

    /** The nurse acts for this patient now (picked from the results, or identified by the patient's own card). */
    public void actFor(Patient patient, Found how) {
        StaffMember member = staff;
        if (member != null) {
            audit.record(entry(member, StaffAudit.Action.ACTING_FOR, how.name(), "OK", patient.id()));
        }
    }

    /** A journey done for the patient ended (finished, left, or the session ended), with its last state. */
    public void journeyEnded(String journey, String outcome, Patient patient) {
        StaffMember member = staff;
        if (member != null) {
            audit.record(entry(member, StaffAudit.Action.JOURNEY, journey, outcome, patient == null ? null : patient.id()));
        }
    }

    /** The nurse is done with one patient: back to the search for the next. */
    public void patientDone() {
        if (staff != null) {
            show(new StaffDeskState.FindPatient(StaffDeskState.SearchProblem.NONE));
        }
    }

    /** Sign-out (the button, inactivity, technician mode); the caller ends the patient's session with it. */
    public void signOut(String reason) {
        StaffMember member = staff;
        epoch++;
        staff = null;
        if (member != null) {
            LOG.info("staff signed out: {} ({})", member.id(), reason);
            audit.record(entry(member, StaffAudit.Action.SIGNED_OUT, null, reason, null));
        }
        show(new StaffDeskState.SignIn(StaffDeskState.SignInProblem.NONE));
    }

    private void answer(long mine, Runnable onUi) {
        tasks.ui().execute(() -> {
            if (mine == epoch) {
                onUi.run();
            }
        });
    }

    private void show(StaffDeskState next) {
        tasks.ui().execute(() -> {
            state = next;
            for (Consumer<StaffDeskState> l : listeners) {
                l.accept(next);
            }
        });
    }

    private StaffAudit.Entry entry(StaffMember member, StaffAudit.Action action, String journey, String outcome,
                                   String patientId) {
        return entry(member.id(), member.staffNumber(), action, journey, outcome, patientId);
    }

    private StaffAudit.Entry entry(String staffId, String staffNumber, StaffAudit.Action action, String journey,
                                   String outcome, String patientId) {
        return new StaffAudit.Entry(clock.instant(), staffId, staffNumber, action, journey, outcome, patientId);
    }

    /** What was presented, for a refused sign-in: the typed staff number, or the card's masked number. */
    private static String presented(StaffCredentials credentials) {
        if (credentials instanceof StaffCredentials.StaffNumberAndPin typed) {
            return typed.staffNumber();
        }
        return credentials.toString(); // StaffCard[********01]
    }

    private static Found way(PatientQuery query) {
        if (query instanceof PatientQuery.ByNameAndBirthDate) {
            return Found.BY_NAME_AND_BIRTH_DATE;
        }
        return query instanceof PatientQuery.ByPhone ? Found.BY_PHONE : Found.BY_MEDICAL_RECORD_NUMBER;
    }
}
