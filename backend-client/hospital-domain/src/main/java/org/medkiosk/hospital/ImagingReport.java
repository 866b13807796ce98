package org.medkiosk.hospital;

import java.time.Instant;

/** A final imaging report (CT, X-ray, ultrasound…): findings and impression. */
public record ImagingReport(
        String id,
        Patient patient,
        LocalizedText title,
        LocalizedText modality,
        LocalizedText bodySite,
        LocalizedText department,
        String findings,
        String impression,
        String reportingDoctor,
        String validatingDoctor,
        Instant examinedAt,
        Instant reportedAt) {
}
