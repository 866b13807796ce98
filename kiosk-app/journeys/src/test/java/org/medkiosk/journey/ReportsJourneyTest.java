package org.medkiosk.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.hospital.PendingReport;
import org.medkiosk.hospital.ReportSummary;
import org.medkiosk.hospital.SpecimenReports;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journal.PrintJob;
import org.medkiosk.journey.reports.ReportsJourney;
import org.medkiosk.journey.reports.ReportsState;
import org.medkiosk.journey.testing.EngineFixture;
import org.medkiosk.journey.testing.MemoryReportPrinter;

/**
 * Print reports against the demo hospital over HTTP, on an in-memory A4 queue. Seed: patient 1 rep-1 (lab, printed
 * once, no limit) and rep-2 (imaging, 0 of 2), not ready rep-8 and rep-9; patient 2 rep-3 at its limit (1 of 1) and
 * rep-4; patient 5 only a pending report; specimen 202411210001 is rep-1's (and rep-9's).
 */
class ReportsJourneyTest {
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

    private ReportsJourney reportsOf(int patient) {
        ReportsJourney j = kiosk.engine.reports(kiosk.session(patient));
        j.start();
        return j;
    }

    private List<Intent> marks() {
        return kiosk.engine.journal().all().stream().filter(i -> i.kind() == IntentKind.MARK_PRINTED).toList();
    }

    private int printCount(int patient, String reportId) {
        return kiosk.backend.finalReports(kiosk.session(patient).patientId()).stream()
                .filter(r -> r.id().equals(reportId)).findFirst().orElseThrow().printCount();
    }

