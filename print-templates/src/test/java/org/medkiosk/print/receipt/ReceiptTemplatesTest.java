package org.medkiosk.print.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.print.escpos.IndependentEscPosDecoder;
import org.medkiosk.print.escpos.PrinterProfile;
import org.medkiosk.print.escpos.QrReading;
import org.medkiosk.print.escpos.TextWidth;
import org.medkiosk.print.sample.SampleData;

/** Every template, both languages, every profile: decoded back with the independent decoder. */
class ReceiptTemplatesTest {

    static Stream<Arguments> profilesAndLanguages() {
        return PrinterProfile.ALL.stream().flatMap(p -> Stream.of(Arguments.of(p, Locale.CHINESE), Arguments.of(p, Locale.ENGLISH)));
    }

    private static ReceiptTemplates templates(PrinterProfile p, Locale l) {
        return new ReceiptTemplates(SampleData.letterhead(), p, l);
    }

    private static boolean zh(Locale l) {
        return l.getLanguage().equals("zh");
    }

    /** Structural rules every receipt obeys, whatever its content. */
    static IndependentEscPosDecoder decodeAndCheck(byte[] bytes, PrinterProfile p) {
        IndependentEscPosDecoder d = IndependentEscPosDecoder.decode(bytes);
        assertEquals(List.of(), d.unknown, "only documented commands");
        assertEquals(0, d.strayControls, "no control bytes inside text");
        assertTrue(d.initializations >= 1);
        assertEquals(p.chineseMode(), d.chineseMode);
        assertEquals(p.cutter() ? 1 : 0, d.cuts);
        for (var line : d.lines) {
            int cols = TextWidth.columns(line.text());
            assertTrue(cols * line.widthMul() <= p.columns(), "line wider than the paper: '" + line.text() + "' on " + p.name());
        }
        for (var r : d.rasters) {
            assertTrue(r.bytesPerRow() * 8 <= p.dotsPerLine(), "raster wider than the paper");
        }
        return d;
    }

    /** The QR payload, whether the profile prints it natively or as a raster we read back with ZXing. */
    static String onlyQr(IndependentEscPosDecoder d, PrinterProfile p) {
        if (p.nativeQr()) {
            assertEquals(1, d.nativeQr.size());
            return d.nativeQr.get(0);
        }
        assertTrue(d.nativeQr.isEmpty(), "no GS ( k for a profile without it");
        List<String> read = d.rasters.stream().map(QrReading::image).map(QrReading::read)
                .flatMap(java.util.Optional::stream).toList();
        assertEquals(1, read.size(), "one raster QR readable");
        return read.get(0);
    }

    @ParameterizedTest
    @MethodSource("profilesAndLanguages")
    void registrationSlip(PrinterProfile p, Locale l) {
        var d = decodeAndCheck(templates(p, l).registrationSlip(SampleData.registrationSlip()), p);
        String text = d.text();
        assertTrue(text.contains(zh(l) ? "挂号凭条" : "Registration Slip"), text);
        assertTrue(text.contains(zh(l) ? "心血管内科" : "Cardiology"), text);
        assertTrue(text.contains(zh(l) ? "王建华 主任医师" : "WANG Jianhua Chief Physician"), text);
        assertTrue(text.contains("2026-03-02 10:00-10:30"), text);
        assertTrue(text.contains("￥25.00"), text);
        assertTrue(text.contains(zh(l) ? "微信支付" : "WeChat Pay"), text);
        assertTrue(text.contains("4200001234202603020017"), text);
        assertTrue(text.contains("张*明"), text);
        assertFalse(text.contains("张三明"), "full name never printed");
        assertFalse(text.contains("110101198503071235"), "ID number never printed");
        assertTrue(text.contains(zh(l) ? "示范市第一人民医院" : "Demo City First People"), text);
        assertEquals("MKAPT:A20260302-0017", onlyQr(d, p));
    }

    @ParameterizedTest
    @MethodSource("profilesAndLanguages")
    void queueTicketHasLargeNumberDepartmentRoomAheadAndQr(PrinterProfile p, Locale l) {
        var d = decodeAndCheck(templates(p, l).queueTicket(SampleData.queueTicket(), "张三明"), p);
        var number = d.lines.stream().filter(x -> x.text().equals("A023")).findFirst().orElseThrow();
        assertTrue(number.widthMul() >= 2 && number.heightMul() >= 2 && number.bold(), "queue number printed large: " + number);
        assertEquals(1, number.align(), "centred");
        String text = d.text();
        assertTrue(text.contains(zh(l) ? "心血管内科" : "Cardiology"));
        assertTrue(text.contains(zh(l) ? "208 诊室" : "Room 208"), text);
        assertTrue(text.contains(zh(l) ? "3 人" : "Patients ahead"), text);
        assertTrue(text.contains("张*明"), text);
        assertEquals("MKAPT:A20260302-0017", onlyQr(d, p));
    }

    @ParameterizedTest
    @MethodSource("profilesAndLanguages")
    void paymentReceiptListsItemsTotalMethodTransaction(PrinterProfile p, Locale l) {
        var d = decodeAndCheck(templates(p, l).paymentReceipt(SampleData.patient(), SampleData.invoice(),
                SampleData.payment(), PaymentMethod.WECHAT_PAY), p);
        String text = d.text();
        assertTrue(text.contains(zh(l) ? "缴费凭条" : "Payment Receipt"));
        assertTrue(text.replace("\n", "").contains(zh(l) ? "阿莫西林胶囊 0.25g×24粒" : "Amoxicillin capsules"), text);
        assertTrue(text.contains("2 x ￥12.50"), text);
        var total = d.lines.stream().filter(x -> x.text().startsWith(zh(l) ? "合计" : "Total")).findFirst().orElseThrow();
        assertTrue(total.text().endsWith("￥75.00") && total.bold(), total.toString());
        assertTrue(text.contains("4200001234202603020042"));
        assertTrue(text.contains(zh(l) ? "支付成功" : "SUCCESS"));
        assertTrue(d.nativeQr.isEmpty() && d.rasters.isEmpty(), "no QR on a payment receipt");
    }

