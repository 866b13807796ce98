package org.medkiosk.device.scanner;

import java.util.Objects;

/**
 * A code read by a scanner or camera, with what it is. {@link #toString()} and {@link #maskedValue()} are safe to
 * show or log; {@link #value()} is the raw text, which for a payment code is a secret that may only be handed to the
 * payment call.
 */
public record ScannedCode(String value, CodeKind kind, Symbology symbology) {

    public ScannedCode {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(symbology, "symbology");
    }

    /**
     * What may be shown: payment codes keep only the two digits that name the wallet; patient-linked codes keep their
     * first and last two characters; appointment slips are shown in full.
     */
    public String maskedValue() {
        return switch (kind) {
            case WECHAT_PAY_CODE, ALIPAY_CODE, UNIONPAY_CODE -> value.substring(0, Math.min(2, value.length()))
                    + "*".repeat(Math.max(0, value.length() - 2));
            case APPOINTMENT -> value;
            case DRIVER_LICENCE -> "AAMVA licence (" + value.length() + " chars)";
            default -> maskMiddle(value);
        };
    }

    private static String maskMiddle(String v) {
        int[] cps = v.codePoints().toArray();
        if (cps.length <= 4) {
            return "*".repeat(cps.length);
        }
        return new String(cps, 0, 2) + "*".repeat(Math.min(cps.length - 4, 32)) + new String(cps, cps.length - 2, 2);
    }

    @Override
    public String toString() {
        return "ScannedCode[" + kind + ", " + symbology + ", " + maskedValue() + "]";
    }
}
