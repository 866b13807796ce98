package org.medkiosk.hospital;

import java.util.List;

/**
 * What a specimen barcode from a collection slip opens at a lobby report printer: whose specimen it is, its final
 * reports and those still pending.
 */
public record SpecimenReports(Patient patient, String specimenId, List<ReportSummary> ready, List<PendingReport> pending) {
    public SpecimenReports {
        ready = List.copyOf(ready);
        pending = List.copyOf(pending);
    }
}
