package org.medkiosk.hospital;

import java.time.OffsetDateTime;

/** An appointment of a patient with a doctor; what check-in turns into a queue ticket. */
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
        Money fee) {
}
