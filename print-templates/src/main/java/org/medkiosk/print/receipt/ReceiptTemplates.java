package org.medkiosk.print.receipt;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.medkiosk.hospital.ChargeItem;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.hospital.PaymentResult;
import org.medkiosk.hospital.QueueTicket;
import org.medkiosk.hospital.TopUpResult;
import org.medkiosk.hospital.UnpaidInvoice;
import org.medkiosk.print.escpos.EscPosDocument;
import org.medkiosk.print.escpos.EscPosDocument.Align;
import org.medkiosk.print.escpos.PrinterProfile;
import org.medkiosk.print.escpos.TextWidth;

/**
 * Pure functions from hospital records to the ESC/POS bytes of a receipt, in Chinese or English
 * ({@code Locale.CHINESE} / any zh locale, anything else is English). Immutable and thread-safe.
 *
 * <p>Privacy: names are printed masked (张*明); a payment code never reaches a template, only the
 * wallet's transaction number does.
 */
public final class ReceiptTemplates {
    /** QR payload on slips and tickets, resolved by the kiosk's scanner (ROSTER.md). */
    public static final String APPOINTMENT_QR_PREFIX = "MKAPT:";
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm");

    private final Letterhead letterhead;
    private final PrinterProfile profile;
    private final Locale locale;
    private final DateTimeFormatter time;

    public ReceiptTemplates(Letterhead letterhead, PrinterProfile profile, Locale locale) {
        this.letterhead = Objects.requireNonNull(letterhead, "letterhead");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.locale = locale == null ? Locale.CHINESE : locale;
        this.time = DAY_TIME.withZone(letterhead.zone());
    }

    public ReceiptTemplates in(Locale other) {
        return new ReceiptTemplates(letterhead, profile, other);
    }

    // ---- templates -------------------------------------------------------------------------

    public byte[] registrationSlip(RegistrationSlip slip) {
        var a = slip.appointment();
        EscPosDocument d = header(L.REGISTRATION_SLIP);
        patientLines(d, slip.patient());
        d.pair(t(L.DEPARTMENT), t(a.departmentName()));
        String doctor = t(a.doctorName()) + (slip.doctorTitle() == null ? "" : " " + t(slip.doctorTitle()));
        d.pair(t(L.DOCTOR), doctor);
        if (a.start() != null) {
            String when = a.start().format(DAY_TIME) + (a.end() == null ? "" : "-" + a.end().format(TIME_OF_DAY));
            d.pair(t(L.TIME), when);
        }
        if (slip.location() != null) {
            d.pair(t(L.LOCATION), t(slip.location()));
        }
        if (a.fee() != null) {
            d.pair(t(L.FEE), money(a.fee()));
        }
        if (slip.method() != null) {
            d.pair(t(L.METHOD), method(slip.method()));
        }
        if (slip.transactionNumber() != null) {
            d.pair(t(L.TRANSACTION), slip.transactionNumber());
        }
        d.pair(t(L.APPOINTMENT), a.id());
        d.rule();
        d.align(Align.CENTER).line(t(L.SCAN_TO_CHECK_IN));
        d.qr(APPOINTMENT_QR_PREFIX + a.id(), qrModule());
        return footer(d, slip.issuedAt());
    }

    /** @param patientName may be null (a ticket can be anonymous); printed masked */
    public byte[] queueTicket(QueueTicket ticket, String patientName) {
        EscPosDocument d = header(L.QUEUE_TICKET);
        d.align(Align.CENTER).bold(true).size(2, 2).line(t(ticket.department())).normal();
        d.line(t(L.YOUR_NUMBER));
        String number = TextWidth.printable(ticket.queueNumber());
        int big = TextWidth.columns(number) * 4 <= profile.columns() ? 4 : TextWidth.columns(number) * 2 <= profile.columns() ? 2 : 1;
        d.bold(true).size(big, big).line(number).normal();
        d.align(Align.LEFT);
        if (patientName != null) {
            d.pair(t(L.PATIENT), org.medkiosk.hospital.Masking.name(patientName));
        }
        if (ticket.room() != null) {
            d.pair(t(L.ROOM), t(ticket.room()));
        }
        if (ticket.doctorName() != null) {
            d.pair(t(L.DOCTOR), t(ticket.doctorName()));
        }
        d.bold(true).pair(t(L.PATIENTS_AHEAD), zh() ? ticket.patientsAhead() + " 人" : String.valueOf(ticket.patientsAhead())).bold(false);
        if (ticket.checkedInAt() != null) {
            d.pair(t(L.CHECKED_IN), time.format(ticket.checkedInAt()));
        }
        d.rule();
        d.align(Align.CENTER).line(t(L.WAIT_FOR_CALL));
        if (ticket.appointmentId() != null) {
            d.qr(APPOINTMENT_QR_PREFIX + ticket.appointmentId(), qrModule());
        }
        return footer(d, ticket.checkedInAt());
    }

