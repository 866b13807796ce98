package org.medkiosk.hospital;

import java.time.Instant;

/** A final report ready to print, with how often it has been printed and the hospital's limit (0 = none). */
public record ReportSummary(String id, String patientId, ReportKind kind, LocalizedText title, Instant issued,
                            int printCount, int printLimit, boolean hasDocument) {

    public boolean printable() {
        return printLimit <= 0 || printCount < printLimit;
    }
}
