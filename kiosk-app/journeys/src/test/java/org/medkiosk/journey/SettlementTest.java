package org.medkiosk.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.demohospital.PaymentBehaviour;
import org.medkiosk.fhir.BackendOperation;
import org.medkiosk.fhir.FhirSettings;
import org.medkiosk.fhir.HospitalLedger;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.hospital.PaymentRequest;
import org.medkiosk.hospital.PaymentStatus;
import org.medkiosk.hospital.SlotHold;
import org.medkiosk.hospital.UnpaidInvoice;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journal.PrintJob;
import org.medkiosk.journey.pay.PayBillsJourney;
import org.medkiosk.journey.pay.PayBillsState;
import org.medkiosk.journey.payment.WalletCode;
import org.medkiosk.journey.register.RegistrationJourney;
import org.medkiosk.journey.register.RegistrationState;
import org.medkiosk.journey.testing.EngineFixture;

/**
 * The settlement table of JOURNEYS.md, row by row: the journal is left as a kill at that step would leave it, then
 * one settlement pass must end every intent, and the hospital's own ledger must agree.
 */
class SettlementTest {
    @TempDir
    Path data;
    EngineFixture kiosk;

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    private EngineFixture kiosk() {
        kiosk = new EngineFixture(data);
        return kiosk;
    }

    private List<UnpaidInvoice> bills(int patient) {
        return kiosk.backend.unpaidInvoices(kiosk.session(patient).patientId());
    }

    private Intent journalPay(String patientId, List<UnpaidInvoice> invoices) {
        Money total = invoices.stream().map(UnpaidInvoice::total).reduce(Money.ZERO, Money::plus);
        return kiosk.engine.journal().intend("j-crashed", IntentKind.PAY, total, patientId,
                Map.of("invoices", String.join(",", invoices.stream().map(UnpaidInvoice::id).toList()), "method", "WECHAT_PAY"));
    }

    private PaymentRequest request(Intent intent, List<UnpaidInvoice> invoices, PaymentBehaviour b) {
        return new PaymentRequest(intent.idempotencyKey(), intent.patientId(), invoices.stream().map(UnpaidInvoice::id).toList(),
                intent.amount(), PaymentMethod.WECHAT_PAY, b.sampleCode());
    }

    @Test
    void anIntendedPaymentThatNeverLeftIsClosedAndALateArrivalIsRefused() {
        kiosk();
        List<UnpaidInvoice> invoices = bills(1);
        Intent intent = journalPay(kiosk.session(1).patientId(), invoices);

        List<?> lines = kiosk.engine.settle();
        assertEquals(1, lines.size());
        assertEquals(IntentState.CLOSED, kiosk.engine.journal().find(intent.idempotencyKey()).orElseThrow().state());
        // The original request, still in flight somewhere, arrives after recovery: refused, nothing charged.
        assertEquals(PaymentStatus.CLOSED, kiosk.backend.pay(request(intent, invoices, PaymentBehaviour.INSTANT_SUCCESS)).status());
        assertEquals(invoices.size(), bills(1).size());
        assertTrue(new HospitalLedger(FhirSettings.of(kiosk.hospital.baseUrl())).movements(intent.idempotencyKey()).isEmpty());
    }

    @Test
    void aPaymentSentButUnansweredIsLearntByStatusNotSentAgain() {
        kiosk();
        List<UnpaidInvoice> invoices = bills(1);
        Intent intent = journalPay(kiosk.session(1).patientId(), invoices);
        kiosk.engine.journal().sent(intent.idempotencyKey());
        kiosk.backend.pay(request(intent, invoices, PaymentBehaviour.INSTANT_SUCCESS)); // reached; the answer was lost

        kiosk.engine.settle();
        Intent settled = kiosk.engine.journal().find(intent.idempotencyKey()).orElseThrow();
        assertEquals(IntentState.SUCCEEDED, settled.state());
        assertTrue(settled.transactionNumber() != null);
        assertEquals(1, new HospitalLedger(FhirSettings.of(kiosk.hospital.baseUrl())).movements(intent.idempotencyKey()).size(),
                "one charge, not two");
    }

