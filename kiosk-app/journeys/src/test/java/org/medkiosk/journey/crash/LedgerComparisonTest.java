package org.medkiosk.journey.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.fhir.HospitalLedger.BookedAppointment;
import org.medkiosk.fhir.HospitalLedger.MoneyMovement;
import org.medkiosk.hospital.AppointmentStatus;
import org.medkiosk.hospital.Money;
import org.medkiosk.journal.CrashPoint;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journal.Journal;
import org.medkiosk.journal.KioskStore;
import org.medkiosk.journal.PrintJob;

/** The harness is honest: the comparison it ends with fails when the journal and the ledger disagree. */
class LedgerComparisonTest {
    private static final Money FEE = Money.ofYuan("50");

    private static Intent intent(String key, String journey, IntentKind kind, IntentState state, Map<String, String> payload) {
        return new Intent(1, key, journey, kind, state, FEE, "pat-1", payload, null, null, 1, Instant.EPOCH, Instant.EPOCH);
    }

    private static PrintJob job(long id, String journey, String key, String template, PrintJob.State state) {
        return new PrintJob(id, journey, key, "pat-1", PrintJob.Printer.RECEIPT, template, state, null, null, 1,
                Instant.EPOCH, Instant.EPOCH);
    }

    private static MoneyMovement charge(String key) {
        return new MoneyMovement(key, MoneyMovement.Kind.CHARGE, FEE, "pat-1");
    }

    private static final List<Intent> JOURNAL = List.of(
            intent("hold-1", "j1", IntentKind.HOLD, IntentState.SUCCEEDED, Map.of("slot", "s1")),
            intent("pay-1", "j1", IntentKind.PAY, IntentState.SUCCEEDED, Map.of()),
            intent("book-1", "j1", IntentKind.BOOK, IntentState.SUCCEEDED, Map.of()),
            intent("top-1", "j2", IntentKind.TOP_UP, IntentState.SUCCEEDED, Map.of()),
            intent("pay-2", "j3", IntentKind.PAY, IntentState.CLOSED, Map.of()));
    /** The paper the journal above owes: the slip of the booking, the top-up receipt. */
    private static final List<PrintJob> PAPER = List.of(
            job(1, "j1", "book-1", "REGISTRATION_SLIP", PrintJob.State.PRINTED),
            job(2, "j2", "top-1", "TOP_UP_RECEIPT", PrintJob.State.UNCOLLECTED));
    private static final List<MoneyMovement> LEDGER = List.of(charge("pay-1"), charge("top-1"), charge("seeded"));
    private static final List<BookedAppointment> BOOKINGS =
            List.of(new BookedAppointment("apt-9", "hold-1", "s1", AppointmentStatus.BOOKED));

    @Test
    void agreeingSidesAreClean() {
        LedgerComparison.Verdict v = LedgerComparison.compare(JOURNAL, PAPER, LEDGER, BOOKINGS, Set.of("seeded"));
        assertTrue(v.clean(), v.findings().toString());
        assertEquals(5, v.intents());
    }

    @Test
    void paperOwedButNeverRecordedIsUnsettled() {
        LedgerComparison.Verdict v = LedgerComparison.compare(JOURNAL, PAPER.subList(0, 1), LEDGER, BOOKINGS, Set.of("seeded"));
        assertEquals(1, v.unsettled(), v.findings().toString());
        assertTrue(v.findings().get(0).contains("TOP_UP_RECEIPT"), v.findings().toString());
    }

    @Test
    void anExtraChargeIsDuplicatedAndAChargeOfAClosedIntentIsLost() {
        List<MoneyMovement> ledger = new ArrayList<>(LEDGER);
        ledger.add(charge("pay-1"));   // charged twice
        ledger.add(charge("pay-2"));   // the journal closed it, the hospital took the money
        ledger.add(charge("stranger")); // nobody's journal knows it
        LedgerComparison.Verdict v = LedgerComparison.compare(JOURNAL, PAPER, ledger, BOOKINGS, Set.of("seeded"));
        assertEquals(2, v.lost(), v.findings().toString());
        assertEquals(1, v.duplicated(), v.findings().toString());
        assertFalse(v.clean());
    }

