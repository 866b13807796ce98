package org.medkiosk.print.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.medkiosk.hospital.AbnormalFlag;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.AppointmentStatus;
import org.medkiosk.hospital.ChargeItem;
import org.medkiosk.hospital.ImagingReport;
import org.medkiosk.hospital.LabReport;
import org.medkiosk.hospital.LabResult;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PatientIdentifier;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.hospital.PaymentResult;
import org.medkiosk.hospital.PaymentStatus;
import org.medkiosk.hospital.QueueTicket;
import org.medkiosk.hospital.Sex;
import org.medkiosk.hospital.TopUpResult;
import org.medkiosk.hospital.UnpaidInvoice;
import org.medkiosk.hospital.Visit;
import org.medkiosk.print.receipt.Letterhead;
import org.medkiosk.print.receipt.RefundNotice;
import org.medkiosk.print.receipt.RegistrationSlip;

/**
 * Demo data for every template (roster patient 1, 张三明), used by the render commands, the demo
 * simulator panel and tests. Fixed times so renders are reproducible.
 */
public final class SampleData {
    public static final Instant AT = Instant.parse("2026-03-02T01:30:00Z"); // 09:30 in Beijing
    private static final OffsetDateTime START = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    private SampleData() {
    }

    public static Letterhead letterhead() {
        return new Letterhead(LocalizedText.of("示范市第一人民医院", "Demo City First People's Hospital"), null,
                LocalizedText.of("祝您早日康复 · 服务热线 12320", "Get well soon · Hotline 12320"), "KIOSK-01",
                ZoneId.of("Asia/Shanghai"));
    }

    public static Patient patient() {
        return new Patient("P1", "张三明", Sex.MALE, LocalDate.of(1985, 3, 7), "MR100001", "13800000001",
                List.of(PatientIdentifier.residentId("110101198503071235")));
    }

    public static Appointment appointment() {
        return new Appointment("A20260302-0017", "P1", "D-INT", "DR-1", LocalizedText.of("心血管内科", "Cardiology"),
                LocalizedText.of("王建华", "WANG Jianhua"), START, START.plusMinutes(30), AppointmentStatus.BOOKED,
                Money.ofYuan("25.00"), "idem-5e1d", true);
    }

    public static RegistrationSlip registrationSlip() {
        return new RegistrationSlip(patient(), appointment(), LocalizedText.of("主任医师", "Chief Physician"),
                LocalizedText.of("门诊楼 2 层 A 区", "Outpatient Building, Floor 2, Zone A"), PaymentMethod.WECHAT_PAY,
                "4200001234202603020017", AT);
    }

    public static QueueTicket queueTicket() {
        return new QueueTicket("A023", "A20260302-0017", "E-77", LocalizedText.of("心血管内科", "Cardiology"),
                LocalizedText.of("208 诊室", "Room 208"), LocalizedText.of("王建华", "WANG Jianhua"), 3, AT);
    }

    public static UnpaidInvoice invoice() {
        return new UnpaidInvoice("INV-20260302-0042", "P1", LocalizedText.of("门诊缴费", "Outpatient charges"),
                LocalDate.of(2026, 3, 2), List.of(
                new ChargeItem(LocalizedText.of("血常规（五分类）", "Complete blood count (5-part)"), 1, Money.ofYuan("20.00"), Money.ofYuan("20.00")),
                new ChargeItem(LocalizedText.of("阿莫西林胶囊 0.25g×24粒", "Amoxicillin capsules 0.25 g x 24"), 2, Money.ofYuan("12.50"), Money.ofYuan("25.00")),
                new ChargeItem(LocalizedText.of("心电图检查", "Electrocardiogram"), 1, Money.ofYuan("30.00"), Money.ofYuan("30.00"))),
                Money.ofYuan("75.00"), visit());
    }

    /** The visit the sample invoices belong to. */
    public static Visit visit() {
        return new Visit("E-77", LocalDate.of(2026, 3, 2), LocalizedText.of("心血管内科", "Cardiology"),
                LocalizedText.of("王建华", "WANG Jianhua"));
    }

