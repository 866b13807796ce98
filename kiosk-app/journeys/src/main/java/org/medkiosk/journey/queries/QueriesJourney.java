package org.medkiosk.journey.queries;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.AppointmentStatus;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.PaidInvoice;
import org.medkiosk.hospital.QueueTicket;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.PrintJob;
import org.medkiosk.journey.Journey;
import org.medkiosk.journey.JourneyContext;
import org.medkiosk.journey.PatientSession;
import org.medkiosk.journey.ReceiptOutcome;
import org.medkiosk.journey.checkin.CheckInJourney;
import org.medkiosk.journey.checkin.CheckInWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queries: the queue position of today's checked-in visits, fee details and paid history (the last
 * {@code paidHistoryDays}), and "my receipts": this patient's receipts that are UNCOLLECTED or were printed in the
 * last {@code receiptReprintDays}, printed again at most {@code receiptReprintsPerDay} times a day each. A reprint is a
 * new print job linked to the original and prints only while the session is open. A receipt whose page was never kept
 * (settlement recorded it after a crash) is rendered again where the hospital still has what it needs (a queue
 * ticket), otherwise the patient is sent to the cashier with its transaction number.
 */
public final class QueriesJourney extends Journey<QueriesState> {
    private static final Logger LOG = LoggerFactory.getLogger(QueriesJourney.class);

    private List<PaidInvoice> paid = List.of();
    private LocalDate paidFrom;
    private LocalDate paidTo;
    private List<QueriesState.ReceiptEntry> receipts = List.of();

    public QueriesJourney(JourneyContext ctx, PatientSession session) {
        super(ctx, session, new QueriesState.Menu());
    }

    @Override
    public boolean awaitingWalletCode() {
        return false;
    }

    public void start() {
        show(new QueriesState.Menu());
    }

    /** Back to the menu from any answer. */
    public void back() {
        if (state() instanceof QueriesState.PaidHistory h && h.detailsOf() != null) {
            show(new QueriesState.PaidHistory(paid, paidFrom, paidTo, null));
        } else if (state() instanceof QueriesState.Reprinted || state() instanceof QueriesState.SeeCashier
                || state() instanceof QueriesState.ReprintLimitReached) {
            myReceipts();
        } else {
            show(new QueriesState.Menu());
        }
    }

    /** Where the patient stands in the queue of each visit they checked in for today. */
    public void queuePosition() {
        show(new QueriesState.Loading());
        inBackground(() -> {
            LocalDate today = LocalDate.now(ctx.clock());
            List<Appointment> appointments = ctx.backend().appointments(session.patientId(), today);
            List<QueriesState.QueuePosition> positions = new ArrayList<>();
            boolean checkable = false;
            Instant now = ctx.clock().instant();
            for (Appointment a : appointments.stream().sorted(Comparator.comparing(Appointment::start)).toList()) {
                if (a.status() == AppointmentStatus.CANCELLED || a.status() == AppointmentStatus.ENTERED_IN_ERROR
                        || a.status() == AppointmentStatus.NOSHOW) {
                    continue;
                }
                Optional<QueueTicket> where = ctx.backend().queueStatus(a.id());
                if (where.isPresent()) {
                    positions.add(new QueriesState.QueuePosition(a, where.get()));
                } else if (a.status() == AppointmentStatus.BOOKED
                        && CheckInWindow.of(a, ctx.settings()).at(now) == CheckInWindow.Position.OPEN) {
                    checkable = true;
                }
            }
            show(positions.isEmpty() ? new QueriesState.NotInQueue(checkable) : new QueriesState.Queue(positions));
        }, e -> new QueriesState.Unavailable());
    }

    /** Paid invoices of the last {@code paidHistoryDays}, newest first. */
    public void paidHistory() {
        show(new QueriesState.Loading());
        inBackground(() -> {
            LocalDate to = LocalDate.now(ctx.clock());
            LocalDate from = to.minusDays(ctx.settings().paidHistoryDays());
            List<PaidInvoice> found = ctx.backend().paidInvoices(session.patientId(), from, to).stream()
                    .sorted(Comparator.comparing(QueriesJourney::paidOrIssued).reversed()).toList();
            ctx.tasks().ui().execute(() -> {
                paid = found;
                paidFrom = from;
                paidTo = to;
                show(new QueriesState.PaidHistory(found, from, to, null));
            });
        }, e -> new QueriesState.Unavailable());
    }

    /** Opens (or closes, tapped again) the line items of one paid invoice. */
    public void details(String invoiceId) {
        if (state() instanceof QueriesState.PaidHistory h && paid.stream().anyMatch(i -> i.id().equals(invoiceId))) {
            show(new QueriesState.PaidHistory(paid, paidFrom, paidTo, invoiceId.equals(h.detailsOf()) ? null : invoiceId));
        }
    }