    public byte[] paymentReceipt(Patient patient, UnpaidInvoice invoice, PaymentResult payment, PaymentMethod method) {
        return paymentReceipt(patient, List.of(invoice), payment, method);
    }

    /**
     * One receipt for one payment that settled several invoices (the kiosk pays all of a patient's open bills with
     * one intent): each invoice with its items, then the one total, method, status and transaction number.
     */
    public byte[] paymentReceipt(Patient patient, List<UnpaidInvoice> invoices, PaymentResult payment,
                                 PaymentMethod method) {
        if (invoices.isEmpty()) {
            throw new IllegalArgumentException("a payment receipt needs at least one invoice");
        }
        EscPosDocument d = header(L.PAYMENT_RECEIPT);
        patientLines(d, patient);
        Money sum = Money.ZERO;
        boolean first = true;
        for (UnpaidInvoice invoice : invoices) {
            if (!first) {
                d.rule();
            }
            first = false;
            d.line(t(invoice.description()));
            d.pair(t(L.INVOICE), invoice.id());
            d.rule();
            d.bold(true).pair(t(L.ITEM), t(L.AMOUNT)).bold(false);
            for (ChargeItem item : invoice.items()) {
                d.line(t(item.name()));
                d.pair("  " + item.quantity() + " x " + money(item.unitPrice()), money(item.amount()));
            }
            if (invoices.size() > 1) {
                d.pair(t(L.SUBTOTAL), money(invoice.total()));
            }
            sum = sum.plus(invoice.total());
        }
        d.rule();
        d.bold(true).size(1, 2).pair(t(L.TOTAL), money(payment.amount() != null ? payment.amount() : sum)).normal();
        d.pair(t(L.METHOD), method(method));
        d.pair(t(L.STATUS), status(payment));
        if (payment.transactionNumber() != null) {
            d.pair(t(L.TRANSACTION), payment.transactionNumber());
        }
        return footer(d, payment.at());
    }

    public byte[] topUpReceipt(Patient patient, TopUpResult topUp, PaymentMethod method) {
        EscPosDocument d = header(L.TOP_UP_RECEIPT);
        patientLines(d, patient);
        d.bold(true).size(1, 2).pair(t(L.TOP_UP_AMOUNT), money(topUp.amount())).normal();
        if (topUp.balanceAfter() != null) {
            d.pair(t(L.BALANCE_AFTER), money(topUp.balanceAfter()));
        }
        d.pair(t(L.METHOD), method(method));
        d.pair(t(L.STATUS), zh() ? statusZh(topUp.status()) : topUp.status().name());
        if (topUp.transactionNumber() != null) {
            d.pair(t(L.TRANSACTION), topUp.transactionNumber());
        }
        return footer(d, topUp.at());
    }

    public byte[] refundNotice(RefundNotice notice) {
        EscPosDocument d = header(L.REFUND_NOTICE);
        patientLines(d, notice.patient());
        d.pair(t(L.REFUND_FOR), t(notice.what()));
        d.bold(true).size(1, 2).pair(t(L.REFUND_AMOUNT), money(notice.refund().amount())).normal();
        if (notice.method() != null) {
            d.pair(t(L.REFUND_TO), method(notice.method()));
        }
        if (notice.refund().transactionNumber() != null) {
            d.pair(t(L.TRANSACTION), notice.refund().transactionNumber());
        }
        if (!t(notice.reason()).isBlank()) {
            d.pair(t(L.REASON), t(notice.reason()));
        }
        d.rule();
        d.line(t(L.REFUND_EXPLAINED));
        return footer(d, notice.refund().at());
    }

