package org.medkiosk.hospital;

import java.util.Objects;

/** Money paid in with a wallet code onto the prepaid account; same idempotency and secrecy rules as a payment. */
public record TopUpRequest(String idempotencyKey, String accountId, Money amount, PaymentMethod method, String paymentCode) {
    public TopUpRequest {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("top-up amount must be positive: " + amount);
        }
    }

    @Override
    public String toString() {
        return "TopUpRequest[key=" + idempotencyKey + ", account=" + accountId + ", amount=" + amount
                + ", method=" + method + ", code=" + Masking.paymentCode(paymentCode) + "]";
    }
}
