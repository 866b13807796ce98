package org.medkiosk.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.hospital.Money;

class JournalTest {

    @Test
    void anIntentIsCommittedBeforeItIsSentAndItsOutcomeAfter(@TempDir Path dir) {
        String key;
        try (KioskStore store = KioskStore.open(dir)) {
            Journal journal = new Journal(store, Clock.systemUTC(), CrashPoint.none());
            Intent intent = journal.intend("j-1", IntentKind.PAY, Money.ofYuan("25.50"), "patient-1",
                    Map.of("invoices", "inv-1,inv-2"));
            key = intent.idempotencyKey();
            assertEquals(IntentState.INTENDED, intent.state());
            journal.sent(key);
            journal.pending(key);
            assertEquals(List.of(key), journal.open().stream().map(Intent::idempotencyKey).toList());
        }
        // A new process sees what the old one committed.
        try (KioskStore store = KioskStore.open(dir)) {
            Journal journal = new Journal(store, Clock.systemUTC(), CrashPoint.none());
            Intent pending = journal.find(key).orElseThrow();
            assertEquals(IntentState.PENDING, pending.state());
            assertEquals(1, pending.attempts());
            assertEquals(2550, pending.amount().fen());
            assertEquals("inv-1,inv-2", pending.payload("invoices"));
            journal.finish(key, IntentState.SUCCEEDED, "WX123", null);
            assertTrue(journal.open().isEmpty());
            assertEquals("WX123", journal.find(key).orElseThrow().transactionNumber());
            assertThrows(IllegalArgumentException.class, () -> journal.finish(key, IntentState.SENT, null, null));
        }
    }

    @Test
    void owedReceiptsBecomeUncollectedWhenTheirSessionEndsAndPrintedOnesStay(@TempDir Path dir) {
        try (KioskStore store = KioskStore.open(dir)) {
            Journal journal = new Journal(store, Clock.systemUTC(), CrashPoint.none());
            Intent pay = journal.intend("j-1", IntentKind.PAY, Money.ofYuan("1"), "p", Map.of());
            PrintJob printed = journal.queuePrint("j-1", pay.idempotencyKey(), "p", PrintJob.Printer.RECEIPT, "PAYMENT_RECEIPT", "WX1", new byte[]{1});
            journal.printOutcome(printed.id(), PrintJob.State.PRINTED, null);
            PrintJob paperOut = journal.queuePrint("j-1", pay.idempotencyKey(), "p", PrintJob.Printer.RECEIPT, "PAYMENT_RECEIPT", "WX1", new byte[]{2});
            journal.printOutcome(paperOut.id(), PrintJob.State.NOT_PRINTED, "PAPER_END");
            PrintJob otherSession = journal.queuePrint("j-2", null, "q", PrintJob.Printer.RECEIPT, "TOP_UP_RECEIPT", null, new byte[]{3});

            assertEquals(1, journal.uncollected("j-1"));
            assertEquals(PrintJob.State.PRINTED, journal.printJob(printed.id()).orElseThrow().state());
            assertEquals(PrintJob.State.UNCOLLECTED, journal.printJob(paperOut.id()).orElseThrow().state());
            assertEquals(PrintJob.State.QUEUED, journal.printJob(otherSession.id()).orElseThrow().state());
            assertEquals(2, journal.document(paperOut.id())[0]);
        }
    }

    @Test
    void everyWriteIsTracedForTheCrashHarness(@TempDir Path dir) {
        try (KioskStore store = KioskStore.open(dir)) {
            CrashPoint trace = new CrashPoint(0, false);
            Journal journal = new Journal(store, Clock.systemUTC(), trace);
            Intent i = journal.intend("j", IntentKind.TOP_UP, Money.ofYuan("5"), "p", Map.of());
            journal.sent(i.idempotencyKey());
            journal.finish(i.idempotencyKey(), IntentState.SUCCEEDED, "t", null);
            assertEquals(3, trace.writes());
        }
    }

    @Test
    void theV2MigrationUpgradesAKioskThatRanV1(@TempDir Path dir) throws Exception {
        Path db = dir.resolve(KioskStore.FILE_NAME);
        Files.createDirectories(dir);
        String url = "jdbc:sqlite:" + db;
        Flyway.configure().dataSource(url, null, null).locations("classpath:org/medkiosk/app/db/migration")
                .target("1").load().migrate();
        try (var c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO kiosk_event(at, source, level, message) VALUES ('2026-11-01T00:00:00Z', 'printer', 'WARN', 'paper near end')");
        }
        try (KioskStore store = KioskStore.open(dir)) {
            Journal journal = new Journal(store, Clock.systemUTC(), CrashPoint.none());
            assertFalse(journal.intend("j", IntentKind.HOLD, null, "p", Map.of("slot", "s-1")).state().isFinal());
            try (Statement s = store.connection().createStatement();
                 var rs = s.executeQuery("SELECT count(*) FROM kiosk_event")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "technician events survive the upgrade");
            }
        }
    }

    @Test
    void theJournalRefusesStatesOutsideJourneysMd(@TempDir Path dir) throws Exception {
        try (KioskStore store = KioskStore.open(dir); Statement s = store.connection().createStatement()) {
            assertThrows(java.sql.SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO intent(idempotency_key, journey_id, kind, state, created_at, updated_at) "
                            + "VALUES ('k', 'j', 'PAY', 'MAYBE', 'now', 'now')"));
        }
    }
}