    /**
     * The technician's test page: both languages, a width ruler, sizes, a QR, a barcode and a cut,
     * so one glance shows whether the encoding, the graphics and the cutter work.
     */
    public byte[] testPage(Instant printedAt) {
        EscPosDocument d = new EscPosDocument(profile);
        d.align(Align.CENTER).bold(true).size(2, 2).line("打印测试").line("TEST PAGE").normal();
        d.line(t(letterhead.hospitalName()));
        d.align(Align.LEFT).rule();
        d.pair("打印机型号 Profile", profile.name());
        d.pair("宽度 Width", profile.dotsPerLine() + " dots / " + profile.columns() + " cols");
        d.pair("二维码 QR", profile.nativeQr() ? "GS ( k" : "raster");
        d.pair("自助机 Kiosk", letterhead.kioskId());
        d.pair("时间 Time", time.format(printedAt));
        d.rule();
        StringBuilder ruler = new StringBuilder();
        for (int i = 1; i <= profile.columns(); i++) {
            ruler.append(i % 10);
        }
        d.line(ruler.toString());
        d.line("中文：欢迎使用自助服务机，请妥善保管凭条。￥12.50 ↑↓ ①②③");
        d.line("English: ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 !@#$%&*()");
        d.bold(true).line("粗体 Bold").bold(false);
        d.size(2, 1).line("倍宽 Wide").size(1, 2).line("倍高 Tall").normal();
        d.align(Align.CENTER).line("QR: MEDKIOSK-TEST");
        d.qr("MEDKIOSK-TEST", qrModule());
        d.code128("8800000001");
        d.line("切纸测试 Cut test ↓");
        d.cut();
        return d.bytes();
    }

    // ---- common parts ----------------------------------------------------------------------

    private EscPosDocument header(LocalizedText title) {
        EscPosDocument d = new EscPosDocument(profile);
        d.align(Align.CENTER);
        if (letterhead.logo() != null) {
            d.image(letterhead.logo());
        }
        d.bold(true).size(1, 2).line(t(letterhead.hospitalName())).normal();
        d.bold(true).line(t(title)).bold(false);
        d.align(Align.LEFT).rule();
        return d;
    }

    private byte[] footer(EscPosDocument d, Instant at) {
        d.align(Align.LEFT).rule();
        d.pair(t(L.PRINTED_AT), time.format(at == null ? Instant.now() : at));
        if (!letterhead.kioskId().isBlank()) {
            d.pair(t(L.KIOSK), letterhead.kioskId());
        }
        if (!t(letterhead.footer()).isBlank()) {
            d.align(Align.CENTER).line(t(letterhead.footer())).align(Align.LEFT);
        }
        d.cut();
        return d.bytes();
    }

    private void patientLines(EscPosDocument d, Patient p) {
        if (p == null) {
            return;
        }
        d.pair(t(L.PATIENT), p.maskedName() == null ? "" : p.maskedName());
        if (p.medicalRecordNumber() != null) {
            d.pair(t(L.MRN), p.medicalRecordNumber());
        }
    }

    private int qrModule() {
        return profile.dotsPerLine() >= 576 ? 6 : 5;
    }

    private boolean zh() {
        return "zh".equals(locale.getLanguage());
    }

    private String t(LocalizedText text) {
        return text == null ? "" : text.in(locale);
    }

    private static String money(Money m) {
        return m == null ? "" : m.toString();
    }

    private String method(PaymentMethod m) {
        if (m == null) {
            return "";
        }
        return t(switch (m) {
            case WECHAT_PAY -> LocalizedText.of("微信支付", "WeChat Pay");
            case ALIPAY -> LocalizedText.of("支付宝", "Alipay");
            case UNIONPAY -> LocalizedText.of("银联", "UnionPay");
            case PREPAID_ACCOUNT -> LocalizedText.of("就诊卡余额", "Prepaid account");
            case MEDICAL_INSURANCE -> LocalizedText.of("医保", "Medical insurance");
        });
    }

