package org.medkiosk.journey.payment;

import java.time.Duration;

/**
 * Wallet micropay rules (JOURNEYS.md): a pending answer is polled every {@code pollEvery} for at most
 * {@code pollFor}, then reversed. The $pay call's own timeout lives in the backend settings; a $pay that times out
 * is settled by the same polling, never repeated blindly.
 */
public record PaymentRules(Duration pollEvery, Duration pollFor) {
    public static PaymentRules standard() {
        return new PaymentRules(Duration.ofSeconds(3), Duration.ofSeconds(30));
    }
}
