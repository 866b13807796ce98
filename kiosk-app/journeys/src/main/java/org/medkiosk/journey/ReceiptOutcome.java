package org.medkiosk.journey;

/** What became of a receipt the patient is owed, for the done screen. */
public sealed interface ReceiptOutcome {

    record Printed() implements ReceiptOutcome {
    }

    /**
     * The printer failed. The screen shows the transaction number and where to get the receipt; the job stays in
     * the journal. problem is the printer's problem code (PAPER_END, COVER_OPEN, OFFLINE…), never shown raw.
     */
    record NotPrinted(String problem, String transactionNumber) implements ReceiptOutcome {
    }

    /** Written to a printer that cannot confirm (a capture file). */
    record SentUnverified() implements ReceiptOutcome {
    }

    /** The patient had gone before it could print; staff and "my receipts" can still give it out. */
    record Uncollected() implements ReceiptOutcome {
    }

    /** No receipt printer at this kiosk. */
    record NoPrinter(String transactionNumber) implements ReceiptOutcome {
    }
}