    /** A second bill of the same visit (a lab test), for receipts covering several invoices. */
    public static UnpaidInvoice secondInvoice() {
        return new UnpaidInvoice("INV-20260302-0043", "P1", LocalizedText.of("检验费", "Laboratory tests"),
                LocalDate.of(2026, 3, 2), List.of(
                new ChargeItem(LocalizedText.of("C反应蛋白", "C-reactive protein"), 1, Money.ofYuan("30.00"), Money.ofYuan("30.00"))),
                Money.ofYuan("30.00"), visit());
    }

    public static PaymentResult payment() {
        return new PaymentResult("idem-7f3a", PaymentStatus.SUCCESS, Money.ofYuan("75.00"), "4200001234202603020042", AT, null);
    }

    public static TopUpResult topUp() {
        return new TopUpResult("idem-9b21", PaymentStatus.SUCCESS, Money.ofYuan("200.00"), Money.ofYuan("356.80"),
                "2026030222001400001234", AT, null);
    }

    public static RefundNotice refund() {
        return new RefundNotice(patient(),
                new PaymentResult("idem-c0de", PaymentStatus.REFUNDED, Money.ofYuan("25.00"), "4200001234202603020017", AT, null),
                PaymentMethod.WECHAT_PAY, LocalizedText.of("心血管内科 挂号费", "Cardiology registration fee"),
                LocalizedText.of("号源已被占用，挂号未成功", "The slot was taken; registration did not go through"));
    }

    public static LabReport labReport() {
        return labReport(24);
    }

    /** A lab report with {@code rows} results, to exercise page breaks. */
    public static LabReport labReport(int rows) {
        List<LabResult> base = List.of(
                new LabResult(LocalizedText.of("白细胞计数 WBC", "White blood cells"), "11.2", "10^9/L", "3.5-9.5", AbnormalFlag.HIGH),
                new LabResult(LocalizedText.of("红细胞计数 RBC", "Red blood cells"), "4.62", "10^12/L", "4.3-5.8", AbnormalFlag.NORMAL),
                new LabResult(LocalizedText.of("血红蛋白 HGB", "Haemoglobin"), "118", "g/L", "130-175", AbnormalFlag.LOW),
                new LabResult(LocalizedText.of("血小板计数 PLT", "Platelets"), "236", "10^9/L", "125-350", AbnormalFlag.NORMAL),
                new LabResult(LocalizedText.of("中性粒细胞百分比 NEUT%", "Neutrophils %"), "78.5", "%", "40-75", AbnormalFlag.HIGH),
                new LabResult(LocalizedText.of("淋巴细胞百分比 LYMPH%", "Lymphocytes %"), "15.1", "%", "20-50", AbnormalFlag.LOW),
                new LabResult(LocalizedText.of("C反应蛋白 CRP", "C-reactive protein"), "86.0", "mg/L", "0-10", AbnormalFlag.CRITICAL_HIGH),
                new LabResult(LocalizedText.of("血糖 GLU", "Glucose"), "5.1", "mmol/L", "3.9-6.1", AbnormalFlag.NORMAL));
        List<LabResult> results = new java.util.ArrayList<>();
        for (int i = 0; i < rows; i++) {
            results.add(base.get(i % base.size()));
        }
        return new LabReport("LAB-202603020001", patient(), LocalizedText.of("血常规检验报告", "Complete Blood Count Report"),
                LocalizedText.of("静脉血", "Venous blood"), "260302000117", LocalizedText.of("检验科", "Clinical Laboratory"),
                results, "王建华", "李春梅", AT.minusSeconds(7200), AT);
    }

    public static ImagingReport imagingReport() {
        return new ImagingReport("IMG-202603020007", patient(), LocalizedText.of("胸部CT平扫报告", "Chest CT (non-contrast) Report"),
                LocalizedText.of("CT", "CT"), LocalizedText.of("胸部", "Chest"), LocalizedText.of("放射科", "Radiology"),
                "双肺纹理清晰，右肺下叶可见一直径约6mm磨玻璃结节，边界清楚。纵隔内未见肿大淋巴结。心影大小形态正常。双侧胸腔未见积液。",
                "右肺下叶磨玻璃小结节，建议12个月后复查胸部CT。",
                "赵立新", "孙海燕", AT.minusSeconds(3600), AT);
    }
}
