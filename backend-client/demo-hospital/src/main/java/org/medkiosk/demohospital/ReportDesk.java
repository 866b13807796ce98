package org.medkiosk.demohospital;

import java.util.HashSet;
import java.util.Set;

import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;

/** The report counter (报告打印): counts prints per report, once per idempotency key, and enforces the limit. */
final class ReportDesk {
    private final HospitalRecords records;
    private final Set<String> seenKeys = new HashSet<>();
    private final java.util.Map<String, String> keyReports = new java.util.HashMap<>();

    ReportDesk(HospitalRecords records) {
        this.records = records;
    }

    Parameters markPrinted(String reportId, String key) {
        return records.atomically(() -> {
            DiagnosticReport r = records.get(DiagnosticReport.class, reportId)
                    .orElseThrow(() -> Problems.notFound("unknown report"));
            RegistrationDesk.sameContent(keyReports, key, reportId, "print");
            int count = Ext.intValue(r, Ext.PRINT_COUNT, 0);
            int limit = Ext.intValue(r, Ext.PRINT_LIMIT, 0);
            if (seenKeys.contains(reportId + "/" + key)) {
                return Providers.ReportDeskParams.answer(count, limit);
            }
            if (r.getStatus() != DiagnosticReport.DiagnosticReportStatus.FINAL) {
                throw Problems.businessRule("only a final report can be printed");
            }
            if (limit > 0 && count >= limit) {
                throw Problems.conflict("print limit reached for this report");
            }
            seenKeys.add(reportId + "/" + key);
            Ext.set(r, Ext.PRINT_COUNT, new IntegerType(count + 1));
            return Providers.ReportDeskParams.answer(count + 1, limit);
        });
    }
}
