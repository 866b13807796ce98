package org.medkiosk.journey.reports;

import java.time.Duration;

/**
 * The A4 report printer as the reports journey sees it. In the kiosk: {@link CupsReportPrinting} over
 * device-drivers/report-printer's {@code ReportPrinter} (a CUPS queue); in tests an in-memory printer. A report counts
 * as printed only when {@link #await} answers {@link Completion#COMPLETED}.
 */
public interface ReportPrinting {

    /** Hands a PDF to the printer's queue; blocks until the queue took it or refused it. jobName has no patient data. */
    Submission submit(byte[] pdf, String jobName);

    /** Waits at most {@code timeout} for a submitted job to finish. Blocking. */
    Completion await(Submission.Submitted job, Duration timeout);

    /**
     * Withdraws a job that did not complete in time, so it does not come out after the patient has gone. Best effort;
     * the default does nothing (a printer that cannot cancel).
     */
    default void cancel(Submission.Submitted job) {
    }

    sealed interface Submission {
        /** The queue has the whole job; jobId is the queue's job id when it told us (null otherwise). */
        record Submitted(String printer, String jobName, Integer jobId) implements Submission {
        }

        /** Nothing printed; reason is technician-facing (no report content). */
        record Refused(String printer, String reason) implements Submission {
        }
    }

    enum Completion {
        /** The queue delivered the whole job to the printer: the report is printed. */
        COMPLETED,
        /** Aborted or cancelled: not printed. */
        FAILED,
        /** Still pending or held when the wait ended (paper out, printer stopped): not counted as printed. */
        NOT_YET,
        /** The queue cannot say: not counted as printed. */
        UNKNOWN
    }
}
