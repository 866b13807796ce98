package org.medkiosk.app;

import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.medkiosk.device.receipt.ReceiptPrinter;
import org.medkiosk.journal.CrashPoint;
import org.medkiosk.journey.JourneyEngine;
import org.medkiosk.journey.JourneySettings;
import org.medkiosk.journey.ReceiptDesk;
import org.medkiosk.device.report.ReportPrinter;
import org.medkiosk.journey.reports.CupsReportPrinting;
import org.medkiosk.journey.reports.ReportPaper;
import org.medkiosk.journey.reports.ReportPrinting;
import org.medkiosk.journey.payment.Pause;
import org.medkiosk.journey.payment.PaymentRules;
import org.medkiosk.print.escpos.MonoImage;
import org.medkiosk.print.escpos.PrinterProfile;
import org.medkiosk.print.receipt.Letterhead;
import org.medkiosk.print.receipt.ReceiptTemplates;
import javafx.stage.Stage;
import org.medkiosk.journey.concurrent.PooledTaskExecutor;
import org.medkiosk.journey.concurrent.TaskExecutor;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.demo.DeferredBackend;
import org.medkiosk.journey.identify.IdentifyJourney;
import org.medkiosk.app.platform.KioskPlatform;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.fhir.FhirHospitalBackend;
import org.medkiosk.fhir.FhirSettings;
import org.medkiosk.hospital.HospitalBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts one kiosk together: backend, devices, journeys, view model, store. Two ways: for a hospital (from
 * the configuration file) and for the demo (embedded demo hospital, simulated devices). Everything slow
 * (demo hospital boot, database migration, opening serial ports) starts after the idle screen shows.
 */
