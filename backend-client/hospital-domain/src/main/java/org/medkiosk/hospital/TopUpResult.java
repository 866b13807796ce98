package org.medkiosk.hospital;

import java.time.Instant;

/** Outcome of a deposit: the wallet transaction and the balance after it. */
public record TopUpResult(String idempotencyKey, PaymentStatus status, Money amount, Money balanceAfter,
                          String transactionNumber, Instant at, String reason) {
}