    /** This patient's receipts that can be printed again. */
    public void myReceipts() {
        show(new QueriesState.Loading());
        inBackground(() -> {
            List<QueriesState.ReceiptEntry> found = listReceipts();
            ctx.tasks().ui().execute(() -> {
                receipts = found;
                show(new QueriesState.MyReceipts(found, ctx.settings().receiptReprintsPerDay()));
            });
        }, e -> new QueriesState.Unavailable());
    }

    private List<QueriesState.ReceiptEntry> listReceipts() {
        Instant now = ctx.clock().instant();
        Instant since = now.minus(java.time.Duration.ofDays(ctx.settings().receiptReprintDays()));
        Map<Long, PrintJob> originals = new LinkedHashMap<>();
        for (PrintJob j : ctx.journal().uncollectedOfPatient(session.patientId())) {
            originals.put(j.id(), j);
        }
        for (PrintJob j : ctx.journal().printJobsOfPatient(session.patientId(), since)) {
            if (!j.isReprint() && j.printed()) {
                originals.put(j.id(), j);
            }
        }
        Instant startOfToday = LocalDate.now(ctx.clock()).atStartOfDay(zone()).toInstant();
        int perDay = ctx.settings().receiptReprintsPerDay();
        List<QueriesState.ReceiptEntry> out = new ArrayList<>();
        originals.values().stream()
                .filter(j -> j.printer() == PrintJob.Printer.RECEIPT)
                .sorted(Comparator.comparing(PrintJob::createdAt).reversed())
                .forEach(j -> {
                    long today = ctx.journal().reprintsOf(j.id(), startOfToday).stream().filter(PrintJob::printed).count();
                    int left = (int) Math.max(0, perDay - today);
                    QueriesState.Availability availability = left == 0 ? QueriesState.Availability.LIMIT_REACHED
                            : ctx.journal().document(j.id()) == null && !renderable(j)
                            ? QueriesState.Availability.SEE_CASHIER : QueriesState.Availability.REPRINT;
                    out.add(new QueriesState.ReceiptEntry(j, left, availability));
                });
        return out;
    }

    /** Prints one of "my receipts" again. */
    public void reprint(long jobId) {
        if (!(state() instanceof QueriesState.MyReceipts)) {
            return;
        }
        Optional<QueriesState.ReceiptEntry> chosen = receipts.stream().filter(r -> r.job().id() == jobId).findFirst();
        if (chosen.isEmpty()) {
            return;
        }
        QueriesState.ReceiptEntry entry = chosen.get();
        show(new QueriesState.Reprinting(entry));
        inBackground(() -> {
            // counted again now: another kiosk tab or a second tap may have used today's reprint meanwhile
            QueriesState.ReceiptEntry now = listReceipts().stream().filter(r -> r.job().id() == jobId).findFirst()
                    .orElse(entry);
            if (now.reprintsLeftToday() <= 0) {
                show(new QueriesState.ReprintLimitReached(now, ctx.settings().receiptReprintsPerDay()));
                return;
            }
            PrintJob original = now.job();
            byte[] page = ctx.journal().document(original.id());
            if (page == null) {
                page = renderAgain(original);
            }
            if (page == null) {
                show(new QueriesState.SeeCashier(now, original.transactionNumber()));
                return;
            }
            ReceiptOutcome printed = ctx.receipts().reprint(session, journeyId, original, page);
            show(new QueriesState.Reprinted(now, printed));
        }, e -> new QueriesState.Unavailable());
    }

    /** Whether a receipt without a kept page can be rendered again from what the hospital still answers. */
    private static boolean renderable(PrintJob job) {
        return CheckInJourney.QUEUE_TICKET.equals(job.template()) && job.intentKey() != null;
    }

    private byte[] renderAgain(PrintJob job) {
        if (!renderable(job)) {
            return null;
        }
        try {
            Optional<Intent> checkIn = ctx.journal().find(job.intentKey());
            String appointment = checkIn.map(i -> i.payload("appointment")).orElse(null);
            if (appointment == null) {
                return null;
            }
            Optional<QueueTicket> ticket = ctx.backend().queueStatus(appointment);
            return ticket.map(t -> ctx.receipts().templates(session.locale()).queueTicket(t, session.patient().name()))
                    .orElse(null);
        } catch (BackendException e) {
            LOG.warn("queue ticket {} cannot be rendered again: {}", job.id(), e.getClass().getSimpleName());
            return null;
        }
    }

    private ZoneId zone() {
        return ctx.clock().getZone();
    }

    private static Instant paidOrIssued(PaidInvoice i) {
        if (i.paidAt() != null) {
            return i.paidAt();
        }
        return i.issued() == null ? Instant.EPOCH : i.issued().atStartOfDay(ZoneId.of("UTC")).toInstant();
    }
}