    @ParameterizedTest
    @MethodSource("profilesAndLanguages")
    void onePaymentReceiptCoversEveryInvoicePaid(PrinterProfile p, Locale l) {
        var invoices = java.util.List.of(SampleData.invoice(), SampleData.secondInvoice());
        var paid = new org.medkiosk.hospital.PaymentResult("idem-both", org.medkiosk.hospital.PaymentStatus.SUCCESS,
                org.medkiosk.hospital.Money.ofYuan("105.00"), "4200001234202603020099", SampleData.AT, null);
        var d = decodeAndCheck(templates(p, l).paymentReceipt(SampleData.patient(), invoices, paid, PaymentMethod.ALIPAY), p);
        String text = d.text();
        assertTrue(text.contains("INV-20260302-0042") && text.contains("INV-20260302-0043"), text);
        assertTrue(text.replace("\n", "").contains(zh(l) ? "C反应蛋白" : "C-reactive protein"), text);
        var subtotals = d.lines.stream().filter(x -> x.text().startsWith(zh(l) ? "小计" : "Subtotal")).toList();
        assertEquals(2, subtotals.size(), text);
        assertTrue(subtotals.get(0).text().endsWith("￥75.00") && subtotals.get(1).text().endsWith("￥30.00"), text);
        var totals = d.lines.stream().filter(x -> x.text().startsWith(zh(l) ? "合计" : "Total")).toList();
        assertEquals(1, totals.size(), "one total for the one payment: " + text);
        assertTrue(totals.get(0).text().endsWith("￥105.00") && totals.get(0).bold(), totals.toString());
        assertTrue(text.contains("4200001234202603020099"));
        assertEquals(1, text.split(zh(l) ? "缴费凭条" : "Payment Receipt", -1).length - 1, "one receipt, not two");
        var single = decodeAndCheck(templates(p, l).paymentReceipt(SampleData.patient(), SampleData.invoice(),
                SampleData.payment(), PaymentMethod.WECHAT_PAY), p).text();
        assertFalse(single.contains(zh(l) ? "小计" : "Subtotal"), "one invoice needs no subtotal");
    }

    @ParameterizedTest
    @MethodSource("profilesAndLanguages")
    void topUpAndRefund(PrinterProfile p, Locale l) {
        var top = decodeAndCheck(templates(p, l).topUpReceipt(SampleData.patient(), SampleData.topUp(), PaymentMethod.ALIPAY), p).text();
        assertTrue(top.contains(zh(l) ? "充值凭条" : "Top-up Receipt"));
        assertTrue(top.contains("￥200.00") && top.contains("￥356.80"), top);
        assertTrue(top.contains(zh(l) ? "支付宝" : "Alipay"));
        var refund = decodeAndCheck(templates(p, l).refundNotice(SampleData.refund()), p).text();
        assertTrue(refund.contains(zh(l) ? "退款通知" : "Refund Notice"));
        assertTrue(refund.contains("￥25.00"));
        assertTrue(refund.replace("\n", " ").contains(zh(l) ? "号源已被占用" : "The slot was taken"), refund);
    }

    @ParameterizedTest
    @MethodSource("profilesAndLanguages")
    void testPageHasBothLanguagesQrBarcodeAndCut(PrinterProfile p, Locale l) {
        var d = decodeAndCheck(templates(p, l).testPage(SampleData.AT), p);
        String text = d.text();
        assertTrue(text.contains("打印测试") && text.contains("TEST PAGE"));
        assertTrue(text.contains("欢迎使用自助服务机"));
        assertTrue(text.contains("ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
        assertTrue(text.contains(p.name()));
        assertEquals(List.of("8800000001"), d.barcodes);
        assertEquals("MEDKIOSK-TEST", onlyQr(d, p));
    }

    @org.junit.jupiter.api.Test
    void nativeQrIsFarSmallerThanRaster() {
        byte[] nativeQr = templates(PrinterProfile.GENERIC_80, Locale.CHINESE).queueTicket(SampleData.queueTicket(), null);
        byte[] rasterQr = templates(new PrinterProfile("no-qr-80", 576, 48, true, false, true, true), Locale.CHINESE)
                .queueTicket(SampleData.queueTicket(), null);
        assertTrue(rasterQr.length > nativeQr.length + 1000, nativeQr.length + " vs " + rasterQr.length);
    }

    @org.junit.jupiter.api.Test
    void logoIsPrintedAsRaster() {
        var logo = org.medkiosk.print.escpos.EscPosDocument.qrRaster("LOGO", 2);
        var lh = new Letterhead(SampleData.letterhead().hospitalName(), logo, null, "K1", null);
        var d = decodeAndCheck(new ReceiptTemplates(lh, PrinterProfile.EPSON_80, Locale.CHINESE)
                .queueTicket(SampleData.queueTicket(), null), PrinterProfile.EPSON_80);
        assertEquals(1, d.rasters.size());
        assertEquals(logo.height(), d.rasters.get(0).rows());
        assertEquals("LOGO", QrReading.read(QrReading.image(d.rasters.get(0))).orElseThrow());
    }
}
