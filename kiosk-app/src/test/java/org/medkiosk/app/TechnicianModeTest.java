package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.platform.AttachPlatform;
import org.medkiosk.app.session.KioskScreen;
import org.medkiosk.app.technician.TechnicianPin;
import org.medkiosk.app.ui.KioskWindow;
import org.medkiosk.app.viewmodel.TechnicianViewModel;
import org.medkiosk.device.idcard.DemoCards;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.Patient;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journal.Journal;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Technician mode on the real screens, headless: the demo kiosk (simulated devices, the demo hospital, the real
 * journal) in a window built for hospital mode (so the exit chord opens the PIN pad instead of quitting). The PIN has
 * a clock of the test's, so a lockout ends without sleeping. Every log event during a test is kept and searched for
 * the PIN.
 */
@ExtendWith(ApplicationExtension.class)
class TechnicianModeTest {
    static final String PIN = "739164";
    static final String WRONG = "285017";

    KioskAssembly kiosk;
    KioskWindow window;
    MovableClock clock;
    TechnicianPin pin;
    final AtomicBoolean exited = new AtomicBoolean();
    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneId.systemDefault();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void forward(Duration d) {
            now = now.plus(d);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
        Path data = Files.createTempDirectory("medkiosk-technician");
        KioskConfig demo = KioskConfig.demo();
        KioskConfig config = new KioskConfig(demo.hospital(), demo.screen(),
                new KioskConfig.Session(Duration.ofSeconds(120), Duration.ofSeconds(10)), demo.backend(),
                demo.idCardReader(), new KioskConfig.Storage(Optional.of(data)), demo.receiptPrinter(), demo.journeys());
        KioskWindow.loadFonts();
        AttachPlatform platform = new AttachPlatform(config.storage().dataFolder());
        kiosk = KioskAssembly.demo(config, platform, Platform::runLater);
        clock = new MovableClock();
        pin = TechnicianPin.in(platform.dataFolder(), clock);
        char[] p = PIN.toCharArray();
        pin.set(p);
        kiosk.useTechnicianPin(pin);
        kiosk.onTechnicianExit(() -> exited.set(true));
        // Hospital mode's window (demo = false): the chord opens the PIN pad.
        window = KioskWindow.create(kiosk.viewModel(), config, Clock.systemDefaultZone(), true, false);
        stage.setScene(window.scene());
        stage.show();
        kiosk.startInBackground();
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        KioskOnStage.close(window, kiosk);
        assertNoPinLogged();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    void waitFor(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> KioskOnStage.onFx(() -> robot.lookup(query).tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    void click(FxRobot robot, String query) throws Exception {
        waitFor(robot, query);
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String text(FxRobot robot, String query) {
        return KioskOnStage.text(robot, query);
    }

    void waitForText(FxRobot robot, String query, String expected) throws Exception {
        waitFor(robot, query);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> expected.equals(text(robot, query)));
    }

    /** Five taps on the hospital name: the hidden gesture. */
    void openPinPad(FxRobot robot) throws Exception {
        waitFor(robot, "#hospital-name");
        for (int i = 0; i < 5; i++) {
            robot.clickOn("#hospital-name");
        }
        waitFor(robot, "#technician-pin-title");
    }

    TechnicianViewModel model() {
        return KioskOnStage.onFx(() -> ((KioskScreen.Technician) kiosk.viewModel().screen()).model());
    }

    /** Types the PIN on the pad and presses OK; returns the message once the check is done. */
    String enter(FxRobot robot, String digits) throws Exception {
        for (char c : digits.toCharArray()) {
            click(robot, "#technician-pin-key-" + c);
        }
        assertEquals("\u25CF".repeat(digits.length()), text(robot, "#technician-pin-dots"));
        TechnicianViewModel model = model();
        click(robot, "#technician-pin-ok");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> KioskOnStage.onFx(() -> !model.checkingProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        return KioskOnStage.onFx(() -> model.pinMessageProperty().get());
    }

    void enterTechnicianMode(FxRobot robot) throws Exception {
        openPinPad(robot);
        enter(robot, PIN);
        waitFor(robot, "#technician-title");
    }

    /** Every text in the scene, read on the FX thread. */
    List<String> sceneTexts() {
        return KioskOnStage.onFx(() -> {
            List<String> texts = new ArrayList<>();
            collect(window.scene().getRoot(), texts);
            return texts;
        });
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            texts.add(labeled.getText());
        }
        if (node instanceof javafx.scene.control.TextInputControl input && input.getText() != null) {
            texts.add(input.getText());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, texts);
            }
        }
    }

    void assertNoPinLogged() {
        for (ILoggingEvent e : List.copyOf(log.list)) {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            assertFalse(line.contains(PIN), "the PIN is in the log: " + e.getLoggerName());
            assertFalse(line.contains(WRONG), "a typed PIN is in the log: " + e.getLoggerName());
        }
    }

    // ---- tests -------------------------------------------------------------------------------------------------

    @Test
    void fiveWrongPinsLockTechnicianModeEvenAgainstTheRightPinUntilTheLockEnds(FxRobot robot) throws Exception {
        openPinPad(robot);
        for (int attempt = 1; attempt <= 4; attempt++) {
            String message = enter(robot, WRONG);
            int left = 5 - attempt;
            assertEquals(KioskOnStage.onFx(() -> I18n.tr("technician.pin.wrong", left)), message);
            assertEquals("", text(robot, "#technician-pin-dots"));
        }
        String locked = enter(robot, WRONG);
        Instant until = pin.status().lockedUntil().orElseThrow();
        String expected = KioskOnStage.onFx(() -> I18n.tr("technician.pin.locked",
                DateTimeFormatter.ofPattern("HH:mm:ss").format(until.atZone(ZoneId.systemDefault()))));
        assertEquals(expected, locked);
        assertEquals(expected, text(robot, "#technician-pin-message"));

        // Locked: the right PIN is refused without being checked.
        assertEquals(expected, enter(robot, PIN));
        assertTrue(robot.lookup("#technician-title").tryQuery().isEmpty());
        assertEquals(TechnicianViewModel.Stage.PIN, KioskOnStage.onFx(() -> model().stage()));

        // Once the lock has ended, the right PIN opens technician mode.
        clock.forward(TechnicianPin.FIRST_LOCKOUT.plusSeconds(1));
        enter(robot, PIN);
        waitFor(robot, "#technician-title");
        assertFalse(sceneTexts().stream().anyMatch(t -> t.contains(PIN)));
        assertFalse(sceneTexts().stream().anyMatch(t -> t.contains("\u25CF")));
    }

    @Test
    void theRightPinOpensTheTechnicianScreenAndBackReturnsToTheLobby(FxRobot robot) throws Exception {
        enterTechnicianMode(robot);
        waitFor(robot, "#technician-devices-section");
        waitFor(robot, "#technician-journal-section");
        waitFor(robot, "#technician-device-receipt-printer");
        TechnicianViewModel model = model();
        click(robot, "#technician-back");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> KioskOnStage.onFx(() -> kiosk.viewModel().screen() instanceof KioskScreen.Idle));
        assertEquals(TechnicianViewModel.Stage.CLOSED, KioskOnStage.onFx(model::stage));
        assertFalse(exited.get());
    }

