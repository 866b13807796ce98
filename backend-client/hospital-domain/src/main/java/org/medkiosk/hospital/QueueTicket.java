package org.medkiosk.hospital;

import java.time.Instant;

/** What the patient takes to the waiting area after check-in: their number and where to wait. */
public record QueueTicket(
        String queueNumber,
        String appointmentId,
        String encounterId,
        LocalizedText department,
        LocalizedText room,
        LocalizedText doctorName,
        int patientsAhead,
        Instant checkedInAt) {
}
