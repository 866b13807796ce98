package org.medkiosk.journey;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.medkiosk.device.receipt.PrintResult;
import org.medkiosk.journal.Journal;
import org.medkiosk.journal.PrintJob;
import org.medkiosk.print.receipt.ReceiptTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints what a journey owes its patient as a journaled job: queued first, then printed only while the patient's
 * session is open; a paper-out leaves it NOT_PRINTED with the problem, a gone patient leaves it UNCOLLECTED.
 */
public final class ReceiptDesk {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptDesk.class);

    /** The receipt printer as journeys see it: the ESC/POS driver's print in the kiosk, a simulator in tests. */
    @FunctionalInterface
    public interface ReceiptPrinting {
        PrintResult print(byte[] page);
    }

    private final Journal journal;
    private final Optional<ReceiptPrinting> printer;
    private final Function<Locale, ReceiptTemplates> templates;

    public ReceiptDesk(Journal journal, Optional<ReceiptPrinting> printer, Function<Locale, ReceiptTemplates> templates) {
        this.journal = journal;
        this.printer = printer;
        this.templates = templates;
    }

    /**
     * Renders and prints a receipt for the session's patient.
     *
     * @param template the template's name, for the journal (PAYMENT_RECEIPT, TOP_UP_RECEIPT, REGISTRATION_SLIP…)
     */
    public ReceiptOutcome print(PatientSession session, String journeyId, String intentKey, String template,
                                String transactionNumber, Function<ReceiptTemplates, byte[]> render) {
        byte[] page = render.apply(templates.apply(session.locale()));
        PrintJob job = journal.queuePrint(journeyId, intentKey, session.patientId(), PrintJob.Printer.RECEIPT, template,
                transactionNumber, page);
        if (!session.isOpen()) {
            journal.printOutcome(job.id(), PrintJob.State.UNCOLLECTED, null);
            return new ReceiptOutcome.Uncollected();
        }
        if (printer.isEmpty()) {
            journal.printOutcome(job.id(), PrintJob.State.NOT_PRINTED, "NO_PRINTER");
            return new ReceiptOutcome.NoPrinter(transactionNumber);
        }
        PrintResult result;
        try {
            result = printer.get().print(page);
        } catch (RuntimeException e) {
            LOG.warn("receipt printer failed: {}", e.toString());
            journal.printOutcome(job.id(), PrintJob.State.NOT_PRINTED, "OFFLINE");
            return new ReceiptOutcome.NotPrinted("OFFLINE", transactionNumber);
        }
        if (result instanceof PrintResult.Printed) {
            journal.printOutcome(job.id(), PrintJob.State.PRINTED, null);
            return new ReceiptOutcome.Printed();
        } else if (result instanceof PrintResult.NotPrinted np) {
            LOG.warn("{} not printed: {}", template, np.problem());
            journal.printOutcome(job.id(), PrintJob.State.NOT_PRINTED, np.problem().name());
            return new ReceiptOutcome.NotPrinted(np.problem().name(), transactionNumber);
        }
        journal.printOutcome(job.id(), PrintJob.State.SENT_UNVERIFIED, null);
        return new ReceiptOutcome.SentUnverified();
    }
}
