package org.medkiosk.journey;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.medkiosk.hospital.Patient;

/**
 * One identified patient at the kiosk, from identification until Finish, timeout or a new card. Journeys ask it
 * whether the patient is still there before they print anything: a receipt is never printed after its session
 * ended. The locale supplier follows the language the patient chose on screen.
 */
public final class PatientSession {
    private final Patient patient;
    private final Supplier<Locale> locale;
    private final AtomicBoolean open = new AtomicBoolean(true);

    public PatientSession(Patient patient, Supplier<Locale> locale) {
        this.patient = Objects.requireNonNull(patient, "patient");
        this.locale = locale;
    }

    public Patient patient() {
        return patient;
    }

    public String patientId() {
        return patient.id();
    }

    public Locale locale() {
        return locale.get();
    }

    public boolean isOpen() {
        return open.get();
    }

    public void end() {
        open.set(false);
    }

    @Override
    public String toString() {
        return "PatientSession[" + patient + (isOpen() ? ", open" : ", ended") + "]";
    }
}
