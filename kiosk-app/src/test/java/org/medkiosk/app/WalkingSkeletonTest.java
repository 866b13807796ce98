package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.logging.SensitiveValues;
import org.medkiosk.app.platform.AttachPlatform;
import org.medkiosk.app.session.KioskScreen;
import org.medkiosk.app.ui.KioskWindow;
import org.medkiosk.device.idcard.DemoCards;
import org.medkiosk.device.idcard.IdCard;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The walking skeleton, end to end and headless: a simulated ID card on the simulated SAM reader → real
 * protocol bytes through the idcard-reader driver → FHIR Patient search over HTTP against the embedded demo
 * hospital → the home screen greets 张*明. Then the patient walks away and the session times out.
 */
@ExtendWith(ApplicationExtension.class)
class WalkingSkeletonTest {
    static final Duration TIMEOUT = Duration.ofSeconds(16);
    static final Duration COUNTDOWN = Duration.ofSeconds(5);

    KioskAssembly kiosk;
    KioskWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path data = Files.createTempDirectory("medkiosk-test");
        KioskConfig demo = KioskConfig.demo();
        KioskConfig config = new KioskConfig(demo.hospital(), demo.screen(),
                new KioskConfig.Session(TIMEOUT, COUNTDOWN), demo.backend(), demo.idCardReader(),
                new KioskConfig.Storage(Optional.of(data)));
        KioskWindow.loadFonts();
        kiosk = KioskAssembly.demo(config, new AttachPlatform(config.storage().dataFolder()), Platform::runLater);
        window = KioskOnStage.show(stage, kiosk, config);
    }

    @AfterEach
    void stop() {
        KioskOnStage.close(window, kiosk);
    }

    @Test
    void idCardGreetsThePatientAndTimeoutLeavesNoTrace(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#idle-screen").tryQuery().isPresent(), "starts on the idle screen");
        IdCard card = DemoCards.ZHANG_SANMING;
        kiosk.devices().idCardSimulator().orElseThrow().insert(card);

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> robot.lookup("#greeting").tryQuery().isPresent()));
        assertEquals("您好，张*明", KioskOnStage.text(robot, "#greeting"));
        List<Button> tiles = KioskOnStage.onFx(() -> robot.lookup(".service-tile").queryAllAs(Button.class).stream().toList());
        assertEquals(10, tiles.size(), "register, my bookings, check in, pay, top up, print reports, queries, the "
                + "department guide, prices, hospital information");
        // The guide's tile waits for the hospital's departments (its rules are checked against them) before it opens.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> robot.lookup(".service-tile")
                .queryAllAs(Button.class).stream().noneMatch(Node::isDisabled)));
        assertNoPatientData(robot, card, false);
        assertTrue(kiosk.viewModel().patient().isPresent());

        // The patient walks away: the countdown shows in the last seconds, then the kiosk returns to idle.
        WaitForAsyncUtils.waitFor(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS,
                () -> KioskOnStage.onFx(() -> robot.lookup("#countdown-banner").query().isVisible()));
        String countdown = KioskOnStage.text(robot, "#countdown-text");
        assertTrue(countdown.matches("\\d+ 秒后将返回首页.*"), countdown);
        // The card was left on the reader: the kiosk asks for it back (nothing of the patient on that screen).
        WaitForAsyncUtils.waitFor(COUNTDOWN.toSeconds() + 5, TimeUnit.SECONDS,
                () -> KioskOnStage.onFx(() -> robot.lookup("#take-your-card-screen").tryQuery().isPresent()));
        assertNoPatientData(robot, card, true);
        kiosk.devices().idCardSimulator().orElseThrow().remove();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> KioskOnStage.onFx(() -> robot.lookup("#idle-screen").tryQuery().isPresent()));

        assertInstanceOf(KioskScreen.Idle.class, kiosk.viewModel().screen());
        assertTrue(kiosk.viewModel().patient().isEmpty(), "view model forgot the patient");
        assertTrue(SensitiveValues.current().isEmpty(), "log masker's session values cleared");
        assertFalse(robot.lookup("#countdown-banner").query().isVisible());
        assertNoPatientData(robot, card, true);
    }

    @Test
    void unknownIdCardTellsThePatientWhereToGo(FxRobot robot) throws Exception {
        kiosk.devices().idCardSimulator().orElseThrow().insert(DemoCards.ZHOU_BA);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> robot.lookup("#notice-title").tryQuery().isPresent()));
        assertEquals(I18n.tr(I18n.CHINESE, "notice.unknown.title"), KioskOnStage.text(robot, "#notice-title"));
        assertTrue(KioskOnStage.text(robot, "#notice-advice").contains("人工服务窗口"));
        assertTrue(kiosk.viewModel().patient().isEmpty());

        // The same screen in English, switched by the patient.
        robot.clickOn("#language-switch");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("We could not find your records", KioskOnStage.text(robot, "#notice-title"));
        robot.clickOn("#back-button");
        WaitForAsyncUtils.waitForFxEvents();
        // The unknown card is still on the reader: take it, still in the patient's language.
        assertEquals("Please take your card", KioskOnStage.text(robot, "#take-your-card-title"));
        kiosk.devices().idCardSimulator().orElseThrow().remove();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> KioskOnStage.onFx(() -> robot.lookup("#idle-screen").tryQuery().isPresent()));
        assertTrue(I18n.isChinese(), "the next patient starts in the configured language");
    }

    @Test
    void eHealthCardQrIdentifiesAndAWalletCodeBeforeIdentityIsRefused(FxRobot robot) throws Exception {
        var scanner = kiosk.devices().simulators().orElseThrow().scanner();
        scanner.present("134567890123456789", org.medkiosk.device.scanner.Symbology.QR_CODE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> robot.lookup("#notice-title").tryQuery().isPresent()));
        assertEquals(I18n.tr(I18n.CHINESE, "notice.payment-code-first.title"),
                KioskOnStage.text(robot, "#notice-title"));
        assertFalse(String.join("\n", texts(robot)).contains("6789"), "no part of a payment code is shown");

        scanner.present(org.medkiosk.demohospital.DemoRoster.ehealthCardQr(2), org.medkiosk.device.scanner.Symbology.QR_CODE);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> robot.lookup("#greeting").tryQuery().isPresent()));
        assertEquals("您好，李*英", KioskOnStage.text(robot, "#greeting"));
    }

    @Test
    void largeTextSwitchScalesTheScreen(FxRobot robot) {
        Node root = robot.lookup("#kiosk-root").query();
        double before = robot.lookup("#idle-instruction").queryLabeled().getFont().getSize();
        robot.clickOn("#large-text-switch");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(root.getStyleClass().contains("large-text"));
        double after = robot.lookup("#idle-instruction").queryLabeled().getFont().getSize();
        assertTrue(after > before * 1.2, "text grew from " + before + " to " + after);
    }

    /** Every piece of text anywhere in the scene graph. */
    static List<String> texts(FxRobot robot) {
        List<String> out = new ArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        Platform.runLater(() -> {
            for (var w : javafx.stage.Window.getWindows()) {
                if (w.getScene() != null) {
                    collect(w.getScene().getRoot(), out);
                }
            }
            done.set(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(done.get());
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (node instanceof Text t && t.getText() != null) {
            out.add(t.getText());
        }
        if (node instanceof TextInputControl t && t.getText() != null) {
            out.add(t.getText());
        }
        if (node.getAccessibleText() != null) {
            out.add(node.getAccessibleText());
        }
        if (node.getUserData() != null) {
            out.add(String.valueOf(node.getUserData()));
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    private static void assertNoPatientData(FxRobot robot, IdCard card, boolean evenMasked) {
        String all = String.join("\n", texts(robot));
        assertFalse(all.contains(card.name()), "full name in the scene");
        assertFalse(all.contains(card.idNumber()), "ID number in the scene");
        assertFalse(all.contains(card.idNumber().substring(card.idNumber().length() - 4)), "ID digits in the scene");
        assertFalse(all.contains(card.address()), "address in the scene");
        if (evenMasked) {
            assertFalse(all.contains("张*明"), "masked name still in the scene after the session ended");
            assertFalse(all.contains("张"), "any trace of the name after the session ended");
        }
    }
}
