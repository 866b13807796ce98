package org.medkiosk.journey.reports;

import java.util.List;
import java.util.Set;
import org.medkiosk.hospital.PendingReport;
import org.medkiosk.hospital.ReportSummary;

/** Print reports: ready reports, all printable ones selected → printing → done. Not-ready ones are listed with their time. */
public sealed interface ReportsState {

    record Loading() implements ReportsState {
    }

    /**
     * Nothing ready to print. pending: reports ordered but not final yet, with when the hospital expects them (empty:
     * no reports at all).
     */
    record NothingReady(List<PendingReport> pending) implements ReportsState {
        public NothingReady {
            pending = List.copyOf(pending);
        }
    }

    /**
     * The ready reports; every printable one is selected at first. Reports at the hospital's print limit
     * ({@link ReportSummary#printable()} false) are listed, cannot be selected, and say "report desk".
     *
     * @param specimenId the specimen the list was opened for (a scanned barcode), null for all the patient's reports
     * @param printerAvailable false when this kiosk has no report printer (the print button says so)
     */
    record Reports(List<ReportSummary> ready, Set<String> selected, List<PendingReport> pending, String specimenId,
                   boolean printerAvailable) implements ReportsState {
        public Reports {
            ready = List.copyOf(ready);
            selected = Set.copyOf(selected);
            pending = List.copyOf(pending);
        }

        public List<ReportSummary> limitReached() {
            return ready.stream().filter(r -> !r.printable()).toList();
        }
    }

    /** Every ready report has reached the hospital's print limit: further copies are given at the report desk. */
    record LimitReached(List<ReportSummary> reports, List<PendingReport> pending) implements ReportsState {
        public LimitReached {
            reports = List.copyOf(reports);
            pending = List.copyOf(pending);
        }
    }

    /** Printing the {@code current}th of {@code total} selected reports (1-based). */
    record Printing(int current, int total) implements ReportsState {
    }

    /**
     * What became of each selected report.
     *
     * @param printerProblem the report printer's technician-facing reason when it failed (null when it did not); the
     *                       view says "not printed, nothing was counted: ask at the report desk" in plain words
     */
    record Done(List<ReportResult> results, List<PendingReport> pending, String printerProblem) implements ReportsState {
        public Done {
            results = List.copyOf(results);
            pending = List.copyOf(pending);
        }

        public boolean allPrinted() {
            return results.stream().allMatch(r -> r.outcome().printed());
        }
    }

    record ReportResult(ReportSummary report, Outcome outcome) {
    }

    enum Outcome {
        /** Out of the printer, and counted at the hospital (or being counted: settlement repeats an unanswered mark). */
        PRINTED,
        /** Out of the printer, but the hospital's limit was reached meanwhile: further copies at the report desk. */
        PRINTED_LIMIT_REACHED,
        /** At the print limit before printing: not printed, the report desk gives further copies. */
        LIMIT_REACHED,
        /** The printer failed or did not complete the job: not printed, not counted. */
        NOT_PRINTED,
        /** Not sent, because the printer failed on an earlier report (or the session ended). */
        NOT_SENT,
        /** The hospital has no printable document for it and the kiosk cannot lay it out: the report desk prints it. */
        NO_DOCUMENT;

        public boolean printed() {
            return this == PRINTED || this == PRINTED_LIMIT_REACHED;
        }
    }

    /** The scanned specimen barcode is unknown to the hospital. */
    record UnknownSpecimen() implements ReportsState {
    }

    /** The hospital could not be asked. */
    record Unavailable() implements ReportsState {
    }
}