    @Test
    void aSecondBookingOrABookingThatWasAlsoRefundedIsDuplicated() {
        List<BookedAppointment> twice = List.of(BOOKINGS.get(0),
                new BookedAppointment("apt-10", "hold-1", "s1", AppointmentStatus.BOOKED),
                new BookedAppointment("apt-11", "hold-unknown", "s1", AppointmentStatus.BOOKED));
        assertEquals(2, LedgerComparison.compare(JOURNAL, PAPER, LEDGER, twice, Set.of("seeded")).duplicated());

        List<Intent> refunded = new ArrayList<>(JOURNAL);
        refunded.add(intent("refund-1", "j1", IntentKind.REFUND, IntentState.REFUNDED, Map.of("payment", "pay-1")));
        List<MoneyMovement> ledger = new ArrayList<>(LEDGER);
        ledger.add(new MoneyMovement("pay-1", MoneyMovement.Kind.REFUND, FEE, "pat-1"));
        LedgerComparison.Verdict v = LedgerComparison.compare(refunded, PAPER, ledger, BOOKINGS, Set.of("seeded"));
        assertEquals(1, v.duplicated(), v.findings().toString());
        assertEquals(0, v.lost(), v.findings().toString());
    }

    @Test
    void openIntentsQueuedReceiptsAndPhantomPaymentsAreUnsettled() {
        List<Intent> journal = new ArrayList<>(JOURNAL);
        journal.add(intent("pay-3", "j4", IntentKind.PAY, IntentState.SENT, Map.of()));
        journal.add(intent("pay-4", "j5", IntentKind.PAY, IntentState.SUCCEEDED, Map.of())); // no money at the hospital
        PrintJob queued = new PrintJob(1, "j1", "book-1", "pat-1", PrintJob.Printer.RECEIPT, "REGISTRATION_SLIP",
                PrintJob.State.QUEUED, null, null, 0, Instant.EPOCH, Instant.EPOCH);
        PrintJob printed = new PrintJob(2, "j2", "top-1", "pat-1", PrintJob.Printer.RECEIPT, "TOP_UP_RECEIPT",
                PrintJob.State.PRINTED, null, null, 1, Instant.EPOCH, Instant.EPOCH);
        LedgerComparison.Verdict v = LedgerComparison.compare(journal, List.of(queued, printed), LEDGER, BOOKINGS, Set.of("seeded"));
        assertEquals(3, v.unsettled(), v.findings().toString());
    }

    /** A real SQLite journal, tampered after a run as a bug would leave it: the comparison notices. */
    @Test
    void aTamperedJournalRowIsCaught(@TempDir Path data) throws Exception {
        String key;
        try (KioskStore store = KioskStore.open(data)) {
            Journal journal = new Journal(store, Clock.systemUTC(), CrashPoint.none());
            Intent pay = journal.intend("j-real", IntentKind.PAY, FEE, "pat-1", Map.of("purpose", "BILLS"));
            key = pay.idempotencyKey();
            journal.sent(key);
            journal.finish(key, IntentState.SUCCEEDED, "WX1", null);
            journal.printOutcome(journal.queuePrint("j-real", key, "pat-1", PrintJob.Printer.RECEIPT, "PAYMENT_RECEIPT",
                    "WX1", new byte[]{1}).id(), PrintJob.State.PRINTED, null);
            List<MoneyMovement> ledger = List.of(charge(key));
            assertTrue(LedgerComparison.compare(journal.all(), journal.printJobs(), ledger, List.of(), Set.of()).clean());
            try (var st = store.connection().prepareStatement("UPDATE intent SET state = 'DECLINED' WHERE idempotency_key = ?")) {
                st.setString(1, key);
                assertEquals(1, st.executeUpdate());
            }
            LedgerComparison.Verdict v = LedgerComparison.compare(journal.all(), journal.printJobs(), ledger, List.of(), Set.of());
            assertEquals(1, v.lost(), v.findings().toString());
        }
    }
}
