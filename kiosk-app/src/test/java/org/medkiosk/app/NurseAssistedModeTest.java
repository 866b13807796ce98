package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.app.session.KioskScreen;
import org.medkiosk.app.voice.Voice;
import org.medkiosk.demohospital.DemoRoster;
import org.medkiosk.device.scanner.Symbology;
import org.medkiosk.device.smartcard.StaffCardSimulator;
import org.medkiosk.journal.StaffAudit;
import org.medkiosk.journal.StaffAudit.Action;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 11, nurse-assisted mode on the real screens, headless: the demo kiosk (its staff card goes through the real
 * smart-card driver and profiles on the demo's in-process PC/SC reader; the demo hospital confirms staff and finds
 * patients over its FHIR API; the real journal and staff audit log). A nurse signs in by card and by staff number and
 * PIN, finds the patient each way, checks them in and pays their bills for them, and every step is in the audit log,
 * which holds no patient name, ID number or phone and no PIN.
 */
@ExtendWith(ApplicationExtension.class)
class NurseAssistedModeTest {
    static final String NURSE_PIN = "246810";
    static final DemoRoster.Person PATIENT = DemoRoster.patient(1); // 张三明: an appointment at 09:00 and bills
    static final String WALLET_CODE = "134567890123456710";

    DemoKiosk kiosk;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    void show(FxRobot robot, Duration timeout, Duration countdown) throws Exception {
        robot.interact(() -> kiosk = DemoKiosk.show(stage, timeout, countdown, Voice.SILENT));
        kiosk.awaitReady();
        waitFor(robot, "#idle-screen");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    static void waitFor(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> KioskOnStage.onFx(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void click(FxRobot robot, String query) throws Exception {
        waitFor(robot, query);
        Node node = KioskOnStage.onFx(() -> robot.lookup(query).query());
        robot.clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void keypad(FxRobot robot, String digits) throws Exception {
        for (char c : digits.toCharArray()) {
            click(robot, "#staff-key-" + c);
        }
    }

    static String text(FxRobot robot, String query) {
        return KioskOnStage.text(robot, query);
    }

    static void waitForText(FxRobot robot, String query, String expected) throws Exception {
        waitFor(robot, query);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> expected.equals(text(robot, query)));
    }

    String textField(FxRobot robot, String query) {
        return KioskOnStage.onFx(() -> ((javafx.scene.control.TextInputControl) robot.lookup(query).query()).getText());
    }

    List<StaffAudit.Entry> audit() {
        return kiosk.engine().orElseThrow().staffAudit().entries();
    }

    /** Waits until the audit log holds an entry of this action (written in the background). */
    StaffAudit.Entry awaitAudit(Action action, String journey) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> audit().stream()
                .anyMatch(e -> e.action() == action && (journey == null || journey.equals(e.journey()))));
        return audit().stream().filter(e -> e.action() == action && (journey == null || journey.equals(e.journey())))
                .reduce((a, b) -> b).orElseThrow();
    }

    /** Every text on screen, read on the FX thread. */
    List<String> sceneTexts() {
        return KioskOnStage.onFx(() -> {
            List<String> texts = new ArrayList<>();
            collect(kiosk.window().scene().getRoot(), texts);
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
        if (node instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
            collect(scroll.getContent(), texts);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, texts);
            }
        }
    }

    void signInWithPin(FxRobot robot, String staffNumber, String pin) throws Exception {
        click(robot, "#staff-sign-in");
        waitFor(robot, "#staff-signin-title");
        keypad(robot, staffNumber);
        click(robot, "#staff-pin-field");
        keypad(robot, pin);
        assertEquals("\u25CF".repeat(pin.length()), textField(robot, "#staff-pin-field"), "the PIN shows as dots");
        click(robot, "#staff-signin-button");
    }

    /** The audit log's file, whole: no patient's name, ID number or phone, and no PIN, in any entry. */
    void assertAuditHoldsNoPersonalData() throws Exception {
        String file = Files.readString(kiosk.engine().orElseThrow().staffAudit().file(), StandardCharsets.UTF_8);
        assertFalse(file.isBlank(), "the audit log was written");
        for (String secret : List.of(PATIENT.nameZh(), PATIENT.nameZh().substring(1), PATIENT.nameEn(),
                PATIENT.idNumber(), PATIENT.phone(), NURSE_PIN, WALLET_CODE)) {
            assertFalse(file.contains(secret), "the audit log holds " + secret.length() + " characters it must not");
        }
        assertFalse(file.contains(PATIENT.nameZh().substring(0, 1) + "*"), "not even the masked name");
    }

    // ---- tests -------------------------------------------------------------------------------------------------

    @Test
    void aNurseSignsInWithHerStaffCardFindsThePatientByPhoneAndChecksThemIn(FxRobot robot) throws Exception {
        show(robot, Duration.ofSeconds(600), Duration.ofSeconds(10));
        kiosk.insertSmartCard(StaffCardSimulator.demo(1, StaffCardSimulator.Variant.NORMAL));
        waitFor(robot, "#staff-search-title");
        assertEquals("已登录：护士 王芳（200101）", text(robot, "#staff-signed-in"));
        kiosk.removeSmartCard();
        StaffAudit.Entry signedIn = awaitAudit(Action.SIGNED_IN, null);
        assertEquals("200101", signedIn.staffNumber());
        assertEquals("STAFF_CARD", signedIn.journey());

        // Two patients share a phone: both are listed, and the nurse picks the one beside her.
        click(robot, "#staff-way-phone");
        keypad(robot, "13800000002");
        click(robot, "#staff-search-button");
        waitFor(robot, "#staff-results");
        assertEquals(2, KioskOnStage.onFx(() -> ((Parent) robot.lookup("#staff-results").query())
                .getChildrenUnmodifiable().size()));
        assertEquals("found 2", awaitAudit(Action.PATIENT_SEARCHED, "BY_PHONE").outcome());
        click(robot, "#staff-new-search");
        waitFor(robot, "#staff-search-phone");
        assertEquals("", textField(robot, "#staff-search-phone"), "the last search's number is gone");

        keypad(robot, PATIENT.phone());
        click(robot, "#staff-search-button");
        waitFor(robot, "#staff-result-0");
        // The masked name and what a nurse checks with the patient; never the ID number or the phone.
        assertEquals("张*明 · 男 · 1985-03-07 出生 · 病案号 MR100001", text(robot, "#staff-result-0"));
        click(robot, "#staff-result-0");
        waitFor(robot, "#greeting");
        assertEquals("护士 王芳（200101） 正在为 张*明 办理", text(robot, "#acting-for-text"));
        String patientId = awaitAudit(Action.ACTING_FOR, "BY_PHONE").patientId();
        assertTrue(patientId != null && !patientId.isBlank());

        click(robot, "#service-check-in");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() ->
                robot.lookup("#checked-in-title").tryQuery().isPresent()
                        || robot.lookup("#state-appointments").tryQuery().isPresent()));
        if (KioskOnStage.onFx(() -> robot.lookup("#state-appointments").tryQuery().isPresent())) {
            String first = KioskOnStage.onFx(() -> robot.lookup((Node n) -> n.getId() != null
                    && n.getId().startsWith("appointment-")).query().getId());
            click(robot, "#" + first);
        }
        waitFor(robot, "#checked-in-title");
        assertTrue(KioskOnStage.onFx(() -> robot.lookup("#acting-for").query().isVisible()),
                "the banner stays on the journey's screens");
        click(robot, "#home-button");
        StaffAudit.Entry checkIn = awaitAudit(Action.JOURNEY, "CHECK_IN");
        assertEquals("CheckedIn", checkIn.outcome());
        assertEquals(patientId, checkIn.patientId());
        assertEquals(signedIn.staffId(), checkIn.staffId());

