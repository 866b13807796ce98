package org.medkiosk.hospital;

import java.time.Instant;
import java.util.List;

/** A final lab report as printed on A4. */
public record LabReport(
        String id,
        Patient patient,
        LocalizedText title,
        LocalizedText specimen,
        String specimenId,
        LocalizedText department,
        List<LabResult> results,
        String requestingDoctor,
        String validatingDoctor,
        Instant collectedAt,
        Instant reportedAt) {

    public LabReport {
        results = List.copyOf(results);
    }
}
