package org.medkiosk.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.demohospital.PaymentBehaviour;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.PaidInvoice;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journal.PrintJob;
import org.medkiosk.journey.checkin.CheckInJourney;
import org.medkiosk.journey.checkin.CheckInState;
import org.medkiosk.journey.pay.PayBillsJourney;
import org.medkiosk.journey.payment.WalletCode;
import org.medkiosk.journey.queries.QueriesJourney;
import org.medkiosk.journey.queries.QueriesState;
import org.medkiosk.journey.testing.EngineFixture;
import org.medkiosk.journey.topup.TopUpJourney;

/** Queries against the demo hospital over HTTP; reprints through the real ESC/POS driver to the printer simulator. */
class QueriesJourneyTest {
    @TempDir
    Path data;
    EngineFixture kiosk;

    @BeforeEach
    void start() {
        kiosk = EngineFixture.inKioskZone(data, s -> s);
        kiosk.clock.set(LocalDate.now(kiosk.clock).atTime(LocalTime.of(9, 0)).atZone(EngineFixture.ZONE).toInstant());
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    private QueriesJourney queriesOf(PatientSession session) {
        QueriesJourney q = kiosk.engine.queries(session);
        q.start();
        return q;
    }

    private String paper() {
        return new String(kiosk.printer.printedBytes(), Charset.forName("GB18030"));
    }

    @Test
    void theQueuePositionOfTodaysCheckedInVisit() {
        QueriesJourney before = queriesOf(kiosk.session(1));
        before.queuePosition();
        assertTrue(assertInstanceOf(QueriesState.NotInQueue.class, before.state()).hasAppointmentToday());

        CheckInJourney checkIn = kiosk.engine.checkIn(kiosk.session(1));
        checkIn.start();
        CheckInState.CheckedIn done = assertInstanceOf(CheckInState.CheckedIn.class, checkIn.state());

        QueriesJourney q = queriesOf(kiosk.session(1));
        q.queuePosition();
        QueriesState.Queue queue = assertInstanceOf(QueriesState.Queue.class, q.state());
        assertEquals(1, queue.positions().size());
        assertEquals("apt-1", queue.positions().get(0).appointment().id());
        assertEquals(done.ticket().queueNumber(), queue.positions().get(0).ticket().queueNumber());
        assertTrue(queue.positions().get(0).ticket().patientsAhead() >= 0);
        q.back();
        assertInstanceOf(QueriesState.Menu.class, q.state());
        assertTrue(kiosk.engine.journal().all().stream().allMatch(i -> i.kind() == IntentKind.CHECK_IN), "queries journal nothing");
    }

    @Test
    void paidHistoryOfTheLastThirtyDaysWithLineItems() {
        QueriesJourney q = queriesOf(kiosk.session(2));
        q.paidHistory();
        QueriesState.PaidHistory history = assertInstanceOf(QueriesState.PaidHistory.class, q.state());
        assertEquals(LocalDate.now(kiosk.clock).minusDays(30), history.from());
        PaidInvoice inv = history.invoices().stream().filter(i -> i.id().equals("inv-9")).findFirst().orElseThrow();
        assertEquals(2, inv.items().size());
        assertEquals(Money.ofYuan("65"), inv.total());
        q.details("inv-9");
        assertEquals("inv-9", ((QueriesState.PaidHistory) q.state()).detailsOf());
        q.back();
        assertEquals(null, ((QueriesState.PaidHistory) q.state()).detailsOf());

        // a bill paid now joins the history
        PayBillsJourney pay = kiosk.engine.payBills(kiosk.session(2));
        pay.start();
        pay.payByWallet();
        pay.codeScanned(new WalletCode(PaymentBehaviour.INSTANT_SUCCESS.sampleCode(), PaymentMethod.WECHAT_PAY));
        QueriesJourney after = queriesOf(kiosk.session(2));
        after.paidHistory();
        QueriesState.PaidHistory more = (QueriesState.PaidHistory) after.state();
        assertTrue(more.invoices().size() > history.invoices().size(), more.invoices().toString());
    }

    @Test
    void anUncollectedReceiptIsReprintedOnceADayForItsOwnPatientOnly() {
        // a top-up whose patient walked away before the receipt printed: UNCOLLECTED, with its page
        PatientSession gone = kiosk.session(2);
        TopUpJourney top = kiosk.engine.topUp(gone);
        top.start();
        top.choosePreset(Money.ofYuan("100"));
        gone.end();
        top.codeScanned(new WalletCode(PaymentBehaviour.INSTANT_SUCCESS.sampleCode(), PaymentMethod.WECHAT_PAY));
        PrintJob original = kiosk.engine.journal().printJobs().get(0);
        assertEquals(PrintJob.State.UNCOLLECTED, original.state());
        assertEquals(0, kiosk.printer.printedJobs().size());

        QueriesJourney stranger = queriesOf(kiosk.session(1));
        stranger.myReceipts();
        assertTrue(((QueriesState.MyReceipts) stranger.state()).receipts().isEmpty(), "never someone else's receipt");

        PatientSession back = kiosk.session(2);
        QueriesJourney q = queriesOf(back);
        q.myReceipts();
        QueriesState.MyReceipts mine = assertInstanceOf(QueriesState.MyReceipts.class, q.state());
        assertEquals(1, mine.receipts().size());
        QueriesState.ReceiptEntry entry = mine.receipts().get(0);
        assertEquals(original.id(), entry.job().id());
        assertEquals(QueriesState.Availability.REPRINT, entry.availability());
        assertEquals(1, entry.reprintsLeftToday());

        q.reprint(original.id());
        QueriesState.Reprinted reprinted = assertInstanceOf(QueriesState.Reprinted.class, q.state());
        assertInstanceOf(ReceiptOutcome.Printed.class, reprinted.printed());
        assertTrue(paper().contains(original.transactionNumber()));
        PrintJob copy = kiosk.engine.journal().printJobs().get(1);
        assertEquals(original.id(), copy.reprintOf(), "a reprint is a new job linked to the original");
        assertEquals(PrintJob.State.PRINTED, copy.state());
        assertEquals(q.journeyId(), copy.journeyId());

        q.back();
        QueriesState.MyReceipts again = assertInstanceOf(QueriesState.MyReceipts.class, q.state());
        assertEquals(1, again.receipts().size(), "the reprint itself is not listed");
        assertEquals(QueriesState.Availability.LIMIT_REACHED, again.receipts().get(0).availability());
        q.reprint(original.id());
        assertInstanceOf(QueriesState.ReprintLimitReached.class, q.state());
        assertEquals(1, kiosk.printer.printedJobs().size());

        // the next day it may be printed again; after the session ended it is never printed
        kiosk.clock.advance(java.time.Duration.ofDays(1));
        PatientSession tomorrow = kiosk.session(2);
        QueriesJourney next = queriesOf(tomorrow);
        next.myReceipts();
        assertEquals(QueriesState.Availability.REPRINT,
                ((QueriesState.MyReceipts) next.state()).receipts().get(0).availability());
        tomorrow.end();
        next.reprint(original.id());
        assertInstanceOf(ReceiptOutcome.Uncollected.class, ((QueriesState.Reprinted) next.state()).printed());
        assertEquals(1, kiosk.printer.printedJobs().size());
    }

    @Test
    void theHospitalSetsHowManyReprintsADay() {
        kiosk.close();
        kiosk = EngineFixture.inKioskZone(data.resolve("two"), s -> s.withReceiptReprints(2, 7));
        TopUpJourney top = kiosk.engine.topUp(kiosk.session(2));
        top.start();
        top.choosePreset(Money.ofYuan("50"));
        top.codeScanned(new WalletCode(PaymentBehaviour.INSTANT_SUCCESS.sampleCode(), PaymentMethod.WECHAT_PAY));
        long id = kiosk.engine.journal().printJobs().get(0).id();
        QueriesJourney q = queriesOf(kiosk.session(2));
        q.myReceipts();
        assertEquals(2, ((QueriesState.MyReceipts) q.state()).receipts().get(0).reprintsLeftToday(), "printed receipts too");
        q.reprint(id);
        q.back();
        q.reprint(id);
        assertInstanceOf(QueriesState.Reprinted.class, q.state());
        q.back();
        assertEquals(QueriesState.Availability.LIMIT_REACHED,
                ((QueriesState.MyReceipts) q.state()).receipts().get(0).availability());
        assertEquals(3, kiosk.printer.printedJobs().size());
    }

    @Test
    void aReceiptWithoutAPageSendsThePatientToTheCashierWithItsTransactionNumber() {
        // what settlement records after a kill between the payment and its receipt: UNCOLLECTED, no page
        Intent pay = kiosk.engine.journal().intend("j-killed", IntentKind.PAY, Money.ofYuan("12"),
                kiosk.session(1).patientId(), Map.of("purpose", "BILLS"));
        kiosk.engine.journal().finish(pay.idempotencyKey(), IntentState.SUCCEEDED, "WX-TEST-0001", null);
        kiosk.engine.settle();
        QueriesJourney q = queriesOf(kiosk.session(1));
        q.myReceipts();
        QueriesState.ReceiptEntry entry = ((QueriesState.MyReceipts) q.state()).receipts().get(0);
        assertEquals(QueriesState.Availability.SEE_CASHIER, entry.availability());
        q.reprint(entry.job().id());
        assertEquals("WX-TEST-0001", assertInstanceOf(QueriesState.SeeCashier.class, q.state()).transactionNumber());
        assertEquals(0, kiosk.printer.printedJobs().size());
    }

    @Test
    void aQueueTicketWithoutAPageIsRenderedAgainFromTheHospitalsQueue() {
        Intent checkIn = kiosk.engine.journal().intend("j-killed", IntentKind.CHECK_IN, null,
                kiosk.session(1).patientId(), Map.of("appointment", "apt-1"));
        kiosk.engine.settle(); // checks in with the key and records the owed ticket as UNCOLLECTED without a page
        String number = kiosk.engine.journal().find(checkIn.idempotencyKey()).orElseThrow().transactionNumber();
        QueriesJourney q = queriesOf(kiosk.session(1));
        q.myReceipts();
        QueriesState.ReceiptEntry entry = ((QueriesState.MyReceipts) q.state()).receipts().get(0);
        assertEquals(CheckInJourney.QUEUE_TICKET, entry.job().template());
        assertEquals(QueriesState.Availability.REPRINT, entry.availability());
        q.reprint(entry.job().id());
        assertInstanceOf(ReceiptOutcome.Printed.class, ((QueriesState.Reprinted) q.state()).printed());
        assertTrue(paper().contains(number));
        assertFalse(paper().contains(kiosk.session(1).patient().name()));
    }
}
