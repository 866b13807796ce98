package org.medkiosk.journal;

/** What an intent asks the hospital to do. PAY, TOP_UP and REFUND move money; the others change records. */
public enum IntentKind {
    HOLD, PAY, BOOK, REFUND, CANCEL, TOP_UP, CHECK_IN, MARK_PRINTED;

    public boolean movesMoney() {
        return this == PAY || this == TOP_UP || this == REFUND;
    }
}
