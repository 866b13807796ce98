package org.medkiosk.journey.payment;

import java.util.Objects;
import org.medkiosk.hospital.Masking;
import org.medkiosk.hospital.PaymentMethod;

/**
 * A payment code scanned from the patient's wallet app: a one-time secret that lives in memory for one call and
 * is never logged, stored or printed (toString shows its last 4 digits only).
 */
public record WalletCode(String code, PaymentMethod method) {
    public WalletCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(method, "method");
    }

    @Override
    public String toString() {
        return "WalletCode[" + method + " " + Masking.paymentCode(code) + "]";
    }
}
