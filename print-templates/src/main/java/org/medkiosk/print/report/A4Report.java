package org.medkiosk.print.report;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.Sex;
import org.medkiosk.print.receipt.Letterhead;

/**
 * What lab and imaging reports share: the A4 page with the hospital header on every page, the
 * "page x of y" footer, the patient block, label/value tables and the verification QR.
 */
abstract class A4Report {
    static final float MARGIN = 42f;
    static final Color RULE = new Color(0x44, 0x44, 0x44);

    final Letterhead letterhead;
    final Locale locale;
    final BaseFont base = ReportFonts.cjk();
    final Font title;
    final Font heading;
    final Font body;
    final Font bodyBold;
    final Font small;
    final DateTimeFormatter time;
    /** The writer of the document being rendered (one render per instance). */
    PdfWriter writer;

    A4Report(Letterhead letterhead, Locale locale) {
        this.letterhead = letterhead;
        this.locale = locale == null ? Locale.CHINESE : locale;
        this.title = new Font(base, 15, Font.BOLD);
        this.heading = new Font(base, 11, Font.BOLD);
        this.body = new Font(base, 9.5f);
        this.bodyBold = new Font(base, 9.5f, Font.BOLD);
        this.small = new Font(base, 8);
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(letterhead.zone());
    }

    boolean zh() {
        return "zh".equals(locale.getLanguage());
    }

    String t(LocalizedText text) {
        return text == null ? "" : clean(text.in(locale));
    }

    String t(String zh, String en) {
        return zh() ? zh : en;
    }

    /** Control and bidi-override characters would only garble a report; drop them. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (cp == '\n' || cp == '\t') {
                b.append(cp == '\n' ? '\n' : ' ');
            } else if (!Character.isISOControl(cp) && type != Character.FORMAT && type != Character.SURROGATE
                    && type != Character.PRIVATE_USE) {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    String at(Instant i) {
        return i == null ? "" : time.format(i);
    }

    /** Renders the body between the running header and footer; returns the PDF. */
    byte[] render(String reportTitle, String documentSubject, Body content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, MARGIN, MARGIN, 96, 60);
        writer = PdfWriter.getInstance(doc, out);
        writer.setPageEvent(new Frame(reportTitle));
        doc.addTitle(reportTitle);
        doc.addSubject(documentSubject);
        doc.addCreator("MedKiosk");
        doc.addCreationDate();
        doc.open();
        content.write(doc);
        doc.close();
        return out.toByteArray();
    }

    interface Body {
        void write(Document doc);
    }

    /** The running header (hospital, report title) and footer (page x of y, print time). */
    private final class Frame extends PdfPageEventHelper {
        private final String reportTitle;
        private PdfTemplate total;

        Frame(String reportTitle) {
            this.reportTitle = reportTitle;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            Rectangle page = document.getPageSize();
            float top = page.getHeight() - 40;
            ColumnText.showTextAligned(cb, Element.ALIGN_CENTER,
                    new Phrase(clean(t(letterhead.hospitalName())), title), page.getWidth() / 2, top, 0);
            ColumnText.showTextAligned(cb, Element.ALIGN_CENTER,
                    new Phrase(clean(reportTitle), heading), page.getWidth() / 2, top - 20, 0);
            cb.setColorStroke(RULE);
            cb.setLineWidth(0.8f);
            cb.moveTo(MARGIN, top - 28);
            cb.lineTo(page.getWidth() - MARGIN, top - 28);
            cb.stroke();

            float y = 34;
            cb.moveTo(MARGIN, y + 12);
            cb.lineTo(page.getWidth() - MARGIN, y + 12);
            cb.stroke();
            // "page x of y": y is unknown until the end, so it is a template filled in onCloseDocument
            String before = zh() ? "第 " + writer.getPageNumber() + " 页 / 共 " : "Page " + writer.getPageNumber() + " of ";
            float size = 8;
            float wBefore = base.getWidthPoint(before, size);
            float x = page.getWidth() / 2 - (wBefore + base.getWidthPoint(zh() ? "00 页" : "00", size)) / 2;
            cb.beginText();
            cb.setFontAndSize(base, size);
            cb.setTextMatrix(x, y);
            cb.showText(before);
            cb.endText();
            cb.addTemplate(total, x + wBefore, y);
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(clean(t(letterhead.footer())), small), MARGIN, 22, 0);
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT,
                    new Phrase(t("自助机 ", "Kiosk ") + clean(letterhead.kioskId()), small), page.getWidth() - MARGIN, 22, 0);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(base, 8);
            total.setTextMatrix(0, 0);
            total.showText((writer.getPageNumber() - 1) + (zh() ? " 页" : ""));
            total.endText();
        }
    }

    /** Patient block: name, sex, age, MRN in a four-pair table. */
    PdfPTable patientBlock(Patient p, Instant at, Map<String, String> extra) {
        PdfPTable table = new PdfPTable(new float[] {1.1f, 2f, 1.1f, 2f});
        table.setWidthPercentage(100);
        table.setSpacingAfter(6);
        pair(table, t("姓名", "Name"), p == null ? "" : clean(p.name()));
        pair(table, t("性别", "Sex"), p == null ? "" : sex(p.sex()));
        pair(table, t("年龄", "Age"), p == null ? "" : age(p.birthDate(), at));
        pair(table, t("病历号", "MRN"), p == null || p.medicalRecordNumber() == null ? "" : clean(p.medicalRecordNumber()));
        extra.forEach((k, v) -> pair(table, k, v));
        if (extra.size() % 2 == 1) {
            pair(table, "", "");
        }
        return table;
    }

    void pair(PdfPTable table, String label, String value) {
        PdfPCell l = new PdfPCell(new Phrase(label.isEmpty() ? "" : label + (zh() ? "：" : ":"), bodyBold));
        PdfPCell v = new PdfPCell(new Phrase(clean(value), body));
        for (PdfPCell c : new PdfPCell[] {l, v}) {
            c.setBorder(Rectangle.NO_BORDER);
            c.setPaddingBottom(3);
        }
        table.addCell(l);
        table.addCell(v);
    }

    String sex(Sex s) {
        if (s == null) {
            return "";
        }
        return switch (s) {
            case MALE -> t("男", "Male");
            case FEMALE -> t("女", "Female");
            default -> t("未知", "Unknown");
        };
    }

    String age(LocalDate birth, Instant at) {
        if (birth == null || at == null) {
            return "";
        }
        Period p = Period.between(birth, at.atZone(letterhead.zone()).toLocalDate());
        if (p.getYears() >= 1) {
            return p.getYears() + t("岁", " y");
        }
        return Math.max(0, p.getMonths()) + t("月", " mo");
    }

    /** The verification QR as vector squares (crisp at any zoom, a few hundred bytes). */
    Image verificationQr(String payload, float sizePt) throws BadElementException {
        ByteMatrix m;
        try {
            m = Encoder.encode(payload, ErrorCorrectionLevel.M, Map.of()).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("verification payload cannot be a QR code", e);
        }
        int quiet = 2;
        int n = m.getWidth() + 2 * quiet;
        float cell = sizePt / n;
        PdfTemplate tpl = writer.getDirectContent().createTemplate(sizePt, sizePt);
        tpl.setColorFill(Color.BLACK);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y) == 1) {
                    tpl.rectangle((x + quiet) * cell, sizePt - (y + quiet + 1) * cell, cell, cell);
                }
            }
        }
        tpl.fill();
        return Image.getInstance(tpl);
    }
}
