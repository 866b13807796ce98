package org.medkiosk.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.technician.SerialPorts;
import org.medkiosk.app.technician.TechnicianPin;
import org.medkiosk.app.viewmodel.TechnicianViewModel;
import org.medkiosk.device.receipt.PrintResult;
import org.medkiosk.hospital.HospitalBackend;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PatientIdentifier;
import org.medkiosk.hospital.Sex;
import org.medkiosk.journey.concurrent.TaskExecutor;
import org.medkiosk.journey.identify.IdentifyJourney;
import org.medkiosk.journey.identify.IdentitySource;

/**
 * Technician mode in the kiosk's view model, without a stage: the hidden gesture (five taps within three seconds),
 * the patient's session ended on entry, the session timeout back to the lobby, the PIN pad's digits gone on close.
 */
class TechnicianSessionTest {
    static final Patient ZHANG = new Patient("pat-1", "张三明", Sex.MALE, null, "MR100001", null, List.of());

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-21T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MutableClock clock = new MutableClock();
    final HospitalBackend backend = (HospitalBackend) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {HospitalBackend.class}, (proxy, method, args) -> {
                if (method.getName().equals("findPatient")) {
                    return Optional.of(ZHANG);
                }
                throw new UnsupportedOperationException(method.getName());
            });
    final TaskExecutor tasks = new TaskExecutor() {
        @Override
        public Executor background() {
            return Runnable::run;
        }

        @Override
        public Executor ui() {
            return Runnable::run;
        }
    };
    final KioskConfig config = new KioskConfig(KioskConfig.demo().hospital(), KioskConfig.demo().screen(),
            new KioskConfig.Session(Duration.ofSeconds(60), Duration.ofSeconds(15)), KioskConfig.demo().backend(),
            KioskConfig.demo().idCardReader(), KioskConfig.demo().storage());
    final KioskViewModel vm = new KioskViewModel(new IdentifyJourney(backend, tasks), config, clock);

    final TechnicianViewModel.Desk desk = new TechnicianViewModel.Desk() {
        @Override
        public List<TechnicianViewModel.DeviceRow> devices() {
            return List.of();
        }

        @Override
        public TechnicianViewModel.Facts facts() {
            return new TechnicianViewModel.Facts(List.of(), "none");
        }

        @Override
        public Optional<PrintResult> printTestPage() {
            return Optional.empty();
        }

        @Override
        public Optional<List<TechnicianViewModel.JournalLine>> journal() {
            return Optional.of(List.of());
        }

        @Override
        public int[] settle() {
            return new int[] {0, 0};
        }

        @Override
        public void exit() {
        }
    };

    @TempDir
    Path data;
    TechnicianPin pin;

    @BeforeEach
    void technicianMode() {
        pin = TechnicianPin.in(data, clock);
        pin.set("739164".toCharArray());
        vm.technicianMode(back -> new TechnicianViewModel(pin, desk, tasks, ZoneOffset.UTC, back));
    }

    TechnicianViewModel model() {
        return ((KioskScreen.Technician) vm.screen()).model();
    }

    void tap(int times, Duration apart) {
        for (int i = 0; i < times; i++) {
            vm.technicianTap();
            clock.advance(apart);
        }
    }

    @Test
    void fiveTapsWithinThreeSecondsOpenThePinPadAndSlowerOnesDoNot() {
        tap(4, Duration.ofMillis(200));
        assertInstanceOf(KioskScreen.Idle.class, vm.screen());
        clock.advance(Duration.ofSeconds(5));
        tap(5, Duration.ofMillis(800)); // 3.2 s from the first to the fifth
        assertInstanceOf(KioskScreen.Idle.class, vm.screen());
        clock.advance(Duration.ofSeconds(5));
        tap(5, Duration.ofMillis(500));
        assertInstanceOf(KioskScreen.Technician.class, vm.screen());
        assertEquals(TechnicianViewModel.Stage.PIN, model().stage());
    }

    @Test
    void enteringEndsThePatientsSessionFirst() {
        vm.present(PatientIdentifier.residentId("110101198503071235"), IdentitySource.ID_CARD);
        assertInstanceOf(KioskScreen.Home.class, vm.screen());
        vm.requestTechnician();
        assertInstanceOf(KioskScreen.Technician.class, vm.screen());
        assertTrue(vm.patient().isEmpty());
        // A card presented in technician mode opens no session.
        vm.present(PatientIdentifier.residentId("110101198503071235"), IdentitySource.ID_CARD);
        assertInstanceOf(KioskScreen.Technician.class, vm.screen());
        assertTrue(vm.patient().isEmpty());
    }

    @Test
    void theSessionTimeoutReturnsToTheLobbyAndWipesThePad() {
        vm.requestTechnician();
        TechnicianViewModel model = model();
        model.digit(7);
        model.digit(3);
        assertEquals("\u25CF\u25CF", model.dotsProperty().get());
        clock.advance(Duration.ofSeconds(61));
        vm.tick();
        assertInstanceOf(KioskScreen.Idle.class, vm.screen());
        assertEquals(TechnicianViewModel.Stage.CLOSED, model.stage());
        assertEquals("", model.dotsProperty().get());
    }

    @Test
    void theTechnicianScreenAlsoTimesOut() {
        vm.requestTechnician();
        TechnicianViewModel model = model();
        for (char c : "739164".toCharArray()) {
            model.digit(c - '0');
        }
        model.submit();
        assertEquals(TechnicianViewModel.Stage.OPEN, model.stage());
        clock.advance(Duration.ofSeconds(30));
        vm.touch();
        clock.advance(Duration.ofSeconds(45));
        vm.tick();
        assertInstanceOf(KioskScreen.Technician.class, vm.screen(), "a touch keeps technician mode open");
        clock.advance(Duration.ofSeconds(20));
        vm.tick();
        assertInstanceOf(KioskScreen.Idle.class, vm.screen());
    }

    @Test
    void serialPortsAreListedFromDevByIdAndTtyNodes(@TempDir Path dev) throws Exception {
        java.nio.file.Files.createDirectories(dev.resolve("serial/by-id"));
        java.nio.file.Files.createFile(dev.resolve("ttyUSB0"));
        java.nio.file.Files.createFile(dev.resolve("ttyS10"));
        java.nio.file.Files.createFile(dev.resolve("ttyS2"));
        java.nio.file.Files.createFile(dev.resolve("ttyACM0"));
        java.nio.file.Files.createFile(dev.resolve("tty0"));
        java.nio.file.Files.createSymbolicLink(dev.resolve("serial/by-id/usb-Sam_Reader-if00-port0"),
                Path.of("../../ttyUSB0"));
        List<String> ports = SerialPorts.present(dev);
        assertEquals(List.of(dev.resolve("serial/by-id/usb-Sam_Reader-if00-port0") + " -> " + dev.resolve("ttyUSB0"),
                dev.resolve("ttyACM0").toString(), dev.resolve("ttyS2").toString(), dev.resolve("ttyS10").toString(),
                dev.resolve("ttyUSB0").toString()), ports);
        assertEquals(List.of(), SerialPorts.present(dev.resolve("absent")));
    }

    void openTechnicianScreen() {
        vm.requestTechnician();
        for (char c : "739164".toCharArray()) {
            model().digit(c - '0');
        }
        model().submit();
        assertEquals(TechnicianViewModel.Stage.OPEN, model().stage());
    }

    @Test
    void cardsAndCodesInTechnicianModeReachTheTechnicianScreenMaskedAndOpenNoSession() {
        vm.requestTechnician();
        vm.presentIdCard(org.medkiosk.device.idcard.DemoCards.ZHANG_SANMING);
        assertEquals(List.of(), model().devicesSeenProperty().get(), "not on the PIN pad: nobody is in yet");
        for (char c : "739164".toCharArray()) {
            model().digit(c - '0');
        }
        model().submit();

        vm.presentIdCard(org.medkiosk.device.idcard.DemoCards.ZHANG_SANMING);
        vm.present(new PatientIdentifier(org.medkiosk.hospital.IdentifierKind.MEDICAL_RECORD_NUMBER, "MR1000010000000001"),
                IdentitySource.QR_CODE);
        vm.codeNotForIdentity(true);
        vm.staffCardPresented("STAFF-0042");
        List<String> seen = model().devicesSeenProperty().get();
        assertEquals(4, seen.size(), seen.toString());
        // newest first
        assertTrue(seen.get(0).endsWith(org.medkiosk.app.i18n.I18n.tr("technician.seen.staff-card")), seen.get(0));
        assertTrue(seen.get(1).endsWith(org.medkiosk.app.i18n.I18n.tr("technician.seen.payment-code")), seen.get(1));
        assertTrue(seen.get(2).endsWith(org.medkiosk.app.i18n.I18n.tr("technician.seen.code",
                org.medkiosk.app.i18n.I18n.tr("technician.seen.code.qr"), 18)), seen.get(2));
        assertTrue(seen.get(3).endsWith(org.medkiosk.app.i18n.I18n.tr("technician.seen.id-card",
                org.medkiosk.app.i18n.I18n.tr("technician.seen.card.resident"), "1101**********1235")), seen.get(3));
        for (String line : seen) {
            assertFalse(line.contains("110101198503071235") || line.contains("张三明") || line.contains("MR1000010000000001")
                    || line.contains("STAFF-0042"), line);
        }
        assertInstanceOf(KioskScreen.Technician.class, vm.screen());
        assertTrue(vm.patient().isEmpty());

        for (int i = 0; i < 20; i++) {
            vm.codeNotForIdentity(false);
        }
        assertEquals(8, model().devicesSeenProperty().get().size(), "only the latest few are kept");
        TechnicianViewModel model = model();
        model.backToLobby();
        assertEquals(List.of(), model.devicesSeenProperty().get(), "gone once technician mode closes");
    }

    @Test
    void withoutALogFileTheScreenSaysSo() {
        openTechnicianScreen();
        assertTrue(model().logMissingProperty().get());
        assertEquals(List.of(), model().logLinesProperty().get());
    }

    @Test
    void aNewPinIsCheckedAgainstTheRulesAndTypedTwiceBeforeItIsSet() {
        openTechnicianScreen();
        TechnicianViewModel model = model();
        model.startChangePin();
        assertEquals(TechnicianViewModel.Stage.CHANGE_PIN, model.stage());
        type(model, "739164");
        assertEquals(TechnicianViewModel.PinStep.NEW, model.pinStepProperty().get());
        type(model, "1234567890123");
        assertEquals("", model.dotsProperty().get());
        type(model, "987654");
        assertEquals(org.medkiosk.app.i18n.I18n.tr("technician.change-pin.refused",
                org.medkiosk.app.i18n.I18n.tr("technician.pin-rule.not-a-run")), model.pinMessageProperty().get());
        type(model, "402918");
        assertEquals(TechnicianViewModel.PinStep.REPEAT, model.pinStepProperty().get());
        type(model, "402919");
        assertEquals(TechnicianViewModel.PinStep.NEW, model.pinStepProperty().get());
        type(model, "402918");
        type(model, "402918");
        assertEquals(TechnicianViewModel.Stage.OPEN, model.stage());
        assertInstanceOf(org.medkiosk.app.technician.PinCheck.Accepted.class, pin.check("402918".toCharArray()));
    }

    private static void type(TechnicianViewModel model, String digits) {
        for (char c : digits.toCharArray()) {
            model.digit(c - '0');
        }
        model.submit();
    }
}
