package org.medkiosk.device.scanner;

import java.util.regex.Pattern;

/**
 * Tells what a scanned code is from its text (DEVICES.md §3, helpers/ROSTER.md). Pure and total: any string gets a
 * kind, nothing is thrown. Payment codes are checked first, so a payment code is never taken for something that may be
 * shown or logged.
 */
public final class CodeClassifier {

    private static final Pattern WECHAT = Pattern.compile("1[0-5]\\d{16}");
    private static final Pattern ALIPAY = Pattern.compile("(2[5-9]|30)\\d{14,22}");
    private static final Pattern UNIONPAY = Pattern.compile("62\\d{17}");
    private static final Pattern E_HEALTH = Pattern.compile("[0-9A-F]{64}:1");
    private static final Pattern INSURANCE_VOUCHER = Pattern.compile("YBPZ\\d{20}");
    private static final Pattern PATIENT_CARD = Pattern.compile("88\\d{8}");
    private static final Pattern LAB_SPECIMEN = Pattern.compile("\\d{12}");
    private static final Pattern APPOINTMENT = Pattern.compile("MKAPT:[A-Za-z0-9._-]{1,64}");

    public CodeKind classify(String text) {
        if (text == null || text.isEmpty()) {
            return CodeKind.UNKNOWN;
        }
        if (text.length() <= 24) {
            if (WECHAT.matcher(text).matches()) {
                return CodeKind.WECHAT_PAY_CODE;
            }
            if (UNIONPAY.matcher(text).matches()) {
                return CodeKind.UNIONPAY_CODE;
            }
            if (ALIPAY.matcher(text).matches()) {
                return CodeKind.ALIPAY_CODE;
            }
        }
        if (AamvaLicence.looksLikeAamva(text)) {
            return CodeKind.DRIVER_LICENCE;
        }
        if (text.length() > 80) {
            return CodeKind.UNKNOWN;
        }
        if (E_HEALTH.matcher(text).matches()) {
            return CodeKind.E_HEALTH_CARD;
        }
        if (INSURANCE_VOUCHER.matcher(text).matches()) {
            return CodeKind.INSURANCE_E_VOUCHER;
        }
        if (PATIENT_CARD.matcher(text).matches()) {
            return CodeKind.PATIENT_CARD;
        }
        if (LAB_SPECIMEN.matcher(text).matches()) {
            return CodeKind.LAB_SPECIMEN;
        }
        if (APPOINTMENT.matcher(text).matches()) {
            return CodeKind.APPOINTMENT;
        }
        return CodeKind.UNKNOWN;
    }

    /** Classifies and wraps. */
    public ScannedCode scanned(String text, Symbology symbology) {
        return new ScannedCode(text, classify(text), symbology);
    }

    /** The appointment id of a kiosk slip QR, or null when {@code text} is not one. */
    public static String appointmentId(String text) {
        return text != null && APPOINTMENT.matcher(text).matches() ? text.substring("MKAPT:".length()) : null;
    }
}
