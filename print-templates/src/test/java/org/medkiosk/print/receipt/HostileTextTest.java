package org.medkiosk.print.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.ChargeItem;
import org.medkiosk.hospital.LabReport;
import org.medkiosk.hospital.LabResult;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.hospital.QueueTicket;
import org.medkiosk.hospital.Sex;
import org.medkiosk.hospital.UnpaidInvoice;
import org.medkiosk.print.escpos.IndependentEscPosDecoder;
import org.medkiosk.print.escpos.PrinterProfile;
import org.medkiosk.print.report.ImagingReportPdf;
import org.medkiosk.print.report.LabReportPdf;
import org.medkiosk.print.sample.SampleData;

/**
 * Templates given hostile strings: very long names, emoji, control characters (ESC/GS command
 * injection), right-to-left text and bidi overrides. Receipts must stay well-formed ESC/POS (decoded by
 * the independent decoder: no unknown command, no control byte inside text, no line wider than the paper)
 * and keep their QR payload; reports must render. No exception may escape.
 */
class HostileTextTest {

    static final String[] HOSTILE = {
        "张".repeat(500),
        "A".repeat(3000),
        "😀👩‍⚕️🏥 emoji name 🇨🇳",
        "\u001B@\u001DV\u0000\u001D(k\u0010\u0004\u0001 injected",
        "مستشفى الشعب \u202Eevil\u202C עברית",
        "\uD800 lone surrogate \uDFFF",
        "\t\r\n\u0085\u2028 line breaks",
        "",
        "𠀀𪚥 supplementary hanzi",
    };

    /** All six receipts for one hostile string in every text field. */
    static void receipts(String s, PrinterProfile profile, Locale locale) {
        LocalizedText t = LocalizedText.of(s.isEmpty() ? " " : s, s);
        Letterhead lh = new Letterhead(t, null, t, s, null);
        ReceiptTemplates templates = new ReceiptTemplates(lh, profile, locale);
        Patient p = new Patient("P", s, Sex.MALE, LocalDate.of(1990, 1, 1), s, s, List.of());
        Appointment a = new Appointment("APT-1", "P", "D", "DR", t, t, SampleData.appointment().start(), null, null, Money.ofFen(1), s, false);
        var slip = new RegistrationSlip(p, a, t, t, PaymentMethod.UNIONPAY, s, SampleData.AT);
        var ticket = new QueueTicket(s, "APT-1", "E", t, t, t, Integer.MAX_VALUE, SampleData.AT);
        var invoice = new UnpaidInvoice(s, "P", t, LocalDate.now(), List.of(new ChargeItem(t, 99, Money.ofFen(1), Money.ofFen(99))), Money.ofFen(99),
                new org.medkiosk.hospital.Visit(s, LocalDate.now(), t, t));
        check(templates.registrationSlip(slip), profile, "MKAPT:APT-1");
        check(templates.queueTicket(ticket, s), profile, "MKAPT:APT-1");
        check(templates.paymentReceipt(p, invoice, SampleData.payment(), PaymentMethod.ALIPAY), profile, null);
        check(templates.paymentReceipt(p, List.of(invoice, invoice), SampleData.payment(), PaymentMethod.ALIPAY), profile, null);
        check(templates.topUpReceipt(p, SampleData.topUp(), PaymentMethod.PREPAID_ACCOUNT), profile, null);
        check(templates.refundNotice(new RefundNotice(p, SampleData.refund().refund(), null, t, t)), profile, null);
        check(templates.testPage(SampleData.AT), profile, "MEDKIOSK-TEST");
    }

    static void check(byte[] bytes, PrinterProfile p, String qr) {
        IndependentEscPosDecoder d = ReceiptTemplatesTest.decodeAndCheck(bytes, p);
        if (qr != null) {
            assertEquals(qr, ReceiptTemplatesTest.onlyQr(d, p));
        }
        assertFalse(d.text().contains("\u202E"));
    }

    static void reports(String s, Locale locale) {
        LocalizedText t = LocalizedText.of(s.isEmpty() ? " " : s, s);
        Letterhead lh = new Letterhead(t, null, t, s, null);
        Patient p = new Patient("P", s, Sex.FEMALE, LocalDate.of(2020, 1, 1), s, s, List.of());
        LabReport lab = new LabReport("LAB-1", p, t, t, s, t,
                List.of(new LabResult(t, s, s, s, null), new LabResult(t, s, s, s, org.medkiosk.hospital.AbnormalFlag.LOW)),
                s, s, SampleData.AT, SampleData.AT);
        byte[] pdf = LabReportPdf.render(lh, lab, locale);
        assertTrue(pdf.length > 1000);
        var img = new org.medkiosk.hospital.ImagingReport("IMG-1", p, t, t, t, t, s, s, s, s, SampleData.AT, SampleData.AT);
        assertTrue(ImagingReportPdf.render(lh, img, locale).length > 1000);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
    void knownHostileStrings(int i) {
        for (PrinterProfile p : PrinterProfile.ALL) {
            receipts(HOSTILE[i], p, Locale.CHINESE);
            receipts(HOSTILE[i], p, Locale.ENGLISH);
        }
        reports(HOSTILE[i].length() > 600 ? HOSTILE[i].substring(0, 600) : HOSTILE[i], Locale.CHINESE);
    }

    @FuzzTest(maxDuration = "60s")
    void fuzzReceipts(FuzzedDataProvider data) {
        PrinterProfile p = PrinterProfile.ALL.get(data.consumeInt(0, PrinterProfile.ALL.size() - 1));
        Locale l = data.consumeBoolean() ? Locale.CHINESE : Locale.ENGLISH;
        receipts(data.consumeRemainingAsString(), p, l);
    }

    @FuzzTest(maxDuration = "60s")
    void fuzzReports(FuzzedDataProvider data) {
        Locale l = data.consumeBoolean() ? Locale.CHINESE : Locale.ENGLISH;
        reports(data.consumeString(2000), l);
    }
}
