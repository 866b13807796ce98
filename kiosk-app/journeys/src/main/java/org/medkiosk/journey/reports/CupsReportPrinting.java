package org.medkiosk.journey.reports;

import java.time.Duration;
import java.util.Objects;
import org.medkiosk.device.report.ReportPrintOptions;
import org.medkiosk.device.report.ReportPrintResult;
import org.medkiosk.device.report.ReportPrinter;

/**
 * {@link ReportPrinting} on a CUPS queue through device-drivers/report-printer: {@code ReportPrinter.print} (A4,
 * duplex where the printer can, one copy) then {@code awaitJob}, which polls CUPS for the job's state. The kiosk
 * assembles it as {@code new CupsReportPrinting(new ReportPrinter(queueName))}.
 */
public final class CupsReportPrinting implements ReportPrinting {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CupsReportPrinting.class);
    private final ReportPrinter printer;
    private final boolean duplex;

    public CupsReportPrinting(ReportPrinter printer) {
        this(printer, true);
    }

    public CupsReportPrinting(ReportPrinter printer, boolean duplex) {
        this.printer = Objects.requireNonNull(printer, "printer");
        this.duplex = duplex;
    }

    @Override
    public Submission submit(byte[] pdf, String jobName) {
        ReportPrintResult r = printer.print(pdf, new ReportPrintOptions(ReportPrintOptions.Paper.A4, duplex, 1, jobName));
        if (r instanceof ReportPrintResult.Submitted s) {
            return new Submission.Submitted(s.printer(), s.jobName(), s.cupsJobId());
        }
        ReportPrintResult.Refused refused = (ReportPrintResult.Refused) r;
        return new Submission.Refused(refused.printer(), refused.reason());
    }

    /** {@code cancel QUEUE-ID} (CUPS's command) for a job that did not complete; nothing when the id is unknown. */
    @Override
    public void cancel(Submission.Submitted job) {
        if (job.jobId() == null) {
            return;
        }
        try {
            Process p = new ProcessBuilder("cancel", printer.printerName() + "-" + job.jobId())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (java.io.IOException e) {
            LOG.warn("cannot cancel report job {} on {}: {}", job.jobId(), printer.printerName(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Completion await(Submission.Submitted job, Duration timeout) {
        ReportPrinter.JobOutcome outcome = printer.awaitJob(
                new ReportPrintResult.Submitted(job.printer(), job.jobName(), job.jobId()), timeout);
        return switch (outcome) {
            case COMPLETED -> Completion.COMPLETED;
            case FAILED -> Completion.FAILED;
            case NOT_YET -> Completion.NOT_YET;
            case UNKNOWN -> Completion.UNKNOWN;
        };
    }
}