    @Test
    void theExitChordOpensThePinPadInHospitalModeInsteadOfQuitting(FxRobot robot) throws Exception {
        waitFor(robot, "#hospital-name");
        KioskOnStage.onFx(() -> {
            Event.fireEvent(window.scene().getRoot(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.Q,
                    true, true, true, false));
            return null;
        });
        waitFor(robot, "#technician-pin-title");
        // The toolkit is still running (Platform.exit was not called) and the kiosk did not quit.
        assertTrue(KioskOnStage.onFx(() -> window.scene().getWindow().isShowing()));
        assertFalse(exited.get());
        click(robot, "#technician-pin-cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> KioskOnStage.onFx(() -> kiosk.viewModel().screen() instanceof KioskScreen.Idle));
    }

    @Test
    void theTestPagePrintsOnTheReceiptPrinterAndTheScreenSaysSo(FxRobot robot) throws Exception {
        var printer = kiosk.devices().simulators().orElseThrow().printer();
        int before = printer.printedJobs().size();
        enterTechnicianMode(robot);
        click(robot, "#technician-print-test");
        String printed = KioskOnStage.onFx(() -> I18n.tr("technician.print.printed"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> printed.equals(text(robot, "#technician-print-result")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> printer.printedJobs().size() > before);
        String health = text(robot, "#technician-receipt-printer-health");
        assertTrue(health.contains("simulated-receipt-printer"), health);
        waitFor(robot, "#technician-serial-ports");
    }

    @Test
    void theJournalListsAnOpenIntentAndSettleNowRuns(FxRobot robot) throws Exception {
        kiosk.demoHospital().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> kiosk.engine().isPresent());
        Journal journal = kiosk.engine().orElseThrow().journal();
        journal.intend(Journal.newJourneyId(), IntentKind.TOP_UP, Money.ofYuan("12"), "P-TECH-0001", Map.of());
        enterTechnicianMode(robot);
        waitFor(robot, "#technician-journal-line-0");
        String line = text(robot, "#technician-journal-line-0");
        assertTrue(line.contains("TOP_UP"), line);
        assertFalse(line.contains("P-TECH-0001"), "the patient id is masked: " + line);

        click(robot, "#technician-settle");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> !model().settlingProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        String result = text(robot, "#technician-settle-result");
        int open = journal.open().size();
        String done = KioskOnStage.onFx(() -> I18n.tr("technician.settle.done", 1, open));
        String doneNone = KioskOnStage.onFx(() -> I18n.tr("technician.settle.done", 0, open));
        assertTrue(result.equals(done) || result.equals(doneNone), result);
    }

    @Test
    void aReceiptPrinterSettingIsValidatedAsTheLoaderDoesAndSavedToTheOverrides(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("medkiosk-technician-config");
        Path data = dir.resolve("data");
        Path main = Files.writeString(dir.resolve("kiosk.properties"), "backend.url=https://his.example-hospital.cn/fhir\n"
                + "printer.receipt=serial:/dev/ttyUSB1@115200\nstorage.data-folder=" + data + "\n");
        org.medkiosk.app.technician.ConfigOverrides overrides = org.medkiosk.app.technician.ConfigOverrides.in(data, main);
        kiosk.useConfigOverrides(overrides);
        enterTechnicianMode(robot);
        waitFor(robot, "#technician-receipt-spec");

        KioskOnStage.onFx(() -> {
            robot.lookup("#technician-receipt-spec").queryAs(javafx.scene.control.TextField.class).setText("serial:/dev/ttyUSB3@115200");
            robot.lookup("#technician-receipt-profile").queryAs(javafx.scene.control.ComboBox.class).getEditor().setText("generic-57");
            return null;
        });
        click(robot, "#technician-setting-save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#technician-setting-result").contains("generic-57"));
        String refused = text(robot, "#technician-setting-result");
        // The loader's own one-line message: the file, the key and the bad value.
        String loader = assertThrowsConfig(() -> overrides.set("printer.receipt.profile", "generic-57"));
        assertEquals(KioskOnStage.onFx(() -> I18n.tr("technician.setting.invalid", loader)), refused);
        assertTrue(loader.contains("printer.receipt.profile"), loader);
        assertFalse(Files.exists(overrides.file()), "nothing saved");

        KioskOnStage.onFx(() -> {
            robot.lookup("#technician-receipt-profile").queryAs(javafx.scene.control.ComboBox.class).getEditor().setText("generic-58");
            return null;
        });
        click(robot, "#technician-setting-save");
        String saved = KioskOnStage.onFx(() -> I18n.tr("technician.setting.saved"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> saved.equals(text(robot, "#technician-setting-result")));
        assertEquals("serial:/dev/ttyUSB3@115200", overrides.values().get("printer.receipt"));
        assertEquals("generic-58", overrides.effective().receiptPrinter().profile());
        assertFalse(Files.readString(overrides.file()).contains(PIN));
    }

    private static String assertThrowsConfig(org.junit.jupiter.api.function.Executable parse) {
        return org.junit.jupiter.api.Assertions.assertThrows(org.medkiosk.app.config.ConfigException.class, parse)
                .getMessage();
    }

    @Test
    void theJournalSaysWhenNothingIsOpen(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> kiosk.engine().isPresent());
        kiosk.engine().orElseThrow().settle();
        enterTechnicianMode(robot);
        String none = KioskOnStage.onFx(() -> I18n.tr("technician.journal.none"));
        waitForText(robot, "#technician-journal-empty", none);
    }

    @Test
    void enteringTechnicianModeDuringAPatientSessionLeavesNoPatientDataInTheScene(FxRobot robot) throws Exception {
        kiosk.demoHospital().get(60, TimeUnit.SECONDS);
        kiosk.devices().idCardSimulator().orElseThrow().insert(DemoCards.ZHANG_SANMING);
        waitFor(robot, "#greeting");
        Patient patient = KioskOnStage.onFx(() -> kiosk.viewModel().patient().orElseThrow());
        String masked = patient.maskedName();
        assertTrue(sceneTexts().stream().anyMatch(t -> t.contains(masked)));

        openPinPad(robot);
        assertTrue(KioskOnStage.onFx(() -> kiosk.viewModel().patient().isEmpty()));
        assertFalse(KioskOnStage.onFx(() -> kiosk.viewModel().sessionOpen() && kiosk.viewModel().journey().isPresent()));
        assertNoPatientIn(sceneTexts(), patient);
        enter(robot, PIN);
        waitFor(robot, "#technician-title");
        assertNoPatientIn(sceneTexts(), patient);
        // A card read in technician mode opens no session.
        kiosk.devices().idCardSimulator().orElseThrow().remove();
        kiosk.devices().idCardSimulator().orElseThrow().insert(DemoCards.ZHANG_SANMING);
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(KioskOnStage.onFx(() -> kiosk.viewModel().screen() instanceof KioskScreen.Technician));
        assertTrue(KioskOnStage.onFx(() -> kiosk.viewModel().patient().isEmpty()));
    }

    private static void assertNoPatientIn(List<String> texts, Patient patient) {
        for (String t : texts) {
            assertFalse(t.contains(patient.maskedName()), "the patient's masked name is still shown: " + t);
            assertFalse(t.contains(patient.name()), "the patient's name is still shown: " + t);
        }
    }

    @Test
    void nothingLoggedDuringPinEntryContainsThePin(FxRobot robot) throws Exception {
        openPinPad(robot);
        enter(robot, WRONG);
        enter(robot, PIN);
        waitFor(robot, "#technician-title");
        assertFalse(log.list.isEmpty());
        assertTrue(log.list.stream().anyMatch(e -> e.getFormattedMessage().contains("technician PIN accepted")));
        assertNoPinLogged();
        assertFalse(sceneTexts().stream().anyMatch(t -> t.contains(PIN) || t.contains(WRONG)));
    }
}
