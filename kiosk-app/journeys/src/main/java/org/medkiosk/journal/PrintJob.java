package org.medkiosk.journal;

import java.time.Instant;

/** A receipt, slip, ticket or report owed to a patient, and what became of it. */
public record PrintJob(
        long id,
        String journeyId,
        String intentKey,
        String patientId,
        Printer printer,
        String template,
        State state,
        String problem,
        String transactionNumber,
        int attempts,
        Instant createdAt,
        Instant updatedAt) {

    public enum Printer { RECEIPT, REPORT }

    /**
     * QUEUED: waiting to print. PRINTED: the printer confirmed it. NOT_PRINTED: the printer failed (paper end,
     * cover open, offline) while the patient was there. SENT_UNVERIFIED: written to a printer that cannot report
     * status. UNCOLLECTED: the session ended before it printed; never printed to whoever stands there next.
     */
    public enum State { QUEUED, PRINTED, NOT_PRINTED, SENT_UNVERIFIED, UNCOLLECTED }
}
