package org.medkiosk.journey.payment;

import java.time.Duration;

/**
 * Wallet micropay rules (JOURNEYS.md): a pending answer is polled every {@code pollEvery} for at most
 * {@code pollFor}, then reversed. The $pay call's own timeout lives in the backend settings; a $pay that times out
 * is settled by the same polling, never repeated blindly.
 */
public record PaymentRules(Duration pollEvery, Duration pollFor) {
    public static final String POLL_MS = "medkiosk.payment.poll-ms";
    public static final String BOUND_MS = "medkiosk.payment.bound-ms";

    public static PaymentRules standard() {
        return new PaymentRules(Duration.ofSeconds(3), Duration.ofSeconds(30));
    }

    /**
     * The standard rules, or shorter ones from {@code -Dmedkiosk.payment.poll-ms} / {@code -Dmedkiosk.payment.bound-ms}:
     * the crash harness's children poll fast so pending wallets fit in a kill window.
     */
    public static PaymentRules fromSystemProperties() {
        PaymentRules std = standard();
        Long poll = Long.getLong(POLL_MS);
        Long bound = Long.getLong(BOUND_MS);
        return new PaymentRules(poll == null ? std.pollEvery() : Duration.ofMillis(poll),
                bound == null ? std.pollFor() : Duration.ofMillis(bound));
    }
}
