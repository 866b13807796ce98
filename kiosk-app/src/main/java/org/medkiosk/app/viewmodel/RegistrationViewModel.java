package org.medkiosk.app.viewmodel;

import java.time.LocalDate;
import org.medkiosk.journey.payment.WalletCode;
import org.medkiosk.journey.register.RegistrationJourney;
import org.medkiosk.journey.register.RegistrationState;

/** Registration: department → doctor (day strip) → period → confirm → scan → booked / refunded / not charged. */
public final class RegistrationViewModel extends JourneyViewModel<RegistrationState> {
    private final RegistrationJourney registration;
    /** The department to open at (the guide's "register here"); null: the department list. */
    private final String startAt;

    public RegistrationViewModel(RegistrationJourney journey) {
        this(journey, null);
    }

    /** Opens at this department's doctors (Back shows the department list). */
    public RegistrationViewModel(RegistrationJourney journey, String departmentId) {
        super(journey);
        this.registration = journey;
        this.startAt = departmentId;
    }

    @Override
    public void start() {
        if (startAt == null) {
            registration.start();
        } else {
            registration.startAt(startAt);
        }
    }

    public void chooseDepartment(String id) {
        registration.chooseDepartment(id);
    }

    public void chooseDay(LocalDate day) {
        registration.chooseDay(day);
    }

    public void chooseDoctor(String id) {
        registration.chooseDoctor(id);
    }

    public void chooseSlot(String id) {
        registration.chooseSlot(id);
    }

    public void confirm() {
        registration.confirm();
    }

    public void back() {
        registration.back();
    }

    @Override
    public boolean walletCode(WalletCode code) {
        return registration.codeScanned(code);
    }
}
