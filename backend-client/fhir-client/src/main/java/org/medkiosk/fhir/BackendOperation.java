package org.medkiosk.fhir;

import java.time.Duration;

/**
 * Every call the kiosk makes to the hospital, with how it may be retried and how long it may take by default.
 * READ calls and calls carrying the kiosk's idempotency key are retried; a plain write never is, because a
 * second attempt could do the thing twice.
 */
public enum BackendOperation {
    FIND_PATIENT(Kind.READ, 5),
    DEPARTMENTS(Kind.READ, 5),
    DOCTORS(Kind.READ, 8),
    FREE_SLOTS(Kind.READ, 8),
    HOLD(Kind.KEYED_WRITE, 10),
    BOOK(Kind.KEYED_WRITE, 10),
    CANCEL(Kind.KEYED_WRITE, 10),
    APPOINTMENTS(Kind.READ, 5),
    BOOKINGS(Kind.READ, 5),
    CHECK_IN(Kind.KEYED_WRITE, 10),
    UNPAID_INVOICES(Kind.READ, 8),
    PAY(Kind.KEYED_WRITE, 15),
    PAYMENT_STATUS(Kind.READ, 5),
    PAYMENT_REVERSE(Kind.KEYED_WRITE, 15),
    REFUND(Kind.KEYED_WRITE, 15),
    BALANCE(Kind.READ, 5),
    DEPOSIT(Kind.KEYED_WRITE, 15),
    REPORTS(Kind.READ, 8),
    REPORT_DETAIL(Kind.READ, 8),
    REPORT_DOCUMENT(Kind.READ, 20),
    MARK_PRINTED(Kind.KEYED_WRITE, 8),
    CAPABILITIES(Kind.READ, 5),
    LEDGER(Kind.READ, 15);

    /** How a call may be repeated. */
    public enum Kind { READ, KEYED_WRITE }

    private final Kind kind;
    private final Duration defaultTimeout;

    BackendOperation(Kind kind, int defaultSeconds) {
        this.kind = kind;
        this.defaultTimeout = Duration.ofSeconds(defaultSeconds);
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return true; // every operation is a read or carries an idempotency key; see Kind
    }

    public Duration defaultTimeout() {
        return defaultTimeout;
    }
}
