package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.app.viewmodel.Guidance;
import org.medkiosk.app.voice.Voice;
import org.medkiosk.device.idcard.DemoCards;
import org.medkiosk.device.scanner.Symbology;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.HospitalGuide;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13, a suggestion or complaint written on the kiosk's own keys (a kiosk has no physical keyboard): topics and
 * letter keys inside the feedback row, on the checked-in, topped-up and cancelled screens; the rating sends the text
 * to the demo hospital, which stores it as a QuestionnaireResponse (read back over its FHIR API); the text is never
 * logged; a key or a topic restarts the inactivity timer; a failing hospital does not hold the patient up. Writes
 * the done screen with the keyboard open to target/screenshots/feedback as a patient would see it.
 */
@ExtendWith(ApplicationExtension.class)
class FeedbackKeyboardTest extends OnDemoKiosk {
    static final Path SHOTS = Path.of("target", "screenshots", "feedback");

    @Test
    void aComplaintWrittenWithTopicsAndKeysReachesTheHospital(FxRobot robot) throws Exception {
        ListAppender<ILoggingEvent> logs = captureLogs();
        try {
            show(robot);
            kiosk.insertCard(DemoCards.ZHANG_SANMING);
            NurseAssistedModeTest.click(robot, "#task-card"); // check in for the morning appointment
            NurseAssistedModeTest.waitFor(robot, "#checked-in-title");
            NurseAssistedModeTest.waitFor(robot, "#feedback-row");
            // Closed at first: one button, no field nobody could type into.
            assertFalse(showing(robot, "#feedback-keyboard"));
            assertFalse(showing(robot, "#feedback-comment"));
            assertEquals("写意见或建议", KioskOnStage.text(robot, "#feedback-write"));

            tap(robot, "#feedback-write");
            assertTrue(showing(robot, "#feedback-keyboard"));
            for (String id : new String[] {"waiting", "kiosk", "staff", "cleanliness", "wayfinding", "prices"}) {
                assertTrue(showing(robot, "#feedback-topic-" + id), id);
            }
            for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray()) {
                assertEquals(String.valueOf(c), KioskOnStage.text(robot, "#feedback-key-" + c));
            }
            tap(robot, "#feedback-topic-waiting");
            assertEquals("等候时间。", comment(robot));
            keys(robot, "PAIDUI 40MINX");
            tap(robot, "#feedback-key-delete");
            tap(robot, "#feedback-key-exclamation");
            tap(robot, "#feedback-topic-staff");
            String typed = "等候时间。paidui 40min! 服务态度。";
            assertEquals(typed, comment(robot));
            snapshot(robot, "zh-checked-in-keyboard");

            tap(robot, "#feedback-key-done");
            assertFalse(showing(robot, "#feedback-keyboard"));
            assertTrue(showing(robot, "#feedback-comment"), "what was written stays in view");
            assertTrue(showing(robot, "#feedback-send-hint"));
            assertEquals("修改意见或建议", KioskOnStage.text(robot, "#feedback-write"));

            tap(robot, "#feedback-2");
            NurseAssistedModeTest.waitFor(robot, "#feedback-thanks");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rated(storedResponses(), 2));
            String body = storedResponses();
            assertTrue(body.contains("CHECK_IN"), body);
            assertTrue(body.contains(typed), body);
            assertEquals(1, body.split("CHECK_IN", -1).length - 1, "one response: " + body);
            for (ILoggingEvent e : List.copyOf(logs.list)) {
                assertFalse(e.getFormattedMessage().contains("paidui"), "the comment was logged: " + e.getFormattedMessage());
            }
        } finally {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        }
    }

    @Test
    void theRowFollowsATopUpInEnglishLargeText(FxRobot robot) throws Exception {
        show(robot);
        NurseAssistedModeTest.click(robot, "#language-switch");
        NurseAssistedModeTest.click(robot, "#large-text-switch");
        kiosk.insertCard(DemoCards.ZHANG_SANMING);
        tap(robot, "#service-top-up");
        tap(robot, "#preset-100");
        NurseAssistedModeTest.waitFor(robot, "#scan-prompt");
        kiosk.scan("134567890123456710", Symbology.QR_CODE);
        NurseAssistedModeTest.waitFor(robot, "#topped-up-title");
        NurseAssistedModeTest.waitFor(robot, "#feedback-row");
        assertEquals("Add a suggestion or complaint", KioskOnStage.text(robot, "#feedback-write"));
        tap(robot, "#feedback-write");
        tap(robot, "#feedback-topic-kiosk");
        keys(robot, "SMALL TEXT");
        assertEquals("Kiosk hard to use. small text", comment(robot));
        snapshot(robot, "en-large-topped-up-keyboard");
        tap(robot, "#feedback-key-done");
        tap(robot, "#feedback-5");
        NurseAssistedModeTest.waitFor(robot, "#feedback-thanks");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rated(storedResponses(), 5));
        String body = storedResponses();
        assertTrue(body.contains("TOP_UP"), body);
        assertTrue(body.contains("Kiosk hard to use. small text"), body);
    }

    @Test
    void theRowFollowsACancellation(FxRobot robot) throws Exception {
        show(robot);
        kiosk.insertCard(DemoCards.ZHANG_SANMING);
        tap(robot, "#service-my-bookings");
        tap(robot, "#booking-apt-1");
        tap(robot, "#cancel-confirm-button");
        NurseAssistedModeTest.waitFor(robot, "#cancelled-title");
        NurseAssistedModeTest.waitFor(robot, "#feedback-row");
        tap(robot, "#feedback-write");
        tap(robot, "#feedback-topic-prices");
        tap(robot, "#feedback-key-done");
        tap(robot, "#feedback-3");
        NurseAssistedModeTest.waitFor(robot, "#feedback-thanks");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rated(storedResponses(), 3));
        String body = storedResponses();
        assertTrue(body.contains("MY_BOOKINGS"), body);
        assertTrue(body.contains("收费价格。"), body);
    }

    @Test
    void aComplaintToAFailingHospitalDoesNotHoldThePatientUp(FxRobot robot) throws Exception {
        show(robot);
        // The hospital's feedback endpoint fails, and slowly.
        HospitalGuide failing = (HospitalGuide) Proxy.newProxyInstance(HospitalGuide.class.getClassLoader(),
                new Class<?>[] {HospitalGuide.class}, (p, m, a) -> {
                    Thread.sleep(5000);
                    throw new BackendException.Unavailable("feedback is down", null);
                });
        Guidance real = kiosk.assembly().guidance();
        KioskOnStage.onFx(() -> {
            kiosk.viewModel().guidance(new Guidance(real.rules(), real.backend(), failing, real.tasks(), real.clock(),
                    java.util.Map.of(), "test-kiosk"));
            return null;
        });
        kiosk.insertCard(DemoCards.ZHANG_SANMING);
        tap(robot, "#service-top-up");
        tap(robot, "#preset-100");
        NurseAssistedModeTest.waitFor(robot, "#scan-prompt");
        kiosk.scan("134567890123456710", Symbology.QR_CODE);
        NurseAssistedModeTest.waitFor(robot, "#topped-up-title");
        tap(robot, "#feedback-write");
        tap(robot, "#feedback-topic-cleanliness");
        keys(robot, "ZANG");
        long before = System.nanoTime();
        tap(robot, "#feedback-1");
        NurseAssistedModeTest.waitFor(robot, "#feedback-thanks");
        tap(robot, "#home-button");
        NurseAssistedModeTest.waitFor(robot, "#greeting");
        long took = Duration.ofNanos(System.nanoTime() - before).toMillis();
        assertTrue(took < 4000, "the patient moved on at once, not after the failing call: " + took + " ms");
    }

    /**
     * Keys and topics are fired without a pointer (no press reaches the window's touch filter): the row itself must
     * restart the inactivity timer, so the countdown that began while the patient was writing goes away.
     */
    @Test
    void aKeyOrATopicRestartsTheInactivityTimer(FxRobot robot) throws Exception {
        // 20 s to the end of the session, the countdown from 3 s without a touch.
        robot.interact(() -> kiosk = DemoKiosk.show(stage, Duration.ofSeconds(20), Duration.ofSeconds(17), Voice.SILENT));
        kiosk.awaitReady();
        NurseAssistedModeTest.waitFor(robot, "#idle-screen");
        kiosk.insertCard(DemoCards.ZHANG_SANMING);
        NurseAssistedModeTest.click(robot, "#task-card");
        NurseAssistedModeTest.waitFor(robot, "#feedback-row");
        fire(robot, "#feedback-write");
        for (String query : new String[] {"#feedback-key-A", "#feedback-topic-staff", "#feedback-key-space"}) {
            WaitForAsyncUtils.waitFor(12, TimeUnit.SECONDS, () -> KioskOnStage.onFx(
                    () -> kiosk.viewModel().countdownVisibleProperty().get()));
            boolean countdownAfter = KioskOnStage.onFx(() -> {
                ((Button) robot.lookup(query).query()).fire();
                return kiosk.viewModel().countdownVisibleProperty().get();
            });
            assertFalse(countdownAfter, query + " did not restart the inactivity timer");
        }
        assertEquals("a 服务态度。 ", comment(robot));
        assertTrue(showing(robot, "#checked-in-title"), "the session went on");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Taps the keys for the text: letters and digits by their face, a space and punctuation by name. */
    static void keys(FxRobot robot, String text) throws Exception {
        for (char c : text.toCharArray()) {
            String id;
            switch (c) {
                case ' ':
                    id = "space";
                    break;
                case ',':
                    id = "comma";
                    break;
                case '.':
                    id = "period";
                    break;
                case '?':
                    id = "question";
                    break;
                case '!':
                    id = "exclamation";
                    break;
                default:
                    id = String.valueOf(c);
            }
            tap(robot, "#feedback-key-" + id);
        }
    }

    static void fire(FxRobot robot, String query) {
        KioskOnStage.onFx(() -> {
            ((Button) robot.lookup(query).query()).fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String comment(FxRobot robot) {
        return KioskOnStage.onFx(() -> ((TextField) robot.lookup("#feedback-comment").query()).getText());
    }

    /** Shown: the node and every parent visible (the keys sit in the keyboard box, which is what hides). */
    static boolean showing(FxRobot robot, String query) {
        return KioskOnStage.onFx(() -> robot.lookup(query).tryQuery().map(n -> {
            for (Node p = n; p != null; p = p.getParent()) {
                if (!p.isVisible()) {
                    return false;
                }
            }
            return true;
        }).orElse(false));
    }

    String storedResponses() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(kiosk.hospital().baseUrl() + "/QuestionnaireResponse?_format=json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    static boolean rated(String body, int satisfaction) {
        return body.contains("\"valueInteger\": " + satisfaction) || body.contains("\"valueInteger\":" + satisfaction);
    }

    /** The done screen scrolled to the feedback row, at the kiosk's 1080×1920 design size. */
    void snapshot(FxRobot robot, String name) throws Exception {
        KioskOnStage.reveal(robot, "#feedback-row");
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> kiosk.window().scene().snapshot(null))
                .get(20, TimeUnit.SECONDS);
        Files.createDirectories(SHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
    }

    static ListAppender<ILoggingEvent> captureLogs() {
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(events);
        return events;
    }
}
