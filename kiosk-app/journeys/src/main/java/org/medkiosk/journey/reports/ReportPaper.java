package org.medkiosk.journey.reports;

import java.util.Optional;
import org.medkiosk.print.receipt.Letterhead;

/**
 * What a kiosk prints A4 reports with: the report printer, if it has one, and the letterhead the kiosk's own report
 * layout (print-templates' LabReportPdf / ImagingReportPdf) uses when the hospital sends no document (may be null:
 * such a report is then sent to the report desk).
 */
public record ReportPaper(Optional<ReportPrinting> printer, Letterhead letterhead) {
    public ReportPaper {
        printer = printer == null ? Optional.empty() : printer;
    }

    public static ReportPaper none() {
        return new ReportPaper(Optional.empty(), null);
    }
}
