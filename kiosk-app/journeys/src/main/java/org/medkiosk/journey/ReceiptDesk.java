package org.medkiosk.journey;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.medkiosk.device.receipt.PrintResult;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journal.Journal;
import org.medkiosk.journal.PrintJob;
import org.medkiosk.journey.checkin.CheckInJourney;
import org.medkiosk.journey.pay.PayBillsJourney;
import org.medkiosk.journey.register.RegistrationJourney;
import org.medkiosk.journey.topup.TopUpJourney;
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
     * The paper a final intent owes its patient, if any: a paid bill its receipt, a top-up its receipt, a booking its
     * slip, a refund its notice. Settlement records the ones a crash left unqueued as UNCOLLECTED, so "every owed
     * receipt is printed or UNCOLLECTED" holds even for a kill between the money and the print job.
     */
    public static Optional<String> owedFor(Intent intent) {
        return switch (intent.kind()) {
            case PAY -> intent.state() == IntentState.SUCCEEDED && "BILLS".equals(intent.payload("purpose"))
                    ? Optional.of(PayBillsJourney.RECEIPT) : Optional.empty();
            case TOP_UP -> intent.state() == IntentState.SUCCEEDED ? Optional.of(TopUpJourney.RECEIPT) : Optional.empty();
            case BOOK -> intent.state() == IntentState.SUCCEEDED ? Optional.of(RegistrationJourney.SLIP) : Optional.empty();
            case REFUND -> intent.state() == IntentState.REFUNDED ? Optional.of(RegistrationJourney.REFUND_NOTICE) : Optional.empty();
            case CHECK_IN -> intent.state() == IntentState.SUCCEEDED ? Optional.of(CheckInJourney.QUEUE_TICKET) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The receipt templates in a locale (a page rendered again for "my receipts"). */
    public ReceiptTemplates templates(Locale locale) {
        return templates.apply(locale);
    }

    /** Records, as UNCOLLECTED and without a rendered page, what a crash left owed but never queued. */
    public void recordUncollected(Intent intent, String template) {
        PrintJob job = journal.queuePrint(intent.journeyId(), intent.idempotencyKey(), intent.patientId(),
                PrintJob.Printer.RECEIPT, template, intent.transactionNumber(), null);
        journal.printOutcome(job.id(), PrintJob.State.UNCOLLECTED, null);
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
        return send(session, job, page);
    }

    /**
     * Prints an earlier receipt of the session's patient again ("my receipts"): a new job linked to the original, printed
     * only while the session is open.
     *
     * @param page the original's page, or one rendered again when the original has none
     */
    public ReceiptOutcome reprint(PatientSession session, String journeyId, PrintJob original, byte[] page) {
        if (!session.patientId().equals(original.patientId())) {
            throw new IllegalArgumentException("a receipt is reprinted only for its own patient");
        }
        PrintJob job = journal.queueReprint(journeyId, original, page);
        return send(session, job, page);
    }

    private ReceiptOutcome send(PatientSession session, PrintJob job, byte[] page) {
        String template = job.template();
        String transactionNumber = job.transactionNumber();
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
