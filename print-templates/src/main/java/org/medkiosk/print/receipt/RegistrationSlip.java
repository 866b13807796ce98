package org.medkiosk.print.receipt;

import java.time.Instant;
import java.util.Objects;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PaymentMethod;

/**
 * What a registration slip shows: the booked appointment, who it is for, where to go, and how the
 * fee was paid. No domain record carries all of it, so the journey assembles one.
 *
 * @param doctorTitle       may be null (主任医师 chief physician…)
 * @param location          may be null (门诊楼 2 层 / Outpatient building, 2nd floor)
 * @param method            may be null when the fee is zero or paid later
 * @param transactionNumber may be null; the wallet's transaction number, never the payment code
 */
public record RegistrationSlip(Patient patient, Appointment appointment, LocalizedText doctorTitle,
                               LocalizedText location, PaymentMethod method, String transactionNumber,
                               Instant issuedAt) {
    public RegistrationSlip {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(appointment, "appointment");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
