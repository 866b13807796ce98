package org.medkiosk.hospital;

import java.time.Instant;

/**
 * A report not final yet (FHIR DiagnosticReport status registered / partial / preliminary), listed with when the
 * hospital expects it, so a patient knows whether to wait or come back. expectedAt may be null when unknown.
 */
public record PendingReport(String id, String patientId, ReportKind kind, LocalizedText title, String specimenId,
                            Instant expectedAt) {
}
