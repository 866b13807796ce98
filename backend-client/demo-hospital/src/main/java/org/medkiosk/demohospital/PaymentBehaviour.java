package org.medkiosk.demohospital;

/**
 * What the demo hospital's simulated wallet does with a payment code, chosen by the code's last two digits so a
 * tester can drive every branch of the kiosk from the scanner (documented in backend-client/README.md):
 * <pre>
 *   …91  pending; succeeds on the 2nd $payment-status query
 *   …92  pending until reversed ($payment-reverse → reversed)
 *   …93  declined at once (insufficient funds)
 *   …94  pending; the money arrives as the reverse is sent ($payment-reverse answers success: refund it)
 *   …95  slow: the $pay answer takes longer than the kiosk's timeout, then succeeds (query to learn it)
 *   other succeeds at once
 * </pre>
 * A payment code is 16–24 digits (WeChat Pay 10–15…, Alipay 25–30…, UnionPay 62…).
 */
public enum PaymentBehaviour {
    INSTANT_SUCCESS, PENDING_THEN_SUCCESS, PENDING_UNTIL_REVERSED, DECLINED, SUCCESS_RACES_REVERSE, SLOW_SUCCESS;

    public static PaymentBehaviour of(String paymentCode) {
        if (paymentCode == null || paymentCode.length() < 2) {
            return INSTANT_SUCCESS;
        }
        return switch (paymentCode.substring(paymentCode.length() - 2)) {
            case "91" -> PENDING_THEN_SUCCESS;
            case "92" -> PENDING_UNTIL_REVERSED;
            case "93" -> DECLINED;
            case "94" -> SUCCESS_RACES_REVERSE;
            case "95" -> SLOW_SUCCESS;
            default -> INSTANT_SUCCESS;
        };
    }

    /** A demo payment code (18 digits, WeChat-style) that produces this behaviour. */
    public String sampleCode() {
        String tail = switch (this) {
            case INSTANT_SUCCESS -> "10";
            case PENDING_THEN_SUCCESS -> "91";
            case PENDING_UNTIL_REVERSED -> "92";
            case DECLINED -> "93";
            case SUCCESS_RACES_REVERSE -> "94";
            case SLOW_SUCCESS -> "95";
        };
        return "1345678901234567" + tail;
    }
}