    @Test
    void readyReportsAreAllSelectedPrintedAndMarkedOnlyAfterThePrinterCompletedThem() {
        ReportsJourney reports = reportsOf(1);
        ReportsState.Reports list = assertInstanceOf(ReportsState.Reports.class, reports.state());
        assertEquals(Set.of("rep-1", "rep-2"), list.selected());
        assertTrue(list.printerAvailable());
        assertTrue(list.pending().stream().map(PendingReport::id).toList().containsAll(List.of("rep-8", "rep-9")),
                "not-ready reports listed: " + list.pending());
        assertTrue(list.pending().stream().allMatch(p -> p.expectedAt() != null), "each with its expected time");
        int before1 = printCount(1, "rep-1");
        int before2 = printCount(1, "rep-2");

        List<Integer> marksWhenCompleted = new ArrayList<>();
        kiosk.reportPrinter.onComplete = () -> marksWhenCompleted.add(marks().size());
        reports.print();

        ReportsState.Done done = assertInstanceOf(ReportsState.Done.class, reports.state());
        assertTrue(done.allPrinted(), done.toString());
        assertEquals(List.of(0, 1), marksWhenCompleted, "no MARK_PRINTED exists before its job completed");
        assertEquals(2, kiosk.reportPrinter.pages().size());
        for (byte[] pdf : kiosk.reportPrinter.pages()) {
            assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.ISO_8859_1));
        }
        assertTrue(kiosk.reportPrinter.jobNames().stream().noneMatch(n -> n.contains(kiosk.session(1).patient().name())));
        assertEquals(2, marks().size());
        assertTrue(marks().stream().allMatch(m -> m.state() == IntentState.SUCCEEDED));
        assertEquals(Set.of("rep-1", "rep-2"), Set.copyOf(marks().stream().map(m -> m.payload("report")).toList()));
        List<PrintJob> jobs = kiosk.engine.journal().printJobs(reports.journeyId());
        assertEquals(2, jobs.size());
        assertTrue(jobs.stream().allMatch(j -> j.printer() == PrintJob.Printer.REPORT && j.state() == PrintJob.State.PRINTED));
        assertEquals(Set.of("rep-1", "rep-2"), Set.copyOf(jobs.stream().map(PrintJob::transactionNumber).toList()));
        assertEquals(before1 + 1, printCount(1, "rep-1"));
        assertEquals(before2 + 1, printCount(1, "rep-2"));
    }

    @Test
    void aPrinterFailureMarksNothingAndSaysSo() {
        ReportsJourney reports = reportsOf(1);
        kiosk.reportPrinter.mode(MemoryReportPrinter.Mode.FAIL);
        reports.print();
        ReportsState.Done done = assertInstanceOf(ReportsState.Done.class, reports.state());
        assertEquals("FAILED", done.printerProblem());
        assertEquals(List.of(ReportsState.Outcome.NOT_PRINTED, ReportsState.Outcome.NOT_SENT),
                done.results().stream().map(ReportsState.ReportResult::outcome).toList());
        assertTrue(marks().isEmpty(), "nothing marked printed at the hospital");
        assertEquals(0, printCount(1, "rep-2"));
        List<PrintJob> jobs = kiosk.engine.journal().printJobs(reports.journeyId());
        assertEquals(1, jobs.size());
        assertEquals(PrintJob.State.NOT_PRINTED, jobs.get(0).state());
        assertEquals("FAILED", jobs.get(0).problem());
    }

    @Test
    void aRefusedOrNeverCompletedJobIsNotCountedAndAStuckOneIsWithdrawn() {
        ReportsJourney refused = reportsOf(1);
        kiosk.reportPrinter.mode(MemoryReportPrinter.Mode.REFUSE);
        refused.print();
        assertEquals("REFUSED", ((ReportsState.Done) refused.state()).printerProblem());

        ReportsJourney stuck = reportsOf(1);
        kiosk.reportPrinter.mode(MemoryReportPrinter.Mode.NEVER_COMPLETE);
        stuck.print();
        ReportsState.Done done = assertInstanceOf(ReportsState.Done.class, stuck.state());
        assertEquals("NOT_COMPLETED", done.printerProblem());
        assertFalse(done.allPrinted());
        assertEquals(1, kiosk.reportPrinter.cancelled().size(), "withdrawn, so it never comes out after the patient left");

        ReportsJourney unknown = reportsOf(1);
        kiosk.reportPrinter.mode(MemoryReportPrinter.Mode.CANNOT_TELL);
        unknown.print();
        assertEquals(PrintJob.State.SENT_UNVERIFIED, kiosk.engine.journal().printJobs(unknown.journeyId()).get(0).state());
        assertTrue(marks().isEmpty(), "only a completed job is marked printed");
        assertEquals(0, printCount(1, "rep-2"));
    }

    @Test
    void aReportAtThePrintLimitIsListedButNotSelectable() {
        ReportsJourney reports = reportsOf(2);
        ReportsState.Reports list = assertInstanceOf(ReportsState.Reports.class, reports.state());
        assertEquals(List.of("rep-3"), list.limitReached().stream().map(ReportSummary::id).toList());
        assertFalse(list.selected().contains("rep-3"));
        reports.toggle("rep-3");
        assertFalse(((ReportsState.Reports) reports.state()).selected().contains("rep-3"));
        reports.print();
        ReportsState.Done done = assertInstanceOf(ReportsState.Done.class, reports.state());
        assertEquals(List.of("rep-4"), done.results().stream().map(r -> r.report().id()).toList());
    }

    @Test
    void aReportPrintedUpToItsLimitIsNoLongerSelected() {
        // rep-2 may be printed twice: print it twice, leaving rep-1 out
        for (int i = 0; i < 2; i++) {
            ReportsJourney r = reportsOf(1);
            r.toggle("rep-1");
            r.print();
            assertTrue(((ReportsState.Done) r.state()).allPrinted());
        }
        ReportsJourney later = reportsOf(1);
        ReportsState.Reports list = assertInstanceOf(ReportsState.Reports.class, later.state());
        assertEquals(List.of("rep-2"), list.limitReached().stream().map(ReportSummary::id).toList());
        assertEquals(Set.of("rep-1"), list.selected());
    }

    @Test
    void theHospitalsLimitReachedMeanwhileIsSaidAfterPrinting() {
        ReportsJourney slow = reportsOf(1); // lists rep-2 at 0 of 2
        slow.toggle("rep-1");
        for (int i = 0; i < 2; i++) {
            ReportsJourney r = reportsOf(1);
            r.toggle("rep-1");
            r.print();
        }
        slow.print();
        ReportsState.Done done = assertInstanceOf(ReportsState.Done.class, slow.state());
        assertEquals(ReportsState.Outcome.PRINTED_LIMIT_REACHED, done.results().get(0).outcome());
        Intent refused = marks().get(marks().size() - 1);
        assertEquals(IntentState.FAILED, refused.state());
        assertEquals("print limit reached", refused.reason());
        assertEquals(2, printCount(1, "rep-2"));
    }

    @Test
    void nothingReadyListsWhatIsPendingWithItsTime() {
        ReportsJourney reports = reportsOf(5);
        ReportsState.NothingReady none = assertInstanceOf(ReportsState.NothingReady.class, reports.state());
        assertEquals(List.of("rep-11"), none.pending().stream().map(PendingReport::id).toList());
        assertNotNull(none.pending().get(0).expectedAt());
    }

    @Test
    void aSpecimenBarcodeOpensThatSpecimensReportsOnly() {
        SpecimenReports found = kiosk.engine.lookUpSpecimen("202411210001").orElseThrow();
        assertEquals(kiosk.session(1).patientId(), found.patient().id(), "the kiosk opens the session for its patient");
        ReportsJourney reports = kiosk.engine.specimenReports(new PatientSession(found.patient(), () -> java.util.Locale.CHINESE), found);
        reports.start();
        ReportsState.Reports list = assertInstanceOf(ReportsState.Reports.class, reports.state());
        assertEquals("202411210001", list.specimenId());
        assertEquals(List.of("rep-1"), list.ready().stream().map(ReportSummary::id).toList());
        reports.print();
        assertTrue(((ReportsState.Done) reports.state()).allPrinted());
        assertEquals(List.of("rep-1"), marks().stream().map(m -> m.payload("report")).toList());

        assertTrue(kiosk.engine.lookUpSpecimen("999999999999").isEmpty());
        ReportsJourney unknown = kiosk.engine.specimenReports(kiosk.session(1), "999999999999");
        unknown.start();
        assertInstanceOf(ReportsState.UnknownSpecimen.class, unknown.state());
        ReportsJourney someoneElses = kiosk.engine.specimenReports(kiosk.session(2), "202411210001");
        someoneElses.start();
        assertInstanceOf(ReportsState.UnknownSpecimen.class, someoneElses.state());
    }

    @Test
    void anOpenMarkPrintedIsRepeatedBySettlementAndCountedOnce() {
        // as a kill after the job completed and MARK_PRINTED was written, and one after it was sent
        Intent intended = kiosk.engine.journal().intend("j-killed-1", IntentKind.MARK_PRINTED, null,
                kiosk.session(1).patientId(), Map.of("report", "rep-2"));
        Intent sent = kiosk.engine.journal().intend("j-killed-2", IntentKind.MARK_PRINTED, null,
                kiosk.session(2).patientId(), Map.of("report", "rep-4"));
        kiosk.engine.journal().sent(sent.idempotencyKey());
        kiosk.backend.markPrinted("rep-4", sent.idempotencyKey()); // it did reach the hospital before the kill
        var lines = kiosk.engine.settle();
        assertEquals(IntentState.SUCCEEDED, kiosk.engine.journal().find(intended.idempotencyKey()).orElseThrow().state());
        assertEquals(IntentState.SUCCEEDED, kiosk.engine.journal().find(sent.idempotencyKey()).orElseThrow().state());
        assertEquals(2, lines.stream().filter(l -> l.kind() == IntentKind.MARK_PRINTED).count(), lines.toString());
        assertEquals(1, printCount(1, "rep-2"));
        assertEquals(1, printCount(2, "rep-4"), "the same key is counted once");
        assertTrue(kiosk.engine.journal().open().isEmpty());
    }
}
