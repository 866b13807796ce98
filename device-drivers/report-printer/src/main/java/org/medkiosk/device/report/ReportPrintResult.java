package org.medkiosk.device.report;

/**
 * What became of an A4 report. The OS queue (CUPS) takes over after {@link Submitted}; it is not a
 * promise the paper came out, which is why a journal marks reports printed only after the queue accepted
 * the job and the printer was accepting jobs and not stopped.
 */
public sealed interface ReportPrintResult permits ReportPrintResult.Submitted, ReportPrintResult.Refused {

    /**
     * The OS queue accepted all the data.
     *
     * @param cupsJobId the CUPS job id when a local scheduler reported it (null otherwise); used by
     *                  {@link ReportPrinter#awaitJob} to learn whether the job completed
     */
    record Submitted(String printer, String jobName, Integer cupsJobId) implements ReportPrintResult {
    }

    /** Nothing printed; reason is technician-facing (no report content). */
    record Refused(String printer, String reason) implements ReportPrintResult {
    }

    default boolean submitted() {
        return this instanceof Submitted;
    }
}
