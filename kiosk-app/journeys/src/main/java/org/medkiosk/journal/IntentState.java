package org.medkiosk.journal;

/**
 * Where an intent stands (JOURNEYS.md). INTENDED: written, not yet sent. SENT: the call went out. PENDING: the
 * hospital answered "pending" (a wallet waiting for the patient). Everything else is final.
 */
public enum IntentState {
    INTENDED, SENT, PENDING, SUCCEEDED, DECLINED, CLOSED, REVERSED, REFUNDED, FAILED;

    public boolean isFinal() {
        return this != INTENDED && this != SENT && this != PENDING;
    }
}
