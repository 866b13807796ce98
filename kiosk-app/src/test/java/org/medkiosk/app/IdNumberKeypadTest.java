package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.platform.AttachPlatform;
import org.medkiosk.app.session.KioskScreen;
import org.medkiosk.app.ui.KioskWindow;
import org.medkiosk.demohospital.DemoRoster;
import org.medkiosk.journey.identify.IdentitySource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The idle screen's "type your ID number" keypad, headless against the embedded demo hospital: a valid number
 * identifies the patient, a wrong check digit is refused as it is typed, and the number is only ever shown masked.
 */
@ExtendWith(ApplicationExtension.class)
class IdNumberKeypadTest {
    KioskAssembly kiosk;
    KioskWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path data = Files.createTempDirectory("medkiosk-keypad");
        KioskConfig demo = KioskConfig.demo();
        KioskConfig config = new KioskConfig(demo.hospital(), demo.screen(),
                new KioskConfig.Session(Duration.ofSeconds(60), Duration.ofSeconds(10)), demo.backend(), demo.idCardReader(),
                new KioskConfig.Storage(Optional.of(data)));
        KioskWindow.loadFonts();
        kiosk = KioskAssembly.demo(config, new AttachPlatform(config.storage().dataFolder()), Platform::runLater);
        window = KioskOnStage.show(stage, kiosk, config);
    }

    @AfterEach
    void stop() {
        KioskOnStage.close(window, kiosk);
    }

    /** Presses the keypad's keys for {@code number}. */
    static void typeOnKeypad(FxRobot robot, String number) {
        for (char c : number.toCharArray()) {
            robot.clickOn("#id-key-" + Character.toLowerCase(c));
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String display(FxRobot robot) {
        return KioskOnStage.text(robot, "#id-number-display");
    }

    /**
     * The lobby's four ways share its height alike: the typed-number row (a button, the others cards) once took all
     * the spare height and stood half again as tall as the rest.
     */
    @Test
    void theFourWaysOnTheLobbyAreEquallyTall(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> heights = KioskOnStage.onFx(() -> java.util.stream.Stream.of("#way-idcard", "#way-scan",
                "#way-medicalcard", "#way-typed").map(q -> robot.lookup(q).<javafx.scene.layout.Region>query().getHeight()).toList());
        double least = heights.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double most = heights.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertTrue(most - least <= 2, "the ways' heights: " + heights);
    }

    @Test
    void aValidNumberIdentifiesThePatientAndIsShownOnlyMasked(FxRobot robot) throws Exception {
        DemoRoster.Person li = DemoRoster.patient(2);
        robot.clickOn("#way-typed");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(I18n.tr(I18n.CHINESE, "keypad.placeholder"), display(robot));
        assertTrue(robot.lookup("#id-number-confirm").queryButton().isDisabled(), "nothing to look up yet");

        typeOnKeypad(robot, li.idNumber().substring(0, 6));
        assertEquals("3101**", display(robot), "beyond the 4th character, digits show as *");
        typeOnKeypad(robot, li.idNumber().substring(6));
        assertEquals("3101**********0024", display(robot));
        assertEquals("18 / 18", KioskOnStage.text(robot, "#id-number-count"));
        String everything = String.join("\n", WalkingSkeletonTest.texts(robot));
        assertFalse(everything.contains(li.idNumber()), "the whole number is never on screen");
        assertFalse(everything.contains(li.idNumber().substring(4, 14)), "nor its middle");

        robot.clickOn("#id-number-confirm");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> robot.lookup("#greeting").tryQuery().isPresent()));
        assertEquals("您好，李*英", KioskOnStage.text(robot, "#greeting"));
    }

    @Test
    void aWrongCheckDigitIsRefusedWhileTyping(FxRobot robot) {
        String number = DemoRoster.patient(1).idNumber(); // 110101198503071235
        char wrong = number.charAt(17) == '4' ? '3' : '4';
        robot.clickOn("#way-typed");
        assertTrue(robot.lookup("#id-key-x").queryButton().isDisabled(), "X is only the last character");
        typeOnKeypad(robot, number.substring(0, 17));
        assertFalse(robot.lookup("#id-key-x").queryButton().isDisabled(), "X may be the check character");
        assertFalse(HospitalModeIdentityTest.visible(robot, "#id-number-problem"));

        robot.clickOn("#id-key-" + wrong);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(HospitalModeIdentityTest.visible(robot, "#id-number-problem"), "refused at once");
        assertEquals(I18n.tr(I18n.CHINESE, "keypad.check-digit-wrong"),
                KioskOnStage.text(robot, "#id-number-problem"));
        assertEquals("17 / 18", KioskOnStage.text(robot, "#id-number-count"), "the wrong key was not taken");
        assertEquals("1101*************", display(robot));
        assertTrue(robot.lookup("#id-number-confirm").queryButton().isDisabled());
        robot.clickOn("#id-key-x");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("17 / 18", KioskOnStage.text(robot, "#id-number-count"), "X is not the check digit either");

        robot.clickOn("#id-key-" + number.charAt(17));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(HospitalModeIdentityTest.visible(robot, "#id-number-problem"));
        assertFalse(robot.lookup("#id-number-confirm").queryButton().isDisabled());
        assertEquals("1101**********1235", display(robot));

        // Back to the idle screen forgets the number; nothing was looked up.
        robot.clickOn("#id-number-back");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#way-typed").tryQuery().isPresent());
        assertTrue(kiosk.viewModel().screen() instanceof KioskScreen.Idle);
        robot.clickOn("#way-typed");
        assertEquals("0 / 18", KioskOnStage.text(robot, "#id-number-count"));
    }

    @Test
    void keysAreLargeTouchTargetsAndGrowWithLargeText(FxRobot robot) {
        robot.clickOn("#way-typed");
        WaitForAsyncUtils.waitForFxEvents();
        List<Button> keys = keypadButtons(robot);
        assertEquals(15, keys.size(), "0-9, X, delete, back, clear, confirm");
        double before = Double.MAX_VALUE;
        for (Button b : keys) {
            assertTrue(b.getHeight() >= 72 && b.getWidth() >= 72, b.getId() + " is " + b.getWidth() + "x" + b.getHeight());
            before = Math.min(before, b.getHeight());
        }
        robot.clickOn("#large-text-switch");
        WaitForAsyncUtils.waitForFxEvents();
        double after = keypadButtons(robot).stream().mapToDouble(Button::getHeight).min().orElseThrow();
        assertTrue(after > before, "keys grew with large text: " + before + " -> " + after);
    }

    private static List<Button> keypadButtons(FxRobot robot) {
        return robot.lookup(n -> n instanceof Button && n.getId() != null
                        && (n.getId().startsWith("id-key-") || n.getId().startsWith("id-number-")))
                .queryAllAs(Button.class).stream().toList();
    }

    @Test
    void theTypedSourceIsWhatTheLookUpScreenSays(FxRobot robot) throws Exception {
        robot.clickOn("#way-typed");
        typeOnKeypad(robot, DemoRoster.patient(4).idNumber());
        robot.clickOn("#id-number-confirm");
        WaitForAsyncUtils.waitForFxEvents();
        KioskScreen s = kiosk.viewModel().screen();
        assertTrue(s instanceof KioskScreen.Home
                || (s instanceof KioskScreen.LookingUp l && l.source() == IdentitySource.TYPED), String.valueOf(s));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> robot.lookup("#greeting").tryQuery().isPresent()));
        assertEquals("您好，陈*国", KioskOnStage.text(robot, "#greeting"));
        assertEquals(Locale.SIMPLIFIED_CHINESE, I18n.locale());
    }
}