        // Finish: this patient is done, the nurse stays signed in for the next one, and nothing of the patient stays.
        click(robot, "#finish-button");
        waitFor(robot, "#staff-search-title");
        assertTrue(sceneTexts().stream().noneMatch(t -> t.contains("张*明") || t.contains(PATIENT.phone())),
                "the patient's data left the screen: " + sceneTexts());
        click(robot, "#staff-sign-out");
        waitFor(robot, "#idle-screen");
        assertEquals("SIGNED_OUT", awaitAudit(Action.SIGNED_OUT, null).outcome());
        assertAuditHoldsNoPersonalData();
    }

    @Test
    void aNurseSignsInWithStaffNumberAndPinFindsThePatientByNameAndBirthDateAndPaysTheirBills(FxRobot robot)
            throws Exception {
        show(robot, Duration.ofSeconds(600), Duration.ofSeconds(10));
        // A wrong PIN, then a technician's badge: each refused with what to do, and audited without the PIN.
        signInWithPin(robot, "200101", "111111");
        waitForText(robot, "#staff-problem", "医院未能识别该工号和密码或这张卡，请核对后重试。");
        assertEquals("", textField(robot, "#staff-pin-field"), "a sent PIN is forgotten");
        assertEquals("NOT_RECOGNISED", awaitAudit(Action.SIGN_IN_REFUSED, "STAFF_NUMBER_AND_PIN").outcome());
        click(robot, "#staff-back");
        waitFor(robot, "#idle-screen");
        signInWithPin(robot, "300201", "112358");
        waitForText(robot, "#staff-problem", "只有护士和医生可以在此为患者办理。技术员请使用技术员模式。");
        click(robot, "#staff-back");
        waitFor(robot, "#idle-screen");

        signInWithPin(robot, "200101", NURSE_PIN);
        waitFor(robot, "#staff-search-title");
        click(robot, "#staff-way-name-and-birth-date");
        click(robot, "#staff-search-name");
        robot.write(PATIENT.nameZh());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(PATIENT.nameZh(), textField(robot, "#staff-search-name"));
        click(robot, "#staff-search-button");
        waitForText(robot, "#staff-input-problem", "出生日期请输入 8 位数字：年、月、日。");
        click(robot, "#staff-search-birth-date");
        keypad(robot, "19850307");
        assertEquals("1985-03-07", textField(robot, "#staff-search-birth-date"));
        click(robot, "#staff-search-button");
        waitFor(robot, "#staff-result-0");
        click(robot, "#staff-result-0");
        waitFor(robot, "#greeting");
        awaitAudit(Action.ACTING_FOR, "BY_NAME_AND_BIRTH_DATE");
        // One patient at a time, as for a patient alone: someone else's card never opens their data here.
        kiosk.insertCard(org.medkiosk.device.idcard.DemoCards.LI_XIUYING);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> KioskOnStage.onFx(() -> robot.lookup("#session-notice").query().isVisible()));
        assertEquals("护士 王芳（200101） 正在为 张*明 办理", text(robot, "#acting-for-text"));
        kiosk.removeCard();
        click(robot, "#session-notice-dismiss");

        click(robot, "#service-pay");
        click(robot, "#pay-wallet-button");
        waitFor(robot, "#scan-prompt");
        kiosk.scan(WALLET_CODE, Symbology.QR_CODE);
        waitFor(robot, "#paid-title");
        click(robot, "#home-button");
        assertEquals("Paid", awaitAudit(Action.JOURNEY, "PAY").outcome());

        // Sign out from the banner: the patient's session ends with it.
        click(robot, "#acting-for-sign-out");
        waitFor(robot, "#idle-screen");
        assertTrue(KioskOnStage.onFx(() -> kiosk.viewModel().patient().isEmpty()));
        assertTrue(KioskOnStage.onFx(() -> kiosk.viewModel().actingForProperty().get().isEmpty()));
        assertAuditHoldsNoPersonalData();
    }

    @Test
    void byMedicalRecordNumberThenInactivitySignsTheNurseOutAndEndsThePatientsSession(FxRobot robot) throws Exception {
        show(robot, Duration.ofSeconds(8), Duration.ofSeconds(3));
        signInWithPin(robot, "200101", NURSE_PIN);
        waitFor(robot, "#staff-search-title");
        click(robot, "#staff-way-record-number");
        click(robot, "#staff-search-record-number");
        robot.write(PATIENT.medicalRecordNumber());
        click(robot, "#staff-search-button");
        waitFor(robot, "#staff-result-0");
        click(robot, "#staff-result-0");
        waitFor(robot, "#greeting");
        awaitAudit(Action.ACTING_FOR, "BY_MEDICAL_RECORD_NUMBER");
        click(robot, "#service-pay");
        waitFor(robot, "#pay-wallet-button");

        // The nurse walks away: the countdown, then sign-out, the journey and the patient's session with it.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> KioskOnStage.onFx(() -> kiosk.viewModel().screen() instanceof KioskScreen.Idle));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("INACTIVITY", awaitAudit(Action.SIGNED_OUT, null).outcome());
        assertEquals("Bills", awaitAudit(Action.JOURNEY, "PAY").outcome(), "the open journey is audited as left");
        assertTrue(sceneTexts().stream().noneMatch(t -> t.contains("张*明") || t.contains("王芳")
                || t.contains(PATIENT.medicalRecordNumber())), "nothing of the patient or the nurse stays on screen");
        assertAuditHoldsNoPersonalData();
    }
}
