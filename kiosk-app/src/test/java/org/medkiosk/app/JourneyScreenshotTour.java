package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.platform.AttachPlatform;
import org.medkiosk.app.ui.KioskWindow;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.device.idcard.DemoCards;
import org.medkiosk.device.scanner.Symbology;
import org.medkiosk.journey.payment.Pause;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks the money journeys' main screens at 1080×1920 and writes each as a PNG to kiosk-app/target/screenshots
 * (zh, en, and large text), so a person can look at what a patient sees:
 * {@code mvn -pl kiosk-app test -Dtest=JourneyScreenshotTour}. Each picture must have been rendered (not blank).
 */
@ExtendWith(ApplicationExtension.class)
class JourneyScreenshotTour {
    static final Path OUT = Path.of("target", "screenshots");
    KioskAssembly kiosk;
    KioskWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path data = Files.createTempDirectory("medkiosk-tour");
        KioskConfig demo = KioskConfig.demo();
        KioskConfig config = new KioskConfig(demo.hospital(), demo.screen(),
                new KioskConfig.Session(Duration.ofSeconds(600), Duration.ofSeconds(10)), demo.backend(), demo.idCardReader(),
                new KioskConfig.Storage(Optional.of(data)), demo.receiptPrinter(), demo.journeys());
        KioskWindow.loadFonts();
        kiosk = KioskAssembly.demo(config, new AttachPlatform(config.storage().dataFolder()), Platform::runLater,
                new KioskAssembly.Tuning(DemoHospital.Options.defaults(), s -> s, Optional.empty(), Pause.sleeping())
                        .withClock(nineToday()));
        window = KioskOnStage.show(stage, kiosk, config);
        kiosk.demoHospital().get(60, TimeUnit.SECONDS);
        Files.createDirectories(OUT);
    }

    /** The journeys' clock at 09:00 today, so the demo's morning appointments are open for check-in. */
    private static Clock nineToday() {
        java.time.Instant nine = java.time.LocalDate.now().atTime(9, 0).atZone(java.time.ZoneId.systemDefault()).toInstant();
        return Clock.offset(Clock.systemDefaultZone(), Duration.between(java.time.Instant.now(), nine));
    }

    @AfterEach
    void stop() {
        KioskOnStage.close(window, kiosk);
    }

    @Test
    void chinese(FxRobot robot) throws Exception {
        tour(robot, "zh", false);
    }

    @Test
    void english(FxRobot robot) throws Exception {
        robot.clickOn("#language-switch");
        tour(robot, "en", false);
    }

    @Test
    void largeTextEnglish(FxRobot robot) throws Exception {
        robot.clickOn("#language-switch");
        robot.clickOn("#large-text-switch");
        tour(robot, "en-large", true);
    }

    private void tour(FxRobot robot, String tag, boolean large) throws Exception {
        shot(tag, "01-idle");
        kiosk.devices().idCardSimulator().orElseThrow().insert(DemoCards.ZHANG_SANMING);
        waitFor(robot, "#greeting");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> kiosk.engine().isPresent());
        shot(tag, "02-home");
        click(robot, "#service-pay");
        waitFor(robot, "#pay-total");
        click(robot, "#invoice-details-inv-1");
        shot(tag, "03-pay-bills");
        click(robot, "#pay-wallet-button");
        waitFor(robot, "#scan-prompt");
        shot(tag, "04-pay-scan");
        kiosk.devices().simulators().orElseThrow().scanner().present("134567890123456710", Symbology.QR_CODE);
        waitFor(robot, "#paid-title");
        shot(tag, "05-paid");
        click(robot, "#home-button");
        click(robot, "#service-top-up");
        waitFor(robot, "#topup-balance");
        shot(tag, "06-top-up");
        click(robot, "#home-button");
        click(robot, "#service-register");
        clickFirst(robot, "dept-", "07-departments", tag);
        clickFirst(robot, "doctor-", "08-doctors", tag);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        shot(tag, "09-periods");
        click(robot, "#home-button");
        click(robot, "#service-my-bookings");
        Thread.sleep(1000);
        shot(tag, "10-my-bookings");
        // issue 9: check in, print reports, queries
        click(robot, "#home-button");
        click(robot, "#service-check-in");
        waitFor(robot, "#checked-in-title");
        shot(tag, "11-checked-in");
        click(robot, "#home-button");
        click(robot, "#service-print-reports");
        waitFor(robot, "#reports-print-button");
        shot(tag, "12-reports");
        click(robot, "#reports-print-button");
        waitFor(robot, "#reports-done-title");
        shot(tag, "13-reports-printed");
        click(robot, "#home-button");
        click(robot, "#service-queries");
        waitFor(robot, "#query-queue");
        shot(tag, "14-queries");
        click(robot, "#query-queue");
        waitFor(robot, "#queue-number-apt-1");
        shot(tag, "15-queue");
        click(robot, "#back-button");
        click(robot, "#query-paid-history");
        click(robot, "#paid-details-inv-8");
        waitFor(robot, "#paid-items-inv-8");
        shot(tag, "16-paid-history");
        click(robot, "#back-button");
        click(robot, "#back-button");
        click(robot, "#query-my-receipts");
        waitFor(robot, "#state-myreceipts");
        shot(tag, "17-my-receipts");
    }

    /** Waits for the first node whose id starts with the prefix, photographs the screen, then taps that node. */
    private void clickFirst(FxRobot robot, String idPrefix, String name, String tag) throws Exception {
        java.util.function.Predicate<javafx.scene.Node> match = n -> n.getId() != null && n.getId().startsWith(idPrefix);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> robot.lookup(match).tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
        shot(tag, name);
        robot.clickOn(robot.lookup(match).<javafx.scene.Node>query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitFor(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> robot.lookup(query).tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void click(FxRobot robot, String query) throws Exception {
        waitFor(robot, query);
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shot(String tag, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> window.scene().snapshot(null)).get(20, TimeUnit.SECONDS);
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        // Rendered, not blank: the header's colour differs from the page background.
        assertTrue(png.getRGB(png.getWidth() / 2, 10) != png.getRGB(png.getWidth() / 2, png.getHeight() - 10), name + " is blank");
        ImageIO.write(png, "png", OUT.resolve(tag + "-" + name + ".png").toFile());
    }
}
