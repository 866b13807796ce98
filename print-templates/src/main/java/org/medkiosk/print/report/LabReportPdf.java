package org.medkiosk.print.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.medkiosk.hospital.AbnormalFlag;
import org.medkiosk.hospital.LabReport;
import org.medkiosk.hospital.LabResult;
import org.medkiosk.print.receipt.Letterhead;

/**
 * A lab report on A4: hospital header on every page, patient and specimen block, the results table
 * (item, result, ↑/↓ flag, unit, reference range; header row repeated on every page), requesting and
 * validating doctors, report time, a verification QR, and "page x of y". The CJK font is embedded as a
 * subset with a ToUnicode map, so the text extracts and searches. Thread-safe (no shared mutable state).
 */
public final class LabReportPdf {
    /** Default verification QR payload prefix; a hospital may pass its own URL instead. */
    public static final String VERIFY_PREFIX = "MKRPT:";

    private LabReportPdf() {
    }

    public static byte[] render(Letterhead letterhead, LabReport report, Locale locale) {
        return render(letterhead, report, locale, VERIFY_PREFIX + report.id());
    }

    /** @param verification what the QR holds, e.g. the hospital's report-verification URL */
    public static byte[] render(Letterhead letterhead, LabReport report, Locale locale, String verification) {
        return new Writer(letterhead, locale).write(report, verification);
    }

    private static final class Writer extends A4Report {
        Writer(Letterhead letterhead, Locale locale) {
            super(letterhead, locale);
        }

        byte[] write(LabReport r, String verification) {
            String reportTitle = t(r.title());
            return render(reportTitle, "lab report " + clean(r.id()), doc -> {
                try {
                    Map<String, String> extra = new LinkedHashMap<>();
                    extra.put(t("科室", "Department"), t(r.department()));
                    extra.put(t("申请医生", "Requested by"), clean(r.requestingDoctor()));
                    extra.put(t("标本", "Specimen"), t(r.specimen()));
                    extra.put(t("标本号", "Specimen no."), clean(r.specimenId()));
                    extra.put(t("采集时间", "Collected"), at(r.collectedAt()));
                    extra.put(t("报告编号", "Report no."), clean(r.id()));
                    doc.add(patientBlock(r.patient(), r.reportedAt(), extra));
                    doc.add(results(r));
                    doc.add(signature(r, verification));
                } catch (DocumentException e) {
                    throw new IllegalStateException("lab report layout failed", e);
                }
            });
        }

        private PdfPTable results(LabReport r) {
            PdfPTable table = new PdfPTable(new float[] {0.5f, 4f, 1.5f, 0.6f, 1.4f, 1.8f});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            table.setSpacingBefore(4);
            String[] head = {"#", t("检验项目", "Test"), t("结果", "Result"), t("提示", "Flag"), t("单位", "Unit"),
                    t("参考范围", "Reference range")};
            for (String h : head) {
                PdfPCell c = new PdfPCell(new Phrase(h, bodyBold));
                c.setBorder(Rectangle.TOP | Rectangle.BOTTOM);
                c.setBorderWidth(0.8f);
                c.setPaddingBottom(4);
                table.addCell(c);
            }
            int n = 1;
            for (LabResult res : r.results()) {
                boolean abnormal = res.flag() != null && res.flag() != AbnormalFlag.NORMAL;
                Font f = abnormal ? bodyBold : body;
                cell(table, String.valueOf(n++), body, Element.ALIGN_LEFT);
                cell(table, t(res.item()), body, Element.ALIGN_LEFT);
                cell(table, clean(res.value()), f, Element.ALIGN_LEFT);
                cell(table, res.flag() == null ? "" : res.flag().mark(), f, Element.ALIGN_CENTER);
                cell(table, clean(res.unit()), body, Element.ALIGN_LEFT);
                cell(table, clean(res.referenceRange()), body, Element.ALIGN_LEFT);
            }
            PdfPCell end = new PdfPCell(new Phrase(t("↑ 高于参考范围  ↓ 低于参考范围  ↑↑/↓↓ 危急值",
                    "↑ above range  ↓ below range  ↑↑/↓↓ critical"), small));
            end.setColspan(6);
            end.setBorder(Rectangle.TOP);
            end.setPaddingTop(4);
            table.addCell(end);
            return table;
        }

        private void cell(PdfPTable table, String text, Font f, int align) {
            PdfPCell c = new PdfPCell(new Phrase(text, f));
            c.setBorder(Rectangle.NO_BORDER);
            c.setHorizontalAlignment(align);
            c.setPaddingBottom(3);
            table.addCell(c);
        }

        private PdfPTable signature(LabReport r, String verification) throws DocumentException {
            PdfPTable t = new PdfPTable(new float[] {5f, 1.4f});
            t.setWidthPercentage(100);
            t.setSpacingBefore(14);
            t.setKeepTogether(true);
            PdfPTable who = new PdfPTable(new float[] {1.1f, 2f, 1.1f, 2f});
            pair(who, t("申请医生", "Requested by"), clean(r.requestingDoctor()));
            pair(who, t("审核医生", "Validated by"), clean(r.validatingDoctor()));
            pair(who, t("采集时间", "Collected"), at(r.collectedAt()));
            pair(who, t("报告时间", "Reported"), at(r.reportedAt()));
            PdfPCell note = new PdfPCell(new Phrase(t("本报告仅对所检标本负责。扫描右侧二维码可核验报告真伪。",
                    "This report relates only to the specimen tested. Scan the code to verify it."), small));
            note.setColspan(4);
            note.setBorder(Rectangle.NO_BORDER);
            who.addCell(note);
            PdfPCell left = new PdfPCell(who);
            left.setBorder(Rectangle.NO_BORDER);
            t.addCell(left);
            Image qr = verificationQr(verification, 72);
            PdfPCell right = new PdfPCell(qr, false);
            right.setBorder(Rectangle.NO_BORDER);
            right.setHorizontalAlignment(Element.ALIGN_RIGHT);
            t.addCell(right);
            return t;
        }
    }
}
