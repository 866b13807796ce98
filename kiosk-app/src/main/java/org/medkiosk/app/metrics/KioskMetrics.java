package org.medkiosk.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.medkiosk.app.devices.DeviceAvailability;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.session.Service;
import org.medkiosk.device.link.DeviceHealth;
import org.medkiosk.device.receipt.PrinterProblem;
import org.medkiosk.device.receipt.ReceiptPrinter;
import org.medkiosk.hospital.HospitalBackend;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.Journal;
import org.medkiosk.journal.PrintJob;

/**
 * The kiosk's fleet metrics (issue 12), in Prometheus style with the {@code medkiosk_} prefix: journeys started,
 * completed and abandoned; hospital backend latency and errors by operation; device health; the receipt printer's
 * paper; the journal's open intents (and the oldest one's age) and uncollected receipts; JVM memory, threads, GC.
 *
 * <p>Threads: device health and journeys are fed on the UI thread into thread-safe state (counting never blocks);
 * the journal and the printer's health are read on scrape, in the endpoint's own thread, never the UI thread.
 * No label or health field ever holds patient data: labels are operation, device, journey service and error names.
 */
public final class KioskMetrics {
    /** The names the kiosk exports (what the alert rules and the dashboard may use; the CI check compares). */
    public static final List<String> NAMES = List.of(
            "medkiosk_journeys_started_total", "medkiosk_journeys_completed_total", "medkiosk_journeys_abandoned_total",
            "medkiosk_backend_requests_seconds", "medkiosk_backend_errors_total", "medkiosk_device_up",
            "medkiosk_printer_paper_near_end", "medkiosk_printer_paper_out", "medkiosk_journal_open",
            "medkiosk_journal_open_intents", "medkiosk_journal_oldest_open_intent_seconds",
            "medkiosk_journal_uncollected_receipts", "medkiosk_feedback_total");

    static final String RECEIPT_PRINTER = "receipt_printer";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Clock clock;
    private final JourneyMetrics journeys = new JourneyMetrics(registry);
    /** Each installed identity device's last state, written on the UI thread, read by scrapes and /health. */
    private final Map<DeviceAvailability.Device, DeviceAvailability.State> devices = new ConcurrentHashMap<>();
    private volatile Optional<ReceiptPrinter> receiptPrinter = Optional.empty();
    private volatile Supplier<Optional<Journal>> journal = Optional::empty;
    private volatile BackendMetrics backend;

    /** @param clock the journal's clock (the age of the oldest open intent is measured on it) */
    public KioskMetrics(Clock clock) {
        this.clock = clock;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        for (Service s : Service.values()) {
            journeys.register(JourneyMetrics.label(s));
        }
        for (int satisfaction = 1; satisfaction <= 5; satisfaction++) {
            feedbackCounter(satisfaction, true); // zero series from the start: a dashboard shows 0, not "no data"
            feedbackCounter(satisfaction, false);
        }
        Gauge.builder("medkiosk.journal.open", this, m -> m.journal.get().isPresent() ? 1 : 0)
                .description("1 once the journal database is open (payments and printing work), else 0").register(registry);
        Gauge.builder("medkiosk.journal.open.intents", this, m -> m.fromJournal(j -> j.open().size()))
                .description("Journal intents not yet settled (payments, bookings, top-ups in flight)").register(registry);
        Gauge.builder("medkiosk.journal.oldest.open.intent", this, m -> m.fromJournal(m::oldestOpenSeconds))
                .baseUnit("seconds").description("Age of the oldest open journal intent (0 when none)").register(registry);
        Gauge.builder("medkiosk.journal.uncollected.receipts", this, m -> m.fromJournal(j -> j.printJobs().stream()
                        .filter(p -> p.state() == PrintJob.State.UNCOLLECTED).count()))
                .description("Receipts the patient walked away from (UNCOLLECTED print jobs)").register(registry);
    }

    /**
     * Any thread: one satisfaction rating (1–5) from the row after a journey, and whether the hospital took it
     * ({@code sent}) or it was lost to an outage ({@code not_sent}); the comment is never a label.
     */
    public void feedback(int satisfaction, boolean sent) {
        if (satisfaction >= 1 && satisfaction <= 5) {
            feedbackCounter(satisfaction, sent).increment();
        }
    }

    private io.micrometer.core.instrument.Counter feedbackCounter(int satisfaction, boolean sent) {
        return io.micrometer.core.instrument.Counter.builder("medkiosk.feedback")
                .description("Satisfaction ratings given on the kiosk, by rating and whether the hospital received them")
                .tag("satisfaction", Integer.toString(satisfaction)).tag("outcome", sent ? "sent" : "not_sent")
                .register(registry);
    }

