package org.medkiosk.hospital;

import java.util.List;
import java.util.Objects;

/**
 * One payment intent. The idempotency key is minted once per intent and reused on every retry, query
 * and reverse. The payment code is a one-time secret shown by the patient's wallet: it is only ever
 * sent to the backend, never logged, stored or printed, so toString leaves it out.
 */
public record PaymentRequest(
        String idempotencyKey,
        String patientId,
        List<String> invoiceIds,
        Money amount,
        PaymentMethod method,
        String paymentCode) {

    public PaymentRequest {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        invoiceIds = List.copyOf(invoiceIds);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("payment amount must be positive: " + amount);
        }
    }

    @Override
    public String toString() {
        return "PaymentRequest[key=" + idempotencyKey + ", invoices=" + invoiceIds + ", amount=" + amount
                + ", method=" + method + ", code=" + Masking.paymentCode(paymentCode) + "]";
    }
}
