package org.medkiosk.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.demohospital.PaymentBehaviour;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journal.PrintJob;
import org.medkiosk.journey.pay.PayBillsJourney;
import org.medkiosk.journey.pay.PayBillsState;
import org.medkiosk.journey.payment.WalletCode;
import org.medkiosk.journey.testing.EngineFixture;
import org.medkiosk.journey.topup.TopUpJourney;
import org.medkiosk.journey.topup.TopUpState;

/** Pay bills and top up against the demo hospital over HTTP, with every demo wallet behaviour. */
class MoneyJourneysTest {
    @TempDir
    Path data;
    EngineFixture kiosk;

    @BeforeEach
    void start() {
        kiosk = new EngineFixture(data);
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    private static WalletCode wechat(PaymentBehaviour behaviour) {
        return new WalletCode(behaviour.sampleCode(), PaymentMethod.WECHAT_PAY);
    }

    private PayBillsJourney billsOf(int patient) {
        PayBillsJourney pay = kiosk.engine.payBills(kiosk.session(patient));
        pay.start();
        return pay;
    }

    @Test
    void billsAreGroupedByVisitAllSelectedAndPaidWithOneReceiptCoveringEveryInvoice() {
        PayBillsJourney pay = billsOf(1);
        PayBillsState.Bills bills = assertInstanceOf(PayBillsState.Bills.class, pay.state());
        int invoices = bills.visits().stream().mapToInt(v -> v.invoices().size()).sum();
        assertTrue(invoices >= 2, "patient 1 has bills from the demo seed");
        assertEquals(invoices, bills.selected().size(), "all selected at first");
        Money expected = bills.visits().stream().flatMap(v -> v.invoices().stream()).map(i -> i.total())
                .reduce(Money.ZERO, Money::plus);
        assertEquals(expected, bills.total());

        pay.payByWallet();
        assertTrue(pay.awaitingWalletCode());
        assertTrue(pay.codeScanned(wechat(PaymentBehaviour.INSTANT_SUCCESS)));

        PayBillsState.Paid paid = assertInstanceOf(PayBillsState.Paid.class, pay.state());
        assertEquals(invoices, paid.invoices());
        assertInstanceOf(ReceiptOutcome.Printed.class, paid.receipt());
        Intent intent = only(IntentKind.PAY);
        assertEquals(IntentState.SUCCEEDED, intent.state());
        assertEquals(paid.transactionNumber(), intent.transactionNumber());
        String receipt = new String(kiosk.printer.printedBytes(), Charset.forName("GB18030"));
        assertTrue(receipt.contains(paid.transactionNumber()), "the receipt names the hospital's transaction");
        assertFalse(receipt.contains(PaymentBehaviour.INSTANT_SUCCESS.sampleCode()), "never the payment code");
        for (var v : bills.visits()) {
            for (var inv : v.invoices()) {
                assertTrue(receipt.contains(inv.id()), "one receipt covers invoice " + inv.id());
            }
        }
        assertEquals(List.of(PrintJob.State.PRINTED), kiosk.engine.journal().printJobs().stream().map(PrintJob::state).toList());
        assertTrue(kiosk.backend.unpaidInvoices(kiosk.session(1).patientId()).isEmpty(), "the hospital has them paid");
    }

    @Test
    void unselectingABillPaysOnlyTheRest() {
        PayBillsJourney pay = billsOf(1);
        PayBillsState.Bills bills = (PayBillsState.Bills) pay.state();
        String first = bills.visits().get(0).invoices().get(0).id();
        pay.toggle(first);
        PayBillsState.Bills fewer = (PayBillsState.Bills) pay.state();
        assertFalse(fewer.selected().contains(first));
        assertTrue(fewer.total().compareTo(bills.total()) < 0);
        pay.details(first);
        assertEquals(first, ((PayBillsState.Bills) pay.state()).detailsOf().orElseThrow());
        pay.payByWallet();
        pay.codeScanned(wechat(PaymentBehaviour.INSTANT_SUCCESS));
        assertInstanceOf(PayBillsState.Paid.class, pay.state());
        assertEquals(List.of(first), kiosk.backend.unpaidInvoices(kiosk.session(1).patientId()).stream().map(i -> i.id()).toList());
    }

    @Test
    void pendingThenSuccessIsPolledEveryThreeSecondsAndPaid() {
        PayBillsJourney pay = billsOf(1);
        pay.payByWallet();
        pay.codeScanned(wechat(PaymentBehaviour.PENDING_THEN_SUCCESS));
        assertInstanceOf(PayBillsState.Paid.class, pay.state());
        assertTrue(kiosk.pauses.stream().allMatch(d -> d.equals(Duration.ofSeconds(3))), kiosk.pauses.toString());
        assertEquals(IntentState.SUCCEEDED, only(IntentKind.PAY).state());
    }

    @Test
    void pendingUntilTheBoundIsReversedAndNothingIsCharged() {
        PayBillsJourney pay = billsOf(1);
        pay.payByWallet();
        pay.codeScanned(wechat(PaymentBehaviour.PENDING_UNTIL_REVERSED));
        PayBillsState.NotCharged no = assertInstanceOf(PayBillsState.NotCharged.class, pay.state());
        assertEquals(IntentState.REVERSED, no.outcome());
        Duration waited = kiosk.pauses.stream().reduce(Duration.ZERO, Duration::plus);
        assertEquals(Duration.ofSeconds(30), waited, "polled for the whole bound, no longer");
        assertEquals(IntentState.REVERSED, only(IntentKind.PAY).state());
        assertFalse(kiosk.backend.unpaidInvoices(kiosk.session(1).patientId()).isEmpty(), "the bills are still open");
        assertTrue(kiosk.engine.journal().printJobs().isEmpty(), "no receipt for money not taken");
    }

    @Test
    void declinedSaysNothingWasCharged() {
        PayBillsJourney pay = billsOf(1);
        pay.payByWallet();
        pay.codeScanned(wechat(PaymentBehaviour.DECLINED));
        PayBillsState.NotCharged no = assertInstanceOf(PayBillsState.NotCharged.class, pay.state());
        assertEquals(IntentState.DECLINED, no.outcome());
        assertEquals(IntentState.DECLINED, only(IntentKind.PAY).state());
    }

    @Test
    void aReverseThatLosesToALateSuccessIsTreatedAsPaid() {
        PayBillsJourney pay = billsOf(1);
        pay.payByWallet();
        pay.codeScanned(wechat(PaymentBehaviour.SUCCESS_RACES_REVERSE));
        assertInstanceOf(PayBillsState.Paid.class, pay.state());
        assertEquals(IntentState.SUCCEEDED, only(IntentKind.PAY).state());
        assertTrue(kiosk.backend.unpaidInvoices(kiosk.session(1).patientId()).isEmpty());
    }

    @Test
    void payingFromThePrepaidAccountIsOfferedOnlyWhenItCoversTheTotal() {
        PayBillsJourney pay = billsOf(1);
        PayBillsState.Bills bills = (PayBillsState.Bills) pay.state();
        if (!bills.prepaidCovers()) {
            TopUpJourney top = kiosk.engine.topUp(kiosk.session(1));
            top.start();
            top.choosePreset(Money.ofYuan("500"));
            top.codeScanned(wechat(PaymentBehaviour.INSTANT_SUCCESS));
            pay = billsOf(1);
            bills = (PayBillsState.Bills) pay.state();
        }
        assertTrue(bills.prepaidCovers(), bills.toString());
        Money before = bills.prepaidBalance().orElseThrow();
        pay.payFromAccount();
        PayBillsState.Paid paid = assertInstanceOf(PayBillsState.Paid.class, pay.state());
        assertEquals(PaymentMethod.PREPAID_ACCOUNT, paid.method());
        assertEquals(before.minus(paid.total()), kiosk.backend.balance(kiosk.session(1).patientId()).balance());
    }

    @Test
    void topUpWithAPresetPrintsTheNewBalance() {
        TopUpJourney top = kiosk.engine.topUp(kiosk.session(2));
        top.start();
        TopUpState.ChooseAmount choose = assertInstanceOf(TopUpState.ChooseAmount.class, top.state());
        top.choosePreset(Money.ofYuan("100"));
        assertTrue(top.awaitingWalletCode());
        top.codeScanned(wechat(PaymentBehaviour.PENDING_THEN_SUCCESS));
        TopUpState.ToppedUp done = assertInstanceOf(TopUpState.ToppedUp.class, top.state());
        assertEquals(choose.balance().plus(Money.ofYuan("100")), done.balanceAfter());
        assertInstanceOf(ReceiptOutcome.Printed.class, done.receipt());
        assertEquals(IntentState.SUCCEEDED, only(IntentKind.TOP_UP).state());
    }

    @Test
    void aTypedTopUpOutsideTheLimitsIsRefusedWithWhy() {
        TopUpJourney top = kiosk.engine.topUp(kiosk.session(2));
        top.start();
        for (int d : new int[]{9, 9, 9, 9, 9}) {
            top.typeDigit(d);
        }
        top.confirmTyped();
        assertEquals("TOO_LARGE", ((TopUpState.ChooseAmount) top.state()).problem());
        for (int i = 0; i < 4; i++) {
            top.deleteDigit();
        }
        top.typeDigit(0);
        assertEquals("90", ((TopUpState.ChooseAmount) top.state()).typed());
        top.confirmTyped();
        assertEquals(Money.ofYuan("90"), assertInstanceOf(TopUpState.ScanCode.class, top.state()).amount());
        assertTrue(kiosk.engine.journal().all().isEmpty(), "nothing journaled before the code is scanned");
    }

    @Test
    void aWalletCodeIsRefusedWhenTheJourneyIsNotWaitingForOne() {
        PayBillsJourney pay = billsOf(1);
        assertFalse(pay.awaitingWalletCode());
        assertFalse(pay.codeScanned(wechat(PaymentBehaviour.INSTANT_SUCCESS)));
        assertTrue(kiosk.engine.journal().all().isEmpty());
    }

    @Test
    void aReceiptIsNeverPrintedAfterItsSessionEnded() {
        PatientSession session = kiosk.session(1);
        PayBillsJourney pay = kiosk.engine.payBills(session);
        pay.start();
        pay.payByWallet();
        session.end(); // the patient walked away while the code was on screen (a scan arrives late)
        pay.codeScanned(wechat(PaymentBehaviour.INSTANT_SUCCESS));
        PayBillsState.Paid paid = assertInstanceOf(PayBillsState.Paid.class, pay.state());
        assertInstanceOf(ReceiptOutcome.Uncollected.class, paid.receipt());
        assertEquals(0, kiosk.printer.printedJobs().size());
        assertEquals(PrintJob.State.UNCOLLECTED, kiosk.engine.journal().printJobs().get(0).state());
    }

    @Test
    void aPaperOutLeavesTheReceiptOwedWithTheTransactionNumber() {
        kiosk.printer.setPaperMm(0);
        PayBillsJourney pay = billsOf(1);
        pay.payByWallet();
        pay.codeScanned(wechat(PaymentBehaviour.INSTANT_SUCCESS));
        PayBillsState.Paid paid = assertInstanceOf(PayBillsState.Paid.class, pay.state());
        ReceiptOutcome.NotPrinted np = assertInstanceOf(ReceiptOutcome.NotPrinted.class, paid.receipt());
        assertEquals("PAPER_END", np.problem());
        assertEquals(paid.transactionNumber(), np.transactionNumber());
        PrintJob job = kiosk.engine.journal().printJobs().get(0);
        assertEquals(PrintJob.State.NOT_PRINTED, job.state());
        PatientSession gone = kiosk.session(1);
        pay.abandon();
        assertEquals(PrintJob.State.NOT_PRINTED, kiosk.engine.journal().printJob(job.id()).orElseThrow().state(),
                "leaving the journey while the patient is still there keeps the receipt owed");
        PayBillsJourney again = kiosk.engine.payBills(gone);
        gone.end();
        again.abandon();
        kiosk.engine.settle();
        assertEquals(PrintJob.State.UNCOLLECTED, kiosk.engine.journal().printJob(job.id()).orElseThrow().state());
    }

    private Intent only(IntentKind kind) {
        List<Intent> found = kiosk.engine.journal().all().stream().filter(i -> i.kind() == kind).toList();
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }
}