    @Test
    void aPendingPaymentWhosePatientIsGoneIsReversedAndARaceWonByTheMoneyIsPaid() {
        kiosk();
        List<UnpaidInvoice> one = bills(1);
        Intent gone = journalPay(kiosk.session(1).patientId(), one);
        kiosk.engine.journal().sent(gone.idempotencyKey());
        kiosk.backend.pay(request(gone, one, PaymentBehaviour.PENDING_UNTIL_REVERSED));
        kiosk.engine.journal().pending(gone.idempotencyKey());

        List<UnpaidInvoice> two = bills(2);
        Intent raced = journalPay(kiosk.session(2).patientId(), two);
        kiosk.engine.journal().sent(raced.idempotencyKey());
        kiosk.backend.pay(request(raced, two, PaymentBehaviour.SUCCESS_RACES_REVERSE));

        kiosk.engine.settle();
        assertEquals(IntentState.REVERSED, kiosk.engine.journal().find(gone.idempotencyKey()).orElseThrow().state());
        assertEquals(IntentState.SUCCEEDED, kiosk.engine.journal().find(raced.idempotencyKey()).orElseThrow().state());
        assertTrue(kiosk.engine.journal().open().isEmpty());
    }

    @Test
    void aRegistrationPaidButNotBookedIsBookedByRecovery() {
        kiosk();
        RegistrationJourney r = scanScreen(kiosk, 5);
        // Simulate a kill right after the payment's success was journaled: pay through the desk, book nothing.
        SlotHold held = heldOf(r);
        Intent pay = kiosk.engine.journal().intend(r.journeyId(), IntentKind.PAY, ((RegistrationState.ScanCode) r.state()).fee(),
                kiosk.session(5).patientId(), Map.of("appointment", held.appointmentId(), "method", "WECHAT_PAY"));
        kiosk.engine.journal().sent(pay.idempotencyKey());
        kiosk.backend.pay(new PaymentRequest(pay.idempotencyKey(), pay.patientId(), List.of(), pay.amount(),
                PaymentMethod.WECHAT_PAY, PaymentBehaviour.INSTANT_SUCCESS.sampleCode(), held.appointmentId()));
        kiosk.engine.context().live().ended(r.journeyId()); // the process died: nothing of the journey is live

        kiosk.engine.settle();
        List<Intent> intents = kiosk.engine.journal().journey(r.journeyId());
        assertEquals(List.of(IntentKind.HOLD, IntentKind.PAY, IntentKind.BOOK), intents.stream().map(Intent::kind).toList());
        assertTrue(intents.stream().allMatch(i -> i.state() == IntentState.SUCCEEDED), intents.toString());
    }

    @Test
    void paidThenTheNumberWentElsewhereIsRefundedWithANotice() {
        kiosk = new EngineFixture(data, DemoHospital.Options.defaults(), s -> s);
        RegistrationJourney r = scanScreen(kiosk, 6);
        RegistrationState.ScanCode scan = (RegistrationState.ScanCode) r.state();
        // The patient is slow: the hold lapses and someone else takes every number in that period.
        kiosk.hospital.expireHolds();
        kiosk.hospital.takeSlot(scan.slot().id());
        r.codeScanned(new WalletCode(PaymentBehaviour.INSTANT_SUCCESS.sampleCode(), PaymentMethod.WECHAT_PAY));
        RegistrationState.Refunded refunded = assertInstanceOf(RegistrationState.Refunded.class, r.state());
        assertInstanceOf(ReceiptOutcome.Printed.class, refunded.notice());
        List<Intent> intents = kiosk.engine.journal().journey(r.journeyId());
        assertEquals(List.of(IntentKind.HOLD, IntentKind.PAY, IntentKind.BOOK, IntentKind.REFUND),
                intents.stream().map(Intent::kind).toList());
        assertEquals(IntentState.FAILED, intents.get(2).state());
        assertEquals(IntentState.REFUNDED, intents.get(3).state());
        var movements = new HospitalLedger(FhirSettings.of(kiosk.hospital.baseUrl())).movements(intents.get(1).idempotencyKey());
        assertEquals(2, movements.size(), "a charge and its refund: " + movements);
    }

    @Test
    void anAbandonedHoldIsReleasedByRecovery() {
        kiosk();
        RegistrationJourney r = scanScreen(kiosk, 7);
        kiosk.engine.context().live().ended(r.journeyId()); // the kiosk died at the scan screen
        kiosk.engine.settle();
        List<Intent> intents = kiosk.engine.journal().journey(r.journeyId());
        assertEquals(List.of(IntentKind.HOLD, IntentKind.CANCEL), intents.stream().map(Intent::kind).toList());
        assertTrue(kiosk.engine.journal().open().isEmpty());
    }

