package org.medkiosk.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.journey.testing.TestClock;

/** V3: a patient's print jobs since a time, and reprints linked to the job they repeat. */
class PrintJobsOfPatientTest {

    @Test
    void jobsOfOnePatientSinceATimeAndTheirReprints(@TempDir Path dir) {
        TestClock clock = new TestClock(Instant.parse("2024-11-20T08:00:00Z"), ZoneOffset.UTC);
        try (KioskStore store = KioskStore.open(dir)) {
            Journal journal = new Journal(store, clock, CrashPoint.none());
            PrintJob old = journal.queuePrint("j-1", null, "pat-1", PrintJob.Printer.RECEIPT, "TOP_UP_RECEIPT", "T1", new byte[]{1});
            clock.advance(Duration.ofDays(3));
            Instant since = clock.instant();
            PrintJob recent = journal.queuePrint("j-2", null, "pat-1", PrintJob.Printer.RECEIPT, "PAYMENT_RECEIPT", "T2", new byte[]{2});
            journal.queuePrint("j-3", null, "pat-2", PrintJob.Printer.RECEIPT, "PAYMENT_RECEIPT", "T3", new byte[]{3});
            journal.printOutcome(old.id(), PrintJob.State.UNCOLLECTED, null);

            assertEquals(List.of(recent.id()), journal.printJobsOfPatient("pat-1", since).stream().map(PrintJob::id).toList());
            assertEquals(List.of(old.id()), journal.uncollectedOfPatient("pat-1").stream().map(PrintJob::id).toList());

            clock.advance(Duration.ofMillis(1));
            PrintJob copy = journal.queueReprint("j-4", old, new byte[]{1});
            assertEquals(old.id(), copy.reprintOf());
            assertEquals("TOP_UP_RECEIPT", copy.template());
            assertEquals("T1", copy.transactionNumber());
            assertNull(journal.printJob(old.id()).orElseThrow().reprintOf());
            assertEquals(List.of(copy.id()), journal.reprintsOf(old.id(), since).stream().map(PrintJob::id).toList());
            assertEquals(List.of(), journal.reprintsOf(old.id(), clock.instant().plusSeconds(1)));
            assertEquals(List.of(old.id()), journal.uncollectedOfPatient("pat-1").stream().map(PrintJob::id).toList(),
                    "a reprint is not itself owed");
        }
    }
}
