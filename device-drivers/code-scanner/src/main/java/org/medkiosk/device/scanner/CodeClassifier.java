package org.medkiosk.device.scanner;

import java.util.regex.Pattern;

/**
 * Tells what a scanned code is from its text (DEVICES.md §3, helpers/ROSTER.md). Pure and total: any string gets a
 * kind, nothing is thrown. Payment codes are checked first, so a payment code is never taken for something that may be
 * shown or logged.
 */
public final class CodeClassifier {

    /** The default appointment slip format, for {@link #appointmentId(String)}. */
    private static final Pattern APPOINTMENT_SLIP = CodeFormats.defaults().pattern(CodeKind.APPOINTMENT);

    private final CodeFormats formats;
    private final Pattern wechat;
    private final Pattern alipay;
    private final Pattern unionPay;
    private final Pattern eHealth;
    private final Pattern insuranceVoucher;
    private final Pattern patientCard;
    private final Pattern labSpecimen;
    private final Pattern appointment;

    /** A classifier with MedKiosk's formats ({@link CodeFormats#defaults()}). */
    public CodeClassifier() {
        this(CodeFormats.defaults());
    }

    /**
     * A classifier with a hospital's own formats (issue 9). The order stays the same: payment codes (at most 24
     * characters) first, then an AAMVA licence, then, for texts of at most 80 characters, e-health card, insurance
     * e-voucher, patient card, lab specimen and appointment.
     */
    public CodeClassifier(CodeFormats formats) {
        this.formats = java.util.Objects.requireNonNull(formats, "formats");
        wechat = formats.pattern(CodeKind.WECHAT_PAY_CODE);
        alipay = formats.pattern(CodeKind.ALIPAY_CODE);
        unionPay = formats.pattern(CodeKind.UNIONPAY_CODE);
        eHealth = formats.pattern(CodeKind.E_HEALTH_CARD);
        insuranceVoucher = formats.pattern(CodeKind.INSURANCE_E_VOUCHER);
        patientCard = formats.pattern(CodeKind.PATIENT_CARD);
        labSpecimen = formats.pattern(CodeKind.LAB_SPECIMEN);
        appointment = formats.pattern(CodeKind.APPOINTMENT);
    }

    /** The formats this classifier uses. */
    public CodeFormats formats() {
        return formats;
    }

    public CodeKind classify(String text) {
        if (text == null || text.isEmpty()) {
            return CodeKind.UNKNOWN;
        }
        if (text.length() <= 24) {
            if (wechat.matcher(text).matches()) {
                return CodeKind.WECHAT_PAY_CODE;
            }
            if (unionPay.matcher(text).matches()) {
                return CodeKind.UNIONPAY_CODE;
            }
            if (alipay.matcher(text).matches()) {
                return CodeKind.ALIPAY_CODE;
            }
        }
        if (AamvaLicence.looksLikeAamva(text)) {
            return CodeKind.DRIVER_LICENCE;
        }
        if (text.length() > 80) {
            return CodeKind.UNKNOWN;
        }
        if (eHealth.matcher(text).matches()) {
            return CodeKind.E_HEALTH_CARD;
        }
        if (insuranceVoucher.matcher(text).matches()) {
            return CodeKind.INSURANCE_E_VOUCHER;
        }
        if (patientCard.matcher(text).matches()) {
            return CodeKind.PATIENT_CARD;
        }
        if (labSpecimen.matcher(text).matches()) {
            return CodeKind.LAB_SPECIMEN;
        }
        if (appointment.matcher(text).matches()) {
            return CodeKind.APPOINTMENT;
        }
        return CodeKind.UNKNOWN;
    }

    /** Classifies and wraps. */
    public ScannedCode scanned(String text, Symbology symbology) {
        return new ScannedCode(text, classify(text), symbology);
    }

    /**
     * The appointment id of a kiosk slip QR ({@code MKAPT:<id>}, the default format), or null when {@code text} is
     * not one.
     */
    public static String appointmentId(String text) {
        return text != null && APPOINTMENT_SLIP.matcher(text).matches() ? text.substring("MKAPT:".length()) : null;
    }
}
