package org.medkiosk.hospital;

import java.time.OffsetDateTime;

/**
 * An appointment of a patient with a doctor; what check-in turns into a queue ticket.
 *
 * @param paymentKey the idempotency key of the payment that paid its fee, when the hospital knows one (a
 *                   registration paid at a kiosk names its appointment in {@code $pay}); null otherwise
 * @param refundable whether cancelling it now refunds the fee (the hospital's rule: before the period starts,
 *                   paid and not yet checked in)
 */
public record Appointment(
        String id,
        String patientId,
        String departmentId,
        String doctorId,
        LocalizedText departmentName,
        LocalizedText doctorName,
        OffsetDateTime start,
        OffsetDateTime end,
        AppointmentStatus status,
        Money fee,
        String paymentKey,
        boolean refundable) {
}
