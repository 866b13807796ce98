package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.platform.AttachPlatform;
import org.medkiosk.app.ui.KioskWindow;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.device.idcard.DemoCards;
import org.medkiosk.device.idcard.IdCard;
import org.medkiosk.device.scanner.Symbology;
import org.medkiosk.fhir.BackendOperation;
import org.medkiosk.hospital.Money;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journal.Journal;
import org.medkiosk.journal.PrintJob;
import org.medkiosk.journey.payment.Pause;
import org.medkiosk.journey.payment.PaymentRules;
import org.medkiosk.journey.register.RegistrationState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every journey and branch on the real screens, headless: simulated ID card and scanner over their protocols, the
 * in-process demo hospital over FHIR, the real journal in a temporary data folder. Polling is fast (200 ms, bound
 * 2 s) and the $pay timeout short, so pending payments take seconds, not half a minute.
 */
@ExtendWith(ApplicationExtension.class)
class JourneyScreensTest {
    KioskAssembly kiosk;
    KioskWindow window;
    DemoHospital hospital;

    @Start
    void start(Stage stage) throws Exception {
        Path data = Files.createTempDirectory("medkiosk-journeys");
        KioskConfig demo = KioskConfig.demo();
        KioskConfig.Journeys j = demo.journeys();
        KioskConfig config = new KioskConfig(demo.hospital(), demo.screen(),
                new KioskConfig.Session(Duration.ofSeconds(120), Duration.ofSeconds(10)), demo.backend(), demo.idCardReader(),
                new KioskConfig.Storage(Optional.of(data)), demo.receiptPrinter(),
                new KioskConfig.Journeys(j.topUpPresets(), Money.ofYuan("10"), j.topUpMax(), j.paymentPollEvery(),
                        j.paymentPendingBound(), j.bookAheadDays()));
        KioskAssembly.Tuning tuning = new KioskAssembly.Tuning(
                DemoHospital.Options.defaults().withSlowPaymentDelay(Duration.ofMillis(1500)),
                s -> s.withTimeout(BackendOperation.PAY, Duration.ofMillis(600)).withRetries(0),
                Optional.of(new PaymentRules(Duration.ofMillis(200), Duration.ofSeconds(2))), Pause.sleeping());
        KioskWindow.loadFonts();
        kiosk = KioskAssembly.demo(config, new AttachPlatform(config.storage().dataFolder()), Platform::runLater, tuning);
        window = KioskOnStage.show(stage, kiosk, config);
        hospital = kiosk.demoHospital().get(60, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        KioskOnStage.close(window, kiosk);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    void waitFor(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> robot.lookup(query).tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    void identify(FxRobot robot, IdCard card) throws Exception {
        kiosk.devices().idCardSimulator().orElseThrow().insert(card);
        waitFor(robot, "#greeting");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> kiosk.engine().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    void scan(String code) throws Exception {
        kiosk.devices().simulators().orElseThrow().scanner().present(code, Symbology.QR_CODE);
    }

    void click(FxRobot robot, String query) throws Exception {
        waitFor(robot, query);
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String text(FxRobot robot, String query) {
        return KioskOnStage.text(robot, query);
    }

    Journal journal() {
        return kiosk.engine().orElseThrow().journal();
    }

    List<Intent> intents(IntentKind kind) {
        return journal().all().stream().filter(i -> i.kind() == kind).toList();
    }

    /** Waits until the journal settles (the journey writes its outcome after the screen changes). */
    void waitUntilFinal() throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> journal().all().stream().allMatch(i -> i.state().isFinal()));
    }

    void payBills(FxRobot robot, String code) throws Exception {
        identify(robot, DemoCards.ZHANG_SANMING);
        click(robot, "#service-pay");
        click(robot, "#pay-wallet-button");
        waitFor(robot, "#scan-prompt");
        assertTrue(text(robot, "#scan-amount").contains("¥"));
        scan(code);
    }

    void assertPaidWithReceipt(FxRobot robot) throws Exception {
        waitFor(robot, "#paid-title");
        assertTrue(text(robot, "#transaction-number").matches(".*\\S{4,}.*"));
        assertEquals("凭条已打印，请取走。", text(robot, "#receipt-outcome"));
        waitUntilFinal();
        assertEquals(IntentState.SUCCEEDED, intents(IntentKind.PAY).get(0).state());
        assertEquals(List.of(PrintJob.State.PRINTED), journal().printJobs().stream().map(PrintJob::state).toList());
    }

    // ---- pay bills ---------------------------------------------------------------------------------------------

    @Test
    void payBillsByWalletPrintsTheReceiptAndLeavesNoTraceAfterFinish(FxRobot robot) throws Exception {
        identify(robot, DemoCards.ZHANG_SANMING);
        click(robot, "#service-pay");
        waitFor(robot, "#pay-total");
        assertTrue(robot.lookup("#invoice-inv-1").tryQuery().isPresent(), "bills listed by invoice");
        assertTrue(robot.lookup(n -> n.getId() != null && n.getId().startsWith("visit-")).tryQuery().isPresent(), "grouped by visit");
        String allSelected = text(robot, "#pay-total");
        click(robot, "#invoice-details-inv-1");
        waitFor(robot, "#details-inv-1");
        click(robot, "#invoice-inv-1");
        assertFalse(text(robot, "#pay-total").equals(allSelected), "unticking an invoice changes the total");
        click(robot, "#invoice-inv-1");
        assertEquals(allSelected, text(robot, "#pay-total"));
        click(robot, "#pay-wallet-button");
        waitFor(robot, "#scan-prompt");
        scan("134567890123456710");
        assertPaidWithReceipt(robot);

        click(robot, "#home-button");
        waitFor(robot, "#greeting");
        click(robot, "#finish-button");
        // The card is still on the reader: the kiosk asks for it first, and shows nothing of the patient meanwhile.
        waitFor(robot, "#take-your-card-screen");
        assertFalse(String.join("\n", WalkingSkeletonTest.texts(robot)).contains("张"), "no name while the card is taken");
        kiosk.devices().idCardSimulator().orElseThrow().remove();
        waitFor(robot, "#idle-screen");
        String all = String.join("\n", WalkingSkeletonTest.texts(robot));
        assertFalse(all.contains("张"), "no trace of the patient after the session ended");
        assertFalse(all.contains("¥"), "no amounts left on screen");
    }

    @Test
    void aSessionEndedOnAJourneyScreenLeavesNoPatientDataInTheScene(FxRobot robot) throws Exception {
        identify(robot, DemoCards.ZHANG_SANMING);
        click(robot, "#service-pay");
        waitFor(robot, "#pay-total");
        assertTrue(String.join("\n", WalkingSkeletonTest.texts(robot)).contains("¥"));
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> kiosk.viewModel().endSession()); // as the inactivity timeout does
        waitFor(robot, "#take-your-card-screen");
        kiosk.devices().idCardSimulator().orElseThrow().remove();
        waitFor(robot, "#idle-screen");
        String all = String.join("\n", WalkingSkeletonTest.texts(robot));
        assertFalse(all.contains("张"), "no trace of the patient's name");
        assertFalse(all.contains("¥"), "no bill of theirs");
        assertTrue(kiosk.viewModel().journey().isEmpty(), "the journey was abandoned");
        assertTrue(kiosk.viewModel().patient().isEmpty());
    }

    @Test
    void pendingThenSuccessShowsTheCountdown(FxRobot robot) throws Exception {
        payBills(robot, "134567890123456791");
        waitFor(robot, "#paying-countdown");
        assertTrue(text(robot, "#paying-countdown").matches(".*\\d+ 秒.*"), text(robot, "#paying-countdown"));
        assertPaidWithReceipt(robot);
    }

    @Test
    void pendingUntilTheBoundIsReversedAndNothingCharged(FxRobot robot) throws Exception {
        payBills(robot, "134567890123456792");
        waitFor(robot, "#not-charged-title");
        assertEquals("本次未扣款", text(robot, "#not-charged-title"));
        assertTrue(text(robot, "#not-charged-reason").contains("撤销"), text(robot, "#not-charged-reason"));
        waitUntilFinal();
        assertEquals(IntentState.REVERSED, intents(IntentKind.PAY).get(0).state());
        assertTrue(journal().printJobs().isEmpty());
    }

    @Test
    void declinedSaysNothingWasCharged(FxRobot robot) throws Exception {
        payBills(robot, "134567890123456793");
        waitFor(robot, "#not-charged-title");
        assertTrue(text(robot, "#not-charged-reason").contains("拒绝"), text(robot, "#not-charged-reason"));
        waitUntilFinal();
        assertEquals(IntentState.DECLINED, intents(IntentKind.PAY).get(0).state());
    }

    @Test
    void aReverseThatLosesToALateSuccessIsPaid(FxRobot robot) throws Exception {
        payBills(robot, "134567890123456794");
        assertPaidWithReceipt(robot);
    }

    @Test
    void aPaymentSlowerThanTheTimeoutIsSettledByQuery(FxRobot robot) throws Exception {
        payBills(robot, "134567890123456795");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> robot.lookup("#paid-title").tryQuery().isPresent()
                || robot.lookup("#not-charged-title").tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
        waitUntilFinal();
        Intent pay = intents(IntentKind.PAY).get(0);
        assertEquals(1, intents(IntentKind.PAY).size(), "never sent twice");
        if (robot.lookup("#paid-title").tryQuery().isPresent()) {
            assertEquals(IntentState.SUCCEEDED, pay.state());
        } else {
            assertTrue(pay.state() == IntentState.REVERSED || pay.state() == IntentState.CLOSED, pay.state().toString());
        }
    }

    @Test
    void payFromThePrepaidAccount(FxRobot robot) throws Exception {
        identify(robot, DemoCards.ZHANG_SANMING);
        click(robot, "#service-pay");
        click(robot, "#pay-account-button");
        assertPaidWithReceipt(robot);
    }

    // ---- top up -------------------------------------------------------------------------------------------------

    @Test
    void topUpWithAPreset(FxRobot robot) throws Exception {
        identify(robot, DemoCards.ZHANG_SANMING);
        click(robot, "#service-top-up");
        waitFor(robot, "#topup-balance");
        assertEquals("余额：¥200.00", text(robot, "#topup-balance"));
        click(robot, "#preset-100");
        waitFor(robot, "#scan-prompt");
        assertEquals("金额：¥100.00", text(robot, "#scan-amount"));
        scan("134567890123456710");
        waitFor(robot, "#topped-up-title");
        assertEquals("余额：¥300.00", text(robot, "#topup-balance-after"));
        assertEquals("凭条已打印，请取走。", text(robot, "#receipt-outcome"));
        waitUntilFinal();
        assertEquals(IntentState.SUCCEEDED, intents(IntentKind.TOP_UP).get(0).state());
    }

    @Test
    void topUpWithATypedAmountWithinTheLimits(FxRobot robot) throws Exception {
        identify(robot, DemoCards.ZHANG_SANMING);
        click(robot, "#service-top-up");
        click(robot, "#key-5");
        click(robot, "#key-confirm");
        waitFor(robot, "#topup-problem");
        assertEquals("最少充值 ¥10.00", text(robot, "#topup-problem"));
        for (String k : new String[] {"#key-9", "#key-9", "#key-9"}) {
            click(robot, k);
        }
        click(robot, "#key-confirm");
        assertEquals("最多充值 ¥5000.00", text(robot, "#topup-problem"));
        click(robot, "#key-delete");
        click(robot, "#key-delete");
        click(robot, "#key-delete");
        click(robot, "#key-0");
        assertEquals("¥50", text(robot, "#typed-amount"));
        click(robot, "#key-confirm");
        waitFor(robot, "#scan-prompt");
        assertEquals("金额：¥50.00", text(robot, "#scan-amount"));
        click(robot, "#back-button");
        waitFor(robot, "#typed-amount");
        click(robot, "#key-confirm");
        waitFor(robot, "#scan-prompt");
        scan("134567890123456710");
        waitFor(robot, "#topped-up-title");
        assertEquals("已充值 ¥50.00", text(robot, "#topped-up-title"));
    }

    // ---- registration -------------------------------------------------------------------------------------------

    /** Department → the first doctor with numbers → periods; answers the view model's Periods state. */
    RegistrationState.Periods toPeriods(FxRobot robot) throws Exception {
        identify(robot, DemoCards.ZHANG_SANMING);
        click(robot, "#service-register");
        waitFor(robot, "#state-departments");
        Node first = robot.lookup(n -> n.getId() != null && n.getId().startsWith("dept-")).query();
        robot.clickOn(first);
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(robot, "#state-doctors");
        for (int day = 0; day < 7; day++) {
            Optional<Node> doctor = robot.lookup((Predicate<Node>) n -> n.getId() != null && n.getId().startsWith("doctor-")
                    && !n.isDisabled()).tryQuery();
            if (doctor.isPresent()) {
                robot.clickOn(doctor.get());
                WaitForAsyncUtils.waitForFxEvents();
                waitFor(robot, "#state-periods");
                RegistrationState.Periods p = (RegistrationState.Periods) kiosk.viewModel().journey().orElseThrow().state();
                if (!p.slots().isEmpty()) {
                    return p;
                }
                click(robot, "#back-button");
                waitFor(robot, "#state-doctors");
            }
            Node next = robot.lookup(n -> n.getId() != null && n.getId().startsWith("day-")).queryAll().stream()
                    .skip(day + 1).findFirst().orElseThrow();
            robot.clickOn(next);
            WaitForAsyncUtils.waitForFxEvents();
            waitFor(robot, "#state-doctors");
        }
        throw new AssertionError("no doctor with a free period in the week");
    }

    void chooseSlotAndConfirm(FxRobot robot, String slotId) throws Exception {
        click(robot, "#slot-" + slotId);
        waitFor(robot, "#confirm-fee");
        click(robot, "#confirm-button");
    }

    int remaining(RegistrationState.Periods p, String slotId) {
        HospitalBackendProbe probe = new HospitalBackendProbe(hospital);
        return probe.remaining(p.doctor().id(), p.day(), slotId);
    }

    @Test
    void registrationBooksPaysAndPrintsTheSlip(FxRobot robot) throws Exception {
        RegistrationState.Periods p = toPeriods(robot);
        String slot = p.slots().get(0).id();
        chooseSlotAndConfirm(robot, slot);
        waitFor(robot, "#scan-prompt");
        scan("134567890123456710");
        waitFor(robot, "#booked-title");
        assertEquals("挂号成功", text(robot, "#booked-title"));
        assertEquals("凭条已打印，请取走。", text(robot, "#receipt-outcome"));
        waitUntilFinal();
        assertEquals(IntentState.SUCCEEDED, intents(IntentKind.HOLD).get(0).state());
        assertEquals(IntentState.SUCCEEDED, intents(IntentKind.PAY).get(0).state());
        assertEquals(IntentState.SUCCEEDED, intents(IntentKind.BOOK).get(0).state());
    }

    @Test
    void aNumberJustTakenAsksForAnother(FxRobot robot) throws Exception {
        RegistrationState.Periods p = toPeriods(robot);
        String slot = p.slots().get(0).id();
        hospital.takeSlot(slot); // someone else takes the last numbers while this patient looks at the list
        chooseSlotAndConfirm(robot, slot);
        waitFor(robot, "#just-taken");
        assertEquals("这个号刚刚被别人挂走了，请另选一个。", text(robot, "#just-taken"));
        assertTrue(robot.lookup("#slot-" + slot).tryQuery().isEmpty(), "the taken period is no longer offered");
    }

    @Test
    void aDeclinedRegistrationFeeReleasesTheHeldNumber(FxRobot robot) throws Exception {
        RegistrationState.Periods p = toPeriods(robot);
        String slot = p.slots().get(0).id();
        int before = remaining(p, slot);
        chooseSlotAndConfirm(robot, slot);
        waitFor(robot, "#scan-prompt");
        assertEquals(before - 1, remaining(p, slot), "the number is held");
        scan("134567890123456793");
        waitFor(robot, "#not-charged-title");
        assertTrue(String.join("\n", WalkingSkeletonTest.texts(robot)).contains("您选的号已释放"));
        waitUntilFinal();
        assertEquals(before, remaining(p, slot), "the held number came back");
        assertEquals(IntentState.DECLINED, intents(IntentKind.PAY).get(0).state());
        assertEquals(IntentState.SUCCEEDED, intents(IntentKind.CANCEL).get(0).state());
    }

    @Test
    void paidButTakenBeforeBookingIsRefundedWithANotice(FxRobot robot) throws Exception {
        RegistrationState.Periods p = toPeriods(robot);
        String slot = p.slots().get(0).id();
        chooseSlotAndConfirm(robot, slot);
        waitFor(robot, "#scan-prompt");
        hospital.expireHolds();   // the hold lapses while the patient finds their phone…
        hospital.takeSlot(slot);  // …and someone else takes the number
        scan("134567890123456710");
        waitFor(robot, "#refunded-title");
        assertEquals("凭条已打印，请取走。", text(robot, "#receipt-outcome"));
        waitUntilFinal();
        assertEquals(IntentState.SUCCEEDED, intents(IntentKind.PAY).get(0).state());
        assertEquals(IntentState.REFUNDED, intents(IntentKind.REFUND).get(0).state());
    }

    // ---- cancel -------------------------------------------------------------------------------------------------

    @Test
    void cancelAPaidBookingRefundsItsFee(FxRobot robot) throws Exception {
        identify(robot, DemoCards.ZHANG_SANMING);
        click(robot, "#service-my-bookings");
        click(robot, "#booking-apt-2");
        waitFor(robot, "#cancel-refund-info");
        assertTrue(text(robot, "#cancel-refund-info").contains("原路退回"), text(robot, "#cancel-refund-info"));
        click(robot, "#cancel-confirm-button");
        waitFor(robot, "#cancelled-title");
        assertTrue(text(robot, "#cancel-refund-outcome").contains("已退回"), text(robot, "#cancel-refund-outcome"));
        waitUntilFinal();
        assertEquals(IntentState.SUCCEEDED, intents(IntentKind.CANCEL).get(0).state());
        assertEquals(IntentState.REFUNDED, intents(IntentKind.REFUND).get(0).state());
    }

    @Test
    void cancelAnUnpaidBookingRefundsNothing(FxRobot robot) throws Exception {
        identify(robot, DemoCards.ZHANG_SANMING);
        click(robot, "#service-my-bookings");
        click(robot, "#booking-apt-1");
        waitFor(robot, "#cancel-refund-info");
        assertEquals("此预约的挂号费不予退还。", text(robot, "#cancel-refund-info"));
        click(robot, "#cancel-confirm-button");
        waitFor(robot, "#cancelled-title");
        assertEquals("没有退费。", text(robot, "#cancel-refund-outcome"));
        waitUntilFinal();
        assertTrue(intents(IntentKind.REFUND).isEmpty());
    }

    // ---- wallet codes and one patient at a time ----------------------------------------------------------------

    @Test
    void aWalletCodeOnTheHomeScreenIsRefusedWithANotice(FxRobot robot) throws Exception {
        identify(robot, DemoCards.ZHANG_SANMING);
        scan("134567890123456710");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> robot.lookup("#session-notice").query().isVisible()));
        assertEquals("付款码只能在支付页面使用，本次未扣款", text(robot, "#session-notice-text"));
        assertFalse(String.join("\n", WalkingSkeletonTest.texts(robot)).contains("3456710"));
        assertTrue(journal().all().isEmpty(), "nothing was journaled, nothing paid");
        click(robot, "#session-notice-dismiss");
        assertFalse(robot.lookup("#session-notice").query().isVisible());
    }

