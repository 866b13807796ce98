package org.medkiosk.journal;

import java.time.Instant;

/**
 * A receipt, slip, ticket or report owed to a patient, and what became of it. reprintOf is the id of the job a
 * reprint from "my receipts" repeats (null for an original). For a REPORT job transactionNumber holds the hospital's
 * report id (staff find the report by it) and no document is kept: the hospital holds the report.
 */
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
        Instant updatedAt,
        Long reprintOf) {

    /** A job that is not a reprint. */
    public PrintJob(long id, String journeyId, String intentKey, String patientId, Printer printer, String template,
                    State state, String problem, String transactionNumber, int attempts, Instant createdAt,
                    Instant updatedAt) {
        this(id, journeyId, intentKey, patientId, printer, template, state, problem, transactionNumber, attempts,
                createdAt, updatedAt, null);
    }

    public boolean isReprint() {
        return reprintOf != null;
    }

    /** The page came out (or was handed to a printer that cannot confirm). */
    public boolean printed() {
        return state == State.PRINTED || state == State.SENT_UNVERIFIED;
    }

    public enum Printer { RECEIPT, REPORT }

    /**
     * QUEUED: waiting to print. PRINTED: the printer confirmed it. NOT_PRINTED: the printer failed (paper end,
     * cover open, offline) while the patient was there. SENT_UNVERIFIED: written to a printer that cannot report
     * status. UNCOLLECTED: the session ended before it printed; never printed to whoever stands there next.
     */
    public enum State { QUEUED, PRINTED, NOT_PRINTED, SENT_UNVERIFIED, UNCOLLECTED }
}
