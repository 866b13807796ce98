package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.app.config.ConfigLoader;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.devices.DeviceAvailability;
import org.medkiosk.app.platform.AttachPlatform;
import org.medkiosk.app.ui.KioskWindow;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.demohospital.DemoRoster;
import org.medkiosk.device.link.SerialLink;
import org.medkiosk.device.link.SerialSettings;
import org.medkiosk.device.link.testing.PseudoTerminalPair;
import org.medkiosk.device.scanner.ScannerFraming;
import org.medkiosk.device.scanner.ScannerSimulator;
import org.medkiosk.device.scanner.Symbology;
import org.medkiosk.device.scanner.TriggerProfile;
import org.medkiosk.device.smartcard.ContactlessPatientCardSimulator;
import org.medkiosk.device.smartcard.PcscTerminalSource;
import org.medkiosk.device.smartcard.SocialSecurityCardSimulator;
import org.medkiosk.device.smartcard.VpcdCard;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 9 acceptance, in hospital mode: the kiosk assembled as {@code kiosk run --config FILE} does
 * ({@link KioskAssembly#hospital} from a configuration file), against an in-process demo hospital over HTTP, with
 * real devices on the other end: a Honeywell-style command-trigger scanner on a pseudo-terminal (socat) answered by
 * the scanner simulator, and the PC/SC reader through the real stack (pcscd + vsmartcard-vpcd + a Java virtual card).
 * Each way identifies a roster patient; a device that goes offline stops being invited on the idle screen.
 */
@ExtendWith(ApplicationExtension.class)
class HospitalModeIdentityTest {
    private static DemoHospital hospital;
    private Stage stage;
    private KioskAssembly kiosk;
    private KioskWindow window;

    @BeforeAll
    static void startHospital() {
        hospital = DemoHospital.start(0, DemoHospital.Options.defaults());
    }

    @AfterAll
    static void stopHospital() {
        if (hospital != null) {
            hospital.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        KioskWindow.loadFonts();
    }

    @AfterEach
    void stop() {
        if (window != null) {
            WaitForAsyncUtils.waitForAsyncFx(5000, () -> window.stop());
        }
        if (kiosk != null) {
            kiosk.close();
        }
    }

    /** Writes kiosk.properties with the hospital, a data folder and the given device keys, and starts the kiosk. */
    private void runKiosk(FxRobot robot, String deviceKeys) throws Exception {
        Path data = Files.createTempDirectory("medkiosk-hospital-mode");
        Path file = data.resolve("kiosk.properties");
        Files.writeString(file, "backend.url=" + hospital.baseUrl() + "\n"
                + "storage.data-folder=" + data + "\n"
                + "screen.full-screen=false\n"
                + deviceKeys);
        KioskConfig config = ConfigLoader.load(file);
        kiosk = KioskAssembly.hospital(config, new AttachPlatform(config.storage().dataFolder()), Platform::runLater);
        robot.interact(() -> {
            window = KioskWindow.create(kiosk.viewModel(), config, Clock.systemDefaultZone(), true, false);
            stage.setScene(window.scene());
            stage.show();
        });
        kiosk.startInBackground();
    }

    @Test
    void scannerIdentifiesByEHealthCardQrAndInsuranceVoucherAndGoesOutOfOrderWhenUnplugged(FxRobot robot)
            throws Exception {
        try (PseudoTerminalPair pty = PseudoTerminalPair.open()) {
            // The scanner is set to send a prefix and CRLF, and waits for the host's trigger (Honeywell SYN T CR).
            ScannerFraming framing = ScannerFraming.defaults().withPrefix("MK").withSuffix(ScannerFraming.Suffix.CRLF);
            ScannerSimulator scanner = new ScannerSimulator(
                    new SerialLink(SerialSettings.of(pty.devicePath().toString(), 9600)), framing, TriggerProfile.HONEYWELL);
            scanner.start();
            try {
                runKiosk(robot, "scanner.port=" + pty.hostPath() + "\nscanner.baud=9600\nscanner.trigger=honeywell\n"
                        + "scanner.prefix=MK\nscanner.suffix=crlf\n");
                waitUntil(20, scanner::isTriggered);
                waitUntil(20, () -> visible(robot, "#way-scan"));
                assertFalse(visible(robot, "#way-idcard"), "no ID-card reader configured: not invited");
                assertFalse(visible(robot, "#way-medicalcard"), "no smart-card reader configured: not invited");

                scanner.present(DemoRoster.ehealthCardQr(2), Symbology.QR_CODE);
                awaitGreeting(robot, "您好，李*英");
                robot.interact(() -> kiosk.viewModel().endSession());

                scanner.present(DemoRoster.insuranceVoucherQr(3), Symbology.QR_CODE);
                awaitGreeting(robot, "您好，王*红");
                robot.interact(() -> kiosk.viewModel().endSession());

                // The cable is pulled: the idle screen stops inviting codes and names what still works.
                pty.unplug();
                waitUntil(20, () -> visible(robot, "#idle-out-of-order"));
                assertFalse(visible(robot, "#way-scan"));
                assertEquals("抱歉，扫码器暂停使用，请输入身份证号。",
                        KioskOnStage.text(robot, "#idle-out-of-order"));
                assertEquals(DeviceAvailability.State.OUT_OF_ORDER,
                        kiosk.viewModel().deviceAvailability().state(DeviceAvailability.Device.SCANNER));

                pty.plugBackIn();
                waitUntil(20, () -> visible(robot, "#way-scan"));
                assertFalse(visible(robot, "#idle-out-of-order"));
            } finally {
                scanner.close();
            }
        }
    }

    @Test
    void smartCardReaderIdentifiesBySocialSecurityCardAndContactlessPatientCard(FxRobot robot) throws Exception {
        try (PcscStack pcsc = PcscStack.ensureRunning()) {
            String library = Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1"))
                    ? "smartcard.library=/usr/lib/x86_64-linux-gnu/libpcsclite.so.1\n" : "";
            runKiosk(robot, "smartcard.reader=" + PcscStack.VIRTUAL_READER + "\nsmartcard.poll-ms=100\n" + library);
            waitUntil(30, () -> kiosk.viewModel().deviceAvailability().state(DeviceAvailability.Device.SMART_CARD_READER)
                    == DeviceAvailability.State.READY);
            assertTrue(visible(robot, "#way-medicalcard"));

            VpcdCard insurance = new VpcdCard("127.0.0.1", VpcdCard.DEFAULT_PORT,
                    SocialSecurityCardSimulator.demo(4, SocialSecurityCardSimulator.Variant.NORMAL));
            insurance.insert();
            try {
                awaitGreeting(robot, "您好，陈*国");
            } finally {
                insurance.remove();
            }
            awaitCardAbsent();
            robot.interact(() -> kiosk.viewModel().endSession());

            VpcdCard patientCard = new VpcdCard("127.0.0.1", VpcdCard.DEFAULT_PORT, ContactlessPatientCardSimulator.demo(7));
            patientCard.insert();
            try {
                awaitGreeting(robot, "您好，黄*强");
            } finally {
                patientCard.remove();
            }
            awaitCardAbsent();
        }
    }

    @Test
    void anIdCardReaderThatCannotBeOpenedIsNotInvitedAndTheTypedNumberStillIdentifies(FxRobot robot) throws Exception {
        runKiosk(robot, "idcard.port=/dev/medkiosk-no-such-reader\n");
        waitUntil(20, () -> visible(robot, "#idle-out-of-order"));
        assertFalse(visible(robot, "#way-idcard"), "a reader that is out of order is not invited");
        assertEquals("抱歉，身份证读卡器暂停使用，请输入身份证号。",
                KioskOnStage.text(robot, "#idle-out-of-order"));
        assertEquals("请选择下面的一种方式，或点击“开始”", KioskOnStage.text(robot, "#idle-instruction"));
        robot.clickOn("#language-switch");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Sorry, the ID-card reader cannot be used now: please type your ID number.",
                KioskOnStage.text(robot, "#idle-out-of-order"));
        robot.clickOn("#language-switch");
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#way-typed");
        IdNumberKeypadTest.typeOnKeypad(robot, DemoRoster.patient(1).idNumber());
        robot.clickOn("#id-number-confirm");
        awaitGreeting(robot, "您好，张*明");
    }

    private static void awaitGreeting(FxRobot robot, String greeting) throws Exception {
        waitUntil(60, () -> KioskOnStage.onFx(() -> robot.lookup("#greeting").tryQuery().isPresent()));
        assertEquals(greeting, KioskOnStage.text(robot, "#greeting"));
    }

    static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }

    /** pcscd notices a pulled card on its next poll; the kiosk's reader must see it gone before the next card. */
    private static void awaitCardAbsent() throws Exception {
        PcscTerminalSource source = new PcscTerminalSource();
        waitUntil(30, () -> !source.terminals().getTerminal(PcscStack.VIRTUAL_READER).isCardPresent());
        Thread.sleep(500);
    }
}
