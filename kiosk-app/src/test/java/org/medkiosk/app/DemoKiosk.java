package org.medkiosk.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.platform.AttachPlatform;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.ui.KioskWindow;
import org.medkiosk.app.voice.Voice;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.device.idcard.IdCard;
import org.medkiosk.device.scanner.Symbology;
import org.medkiosk.journey.JourneyEngine;
import org.medkiosk.journey.payment.Pause;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The demo kiosk (in-process demo hospital, simulated ID-card reader, scanner and printers, the real journal in a
 * temporary folder) on a stage, as {@code KioskOnStage.show} starts it for the screen tests.
 *
 * A public test fixture, so tests in other packages (the effort measurements) need no access to the
 * package-private assembly.
 *
 * <p>Both the journeys' clock and the demo hospital's clock read 09:00 today (and keep running), so the demo
 * patient's morning appointment is open for check-in and this morning's registration periods can be held,
 * whatever the wall-clock time of the run.
 */
public final class DemoKiosk implements AutoCloseable {
    private final KioskAssembly assembly;
    private final KioskWindow window;
    private final KioskViewModel viewModel;
    private DemoHospital hospital;

    private DemoKiosk(KioskAssembly assembly, KioskWindow window, KioskViewModel viewModel) {
        this.assembly = assembly;
        this.window = window;
        this.viewModel = viewModel;
    }

    /** 09:00 today on the system clock's zone, running. */
    public static Clock nineToday() {
        Instant nine = LocalDate.now().atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant();
        return Clock.offset(Clock.systemDefaultZone(), Duration.between(Instant.now(), nine));
    }

    /**
     * On the FX thread: assembles the demo kiosk, shows its window on the stage and starts its background parts. A
     * long session: the benchmark walks all journeys in one session; the countdown never interferes.
     */
    public static DemoKiosk show(Stage stage) {
        return show(stage, Duration.ofSeconds(900), Duration.ofSeconds(10), Voice.SILENT);
    }

    /** The same, with the given inactivity timeout, countdown and voice. */
    public static DemoKiosk show(Stage stage, Duration timeout, Duration countdown, Voice voice) {
        try {
            Path data = Files.createTempDirectory("medkiosk-demo");
            KioskConfig demo = KioskConfig.demo();
            KioskConfig config = new KioskConfig(demo.hospital(), demo.screen(),
                    new KioskConfig.Session(timeout, countdown), demo.backend(),
                    demo.idCardReader(), new KioskConfig.Storage(Optional.of(data)), demo.receiptPrinter(), demo.journeys());
            Clock clock = nineToday();

            KioskAssembly.Tuning tuning = new KioskAssembly.Tuning(DemoHospital.Options.defaults().withClock(clock),
                    UnaryOperator.identity(), Optional.empty(), Pause.sleeping(), clock);
            KioskWindow.loadFonts();
            Executor ui = Platform::runLater;
            KioskAssembly assembly = KioskAssembly.demo(config, new AttachPlatform(config.storage().dataFolder()), ui, tuning);
            KioskViewModel vm = assembly.viewModel();
            KioskWindow window = KioskWindow.create(vm, config, Clock.systemDefaultZone(), true, true, voice);
            stage.setScene(window.scene());
            stage.show();
            assembly.startInBackground();
            return new DemoKiosk(assembly, window, vm);
        } catch (Exception e) {
            throw new IllegalStateException("the demo kiosk could not be assembled", e);
        }
    }

    /** Off the FX thread: waits for the demo hospital and the journal (the journeys need both). */
    public DemoKiosk awaitReady() throws Exception {
        hospital = assembly.demoHospital().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> engine().isPresent());
        return this;
    }

    /** The assembly itself, for the screen tests in this package (devices, simulators, journal). */
    KioskAssembly assembly() {
        return assembly;
    }

    public KioskViewModel viewModel() {
        return viewModel;
    }

    public KioskWindow window() {
        return window;
    }

    public DemoHospital hospital() {
        return hospital;
    }

    public Optional<JourneyEngine> engine() {
        return assembly.engine();
    }

    /** Places an ID card on the simulated SAM reader (a card is not a tap). */
    public void insertCard(IdCard card) {
        assembly.devices().idCardSimulator().orElseThrow().insert(card);
    }

    public void removeCard() {
        assembly.devices().idCardSimulator().orElseThrow().remove();
    }

    /** Puts a card on the demo's PC/SC reader (the real smart-card driver reads it through its profiles). */
    public void insertSmartCard(org.medkiosk.device.smartcard.SimulatedCard card) {
        assembly.devices().simulators().orElseThrow().smartCardReaders()
                .insert(KioskDevices.SIMULATED_SMART_CARD_READER, card);
    }

    public void removeSmartCard() {
        assembly.devices().simulators().orElseThrow().smartCardReaders().remove(KioskDevices.SIMULATED_SMART_CARD_READER);
    }

    /** Shows a code to the simulated scanner (a scan is not a tap). */
    public void scan(String code, Symbology symbology) throws Exception {
        assembly.devices().simulators().orElseThrow().scanner().present(code, symbology);
    }

    @Override
    public void close() {
        WaitForAsyncUtils.waitForAsyncFx(5000, window::stop);
        assembly.close();
    }
}