    private String status(PaymentResult r) {
        return r.status() == null ? "" : zh() ? statusZh(r.status()) : r.status().name();
    }

    private static String statusZh(org.medkiosk.hospital.PaymentStatus s) {
        return switch (s) {
            case SUCCESS -> "支付成功";
            case PENDING -> "处理中";
            case DECLINED -> "已拒绝";
            case CLOSED -> "已关闭";
            case REVERSED -> "已撤销";
            case REFUNDED -> "已退款";
        };
    }

    /** Labels, one place for both languages. */
    static final class L {
        static final LocalizedText REGISTRATION_SLIP = LocalizedText.of("挂号凭条", "Registration Slip");
        static final LocalizedText QUEUE_TICKET = LocalizedText.of("排队凭条", "Queue Ticket");
        static final LocalizedText PAYMENT_RECEIPT = LocalizedText.of("缴费凭条", "Payment Receipt");
        static final LocalizedText TOP_UP_RECEIPT = LocalizedText.of("充值凭条", "Top-up Receipt");
        static final LocalizedText REFUND_NOTICE = LocalizedText.of("退款通知", "Refund Notice");
        static final LocalizedText PATIENT = LocalizedText.of("患者", "Patient");
        static final LocalizedText MRN = LocalizedText.of("病历号", "MRN");
        static final LocalizedText DEPARTMENT = LocalizedText.of("科室", "Department");
        static final LocalizedText DOCTOR = LocalizedText.of("医生", "Doctor");
        static final LocalizedText TIME = LocalizedText.of("就诊时间", "Time");
        static final LocalizedText LOCATION = LocalizedText.of("就诊地点", "Location");
        static final LocalizedText FEE = LocalizedText.of("挂号费", "Fee");
        static final LocalizedText METHOD = LocalizedText.of("支付方式", "Paid by");
        static final LocalizedText TRANSACTION = LocalizedText.of("交易号", "Transaction");
        static final LocalizedText APPOINTMENT = LocalizedText.of("预约号", "Appointment");
        static final LocalizedText SCAN_TO_CHECK_IN = LocalizedText.of("就诊当日扫码签到", "Scan this code to check in");
        static final LocalizedText YOUR_NUMBER = LocalizedText.of("您的排队号", "Your number");
        static final LocalizedText ROOM = LocalizedText.of("诊室", "Room");
        static final LocalizedText PATIENTS_AHEAD = LocalizedText.of("前面还有", "Patients ahead");
        static final LocalizedText CHECKED_IN = LocalizedText.of("签到时间", "Checked in");
        static final LocalizedText WAIT_FOR_CALL = LocalizedText.of("请留意叫号屏，过号需重新签到",
                "Watch the calling screen; if you miss your call, check in again");
        static final LocalizedText INVOICE = LocalizedText.of("单据号", "Invoice");
        static final LocalizedText ITEM = LocalizedText.of("项目", "Item");
        static final LocalizedText AMOUNT = LocalizedText.of("金额", "Amount");
        static final LocalizedText TOTAL = LocalizedText.of("合计", "Total");
        static final LocalizedText SUBTOTAL = LocalizedText.of("小计", "Subtotal");
        static final LocalizedText STATUS = LocalizedText.of("状态", "Status");
        static final LocalizedText TOP_UP_AMOUNT = LocalizedText.of("充值金额", "Top-up");
        static final LocalizedText BALANCE_AFTER = LocalizedText.of("充值后余额", "Balance");
        static final LocalizedText REFUND_FOR = LocalizedText.of("退款项目", "Refund for");
        static final LocalizedText REFUND_AMOUNT = LocalizedText.of("退款金额", "Refund");
        static final LocalizedText REFUND_TO = LocalizedText.of("退回至", "Refunded to");
        static final LocalizedText REASON = LocalizedText.of("原因", "Reason");
        static final LocalizedText REFUND_EXPLAINED = LocalizedText.of("款项将原路退回，预计1-7个工作日到账。",
                "The money returns to the account it came from, usually within 1-7 working days.");
        static final LocalizedText PRINTED_AT = LocalizedText.of("打印时间", "Printed");
        static final LocalizedText KIOSK = LocalizedText.of("自助机", "Kiosk");

        private L() {
        }
    }
}