    @Test
    void aPaymentSlowerThanItsTimeoutIsSettledByStatusQueryNeverRepeated() {
        kiosk = new EngineFixture(data, DemoHospital.Options.defaults().withSlowPaymentDelay(Duration.ofSeconds(3)),
                s -> s.withTimeout(BackendOperation.PAY, Duration.ofMillis(700)));
        PayBillsJourney pay = kiosk.engine.payBills(kiosk.session(1));
        pay.start();
        pay.payByWallet();
        pay.codeScanned(new WalletCode(PaymentBehaviour.SLOW_SUCCESS.sampleCode(), PaymentMethod.WECHAT_PAY));
        PayBillsState state = pay.state();
        // The test clock polls instantly, so the bound can pass before the slow wallet finishes: then it is reversed.
        assertTrue(state instanceof PayBillsState.Paid || state instanceof PayBillsState.NotCharged, state.toString());
        Intent intent = kiosk.engine.journal().all().get(0);
        assertEquals(1, intent.attempts(), "the timed-out $pay was not sent again");
        assertTrue(intent.state().isFinal());
        var movements = new HospitalLedger(FhirSettings.of(kiosk.hospital.baseUrl())).movements(intent.idempotencyKey());
        long net = movements.stream().mapToLong(m -> m.kind() == HospitalLedger.MoneyMovement.Kind.CHARGE ? m.amount().fen() : -m.amount().fen()).sum();
        assertEquals(intent.state() == IntentState.SUCCEEDED ? intent.amount().fen() : 0, net, movements.toString());
    }

    @Test
    void receiptsOwedToEndedSessionsBecomeUncollectedAtStartUp() {
        kiosk();
        kiosk.engine.journal().queuePrint("j-old", null, "pat-1", PrintJob.Printer.RECEIPT, "PAYMENT_RECEIPT", "WX1", new byte[]{1});
        kiosk.engine.journal().intend("j-old", IntentKind.TOP_UP, Money.ofYuan("5"), "pat-1", Map.of("account", "acc-1"));
        kiosk.engine.settle();
        assertEquals(PrintJob.State.UNCOLLECTED, kiosk.engine.journal().printJobs().get(0).state());
        assertThrows(BackendException.NotFound.class, () -> kiosk.backend.paymentStatus("never-seen-" + System.nanoTime()));
    }

    @Test
    void paperAKillLeftUnqueuedIsRecordedAsUncollected() {
        kiosk();
        List<UnpaidInvoice> invoices = bills(1);
        Intent intent = kiosk.engine.journal().intend("j-killed", IntentKind.PAY,
                invoices.stream().map(UnpaidInvoice::total).reduce(Money.ZERO, Money::plus), kiosk.session(1).patientId(),
                Map.of("invoices", String.join(",", invoices.stream().map(UnpaidInvoice::id).toList()), "method", "WECHAT_PAY",
                        "purpose", "BILLS"));
        kiosk.engine.journal().sent(intent.idempotencyKey());
        kiosk.backend.pay(request(intent, invoices, PaymentBehaviour.INSTANT_SUCCESS));
        // killed here: paid, receipt never queued
        kiosk.engine.settle();
        List<PrintJob> jobs = kiosk.engine.journal().printJobs("j-killed");
        assertEquals(1, jobs.size());
        assertEquals(PrintJob.State.UNCOLLECTED, jobs.get(0).state());
        assertEquals(intent.idempotencyKey(), jobs.get(0).intentKey());
        assertTrue(jobs.get(0).transactionNumber() != null, "staff can find it by the transaction number");
        assertTrue(kiosk.engine.settle().isEmpty(), "a second pass has nothing left to do");
    }

    private static RegistrationJourney scanScreen(EngineFixture kiosk, int patient) {
        RegistrationJourney r = kiosk.engine.registration(kiosk.session(patient));
        r.start();
        var deps = (RegistrationState.Departments) r.state();
        for (var dep : deps.departments()) {
            r.chooseDepartment(dep.id());
            var doctors = (RegistrationState.Doctors) r.state();
            r.chooseDay(doctors.days().get(1));
            doctors = (RegistrationState.Doctors) r.state();
            for (var doctor : doctors.doctors()) {
                r.chooseDoctor(doctor.id());
                if (r.state() instanceof RegistrationState.Periods p && !p.slots().isEmpty()) {
                    r.chooseSlot(p.slots().get(0).id());
                    r.confirm();
                    return r;
                }
                r.back();
            }
            r.back();
        }
        throw new AssertionError("no free period tomorrow");
    }

    private SlotHold heldOf(RegistrationJourney r) {
        Intent hold = kiosk.engine.journal().journey(r.journeyId()).get(0);
        return new SlotHold(hold.payload("appointment"), null, null);
    }
}
