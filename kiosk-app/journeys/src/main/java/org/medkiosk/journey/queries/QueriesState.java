package org.medkiosk.journey.queries;

import java.time.LocalDate;
import java.util.List;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.PaidInvoice;
import org.medkiosk.hospital.QueueTicket;
import org.medkiosk.journal.PrintJob;
import org.medkiosk.journey.ReceiptOutcome;

/** Queries: queue position, fee details and paid history, my receipts (reprint). Nothing here is journaled as an intent. */
public sealed interface QueriesState {

    /** The four queries to choose from. */
    record Menu() implements QueriesState {
    }

    record Loading() implements QueriesState {
    }

    /** Where the patient stands in each queue they joined today. */
    record Queue(List<QueuePosition> positions) implements QueriesState {
        public Queue {
            positions = List.copyOf(positions);
        }
    }

    /** Not checked in for any of today's appointments (hasAppointmentToday: one could be checked in now). */
    record NotInQueue(boolean hasAppointmentToday) implements QueriesState {
    }

    record QueuePosition(Appointment appointment, QueueTicket ticket) {
    }

    /**
     * Paid invoices from {@code from} to {@code to}, newest first, each with its line items (fee details);
     * detailsOf is the invoice whose items are open, or null.
     */
    record PaidHistory(List<PaidInvoice> invoices, LocalDate from, LocalDate to, String detailsOf) implements QueriesState {
        public PaidHistory {
            invoices = List.copyOf(invoices);
        }
    }

    /** This patient's receipts that can be printed again: UNCOLLECTED ones, and those printed in the last days. */
    record MyReceipts(List<ReceiptEntry> receipts, int reprintsPerDay) implements QueriesState {
        public MyReceipts {
            receipts = List.copyOf(receipts);
        }
    }

    /**
     * One receipt. job.template() says what it is (PAYMENT_RECEIPT, TOP_UP_RECEIPT, REGISTRATION_SLIP, REFUND_NOTICE,
     * QUEUE_TICKET), job.transactionNumber() the hospital's transaction (or queue) number, job.state() whether it was
     * ever collected.
     */
    record ReceiptEntry(PrintJob job, int reprintsLeftToday, Availability availability) {
    }

    enum Availability {
        /** Can be printed now. */
        REPRINT,
        /** Printed again the hospital's number of times today. */
        LIMIT_REACHED,
        /** No page was kept (a crash before it was rendered) and it cannot be rendered again: the cashier prints it. */
        SEE_CASHIER
    }

    record Reprinting(ReceiptEntry entry) implements QueriesState {
    }

    record Reprinted(ReceiptEntry entry, ReceiptOutcome printed) implements QueriesState {
    }

    /** The receipt cannot be printed here: the cashier gives it, by this transaction number. */
    record SeeCashier(ReceiptEntry entry, String transactionNumber) implements QueriesState {
    }

    /** Printed again as many times today as the hospital allows. */
    record ReprintLimitReached(ReceiptEntry entry, int reprintsPerDay) implements QueriesState {
    }

    record Unavailable() implements QueriesState {
    }
}
