package org.medkiosk.hospital;

import java.util.List;
import java.util.Objects;

/**
 * One payment intent. The idempotency key is minted once per intent and reused on every retry, query
 * and reverse. The payment code is a one-time secret shown by the patient's wallet: it is only ever
 * sent to the backend, never logged, stored or printed, so toString leaves it out.
 *
 * @param invoiceIds    the bills paid (empty for a registration fee)
 * @param appointmentId the held appointment whose registration fee this pays, or null for bills
 */
public record PaymentRequest(
        String idempotencyKey,
        String patientId,
        List<String> invoiceIds,
        Money amount,
        PaymentMethod method,
        String paymentCode,
        String appointmentId) {

    public PaymentRequest {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        invoiceIds = List.copyOf(invoiceIds);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("payment amount must be positive: " + amount);
        }
    }

    /** Paying bills. */
    public PaymentRequest(String idempotencyKey, String patientId, List<String> invoiceIds, Money amount,
                          PaymentMethod method, String paymentCode) {
        this(idempotencyKey, patientId, invoiceIds, amount, method, paymentCode, null);
    }

    @Override
    public String toString() {
        return "PaymentRequest[key=" + idempotencyKey + ", invoices=" + invoiceIds + ", appointment=" + appointmentId
                + ", amount=" + amount + ", method=" + method + ", code=" + Masking.paymentCode(paymentCode) + "]";
    }
}
