package org.medkiosk.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.demohospital.PaymentBehaviour;
import org.medkiosk.fhir.FhirSettings;
import org.medkiosk.fhir.HospitalLedger;
import org.medkiosk.fhir.HospitalLedger.MoneyMovement;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journey.cancel.CancelBookingJourney;
import org.medkiosk.journey.crash.LedgerComparison;
import org.medkiosk.journey.pay.PayBillsJourney;
import org.medkiosk.journey.payment.WalletCode;
import org.medkiosk.journey.register.RegistrationJourney;
import org.medkiosk.journey.register.RegistrationState;
import org.medkiosk.journey.testing.EngineFixture;
import org.medkiosk.journey.topup.TopUpJourney;

/**
 * After a run of journeys, the hospital's own books (PaymentReconciliation over FHIR) and the kiosk's journal agree
 * key by key: what the journal calls SUCCEEDED the hospital holds once, what it calls declined, reversed or
 * refunded the hospital holds nothing of.
 */
class LedgerMatchTest {

    @Test
    void theHospitalsLedgerMatchesTheJournalAfterARunOfJourneys(@TempDir Path data) {
        try (EngineFixture kiosk = new EngineFixture(data);
             HospitalLedger ledger = new HospitalLedger(FhirSettings.of(kiosk.hospital.baseUrl()))) {
            Set<String> seeded = new HashSet<>();
            ledger.movements().forEach(m -> seeded.add(m.idempotencyKey()));
            ledger.bookedAppointments().forEach(a -> seeded.add(a.holdKey()));

            pay(kiosk, 1, PaymentBehaviour.DECLINED);
            pay(kiosk, 1, PaymentBehaviour.PENDING_UNTIL_REVERSED);
            pay(kiosk, 1, PaymentBehaviour.SUCCESS_RACES_REVERSE);
            pay(kiosk, 2, PaymentBehaviour.PENDING_THEN_SUCCESS);
            TopUpJourney top = kiosk.engine.topUp(kiosk.session(3));
            top.start();
            top.choosePreset(Money.ofYuan("200"));
            top.codeScanned(code(PaymentBehaviour.INSTANT_SUCCESS));
            RegistrationJourney reg = kiosk.engine.registration(kiosk.session(4));
            reg.start();
            reg.chooseDepartment(((RegistrationState.Departments) reg.state()).departments().get(0).id());
            RegistrationState.Doctors doctors = (RegistrationState.Doctors) reg.state();
            reg.chooseDay(doctors.days().get(2));
            reg.chooseDoctor(((RegistrationState.Doctors) reg.state()).doctors().get(0).id());
            reg.chooseSlot(((RegistrationState.Periods) reg.state()).slots().get(0).id());
            reg.confirm();
            reg.codeScanned(code(PaymentBehaviour.INSTANT_SUCCESS));
            String booked = ((RegistrationState.Booked) reg.state()).appointment().id();
            CancelBookingJourney cancel = kiosk.engine.cancelBooking(kiosk.session(4));
            cancel.start();
            cancel.choose(booked);
            cancel.confirm();

            List<Intent> intents = kiosk.engine.journal().all();
            List<MoneyMovement> movements = ledger.movements();
            LedgerComparison.Verdict verdict = LedgerComparison.compare(intents, kiosk.engine.journal().printJobs(),
                    movements, ledger.bookedAppointments(), seeded);
            assertTrue(verdict.clean(), verdict.findings().toString());

            Map<String, Long> net = new HashMap<>();
            for (MoneyMovement m : movements) {
                net.merge(m.idempotencyKey(), m.kind() == MoneyMovement.Kind.CHARGE ? m.amount().fen() : -m.amount().fen(), Long::sum);
            }
            Set<String> refundedPayments = new HashSet<>();
            intents.stream().filter(i -> i.kind() == IntentKind.REFUND && i.state() == IntentState.REFUNDED)
                    .forEach(i -> refundedPayments.add(i.payload("payment")));
            int moneyIntents = 0;
            for (Intent i : intents) {
                if (i.kind() != IntentKind.PAY && i.kind() != IntentKind.TOP_UP) {
                    continue;
                }
                moneyIntents++;
                long expected = i.state() == IntentState.SUCCEEDED && !refundedPayments.contains(i.idempotencyKey())
                        ? i.amount().fen() : 0;
                assertEquals(expected, net.getOrDefault(i.idempotencyKey(), 0L), i.kind() + " " + i.state());
            }
            assertEquals(6, moneyIntents, "four bill payments, a top-up and a registration fee");
        }
    }

    private static void pay(EngineFixture kiosk, int patient, PaymentBehaviour behaviour) {
        PayBillsJourney pay = kiosk.engine.payBills(kiosk.session(patient));
        pay.start();
        pay.payByWallet();
        pay.codeScanned(code(behaviour));
    }

    private static WalletCode code(PaymentBehaviour b) {
        return new WalletCode(b.sampleCode(), PaymentMethod.WECHAT_PAY);
    }
}
