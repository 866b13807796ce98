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

    /**
     * Presses a button of the technician screen by firing it on the FX thread: the screen scrolls, and a button below
     * the fold cannot be clicked at its coordinates. It must be enabled, as for a finger.
     */
    void press(FxRobot robot, String query) throws Exception {
        waitFor(robot, query);
        KioskOnStage.onFx(() -> {
            javafx.scene.control.Button b = robot.lookup(query).queryButton();
            assertFalse(b.isDisabled(), query + " is disabled");
            b.fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the labeled node's text is {@code expected}; fails with the text it had. */
    void awaitText(FxRobot robot, String query, String expected, int seconds) throws Exception {
        waitFor(robot, query);
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> expected.equals(text(robot, query)));
        } catch (java.util.concurrent.TimeoutException e) {
            assertEquals(expected, text(robot, query));
        }
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
    void thePaperCounterCountsPrintedReceiptsUntilANewRollAndTheJournalIsExportedMasked(FxRobot robot) throws Exception {
        kiosk.demoHospital().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> kiosk.engine().isPresent());
        Journal journal = kiosk.engine().orElseThrow().journal();
        String journey = Journal.newJourneyId();
        journal.intend(journey, IntentKind.TOP_UP, Money.ofYuan("12"), "P-TECH-0002", Map.of());
        for (int i = 0; i < 3; i++) {
            var job = journal.queuePrint(journey, null, "P-TECH-0002", org.medkiosk.journal.PrintJob.Printer.RECEIPT,
                    "topup", "TXN-" + i, new byte[] {0x1B, 0x40});
            journal.printOutcome(job.id(), i < 2 ? org.medkiosk.journal.PrintJob.State.PRINTED
                    : org.medkiosk.journal.PrintJob.State.NOT_PRINTED, i < 2 ? null : "paper end");
        }
        enterTechnicianMode(robot);
        waitForText(robot, "#technician-paper-count", KioskOnStage.onFx(() -> I18n.tr("technician.paper.count", 2)));

        press(robot, "#technician-paper-roll-loaded");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#technician-paper-count")
                .equals(KioskOnStage.onFx(() -> I18n.tr("technician.paper.count-since", 0,
                        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(
                                org.medkiosk.app.technician.ReceiptPaper.in(kiosk.dataFolder()).rollLoadedAt().orElseThrow()
                                        .atZone(ZoneId.systemDefault()))))));
        var after = journal.queuePrint(journey, null, "P-TECH-0002", org.medkiosk.journal.PrintJob.Printer.RECEIPT,
                "topup", "TXN-9", new byte[] {0x1B, 0x40});
        journal.printOutcome(after.id(), org.medkiosk.journal.PrintJob.State.PRINTED, null);
        assertEquals(1, org.medkiosk.app.technician.ReceiptPaper.in(kiosk.dataFolder()).printedSince(journal.printJobs()),
                "the roll counts from its loading");

        press(robot, "#technician-export-journal");
        Path exports = kiosk.dataFolder().resolve("exports");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.isDirectory(exports)
                && Files.list(exports).anyMatch(f -> f.toString().endsWith(".jsonl")));
        Path file;
        try (var files = Files.list(exports)) {
            file = files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(journal.all().size() + journal.printJobs().size(), lines.size(), "every intent and print job");
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"kind\":\"TOP_UP\"")), String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(l -> l.contains("P-TECH-0002")), "patient ids are masked");
        waitForText(robot, "#technician-export-result",
                KioskOnStage.onFx(() -> I18n.tr("technician.export.done", file.toString())));
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

    // ---- issue 11: devices live, backend, logs, PIN, restart ------------------------------------------------------

    /** A receipt printer on TCP (as printer.receipt=tcp://HOST:PORT names one): healthy, keeps every byte it gets. */
    static final class TcpPrinter implements AutoCloseable {
        final java.net.ServerSocket server = new java.net.ServerSocket(0, 5, java.net.InetAddress.getByName("127.0.0.1"));
        final java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        final Thread thread = new Thread(this::serve, "test-tcp-printer");

        TcpPrinter() throws java.io.IOException {
            thread.setDaemon(true);
            thread.start();
        }

        String spec() {
            return "tcp://127.0.0.1:" + server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (java.net.Socket s = server.accept()) {
                    java.io.InputStream in = s.getInputStream();
                    java.io.OutputStream out = s.getOutputStream();
                    int before2 = -1;
                    int before1 = -1;
                    for (int b; (b = in.read()) >= 0; ) {
                        synchronized (received) {
                            received.write(b);
                        }
                        if (before2 == 0x10 && before1 == 0x04 && b >= 1 && b <= 4) {
                            out.write(0x12); // DLE EOT n: no problem (bits 1 and 4 set, nothing else)
                            out.flush();
                        }
                        before2 = before1;
                        before1 = b;
                    }
                } catch (java.io.IOException e) {
                    // the kiosk closed the connection, or the test closed the server
                }
            }
        }

        byte[] bytes() {
            synchronized (received) {
                return received.toByteArray();
            }
        }

        @Override
        public void close() throws java.io.IOException {
            server.close();
        }
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    org.medkiosk.app.technician.ConfigOverrides overridesOfAFile() throws Exception {
        Path dir = Files.createTempDirectory("medkiosk-technician-config");
        Path main = Files.writeString(dir.resolve("kiosk.properties"), "backend.url=https://his.example-hospital.cn/fhir\n"
                + "printer.receipt=serial:/dev/ttyUSB1@115200\nstorage.data-folder=" + dir.resolve("data") + "\n");
        org.medkiosk.app.technician.ConfigOverrides overrides =
                org.medkiosk.app.technician.ConfigOverrides.in(dir.resolve("data"), main);
        kiosk.useConfigOverrides(overrides);
        return overrides;
    }

    void editReceiptSetting(FxRobot robot, String spec, String profile) {
        KioskOnStage.onFx(() -> {
            robot.lookup("#technician-receipt-spec").queryAs(javafx.scene.control.TextField.class).setText(spec);
            robot.lookup("#technician-receipt-profile").queryAs(javafx.scene.control.ComboBox.class).getEditor().setText(profile);
            return null;
        });
    }

    @Test
    void anEditedReceiptPrinterSettingIsTestedOnThatPrinterBeforeItIsSaved(FxRobot robot) throws Exception {
        org.medkiosk.app.technician.ConfigOverrides overrides = overridesOfAFile();
        var kioskPrinter = kiosk.receiptPrinter().orElseThrow();
        var simulated = kiosk.devices().simulators().orElseThrow().printer();
        int simulatedJobs = simulated.printedJobs().size();
        try (TcpPrinter tcp = new TcpPrinter()) {
            enterTechnicianMode(robot);
            waitFor(robot, "#technician-receipt-spec");

            // A bad value: the loader's own message, and nothing printed or saved.
            editReceiptSetting(robot, tcp.spec(), "generic-57");
            press(robot, "#technician-setting-test");
            String loader = assertThrowsConfig(() -> overrides.set("printer.receipt.profile", "generic-57"));
            awaitText(robot, "#technician-setting-test-result",
                    KioskOnStage.onFx(() -> I18n.tr("technician.setting.not-tested", loader)), 20);
            assertEquals(0, tcp.bytes().length);

            editReceiptSetting(robot, tcp.spec(), "generic-58");
            press(robot, "#technician-setting-test");
            String printed = KioskOnStage.onFx(() -> I18n.tr("technician.setting.tested", tcp.spec(),
                    I18n.tr("technician.print.printed")));
            awaitText(robot, "#technician-setting-test-result", printed, 30);
            byte[] got = tcp.bytes();
            assertTrue(contains(got, new byte[] {0x1B, 0x40}), "ESC @ starts the page");
            assertTrue(contains(got, "TEST PAGE".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), "the test page's words");
            assertTrue(contains(got, "generic-58".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), "the edited profile");

            // Only tested: the kiosk still prints on its own printer, and nothing was saved.
            assertEquals(simulatedJobs, simulated.printedJobs().size());
            assertTrue(kiosk.receiptPrinter().orElseThrow() == kioskPrinter);
            assertTrue(kiosk.config().receiptPrinter().spec().isEmpty());
            assertFalse(Files.exists(overrides.file()), "nothing saved by a test");
            assertEquals("", text(robot, "#technician-setting-result"));

            press(robot, "#technician-setting-save");
            String saved = KioskOnStage.onFx(() -> I18n.tr("technician.setting.saved"));
            awaitText(robot, "#technician-setting-result", saved, 20);
            assertEquals(tcp.spec(), overrides.values().get("printer.receipt"));
            assertTrue(kiosk.receiptPrinter().orElseThrow() == kioskPrinter, "the new printer is used from the next start");
        }
    }

    @Test
    void theHospitalCheckRunsFromTheScreenAndPassesAgainstTheDemoHospital(FxRobot robot) throws Exception {
        String baseUrl = kiosk.demoHospital().get(60, TimeUnit.SECONDS).baseUrl();
        enterTechnicianMode(robot);
        waitFor(robot, "#technician-backend-url");
        assertTrue(text(robot, "#technician-backend-url").contains(baseUrl), text(robot, "#technician-backend-url"));
        press(robot, "#technician-backend-check");
        awaitText(robot, "#technician-backend-result",
                KioskOnStage.onFx(() -> I18n.tr("technician.backend.conformant")), 90);
        List<String> lines = KioskOnStage.onFx(() -> model().backendLinesProperty().get());
        assertEquals("RESULT: conformant", lines.get(lines.size() - 1));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("PASS  capabilities")), lines.toString());
        assertTrue(sceneTexts().contains("RESULT: conformant"));
        assertFalse(sceneTexts().stream().anyMatch(t -> t.startsWith("FAIL")));
    }

    @Test
    void theBackendAddressShowsNoCredentials() {
        assertEquals("https://his.example-hospital.cn/fhir",
                TechnicianDesk.withoutUserInfo("https://kiosk:s3cret@his.example-hospital.cn/fhir?access_token=abc"));
        assertEquals("https://his.example-hospital.cn:8443/fhir",
                TechnicianDesk.withoutUserInfo("https://his.example-hospital.cn:8443/fhir"));
        KioskConfig.Backend backend = new KioskConfig.Backend(Optional.of("https://his.example-hospital.cn/fhir"),
                Optional.of("tok-SECRET-123"), Duration.ofSeconds(5), Optional.empty(), Optional.empty());
        assertFalse(backend.toString().contains("tok-SECRET-123"));
    }

    @Test
    void theRecentLogIsShownWithoutThePatientsIdNumberOrName(FxRobot robot) throws Exception {
        kiosk.demoHospital().get(60, TimeUnit.SECONDS);
        kiosk.devices().idCardSimulator().orElseThrow().insert(DemoCards.ZHANG_SANMING);
        waitFor(robot, "#greeting");
        String marker = "technician-log-test-" + java.util.UUID.randomUUID();
        LoggerFactory.getLogger(TechnicianModeTest.class).info("{} card 110101198503071235", marker);
        enterTechnicianMode(robot);
        waitFor(robot, "#technician-log-line-0");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> KioskOnStage.onFx(() -> model().logLinesProperty().get().size()) > 1);
        List<String> lines = KioskOnStage.onFx(() -> model().logLinesProperty().get());
        assertTrue(lines.size() <= TechnicianViewModel.LOG_LINES, lines.size() + " lines");
        assertTrue(lines.stream().anyMatch(l -> l.contains(marker) && l.contains("1101**********1235")), lines.toString());
        for (String t : sceneTexts()) {
            assertFalse(t.contains("110101198503071235"), "an ID number on the technician screen: " + t);
            assertFalse(t.contains("张三明"), "a patient's name on the technician screen: " + t);
            assertFalse(t.contains("张*明"), "a patient's masked name on the technician screen: " + t);
        }
    }

    @Test
    void theLogTailIsTheLastLinesOfEvenALargeFile() throws Exception {
        Path file = Files.createTempFile("kiosk", ".log");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("2026-12-01 10:00:00.000 INFO  [main] o.m.app.Test - line ").append(i).append(" 中文\n");
        }
        Files.writeString(file, text);
        List<String> tail = TechnicianDesk.tail(file, TechnicianViewModel.LOG_LINES);
        assertEquals(TechnicianViewModel.LOG_LINES, tail.size());
        assertTrue(tail.get(0).endsWith("line 19960 中文"), tail.get(0));
        assertTrue(tail.get(39).endsWith("line 19999 中文"), tail.get(39));
        Files.writeString(file, "one\ntwo\n");
        assertEquals(List.of("one", "two"), TechnicianDesk.tail(file, TechnicianViewModel.LOG_LINES));
    }

    @Test
    void maskedNamesInTheLogAreNotShownToTheTechnician() {
        assertEquals("session opened for Patient[id=pat-1, name=***]",
                TechnicianDesk.withoutMaskedNames("session opened for Patient[id=pat-1, name=张*明]"));
        assertEquals("name=*** and ***", TechnicianDesk.withoutMaskedNames("name=J*********H and 张*"));
        String kept = "id 1101**********1235, file kiosk.%d{yyyy-MM-dd}.%i.log.gz, 3 * 4";
        assertEquals(kept, TechnicianDesk.withoutMaskedNames(kept));
    }

    @Test
    void theSamIdAndSelfTestAreAskedOfTheRunningIdCardReader(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> kiosk.devices().idCardReader().isPresent());
        enterTechnicianMode(robot);
        press(robot, "#technician-sam-id");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> !model().samBusyProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        String id = text(robot, "#technician-sam-result");
        String prefix = KioskOnStage.onFx(() -> I18n.tr("technician.sam.id", ""));
        assertTrue(id.startsWith(prefix) && id.substring(prefix.length()).matches("\\d{2}\\.\\d{2}-\\d{8}-\\d+-\\d+"), id);

        press(robot, "#technician-sam-self-test");
        awaitText(robot, "#technician-sam-result",
                KioskOnStage.onFx(() -> I18n.tr("technician.sam.self-test-passed", "0x90")), 20);
    }

    @Test
    void cardsAndCodesReadInTechnicianModeAreShownMaskedAndNeverInFull(FxRobot robot) throws Exception {
        enterTechnicianMode(robot);
        waitFor(robot, "#technician-seen-empty");
        kiosk.devices().idCardSimulator().orElseThrow().insert(DemoCards.ZHANG_SANMING);
        String expected = KioskOnStage.onFx(() -> I18n.tr("technician.seen.id-card",
                I18n.tr("technician.seen.card.resident"), "1101**********1235"));
        waitFor(robot, "#technician-seen-line-0");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#technician-seen-line-0").endsWith(expected));

        // A wallet payment code: that one was scanned, nothing of it.
        String paymentCode = "134567890123456710";
        kiosk.devices().simulators().orElseThrow().scanner().present(paymentCode, org.medkiosk.device.scanner.Symbology.QR_CODE);
        String payment = KioskOnStage.onFx(() -> I18n.tr("technician.seen.payment-code"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#technician-seen-line-0").endsWith(payment));
        assertTrue(text(robot, "#technician-seen-line-1").endsWith(expected));

        assertTrue(KioskOnStage.onFx(() -> kiosk.viewModel().screen() instanceof KioskScreen.Technician));
        assertTrue(KioskOnStage.onFx(() -> kiosk.viewModel().patient().isEmpty()), "no session was opened");
        for (String t : sceneTexts()) {
            assertFalse(t.contains("110101198503071235"), "the full ID number is shown: " + t);
            assertFalse(t.contains("张三明"), "the name is shown: " + t);
            assertFalse(t.contains(paymentCode) || t.contains("3456710"), "the payment code is shown: " + t);
        }
    }

    @Test
    void theTechnicianPinIsChangedOnScreenAfterTheCurrentOneAndRefusedWhenWeakOrMismatched(FxRobot robot) throws Exception {
        String newPin = "582046";
        String typo = "582047";
        enterTechnicianMode(robot);
        click(robot, "#technician-change-pin");
        waitFor(robot, "#technician-pin-title");
        assertEquals(KioskOnStage.onFx(() -> I18n.tr("technician.change-pin.current")), text(robot, "#technician-pin-title"));

        assertEquals(KioskOnStage.onFx(() -> I18n.tr("technician.pin.wrong", 4)), enter(robot, WRONG));
        assertEquals("", enter(robot, PIN));
        assertEquals(KioskOnStage.onFx(() -> I18n.tr("technician.change-pin.new")), text(robot, "#technician-pin-title"));

        assertEquals(KioskOnStage.onFx(() -> I18n.tr("technician.change-pin.refused",
                I18n.tr("technician.pin-rule.not-a-run"))), enter(robot, "123456"));
        assertEquals(KioskOnStage.onFx(() -> I18n.tr("technician.change-pin.refused",
                I18n.tr("technician.pin-rule.too-short", 6))), enter(robot, "5820"));
        assertEquals(KioskOnStage.onFx(() -> I18n.tr("technician.change-pin.refused",
                I18n.tr("technician.pin-rule.not-one-digit"))), enter(robot, "777777"));

        assertEquals("", enter(robot, newPin));
        assertEquals(KioskOnStage.onFx(() -> I18n.tr("technician.change-pin.repeat")), text(robot, "#technician-pin-title"));
        assertEquals(KioskOnStage.onFx(() -> I18n.tr("technician.change-pin.mismatch")), enter(robot, typo));
        assertEquals(KioskOnStage.onFx(() -> I18n.tr("technician.change-pin.new")), text(robot, "#technician-pin-title"));
        assertTrue(pin.check(PIN.toCharArray()) instanceof org.medkiosk.app.technician.PinCheck.Accepted, "not changed yet");

        enter(robot, newPin);
        enter(robot, newPin);
        waitFor(robot, "#technician-title");
        awaitText(robot, "#technician-change-pin-result", KioskOnStage.onFx(() -> I18n.tr("technician.change-pin.done")), 20);
        assertTrue(pin.check(newPin.toCharArray()) instanceof org.medkiosk.app.technician.PinCheck.Accepted);
        assertTrue(pin.check(PIN.toCharArray()) instanceof org.medkiosk.app.technician.PinCheck.Wrong);
        for (ILoggingEvent e : List.copyOf(log.list)) {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            assertFalse(line.contains(newPin) || line.contains(typo) || line.contains("777777"), "a PIN is in the log: " + line);
        }
        assertTrue(log.list.stream().anyMatch(e -> e.getFormattedMessage().contains("technician PIN changed")));
        assertFalse(sceneTexts().stream().anyMatch(t -> t.contains(newPin) || t.contains(PIN)));
    }

    @Test
    void cancelOnTheChangePinPadLeavesThePinAsItWas(FxRobot robot) throws Exception {
        enterTechnicianMode(robot);
        click(robot, "#technician-change-pin");
        enter(robot, PIN);
        for (char c : "582046".toCharArray()) {
            click(robot, "#technician-pin-key-" + c);
        }
        click(robot, "#technician-pin-cancel");
        waitFor(robot, "#technician-title");
        assertEquals(TechnicianViewModel.Stage.OPEN, KioskOnStage.onFx(() -> model().stage()));
        assertTrue(pin.check(PIN.toCharArray()) instanceof org.medkiosk.app.technician.PinCheck.Accepted);
    }

    @Test
    void restartAsksFirstThenExitsWithCodeThree(FxRobot robot) throws Exception {
        java.util.concurrent.atomic.AtomicInteger code = new java.util.concurrent.atomic.AtomicInteger(-1);
        kiosk.onTechnicianExit((java.util.function.IntConsumer) code::set);
        enterTechnicianMode(robot);
        press(robot, "#technician-restart");
        assertTrue(KioskOnStage.onFx(() -> robot.lookup("#technician-restart-confirmation").query().isVisible()));
        assertEquals(-1, code.get(), "not before it is confirmed");
        press(robot, "#technician-restart-cancel");
        assertFalse(KioskOnStage.onFx(() -> robot.lookup("#technician-restart-confirmation").query().isVisible()));
        press(robot, "#technician-restart");
        press(robot, "#technician-restart-confirm");
        assertEquals(TechnicianViewModel.RESTART, code.get());
        assertEquals(3, code.get());
    }

    /**
     * "Shut down" runs the system's power-off command (here a real process standing in for systemctl poweroff, which
     * records that it ran) only once confirmed, and closes the kiosk only after the system took the request.
     */
    @Test
    void shutDownAsksFirstThenPowersOffAndClosesTheKiosk(FxRobot robot) throws Exception {
        Path ran = Files.createTempDirectory("medkiosk-power").resolve("powered-off");
        kiosk.useSystemPower(org.medkiosk.app.technician.SystemPower.command(
                List.of("sh", "-c", "echo poweroff > '" + ran + "'")));
        java.util.concurrent.atomic.AtomicInteger code = new java.util.concurrent.atomic.AtomicInteger(-1);
        kiosk.onTechnicianExit((java.util.function.IntConsumer) code::set);
        enterTechnicianMode(robot);
        press(robot, "#technician-shut-down");
        assertTrue(KioskOnStage.onFx(() -> robot.lookup("#technician-shut-down-confirmation").query().isVisible()));
        assertFalse(Files.exists(ran), "not before it is confirmed");
        press(robot, "#technician-shut-down-cancel");
        assertFalse(KioskOnStage.onFx(() -> robot.lookup("#technician-shut-down-confirmation").query().isVisible()));
        assertFalse(Files.exists(ran));

        press(robot, "#technician-shut-down");
        press(robot, "#technician-shut-down-confirm");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> code.get() != -1);
        assertEquals(0, code.get(), "the kiosk closes as on Exit (journal and devices closed)");
        assertEquals("poweroff", Files.readString(ran).strip());
        assertEquals(TechnicianViewModel.Stage.CLOSED, KioskOnStage.onFx(() -> model().stage()));
    }

    /** A system that refuses (polkit says no) leaves the kiosk running, and the technician reads why. */
    @Test
    void aRefusedShutDownSaysWhyAndTheKioskKeepsRunning(FxRobot robot) throws Exception {
        kiosk.useSystemPower(org.medkiosk.app.technician.SystemPower.command(List.of("sh", "-c",
                "echo 'Failed to power off system via logind: Access denied' >&2; exit 1")));
        java.util.concurrent.atomic.AtomicInteger code = new java.util.concurrent.atomic.AtomicInteger(-1);
        kiosk.onTechnicianExit((java.util.function.IntConsumer) code::set);
        enterTechnicianMode(robot);
        press(robot, "#technician-shut-down");
        press(robot, "#technician-shut-down-confirm");
        String expected = KioskOnStage.onFx(() -> I18n.tr("technician.shut-down.refused",
                "Failed to power off system via logind: Access denied"));
        awaitText(robot, "#technician-shut-down-result", expected, 30);
        assertEquals(-1, code.get(), "the kiosk did not close");
        assertEquals(TechnicianViewModel.Stage.OPEN, KioskOnStage.onFx(() -> model().stage()));
        assertFalse(KioskOnStage.onFx(() -> robot.lookup("#technician-shut-down-confirmation").query().isVisible()));
        press(robot, "#technician-shut-down"); // and may try again
        assertTrue(KioskOnStage.onFx(() -> robot.lookup("#technician-shut-down-confirmation").query().isVisible()));
    }

    /** The demo never powers its machine off: a laptop running it has no "Shut down". */
    @Test
    void theDemoOffersNoShutDown(FxRobot robot) throws Exception {
        enterTechnicianMode(robot);
        waitFor(robot, "#technician-restart");
        assertFalse(KioskOnStage.onFx(() -> robot.lookup("#technician-shut-down").tryQuery().isPresent()));
    }

    /** Switching language on the technician screen rewords every line, the ones worded when read too. */
    @Test
    void theTechnicianScreenFollowsTheLanguageSwitch(FxRobot robot) throws Exception {
        enterTechnicianMode(robot);
        waitForText(robot, "#technician-journal-empty", KioskOnStage.onFx(() -> I18n.tr("technician.journal.none")));
        String idCardZh = KioskOnStage.onFx(() -> I18n.tr("technician.device.idcard"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#technician-devices").tryQuery().isPresent()
                && sceneTexts().stream().anyMatch(t -> t.startsWith(idCardZh + ": ")));
        click(robot, "#language-switch");
        assertEquals(java.util.Locale.ENGLISH, KioskOnStage.onFx(I18n::locale));
        waitForText(robot, "#technician-journal-empty", KioskOnStage.onFx(() -> I18n.tr("technician.journal.none")));
        String idCardEn = KioskOnStage.onFx(() -> I18n.tr("technician.device.idcard"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> sceneTexts().stream().anyMatch(t -> t.startsWith(idCardEn + ": ")));
        assertFalse(sceneTexts().stream().anyMatch(t -> t.startsWith(idCardZh + ": ")), "a device line still in Chinese");
        assertEquals(KioskOnStage.onFx(() -> I18n.tr("technician.seen.none")), text(robot, "#technician-seen-empty"));
    }
}