    @Test
    void anotherPatientsCardDuringASessionNeverShowsTheirData(FxRobot robot) throws Exception {
        identify(robot, DemoCards.ZHANG_SANMING);
        click(robot, "#service-pay");
        waitFor(robot, "#pay-total");
        kiosk.devices().idCardSimulator().orElseThrow().remove();
        Thread.sleep(1500); // the reader reports each card once per placement: let it see the card go
        kiosk.devices().idCardSimulator().orElseThrow().insert(DemoCards.LI_XIUYING);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> robot.lookup("#session-notice").query().isVisible()));
        assertEquals("检测到另一张卡，请先结束当前业务", text(robot, "#session-notice-text"));
        assertTrue(robot.lookup("#pay-total").tryQuery().isPresent(), "the current patient's journey stays");
        String all = String.join("\n", WalkingSkeletonTest.texts(robot));
        assertFalse(all.contains("李"), "nothing of the second patient");
        assertEquals("pat-1", kiosk.viewModel().patient().orElseThrow().id());
    }

    /** Reads the hospital's own slot counts over FHIR, not through the kiosk. */
    static final class HospitalBackendProbe {
        private final DemoHospital hospital;

        HospitalBackendProbe(DemoHospital hospital) {
            this.hospital = hospital;
        }

        int remaining(String doctorId, java.time.LocalDate day, String slotId) {
            try (org.medkiosk.fhir.FhirHospitalBackend b = new org.medkiosk.fhir.FhirHospitalBackend(
                    org.medkiosk.fhir.FhirSettings.of(hospital.baseUrl()))) {
                return b.freeSlots(doctorId, day, day).stream().filter(s -> s.id().equals(slotId))
                        .mapToInt(org.medkiosk.hospital.Slot::remaining).findFirst().orElse(0);
            }
        }
    }
}
