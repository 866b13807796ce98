package org.medkiosk.device.scanner;

/** What a scanned code is, in the hospital's words. */
public enum CodeKind {
    WECHAT_PAY_CODE(true),
    ALIPAY_CODE(true),
    UNIONPAY_CODE(true),
    /** National e-health card QR: an opaque token the backend resolves. */
    E_HEALTH_CARD(false),
    /** National medical-insurance e-voucher QR: an opaque token the backend resolves. */
    INSURANCE_E_VOUCHER(false),
    /** The hospital's own patient card barcode ({@code 88} + 8 digits). */
    PATIENT_CARD(false),
    /** Lab specimen / report barcode (12 digits). */
    LAB_SPECIMEN(false),
    /** The kiosk's appointment slip QR ({@code MKAPT:<id>}). */
    APPOINTMENT(false),
    /** AAMVA PDF417 driver's licence (sites outside China). */
    DRIVER_LICENCE(false),
    UNKNOWN(false);

    private final boolean payment;

    CodeKind(boolean payment) {
        this.payment = payment;
    }

    /** Wallet payment codes are one-time secrets: never logged, stored or printed. */
    public boolean isPaymentCode() {
        return payment;
    }
}
