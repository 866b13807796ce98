package org.medkiosk.device.scanner;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which text means which kind of code (issue 9, a hospital's own code formats): one Java regex per {@link CodeKind}
 * that {@link CodeClassifier} recognises by pattern, each matched against the whole scanned text. {@link #defaults()}
 * are MedKiosk's formats; {@link #with(CodeKind, String)} replaces one, so an integrator can set e.g. a hospital's own
 * patient-card barcode without a rebuild. Every regex is checked when the formats are made.
 */
public record CodeFormats(String wechatPay, String alipay, String unionPay, String eHealthCard,
                          String insuranceVoucher, String patientCard, String labSpecimen, String appointment) {

    /** The kinds told by a pattern, in the order the classifier tries them (payment codes first). */
    public static final List<CodeKind> KINDS = List.of(CodeKind.WECHAT_PAY_CODE, CodeKind.UNIONPAY_CODE,
            CodeKind.ALIPAY_CODE, CodeKind.E_HEALTH_CARD, CodeKind.INSURANCE_E_VOUCHER, CodeKind.PATIENT_CARD,
            CodeKind.LAB_SPECIMEN, CodeKind.APPOINTMENT);

    private static final CodeFormats DEFAULTS = new CodeFormats(
            "1[0-5]\\d{16}",
            "(2[5-9]|30)\\d{14,22}",
            "62\\d{17}",
            "[0-9A-F]{64}:1",
            "YBPZ\\d{20}",
            "88\\d{8}",
            "\\d{12}",
            "MKAPT:[A-Za-z0-9._-]{1,64}");

    public CodeFormats {
        check(CodeKind.WECHAT_PAY_CODE, wechatPay);
        check(CodeKind.ALIPAY_CODE, alipay);
        check(CodeKind.UNIONPAY_CODE, unionPay);
        check(CodeKind.E_HEALTH_CARD, eHealthCard);
        check(CodeKind.INSURANCE_E_VOUCHER, insuranceVoucher);
        check(CodeKind.PATIENT_CARD, patientCard);
        check(CodeKind.LAB_SPECIMEN, labSpecimen);
        check(CodeKind.APPOINTMENT, appointment);
    }

    /** MedKiosk's formats (DEVICES.md §3). */
    public static CodeFormats defaults() {
        return DEFAULTS;
    }

    /** The regex for {@code kind}; IllegalArgumentException for a kind not told by a pattern (DRIVER_LICENCE, UNKNOWN). */
    public String regex(CodeKind kind) {
        return switch (Objects.requireNonNull(kind, "kind")) {
            case WECHAT_PAY_CODE -> wechatPay;
            case ALIPAY_CODE -> alipay;
            case UNIONPAY_CODE -> unionPay;
            case E_HEALTH_CARD -> eHealthCard;
            case INSURANCE_E_VOUCHER -> insuranceVoucher;
            case PATIENT_CARD -> patientCard;
            case LAB_SPECIMEN -> labSpecimen;
            case APPOINTMENT -> appointment;
            default -> throw notByPattern(kind);
        };
    }

    /**
     * These formats with {@code regex} for {@code kind}. IllegalArgumentException, naming the kind, when the regex
     * is empty or not a valid Java regex, or the kind is not told by a pattern.
     */
    public CodeFormats with(CodeKind kind, String regex) {
        return switch (Objects.requireNonNull(kind, "kind")) {
            case WECHAT_PAY_CODE -> new CodeFormats(regex, alipay, unionPay, eHealthCard, insuranceVoucher, patientCard,
                    labSpecimen, appointment);
            case ALIPAY_CODE -> new CodeFormats(wechatPay, regex, unionPay, eHealthCard, insuranceVoucher, patientCard,
                    labSpecimen, appointment);
            case UNIONPAY_CODE -> new CodeFormats(wechatPay, alipay, regex, eHealthCard, insuranceVoucher, patientCard,
                    labSpecimen, appointment);
            case E_HEALTH_CARD -> new CodeFormats(wechatPay, alipay, unionPay, regex, insuranceVoucher, patientCard,
                    labSpecimen, appointment);
            case INSURANCE_E_VOUCHER -> new CodeFormats(wechatPay, alipay, unionPay, eHealthCard, regex, patientCard,
                    labSpecimen, appointment);
            case PATIENT_CARD -> new CodeFormats(wechatPay, alipay, unionPay, eHealthCard, insuranceVoucher, regex,
                    labSpecimen, appointment);
            case LAB_SPECIMEN -> new CodeFormats(wechatPay, alipay, unionPay, eHealthCard, insuranceVoucher, patientCard,
                    regex, appointment);
            case APPOINTMENT -> new CodeFormats(wechatPay, alipay, unionPay, eHealthCard, insuranceVoucher, patientCard,
                    labSpecimen, regex);
            default -> throw notByPattern(kind);
        };
    }

    /** The compiled pattern for {@code kind}. */
    Pattern pattern(CodeKind kind) {
        return Pattern.compile(regex(kind));
    }

    private static void check(CodeKind kind, String regex) {
        if (regex == null || regex.isEmpty()) {
            throw new IllegalArgumentException("the " + kind + " format is empty: a Java regex is needed");
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            // The regex is configuration, not scanned data: naming the kind and the regex's own error is safe.
            throw new IllegalArgumentException("the " + kind + " format is not a valid Java regex: "
                    + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""), e);
        }
    }

    private static IllegalArgumentException notByPattern(CodeKind kind) {
        return new IllegalArgumentException(kind + " is not told by a pattern; pattern kinds are " + KINDS);
    }
}
