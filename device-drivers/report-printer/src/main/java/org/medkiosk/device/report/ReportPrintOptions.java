package org.medkiosk.device.report;

import java.util.Objects;

/**
 * How to print an A4 report.
 *
 * @param paper   paper size the queue must use
 * @param duplex  print on both sides (long-edge binding) when the printer can
 * @param copies  1..9
 * @param jobName shown in the OS queue; must not contain patient data (use the report id or a job id)
 */
public record ReportPrintOptions(Paper paper, boolean duplex, int copies, String jobName) {
    public enum Paper { A4, A5, LETTER }

    public ReportPrintOptions {
        Objects.requireNonNull(paper, "paper");
        if (copies < 1 || copies > 9) {
            throw new IllegalArgumentException("copies must be 1..9");
        }
        jobName = jobName == null || jobName.isBlank() ? "medkiosk-report" : jobName;
    }

    /** A4, duplex, one copy. */
    public static ReportPrintOptions a4Duplex(String jobName) {
        return new ReportPrintOptions(Paper.A4, true, 1, jobName);
    }
}
