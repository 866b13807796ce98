package org.medkiosk.hospital;

/** A report's printable document as the hospital provides it (usually application/pdf). */
public record ReportDocument(String reportId, String contentType, byte[] content) {
    @Override
    public String toString() {
        return "ReportDocument[" + reportId + ", " + contentType + ", " + content.length + " bytes]";
    }
}