final class KioskAssembly implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KioskAssembly.class);

    private final KioskConfig config;
    private final KioskPlatform platform;
    private final TaskExecutor tasks;
    private final KioskViewModel viewModel;
    private final KioskDevices devices;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<Runnable> backgroundStarts = new ArrayList<>();
    private final HospitalBackend backend;
    private final Tuning tuning;
    /** The fleet metrics when metrics.port is set (off in the demo by default). */
    private final Optional<org.medkiosk.app.metrics.KioskMetrics> metrics;
    private final java.util.concurrent.atomic.AtomicReference<AutoCloseable> metricsEndpoint =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final CompletableFuture<DemoHospital> demoHospital = new CompletableFuture<>();
    private Optional<ReceiptDesk.ReceiptPrinting> receiptPrinting = Optional.empty();
    /** The A4 report printer: printer.report's CUPS queue, the demo's simulated printer, or none. */
    private Optional<ReportPrinting> reportPrinting = Optional.empty();
    private volatile JourneyEngine engine;
    /** The receipt printer's driver (the one the journeys print through), for technician mode's test page. */
    private Optional<ReceiptPrinter> receiptPrinter = Optional.empty();
    /** The technician PIN of this kiosk's data folder (tests use one with a clock of theirs). */
    private volatile org.medkiosk.app.technician.TechnicianPin technicianPin;
    /** What "Exit" (0) and "Restart" (3) in technician mode do, given the exit code (tests replace it). */
    private volatile java.util.function.IntConsumer exit = KioskAssembly::exitWith;

    /**
     * What tests change: the embedded demo hospital's options, the FHIR client's settings (a short $pay timeout),
     * and the payment rules and pause (fast polling), so that pending payments do not take 30 s of wall time.
     */
    record Tuning(DemoHospital.Options hospital, UnaryOperator<FhirSettings> fhir, Optional<PaymentRules> rules,
                  Pause pause, Clock clock) {
        /** On the wall clock. */
        Tuning(DemoHospital.Options hospital, UnaryOperator<FhirSettings> fhir, Optional<PaymentRules> rules, Pause pause) {
            this(hospital, fhir, rules, pause, Clock.systemDefaultZone());
        }

        static Tuning standard() {
            return new Tuning(DemoHospital.Options.defaults(), UnaryOperator.identity(), Optional.empty(), Pause.sleeping());
        }

        /** The journeys' clock (the check-in window, "today", reprints per day); tests move it. */
        Tuning withClock(Clock c) {
            return new Tuning(hospital, fhir, rules, pause, c);
        }
    }

    private KioskAssembly(KioskConfig config, KioskPlatform platform, TaskExecutor tasks, HospitalBackend backend,
                          KioskDevices devices, Tuning tuning) {
        this.config = config;
        this.platform = platform;
        this.tasks = tasks;
        this.devices = devices;
        // metrics.port set: every backend call is timed (issue 12); the endpoint starts after the first frame.
        this.metrics = config.metrics().enabled()
                ? Optional.of(new org.medkiosk.app.metrics.KioskMetrics(tuning.clock())) : Optional.empty();
        this.backend = metrics.map(m -> m.timed(backend)).orElse(backend);
        this.tuning = tuning;
        this.viewModel = new KioskViewModel(new IdentifyJourney(backend, tasks), config, Clock.systemDefaultZone());
        this.technicianPin = org.medkiosk.app.technician.TechnicianPin.in(platform.dataFolder());
        org.medkiosk.app.viewmodel.TechnicianViewModel.Desk desk = new TechnicianDesk(this);
        viewModel.technicianMode(back -> new org.medkiosk.app.viewmodel.TechnicianViewModel(technicianPin, desk, tasks,
                ZoneId.systemDefault(), back));
        // The guidance screens (issue 13). The rules file was checked when the configuration was read; the
        // department check waits for the hospital (startInBackground). The guidance port is the adapter's own.
        org.medkiosk.journey.guide.GuideRules rules = config.guidance().guideRules()
                .map(org.medkiosk.journey.guide.GuideRules::load)
                .orElseGet(org.medkiosk.journey.guide.GuideRules::loadDefault);
        this.guidance = new org.medkiosk.app.viewmodel.Guidance(rules, this.backend,
                backend instanceof org.medkiosk.hospital.HospitalGuide g ? g : null, tasks, tuning.clock(),
                config.guidance().floorMaps(), kioskId());
        viewModel.guidance(guidance);
    }

    private final org.medkiosk.app.viewmodel.Guidance guidance;

    /** What the kiosk's feedback names it by: the machine's host name (no patient data). */
    private static String kioskId() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "medkiosk" : host.trim();
    }

    org.medkiosk.app.viewmodel.Guidance guidance() {
        return guidance;
    }

    /** Tests: the technician PIN (e.g. with a clock they move). */
    void useTechnicianPin(org.medkiosk.app.technician.TechnicianPin pin) {
        this.technicianPin = pin;
    }

    /** The technician's configuration changes over the administrator's file (empty: the demo, or not known). */
    private volatile Optional<org.medkiosk.app.technician.ConfigOverrides> configOverrides = Optional.empty();

    /** Where technician mode saves configuration changes (the overrides of the file this kiosk was started with). */
    void useConfigOverrides(org.medkiosk.app.technician.ConfigOverrides overrides) {
        this.configOverrides = Optional.of(overrides);
    }

    Optional<org.medkiosk.app.technician.ConfigOverrides> configOverrides() {
        return configOverrides;
    }

    /** Tests: what technician mode's "Exit" does instead of Platform.exit. */
    void onTechnicianExit(Runnable action) {
        this.exit = code -> action.run();
    }

    /** Tests: what technician mode's "Exit" and "Restart" do instead, with the exit code. */
    void onTechnicianExit(java.util.function.IntConsumer action) {
        this.exit = action;
    }

    java.util.function.IntConsumer technicianExit() {
        return exit;
    }

    /** How "Shut down" powers the machine off: systemd on a hospital kiosk, nothing in the demo (a laptop). */
    private volatile Optional<org.medkiosk.app.technician.SystemPower> systemPower = Optional.empty();

    Optional<org.medkiosk.app.technician.SystemPower> systemPower() {
        return systemPower;
    }

    /** Tests: a command of theirs in place of systemctl poweroff (and a demo kiosk that may "power off"). */
    void useSystemPower(org.medkiosk.app.technician.SystemPower power) {
        this.systemPower = Optional.of(power);
    }

    /**
     * Stops the toolkit (the kiosk closes its journal and devices as on any exit); for a code other than 0, the
     * process then exits with it once the FX thread has ended: 3 ("Restart") makes the systemd unit of issue 12
     * start the kiosk again, while the demo, run by hand, simply ends.
     */
    private static void exitWith(int code) {
        if (code != 0 && !javafx.application.Platform.isFxApplicationThread()) {
            javafx.application.Platform.runLater(() -> exitWith(code)); // the FX thread is the one to wait for
            return;
        }
        if (code != 0) {
            Thread fx = Thread.currentThread();
            Thread after = new Thread(() -> {
                try {
                    fx.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                System.exit(code);
            }, "kiosk-exit-" + code);
            after.start(); // not a daemon: the JVM waits for it, so the exit code is this one
        }
        javafx.application.Platform.exit();
    }

    KioskConfig config() {
        return config;
    }

    Optional<ReceiptPrinter> receiptPrinter() {
        return receiptPrinter;
    }

    static KioskAssembly demo(KioskConfig config, KioskPlatform platform, Executor ui) {
        return demo(config, platform, ui, Tuning.standard());
    }

    /**
     * The demo: simulated devices, and the embedded demo hospital — or, when the configuration names a backend
     * ({@code kiosk demo --backend URL}), that hospital, which then survives a kiosk restart.
     */
    static KioskAssembly demo(KioskConfig config, KioskPlatform platform, Executor ui, Tuning tuning) {
        TaskExecutor tasks = new PooledTaskExecutor(ui);
        KioskDevices devices = KioskDevices.simulated();
        KioskAssembly kiosk;
        if (config.backend().url().isPresent()) {
            FhirHospitalBackend external = new FhirHospitalBackend(tuning.fhir().apply(config.backend().fhirSettings()));
            LOG.info("demo against the hospital at {}", config.backend().url().get());
            kiosk = new KioskAssembly(config, platform, tasks, external, devices, tuning);
            kiosk.closeables.add(external);
        } else {
            // The demo hospital boots only once the idle screen is up (startInBackground), so it does not compete
            // with the first frame for the CPU; a card presented earlier simply waits for it.
            CompletableFuture<DemoHospital> hospital = new CompletableFuture<>();
            CompletableFuture<FhirHospitalBackend> fhir = hospital.thenApply(h -> {
                LOG.info("demo hospital serving at {}", h.baseUrl());
                return new FhirHospitalBackend(tuning.fhir().apply(FhirSettings.of(h.baseUrl())));
            });
            HospitalBackend backend = DeferredBackend.of(fhir, Duration.ofSeconds(30));
            kiosk = new KioskAssembly(config, platform, tasks, backend, devices, tuning);
            KioskAssembly k = kiosk;
            kiosk.backgroundStarts.add(() -> {
                try {
                    DemoHospital h = DemoHospital.start(0, tuning.hospital());
                    hospital.complete(h);
                    k.demoHospital.complete(h);
                } catch (RuntimeException e) {
                    LOG.error("the demo hospital did not start", e);
                    hospital.completeExceptionally(e);
                    k.demoHospital.completeExceptionally(e);
                }
            });
            kiosk.closeables.add(() -> fhir.thenAccept(FhirHospitalBackend::close));
            kiosk.closeables.add(() -> hospital.thenAccept(DemoHospital::close));
        }
        kiosk.receiptPrinting = devices.simulators().map(sim -> sim.receiptPrinter()::print);
        kiosk.receiptPrinter = devices.simulators().map(KioskDevices.Simulators::receiptPrinter);
        kiosk.reportPrinting = devices.reportPrinterSimulator().map(a4 -> a4);
        return kiosk;
    }

    static KioskAssembly hospital(KioskConfig config, KioskPlatform platform, Executor ui) {
        TaskExecutor tasks = new PooledTaskExecutor(ui);
        FhirHospitalBackend backend = new FhirHospitalBackend(config.backend().fhirSettings());
        KioskAssembly kiosk = new KioskAssembly(config, platform, tasks, backend, KioskDevices.fromConfig(config),
                Tuning.standard());
        kiosk.closeables.add(backend);
        config.receiptPrinter().spec().ifPresentOrElse(spec -> {
            ReceiptPrinter printer = ReceiptPrinter.connect(spec);
            kiosk.closeables.add(printer);
            kiosk.receiptPrinting = Optional.of(printer::print);
            kiosk.receiptPrinter = Optional.of(printer);
        }, () -> LOG.warn("no receipt printer configured (printer.receipt); patients are sent to the cashier for receipts"));
        kiosk.reportPrinting = reportPrinter(config.reportPrinter());
        kiosk.systemPower = Optional.of(org.medkiosk.app.technician.SystemPower.systemd());
        return kiosk;
    }

    /** printer.report: the CUPS queue the A4 reports print on, or none (patients collect reports at the report desk). */
    private static Optional<ReportPrinting> reportPrinter(KioskConfig.ReportPrinter configured) {
        if (configured.queue().isEmpty()) {
            LOG.warn("no report printer configured (printer.report); patients collect reports at the report desk");
            return Optional.empty();
        }
        return Optional.of(new CupsReportPrinting(new ReportPrinter(configured.queue().get())));
    }

    /** Asks CUPS (IPP, may be slow) whether printer.report's queue exists: in the background, never on the FX thread. */
    private static void warnIfReportQueueMissing(KioskConfig.ReportPrinter configured) {
        configured.queue().ifPresent(queue -> {
            try {
                if (!ReportPrinter.printerNames().contains(queue)) {
                    LOG.warn("printer.report names CUPS queue {}, which CUPS does not list now; reports fail until it exists",
                            queue);
                }
            } catch (RuntimeException e) {
                LOG.warn("CUPS cannot be asked for its queues: {}", e.toString());
            }
        });
    }

    /** The embedded demo hospital, once started (tests pull its levers). */
    CompletableFuture<DemoHospital> demoHospital() {
        return demoHospital;
    }

    /** The journey engine, once the journal database is open. */
    Optional<JourneyEngine> engine() {
        return Optional.ofNullable(engine);
    }

    private JourneyEngine openEngine() {
        KioskConfig.Journeys j = config.journeys();
        PaymentRules rules = tuning.rules().orElse(new PaymentRules(j.paymentPollEvery(), j.paymentPendingBound()));
        JourneySettings settings = new JourneySettings(j.topUpPresets(), j.topUpMin(), j.topUpMax(), j.bookAheadDays())
                .withCheckInWindow(j.checkInOpensBefore(), j.checkInClosesAfterEnd())
                .withReceiptReprints(j.reprintsPerDay(), j.reprintDays());
        Letterhead letterhead = letterhead(config.hospital());
        PrinterProfile profile = PrinterProfile.byName(config.receiptPrinter().profile()).orElse(PrinterProfile.EPSON_80);
        Function<Locale, ReceiptTemplates> templates = locale -> new ReceiptTemplates(letterhead, profile, locale);
        return JourneyEngine.open(new JourneyEngine.Parts(platform.dataFolder(), backend, receiptPrinting, templates, tasks,
                tuning.clock(), rules, tuning.pause(), settings, CrashPoint.none())
                .withReportPaper(new ReportPaper(reportPrinting, letterhead)));
    }

    static Letterhead letterhead(KioskConfig.Hospital hospital) {
        MonoImage logo = hospital.logo().map(path -> {
            try (InputStream in = Files.newInputStream(path)) {
                return Letterhead.logo(in);
            } catch (Exception e) {
                LOG.warn("hospital logo {} cannot be printed: {}", path, e.toString());
                return null;
            }
        }).orElse(null);
        return new Letterhead(hospital.name(), logo, hospital.footer(), "kiosk", ZoneId.systemDefault());
    }

    /** How long the session waits for money in flight: the poll bound, plus the $pay call and a booking after it. */
    private Duration moneyWaitBound() {
        return config.journeys().paymentPendingBound().plus(config.backend().timeout().multipliedBy(3));
    }

    /** The data folder: the journal, logs, technician files, exports. */
    java.nio.file.Path dataFolder() {
        return platform.dataFolder();
    }

    KioskViewModel viewModel() {
        return viewModel;
    }

    KioskDevices devices() {
        return devices;
    }

    /** After the idle screen is up: the journal database and the devices. */
    void startInBackground() {
        backgroundStarts.forEach(tasks.background()::execute);
        guidance.learnHospital();
        tasks.background().execute(() -> warnIfReportQueueMissing(config.reportPrinter()));
        tasks.background().execute(() -> {
            try {
                JourneyEngine opened = openEngine();
                engine = opened;
                LOG.info("journal database ready at {}", opened.store().file());
                // Settlement once now (what a crash or a walk-away left open), then every minute while running.
                opened.settleEvery(Duration.ofMinutes(1));
                Duration bound = moneyWaitBound();
                tasks.ui().execute(() -> viewModel.journeysReady(opened, bound));
            } catch (RuntimeException e) {
                LOG.error("the journal database cannot be opened; payments stay disabled", e);
            }
        });
        devices.start(config, tasks, viewModel);
        metrics.ifPresent(this::startMetrics);
    }

    /** On the UI thread, after the first frame: listeners on the view model, then the endpoint in the background. */
    private void startMetrics(org.medkiosk.app.metrics.KioskMetrics m) {
        m.watch(viewModel);
        guidance.countFeedback(m::feedback);
        receiptPrinter.ifPresent(m::watch);
        m.watch(() -> engine().map(JourneyEngine::journal));
        tasks.background().execute(() -> {
            try {
                var started = org.medkiosk.app.metrics.MetricsEndpoint.start(m, config.metrics().address(),
                        config.metrics().port());
                if (!metricsEndpoint.compareAndSet(null, started)) {
                    started.close(); // the kiosk closed meanwhile
                }
            } catch (RuntimeException e) {
                LOG.error("the metrics endpoint did not start: {}", e.getMessage());
            }
        });
    }

    void showSimulatorPanel(Stage owner) {
        devices.showSimulatorPanel(owner);
    }

    @Override
    public void close() {
        AutoCloseable endpoint = metricsEndpoint.getAndSet(() -> { });
        if (endpoint != null) {
            try {
                endpoint.close();
            } catch (Exception e) {
                LOG.warn("while closing the metrics endpoint: {}", e.toString());
            }
        }
        devices.close();
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("while closing: {}", e.toString());
            }
        }
        tasks.close();
        if (engine != null) {
            engine.close();
        }
    }
}
