package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.platform.AttachPlatform;
import org.medkiosk.app.session.KioskScreen;
import org.medkiosk.app.ui.KioskWindow;
import org.medkiosk.device.idcard.DemoCards;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A hospital that accepts the connection and never answers (a hung HIS, a half-open firewall): the patient at the
 * card reader sees "the hospital system cannot be reached" within 3 s of the card being read, not after the 8 s
 * backend.timeout-ms, and certainly not after the 16–24 s of retries it used to take.
 */
@ExtendWith(ApplicationExtension.class)
class HospitalDownTest {
    ServerSocket blackHole;
    final List<Socket> held = new CopyOnWriteArrayList<>();
    KioskAssembly kiosk;
    KioskWindow window;

    @Start
    void start(Stage stage) throws Exception {
        blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (!blackHole.isClosed()) {
                    held.add(blackHole.accept()); // accepted, never read, never answered
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "black-hole");
        acceptor.setDaemon(true);
        acceptor.start();

        Path data = Files.createTempDirectory("medkiosk-down");
        KioskConfig demo = KioskConfig.demo();
        KioskConfig.Backend b = demo.backend();
        KioskConfig config = new KioskConfig(demo.hospital(), demo.screen(), demo.session(), demo.backend(),
                demo.idCardReader(), new KioskConfig.Storage(Optional.of(data)), demo.receiptPrinter(), demo.journeys())
                .withBackend(new KioskConfig.Backend(Optional.of("http://127.0.0.1:" + blackHole.getLocalPort() + "/fhir"),
                        Optional.empty(), Duration.ofMillis(8000), b.trustedCertificates(), b.clientCredentials(),
                        b.identifierSystems()));
        KioskWindow.loadFonts();
        kiosk = KioskAssembly.demo(config, new AttachPlatform(config.storage().dataFolder()), Platform::runLater);
        window = KioskOnStage.show(stage, kiosk, config);
    }

    @AfterEach
    void stop() throws IOException {
        KioskOnStage.close(window, kiosk);
        blackHole.close();
        for (Socket s : held) {
            s.close();
        }
    }

    @Test
    void aHospitalThatNeverAnswersShowsUnavailableWithinThreeSeconds(FxRobot robot) throws Exception {
        kiosk.devices().idCardSimulator().orElseThrow().insert(DemoCards.ZHANG_SANMING);
        // From the moment the card has been read and the look-up started…
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> kiosk.viewModel().screen() instanceof KioskScreen.LookingUp);
        long t0 = System.nanoTime();
        // …to the notice on screen.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> kiosk.viewModel().screen() instanceof KioskScreen.Notice);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("医院系统暂时无法连接", KioskOnStage.text(robot, "#notice-title"));
        System.out.println("hospital down: unavailable shown " + took.toMillis() + " ms after the look-up started");
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "took " + took.toMillis() + " ms");
        assertTrue(!held.isEmpty(), "the kiosk did reach the hung hospital");
    }
}
