package org.medkiosk.hospital;

import java.time.Instant;

/** The hospital's answer about a payment intent. transactionNumber is set once the wallet took the money. */
public record PaymentResult(
        String idempotencyKey,
        PaymentStatus status,
        Money amount,
        String transactionNumber,
        Instant at,
        String reason) {
}
