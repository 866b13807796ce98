package org.medkiosk.hospital;

/**
 * Where a payment intent stands. PENDING is the only non-final state; after recovery every intent is
 * SUCCESS, CLOSED, REVERSED or REFUNDED (DECLINED is a CLOSED intent with a reason from the wallet).
 */
public enum PaymentStatus {
    PENDING, SUCCESS, DECLINED, CLOSED, REVERSED, REFUNDED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
