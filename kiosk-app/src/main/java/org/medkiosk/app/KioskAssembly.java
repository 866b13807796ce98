package org.medkiosk.app;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.stage.Stage;
import org.medkiosk.journey.concurrent.PooledTaskExecutor;
import org.medkiosk.journey.concurrent.TaskExecutor;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.demo.DeferredBackend;
import org.medkiosk.journey.identify.IdentifyJourney;
import org.medkiosk.app.platform.KioskPlatform;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.journal.KioskStore;
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
    private volatile KioskStore store;

    private KioskAssembly(KioskConfig config, KioskPlatform platform, TaskExecutor tasks, HospitalBackend backend,
                          KioskDevices devices) {
        this.config = config;
        this.platform = platform;
        this.tasks = tasks;
        this.devices = devices;
        this.viewModel = new KioskViewModel(new IdentifyJourney(backend, tasks), config, Clock.systemDefaultZone());
    }

    static KioskAssembly demo(KioskConfig config, KioskPlatform platform, Executor ui) {
        TaskExecutor tasks = new PooledTaskExecutor(ui);
        // The demo hospital boots only once the idle screen is up (startInBackground), so it does not compete
        // with the first frame for the CPU; a card presented earlier simply waits for it.
        CompletableFuture<DemoHospital> hospital = new CompletableFuture<>();
        CompletableFuture<FhirHospitalBackend> fhir = hospital.thenApply(h -> {
            LOG.info("demo hospital serving at {}", h.baseUrl());
            return new FhirHospitalBackend(FhirSettings.of(h.baseUrl()));
        });
        HospitalBackend backend = DeferredBackend.of(fhir, Duration.ofSeconds(30));
        KioskAssembly kiosk = new KioskAssembly(config, platform, tasks, backend, KioskDevices.simulated());
        kiosk.backgroundStarts.add(() -> {
            try {
                hospital.complete(DemoHospital.start(0));
            } catch (RuntimeException e) {
                LOG.error("the demo hospital did not start", e);
                hospital.completeExceptionally(e);
            }
        });
        kiosk.closeables.add(() -> fhir.thenAccept(FhirHospitalBackend::close));
        kiosk.closeables.add(() -> hospital.thenAccept(DemoHospital::close));
        return kiosk;
    }

    static KioskAssembly hospital(KioskConfig config, KioskPlatform platform, Executor ui) {
        TaskExecutor tasks = new PooledTaskExecutor(ui);
        FhirHospitalBackend backend = new FhirHospitalBackend(fhirSettings(config.backend()));
        KioskAssembly kiosk = new KioskAssembly(config, platform, tasks, backend, KioskDevices.fromConfig(config));
        kiosk.closeables.add(backend);
        return kiosk;
    }

    static FhirSettings fhirSettings(KioskConfig.Backend b) {
        FhirSettings settings = FhirSettings.of(b.url().orElseThrow()).withAllTimeouts(b.timeout());
        if (b.bearerToken().isPresent()) {
            settings = settings.withBearerToken(b.bearerToken().get());
        }
        if (b.trustedCertificates().isPresent()) {
            settings = settings.withTrustedCertificates(b.trustedCertificates().get());
        }
        if (b.clientCredentials().isPresent()) {
            KioskConfig.ClientCredentials c = b.clientCredentials().get();
            settings = settings.withClientCredentials(
                    new FhirSettings.ClientCredentials(URI.create(c.tokenUrl()), c.clientId(), c.clientSecret(), null));
        }
        return settings;
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
        tasks.background().execute(() -> {
            try {
                store = KioskStore.open(platform.dataFolder());
                LOG.info("journal database ready at {}", store.file());
            } catch (RuntimeException e) {
                LOG.error("the journal database cannot be opened; payments stay disabled", e);
            }
        });
        devices.start(config, tasks, viewModel);
    }

    void showSimulatorPanel(Stage owner) {
        devices.showSimulatorPanel(owner);
    }

    @Override
    public void close() {
        devices.close();
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("while closing: {}", e.toString());
            }
        }
        if (store != null) {
            store.close();
        }
        tasks.close();
    }
}
