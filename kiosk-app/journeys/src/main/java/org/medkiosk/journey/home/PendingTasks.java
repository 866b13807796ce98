package org.medkiosk.journey.home;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.ReportSummary;
import org.medkiosk.hospital.UnpaidInvoice;
import org.medkiosk.journey.JourneyContext;
import org.medkiosk.journey.checkin.CheckInWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the hospital, in parallel, for today's appointments, unpaid bills and ready reports, and names the likely
 * task: an appointment open for check-in first (the patient has a doctor waiting), then bills, then reports. A
 * question the hospital cannot answer is left out: the home screen never waits on it or fails because of it.
 */
public final class PendingTasks {
    private static final Logger LOG = LoggerFactory.getLogger(PendingTasks.class);

    private final JourneyContext ctx;

    public PendingTasks(JourneyContext ctx) {
        this.ctx = ctx;
    }

    /** The likely task of this patient, completed on the UI thread; empty when nothing is pending or nothing answered. */
    public CompletableFuture<Optional<PendingTask>> lookUp(String patientId) {
        CompletableFuture<List<Appointment>> appointments =
                ask("appointments", () -> ctx.backend().appointments(patientId, LocalDate.now(ctx.clock())));
        CompletableFuture<List<UnpaidInvoice>> bills = ask("unpaid invoices", () -> ctx.backend().unpaidInvoices(patientId));
        CompletableFuture<List<ReportSummary>> reports = ask("final reports", () -> ctx.backend().finalReports(patientId));
        return CompletableFuture.allOf(appointments, bills, reports)
                .thenApplyAsync(done -> likely(appointments.join(), bills.join(), reports.join(), ctx),
                        ctx.tasks().ui());
    }

    /** The rule, apart from the asking, so it can be read and tested on its own. */
    static Optional<PendingTask> likely(List<Appointment> appointments, List<UnpaidInvoice> bills,
                                        List<ReportSummary> reports, JourneyContext ctx) {
        Instant now = ctx.clock().instant();
        Optional<Appointment> open = appointments.stream()
                .filter(a -> a.status() == org.medkiosk.hospital.AppointmentStatus.BOOKED) // not yet checked in
                .filter(a -> CheckInWindow.of(a, ctx.settings()).at(now) == CheckInWindow.Position.OPEN)
                .min(Comparator.comparing(Appointment::start));
        if (open.isPresent()) {
            return Optional.of(new PendingTask.CheckIn(open.get()));
        }
        if (!bills.isEmpty()) {
            Money total = bills.stream().map(UnpaidInvoice::total).reduce(Money.ZERO, Money::plus);
            return Optional.of(new PendingTask.PayBills(bills.size(), total));
        }
        long ready = reports.stream().filter(r -> r.printable() && r.printCount() == 0).count();
        return ready > 0 ? Optional.of(new PendingTask.CollectReports((int) ready)) : Optional.empty();
    }

    private <T> CompletableFuture<List<T>> ask(String what, Supplier<List<T>> question) {
        return CompletableFuture.supplyAsync(question, ctx.tasks().background()).exceptionally(e -> {
            LOG.info("home card: the hospital did not answer {} ({})", what, e.getClass().getSimpleName());
            return List.of();
        });
    }
}
