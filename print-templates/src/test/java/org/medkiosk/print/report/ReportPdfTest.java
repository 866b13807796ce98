package org.medkiosk.print.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.print.cli.ReportRenderCommand;
import org.medkiosk.print.escpos.QrReading;
import org.medkiosk.print.sample.SampleData;

class ReportPdfTest {

    static String text(byte[] pdf) throws Exception {
        PdfReader r = new PdfReader(pdf);
        StringBuilder s = new StringBuilder();
        PdfTextExtractor x = new PdfTextExtractor(r);
        for (int p = 1; p <= r.getNumberOfPages(); p++) {
            s.append(x.getTextFromPage(p)).append('\n');
        }
        return s.toString();
    }

    @Test
    void labReportChineseExtractsAsText() throws Exception {
        byte[] pdf = LabReportPdf.render(SampleData.letterhead(), SampleData.labReport(8), Locale.CHINESE);
        String t = text(pdf);
        for (String s : List.of("示范市第一人民医院", "血常规检验报告", "张三明", "MR100001", "静脉血", "260302000117",
                "白细胞计数", "11.2", "10^9/L", "3.5-9.5", "↑", "↓", "李春梅", "2026-03-02 09:30", "第 1 页 / 共 1 页")) {
            assertTrue(t.contains(s), "missing '" + s + "' in:\n" + t);
        }
    }

    @Test
    void labReportEnglish() throws Exception {
        String t = text(LabReportPdf.render(SampleData.letterhead(), SampleData.labReport(8), Locale.ENGLISH));
        for (String s : List.of("Demo City First People's Hospital", "Complete Blood Count Report", "White blood cells",
                "Reference range", "Validated by", "Page 1 of 1")) {
            assertTrue(t.contains(s), "missing '" + s + "' in:\n" + t);
        }
    }

    @Test
    void longReportRunsOverSeveralPagesWithPageXofY() throws Exception {
        byte[] pdf = LabReportPdf.render(SampleData.letterhead(), SampleData.labReport(120), Locale.CHINESE);
        PdfReader r = new PdfReader(pdf);
        int pages = r.getNumberOfPages();
        assertTrue(pages >= 3, "120 results need several pages, got " + pages);
        PdfTextExtractor x = new PdfTextExtractor(r);
        for (int p = 1; p <= pages; p++) {
            String page = x.getTextFromPage(p);
            assertTrue(page.contains("第 " + p + " 页 / 共 " + pages + " 页"), "page " + p + ":\n" + page);
            assertTrue(page.contains("示范市第一人民医院"), "header on every page");
            assertTrue(page.contains("检验项目"), "table header repeated on page " + p);
        }
    }

    @Test
    void imagingReportHasFindingsAndImpression() throws Exception {
        String zh = text(ImagingReportPdf.render(SampleData.letterhead(), SampleData.imagingReport(), Locale.CHINESE));
        for (String s : List.of("胸部CT平扫报告", "检查所见", "磨玻璃结节", "诊断意见", "建议12个月后复查", "赵立新", "孙海燕")) {
            assertTrue(zh.replace("\n", "").contains(s), "missing '" + s + "' in:\n" + zh);
        }
        String en = text(ImagingReportPdf.render(SampleData.letterhead(), SampleData.imagingReport(), Locale.ENGLISH));
        assertTrue(en.contains("Findings") && en.contains("Impression") && en.contains("Chest CT"), en);
    }

    @Test
    void popplerExtractsChineseAndRendersPagesWithAReadableQr(@TempDir Path dir) throws Exception {
        SystemTools.require("pdftotext");
        SystemTools.require("pdftoppm");
        Path pdf = dir.resolve("lab.pdf");
        Files.write(pdf, LabReportPdf.render(SampleData.letterhead(), SampleData.labReport(60), Locale.CHINESE));
        String t = SystemTools.run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
        assertTrue(t.contains("血常规检验报告") && t.contains("白细胞计数"), t);
        String fonts = SystemTools.run("pdffonts", pdf.toString());
        assertTrue(fonts.contains("Identity-H") && fonts.matches("(?s).*yes\\s+yes\\s+yes.*"), "embedded subset with ToUnicode:\n" + fonts);
        SystemTools.run("pdftoppm", "-r", "150", "-png", pdf.toString(), dir.resolve("page").toString());
        List<Path> pngs;
        try (var s = Files.list(dir)) {
            pngs = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertTrue(pngs.size() >= 2, "several pages rendered");
        BufferedImage last = ImageIO.read(pngs.get(pngs.size() - 1).toFile());
        assertEquals("MKRPT:LAB-202603020001", QrReading.read(last).orElseThrow(), "verification QR readable on the last page");
    }

    @Test
    void renderCommand(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.pdf");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        assertEquals(0, ReportRenderCommand.run(List.of("--sample", "imaging", "--out", out.toString()),
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8)));
        assertTrue(text(Files.readAllBytes(out)).contains("检查所见"));
        assertEquals(2, ReportRenderCommand.run(List.of("--sample", "xray", "--out", out.toString()),
                new PrintStream(o), new PrintStream(e)));
        assertTrue(e.toString(StandardCharsets.UTF_8).contains("Usage: kiosk report render"), e.toString(StandardCharsets.UTF_8));
    }
}
