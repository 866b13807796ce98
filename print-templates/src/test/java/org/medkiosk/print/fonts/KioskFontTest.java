package org.medkiosk.print.fonts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;
import org.medkiosk.print.report.ReportFonts;

class KioskFontTest {
    static final String SAMPLE = "血常规 白细胞计数 ¥12.50 ↑↓ 张三明 堃喆 Hemoglobin 135 g/L";

    @Test
    void fontIsTrueTypeGlyfAndSmall() throws Exception {
        byte[] ttf = KioskFont.bytes();
        // sfnt version 0x00010000 = TrueType outlines; 'OTTO' would be CFF
        assertEquals(0x00010000, ((ttf[0] & 0xff) << 24) | ((ttf[1] & 0xff) << 16) | ((ttf[2] & 0xff) << 8) | (ttf[3] & 0xff));
        assertTrue(new String(ttf, 0, 400, java.nio.charset.StandardCharsets.ISO_8859_1).contains("glyf"));
        assertTrue(ttf.length <= 5 * 1024 * 1024, "font should stay under 5 MB");
        try (InputStream lic = KioskFont.class.getResourceAsStream(KioskFont.LICENCE_RESOURCE)) {
            assertNotNull(lic, "licence text ships beside the font");
        }
    }

    @Test
    void awtFontCoversEveryGb2312HanziAndReceiptSymbols() {
        java.awt.Font f = KioskFont.awt(12f);
        assertEquals(KioskFont.FAMILY, f.getFamily(java.util.Locale.ROOT));
        Charset gb = Charset.forName("GB2312");
        int missing = 0;
        for (int hi = 0xB0; hi <= 0xF7; hi++) {
            for (int lo = 0xA1; lo <= 0xFE; lo++) {
                String s = new String(new byte[] {(byte) hi, (byte) lo}, gb);
                if (s.length() == 1 && Character.isIdeographic(s.charAt(0)) && !f.canDisplay(s.charAt(0))) {
                    missing++;
                }
            }
        }
        assertEquals(0, missing, "GB2312 hanzi missing from the font");
        assertEquals(-1, f.canDisplayUpTo(SAMPLE + "·—：，。①℃μ×±≤≥…“”【】《》、ā á ǎ à"));
    }

    @Test
    void openPdfEmbedsIdentityHSubsetAndChineseExtractsAsText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4);
        PdfWriter.getInstance(doc, out);
        doc.open();
        doc.add(new Paragraph(SAMPLE, new Font(ReportFonts.cjk(), 12)));
        doc.close();
        byte[] pdf = out.toByteArray();
        assertTrue(pdf.length < 200_000, "font must be subset, not embedded whole: " + pdf.length);

        PdfReader reader = new PdfReader(pdf);
        PdfDictionary fonts = reader.getPageN(1).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.FONT);
        PdfDictionary font = fonts.getAsDict(fonts.getKeys().iterator().next());
        assertEquals(PdfName.TYPE0, font.getAsName(PdfName.SUBTYPE));
        assertEquals(new PdfName("Identity-H"), font.getAsName(PdfName.ENCODING));
        assertNotNull(font.get(PdfName.TOUNICODE));
        String baseFont = font.getAsName(PdfName.BASEFONT).toString();
        assertTrue(baseFont.matches("/[A-Z]{6}\\+.*"), "subset tag expected: " + baseFont);
        PdfDictionary descendant = (PdfDictionary) PdfReader.getPdfObject(font.getAsArray(PdfName.DESCENDANTFONTS).getPdfObject(0));
        PdfDictionary descriptor = descendant.getAsDict(PdfName.FONTDESCRIPTOR);
        assertNotNull(descriptor.get(PdfName.FONTFILE2), "TrueType program embedded as FontFile2");

        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertTrue(text.replaceAll("\\s", "").contains("血常规白细胞计数"), text);
        assertTrue(text.contains("张三明"), text);
    }
}
