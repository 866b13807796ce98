package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.devices.DeviceAvailability;
import org.medkiosk.app.platform.AttachPlatform;
import org.medkiosk.app.ui.KioskWindow;
import org.medkiosk.demohospital.DemoRoster;
import org.medkiosk.device.link.DeviceHealth;
import org.medkiosk.device.scanner.Symbology;
import org.medkiosk.device.smartcard.ContactlessPatientCardSimulator;
import org.medkiosk.device.smartcard.SimulatedCardReaders;
import org.medkiosk.device.smartcard.SocialSecurityCardSimulator;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Demo mode: the simulated smart-card reader (what the simulator panel's insurance and patient card buttons use)
 * identifies through the real SmartCardReader driver, the insurance e-voucher QR through the simulated scanner, and
 * a device reported out of order changes the idle screen.
 */
@ExtendWith(ApplicationExtension.class)
class DemoIdentityWaysTest {
    KioskAssembly kiosk;
    KioskWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path data = Files.createTempDirectory("medkiosk-demo-ways");
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

    private void awaitGreeting(FxRobot robot, String greeting) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> robot.lookup("#greeting").tryQuery().isPresent()));
        assertEquals(greeting, KioskOnStage.text(robot, "#greeting"));
    }

    @Test
    void simulatedInsuranceAndPatientCardsIdentify(FxRobot robot) throws Exception {
        SimulatedCardReaders readers = kiosk.devices().simulators().orElseThrow().smartCardReaders();
        HospitalModeIdentityTest.waitUntil(20, () -> HospitalModeIdentityTest.visible(robot, "#way-medicalcard"));
        readers.insert(KioskDevices.SIMULATED_SMART_CARD_READER,
                SocialSecurityCardSimulator.demo(1, SocialSecurityCardSimulator.Variant.NORMAL));
        awaitGreeting(robot, "您好，张*明");
        readers.remove(KioskDevices.SIMULATED_SMART_CARD_READER);
        Thread.sleep(600); // the reader polls every 200 ms: it sees the card gone
        robot.interact(() -> kiosk.viewModel().endSession());

        readers.insert(KioskDevices.SIMULATED_SMART_CARD_READER, ContactlessPatientCardSimulator.demo(8));
        awaitGreeting(robot, "您好，林*玲");
    }

    @Test
    void insuranceEVoucherQrIdentifies(FxRobot robot) throws Exception {
        kiosk.devices().simulators().orElseThrow().scanner().present(DemoRoster.insuranceVoucherQr(6), Symbology.QR_CODE);
        awaitGreeting(robot, "您好，赵*");
    }

    @Test
    void aReaderOutOfOrderIsNoLongerInvitedAndTheWaysThatWorkAreNamed(FxRobot robot) throws Exception {
        HospitalModeIdentityTest.waitUntil(20, () -> kiosk.viewModel().deviceAvailability()
                .state(DeviceAvailability.Device.ID_CARD_READER) == DeviceAvailability.State.READY);
        assertTrue(HospitalModeIdentityTest.visible(robot, "#way-idcard"));
        assertFalse(HospitalModeIdentityTest.visible(robot, "#idle-out-of-order"));
        robot.interact(() -> kiosk.viewModel().deviceAvailability()
                .health(DeviceAvailability.Device.ID_CARD_READER, DeviceHealth.offline("test: unplugged")));
        assertFalse(HospitalModeIdentityTest.visible(robot, "#way-idcard"));
        assertTrue(HospitalModeIdentityTest.visible(robot, "#way-scan"));
        assertEquals("抱歉，身份证读卡器暂停使用，请扫描电子健康卡或医保电子凭证二维码、插入医保卡或就诊卡或输入身份证号。",
                KioskOnStage.text(robot, "#idle-out-of-order"));

        robot.interact(() -> kiosk.viewModel().deviceAvailability()
                .health(DeviceAvailability.Device.SCANNER, DeviceHealth.offline("test: unplugged")));
        assertEquals("抱歉，身份证读卡器和扫码器暂停使用，请插入医保卡或就诊卡或输入身份证号。",
                KioskOnStage.text(robot, "#idle-out-of-order"));
        robot.clickOn("#language-switch");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Sorry, the ID-card reader and the code scanner cannot be used now: please insert your insurance "
                + "or patient card or type your ID number.", KioskOnStage.text(robot, "#idle-out-of-order"));
        robot.clickOn("#language-switch");

        robot.interact(() -> {
            kiosk.viewModel().deviceAvailability().health(DeviceAvailability.Device.ID_CARD_READER, DeviceHealth.ready());
            kiosk.viewModel().deviceAvailability().health(DeviceAvailability.Device.SCANNER, DeviceHealth.ready());
        });
        assertTrue(HospitalModeIdentityTest.visible(robot, "#way-idcard"));
        assertFalse(HospitalModeIdentityTest.visible(robot, "#idle-out-of-order"));
    }
}
