package org.medkiosk.print.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.medkiosk.hospital.ImagingReport;
import org.medkiosk.print.receipt.Letterhead;

/**
 * An imaging report on A4 (CT, X-ray, ultrasound…): header, patient and examination block, findings,
 * impression, reporting and validating doctors, verification QR, page x of y. Thread-safe.
 */
public final class ImagingReportPdf {
    private ImagingReportPdf() {
    }

    public static byte[] render(Letterhead letterhead, ImagingReport report, Locale locale) {
        return render(letterhead, report, locale, LabReportPdf.VERIFY_PREFIX + report.id());
    }

    public static byte[] render(Letterhead letterhead, ImagingReport report, Locale locale, String verification) {
        return new Writer(letterhead, locale).write(report, verification);
    }

    private static final class Writer extends A4Report {
        Writer(Letterhead letterhead, Locale locale) {
            super(letterhead, locale);
        }

        byte[] write(ImagingReport r, String verification) {
            return render(t(r.title()), "imaging report " + clean(r.id()), doc -> {
                try {
                    Map<String, String> extra = new LinkedHashMap<>();
                    extra.put(t("科室", "Department"), t(r.department()));
                    extra.put(t("检查类型", "Modality"), t(r.modality()));
                    extra.put(t("检查部位", "Body site"), t(r.bodySite()));
                    extra.put(t("检查时间", "Examined"), at(r.examinedAt()));
                    extra.put(t("报告编号", "Report no."), clean(r.id()));
                    doc.add(patientBlock(r.patient(), r.reportedAt(), extra));
                    section(doc, t("检查所见", "Findings"), r.findings());
                    section(doc, t("诊断意见", "Impression"), r.impression());
                    PdfPTable sig = new PdfPTable(new float[] {5f, 1.4f});
                    sig.setWidthPercentage(100);
                    sig.setSpacingBefore(18);
                    sig.setKeepTogether(true);
                    PdfPTable who = new PdfPTable(new float[] {1.1f, 2f, 1.1f, 2f});
                    pair(who, t("报告医生", "Reported by"), clean(r.reportingDoctor()));
                    pair(who, t("审核医生", "Validated by"), clean(r.validatingDoctor()));
                    pair(who, t("检查时间", "Examined"), at(r.examinedAt()));
                    pair(who, t("报告时间", "Reported"), at(r.reportedAt()));
                    PdfPCell left = new PdfPCell(who);
                    left.setBorder(Rectangle.NO_BORDER);
                    sig.addCell(left);
                    PdfPCell right = new PdfPCell(verificationQr(verification, 72), false);
                    right.setBorder(Rectangle.NO_BORDER);
                    right.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    sig.addCell(right);
                    doc.add(sig);
                } catch (DocumentException e) {
                    throw new IllegalStateException("imaging report layout failed", e);
                }
            });
        }

        private void section(com.lowagie.text.Document doc, String heading, String text) throws DocumentException {
            Paragraph h = new Paragraph(heading, this.heading);
            h.setSpacingBefore(10);
            h.setSpacingAfter(4);
            doc.add(h);
            Paragraph p = new Paragraph(clean(text), body);
            p.setLeading(16);
            p.setFirstLineIndent(zh() ? 19 : 0);
            doc.add(p);
        }
    }
}
