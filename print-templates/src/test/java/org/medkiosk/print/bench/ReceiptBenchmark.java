package org.medkiosk.print.bench;

import com.github.anastaciocintra.escpos.EscPos;
import com.github.anastaciocintra.escpos.EscPosConst;
import com.github.anastaciocintra.escpos.Style;
import com.github.anastaciocintra.escpos.barcode.QRCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Supplier;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.print.escpos.IndependentEscPosDecoder;
import org.medkiosk.print.escpos.PrinterProfile;
import org.medkiosk.print.receipt.ReceiptTemplates;
import org.medkiosk.print.report.LabReportPdf;
import org.medkiosk.print.sample.SampleData;

/**
 * Bytes on the wire and build time per receipt, ours against escpos-coffee 4.1.0 printing the same
 * lines with the same styles and QR; and PDF render time per lab-report page. Prints markdown tables.
 *
 * <pre>mvn -B -q -pl print-templates test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.medkiosk.print.bench.ReceiptBenchmark</pre>
 */
public final class ReceiptBenchmark {
    private static final int WARMUP = 2_000;
    private static final int RUNS = 10_000;

    private ReceiptBenchmark() {
    }

    /** escpos-coffee producing the receipt our template produced: same lines, styles, QR, cut. */
    static byte[] coffee(IndependentEscPosDecoder d) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            EscPos e = new EscPos(out);
            e.setCharsetName("GB18030");
            e.initializePrinter();
            e.write(0x1C).write('&'); // Chinese mode: escpos-coffee has no command for it
            for (var line : d.lines) {
                Style s = new Style().setBold(line.bold())
                        .setFontSize(Style.FontSize.values()[line.widthMul() - 1], Style.FontSize.values()[line.heightMul() - 1])
                        .setJustification(line.align() == 1 ? EscPosConst.Justification.Center
                                : line.align() == 2 ? EscPosConst.Justification.Right : EscPosConst.Justification.Left_Default);
                e.writeLF(s, line.text());
            }
            for (String qr : d.nativeQr) {
                e.write(new QRCode().setSize(6).setErrorCorrectionLevel(QRCode.QRErrorCorrectionLevel.QR_ECLEVEL_M_Default)
                        .setJustification(EscPosConst.Justification.Center), qr);
            }
            e.feed(3);
            e.cut(EscPos.CutMode.PART);
            e.close();
            return out.toByteArray();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static double micros(Supplier<byte[]> build) {
        for (int i = 0; i < WARMUP; i++) {
            build.get();
        }
        long t0 = System.nanoTime();
        long sink = 0;
        for (int i = 0; i < RUNS; i++) {
            sink += build.get().length;
        }
        long t1 = System.nanoTime();
        if (sink == 42) {
            System.out.print("");
        }
        return (t1 - t0) / 1000.0 / RUNS;
    }

    public static void main(String[] args) {
        ReceiptTemplates zh = new ReceiptTemplates(SampleData.letterhead(), PrinterProfile.EPSON_80, Locale.CHINESE);
        ReceiptTemplates zh58 = new ReceiptTemplates(SampleData.letterhead(), PrinterProfile.GENERIC_58, Locale.CHINESE);
        record Case(String name, Supplier<byte[]> ours) {
        }
        Case[] cases = {
            new Case("queue ticket (zh, epson-80, native QR)", () -> zh.queueTicket(SampleData.queueTicket(), "张三明")),
            new Case("payment receipt (zh, epson-80, 3 items)", () -> zh.paymentReceipt(SampleData.patient(), SampleData.invoice(),
                    SampleData.payment(), PaymentMethod.WECHAT_PAY)),
            new Case("registration slip (zh, epson-80, native QR)", () -> zh.registrationSlip(SampleData.registrationSlip())),
        };
        System.out.println("| receipt | MedKiosk bytes | escpos-coffee bytes | MedKiosk build µs | escpos-coffee build µs | wire time at 115200 / 9600 baud (ours) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Case c : cases) {
            byte[] ours = c.ours().get();
            IndependentEscPosDecoder d = IndependentEscPosDecoder.decode(ours);
            byte[] theirs = coffee(d);
            double oursUs = micros(c.ours());
            double theirsUs = micros(() -> coffee(d));
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.0f ms / %.0f ms |%n", c.name(), ours.length, theirs.length,
                    oursUs, theirsUs, ours.length * 10 * 1000.0 / 115200, ours.length * 10 * 1000.0 / 9600);
        }
        byte[] raster = zh58.queueTicket(SampleData.queueTicket(), "张三明");
        System.out.printf(Locale.ROOT, "| queue ticket (zh, generic-58, raster QR fallback) | %d | n/a | %.1f | n/a | %.0f ms / %.0f ms |%n",
                raster.length, micros(() -> zh58.queueTicket(SampleData.queueTicket(), "张三明")),
                raster.length * 10 * 1000.0 / 115200, raster.length * 10 * 1000.0 / 9600);
        System.out.println("\n(escpos-coffee is given the already wrapped lines, so its build time excludes text layout.)\n");

        System.out.println("| lab report | pages | bytes | render ms (total) | ms per page |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int rows : new int[] {24, 120, 400}) {
            var report = SampleData.labReport(rows);
            for (int i = 0; i < 20; i++) {
                LabReportPdf.render(SampleData.letterhead(), report, Locale.CHINESE);
            }
            int n = 30;
            long t0 = System.nanoTime();
            byte[] pdf = null;
            for (int i = 0; i < n; i++) {
                pdf = LabReportPdf.render(SampleData.letterhead(), report, Locale.CHINESE);
            }
            double ms = (System.nanoTime() - t0) / 1e6 / n;
            int pages;
            try {
                pages = new com.lowagie.text.pdf.PdfReader(pdf).getNumberOfPages();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            System.out.printf(Locale.ROOT, "| %d results | %d | %d | %.1f | %.1f |%n", rows, pages, pdf.length, ms, ms / pages);
        }
    }
}