    /** The hospital backend, timed: every call counts into medkiosk_backend_requests_seconds. */
    public HospitalBackend timed(HospitalBackend target) {
        BackendMetrics.Timed t = BackendMetrics.wrap(target, registry);
        backend = t.metrics();
        return t.backend();
    }

    /**
     * On the UI thread: follows the kiosk's screen (journeys) and its identity devices' availability. Only
     * listeners are added; they copy values into thread-safe state.
     */
    public void watch(KioskViewModel viewModel) {
        viewModel.screenProperty().addListener((obs, was, now) -> journeys.screenChanged(now));
        journeys.screenChanged(viewModel.screen());
        DeviceAvailability availability = viewModel.deviceAvailability();
        for (DeviceAvailability.Device d : DeviceAvailability.Device.values()) {
            deviceState(d, availability.state(d));
            availability.stateProperty(d).addListener((obs, was, now) -> deviceState(d, now));
        }
    }

    private void deviceState(DeviceAvailability.Device device, DeviceAvailability.State state) {
        if (state == DeviceAvailability.State.NOT_INSTALLED) {
            return; // not a device of this kiosk: no series, so no "offline" alert for what is not there
        }
        if (devices.put(device, state) == null) {
            Gauge.builder("medkiosk.device.up", devices, m -> m.get(device) == DeviceAvailability.State.READY ? 1 : 0)
                    .description("1 when the device is ready, 0 when it is starting or out of order")
                    .tag("device", device.name().toLowerCase(Locale.ROOT)).register(registry);
        }
    }

    /** The receipt printer the journeys print on: its health is read on scrape (a volatile field, no I/O). */
    public void watch(ReceiptPrinter printer) {
        receiptPrinter = Optional.of(printer);
        Gauge.builder("medkiosk.device.up", this, m -> m.printerHealth().map(DeviceHealth::isUsable).orElse(false) ? 1 : 0)
                .description("1 when the device is ready, 0 when it is starting or out of order")
                .tag("device", RECEIPT_PRINTER).register(registry);
        Gauge.builder("medkiosk.printer.paper.near.end", this, m -> m.paperNearEnd() ? 1 : 0)
                .description("1 when the receipt printer reports paper near end").register(registry);
        Gauge.builder("medkiosk.printer.paper.out", this, m -> m.paperOut() ? 1 : 0)
                .description("1 when the receipt printer is out of paper").register(registry);
    }

    /** The journal, once open (read on scrape, in the endpoint's thread). */
    public void watch(Supplier<Optional<Journal>> journalOnceOpen) {
        this.journal = journalOnceOpen;
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    private double fromJournal(java.util.function.ToDoubleFunction<Journal> read) {
        Optional<Journal> j = journal.get();
        if (j.isEmpty()) {
            return Double.NaN;
        }
        try {
            return read.applyAsDouble(j.get());
        } catch (RuntimeException e) {
            return Double.NaN; // a closed or failing database: no value rather than a wrong one
        }
    }

    private double oldestOpenSeconds(Journal j) {
        Instant now = clock.instant();
        return j.open().stream().map(Intent::createdAt).min(Instant::compareTo)
                .map(created -> Math.max(0, Duration.between(created, now).toMillis() / 1000.0)).orElse(0.0);
    }

    private Optional<DeviceHealth> printerHealth() {
        return receiptPrinter.map(ReceiptPrinter::health);
    }

    private boolean paperNearEnd() {
        return printerHealth().filter(h -> h instanceof DeviceHealth.Degraded d && d.reason().contains("paper near end"))
                .isPresent();
    }

    private boolean paperOut() {
        return printerHealth().filter(h -> h instanceof DeviceHealth.Offline o
                && o.reason().equals(PrinterProblem.PAPER_END.description())).isPresent();
    }

    /** What {@code /health} says: overall status, each device, the backend's last answer, the journal. */
    public KioskHealth health() {
        Map<String, String> states = new LinkedHashMap<>();
        Map<DeviceAvailability.Device, DeviceAvailability.State> copy = new EnumMap<>(DeviceAvailability.Device.class);
        copy.putAll(devices);
        copy.forEach((d, s) -> states.put(d.name().toLowerCase(Locale.ROOT), s.name()));
        printerHealth().ifPresent(h -> states.put(RECEIPT_PRINTER, h instanceof DeviceHealth.Ready ? "READY"
                : h instanceof DeviceHealth.Degraded ? "DEGRADED" : "OFFLINE"));
        Optional<BackendMetrics.LastCall> last = Optional.ofNullable(backend).flatMap(BackendMetrics::lastCall);
        return KioskHealth.of(states, last, journal.get().isPresent());
    }
}
