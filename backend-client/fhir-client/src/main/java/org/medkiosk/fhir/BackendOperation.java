package org.medkiosk.fhir;

import java.time.Duration;

/**
 * Every call the kiosk makes to the hospital, with how it may be retried and how long it may take by default.
 * READ calls and calls carrying the kiosk's idempotency key are retried after a transient failure; a plain write
 * never is, because a second attempt could do the thing twice.
 *
 * <p>Two budgets per operation: the <b>attempt timeout</b> (one HTTP exchange) and the <b>deadline</b> (the whole
 * call, every retry and back-off included). A retry is only made while the deadline leaves time; after a
 * <em>timeout</em> it is only made when the deadline still leaves a full attempt. Reads on the patient's path
 * (identification and the screens that follow it) have deadlines shorter than two attempts, so a hospital that
 * does not answer is reported after one attempt: identification gives up within 2.5 s and the kiosk shows
 * "service unavailable" within 3 s. Background reads (report detail and documents, the ledger, capabilities) may
 * retry after a timeout.
 */
public enum BackendOperation {
    FIND_PATIENT(Kind.READ, 2000, 2500),
    /**
     * A nurse's patient search (name + birth date, phone, medical record number). On the nurse's path with the
     * patient beside them: one attempt after a timeout, like identification.
     */
    PATIENT_SEARCH(Kind.READ, 3000, 4500),
    /**
     * Staff sign-in: the Practitioner of a staff card, or {@code Practitioner/$verify-pin}. The PIN check changes
     * nothing in the hospital's records (at most a failure counter), so it is a READ and may be retried.
     */
    STAFF_SIGN_IN(Kind.READ, 3000, 4500),
    DEPARTMENTS(Kind.READ, 3000, 5000),
    DOCTORS(Kind.READ, 4000, 6000),
    FREE_SLOTS(Kind.READ, 4000, 6000),
    HOLD(Kind.KEYED_WRITE, 10000, 12000),
    BOOK(Kind.KEYED_WRITE, 10000, 12000),
    CANCEL(Kind.KEYED_WRITE, 10000, 12000),
    APPOINTMENTS(Kind.READ, 3000, 5000),
    BOOKINGS(Kind.READ, 3000, 5000),
    /** One appointment by id (registration-slip QR). */
    APPOINTMENT(Kind.READ, 2000, 3000),
    /** Where a checked-in patient stands in the queue. */
    QUEUE_STATUS(Kind.READ, 3000, 4500),
    CHECK_IN(Kind.KEYED_WRITE, 10000, 12000),
    UNPAID_INVOICES(Kind.READ, 4000, 6000),
    /** Paid bills (fee details and paid history). */
    PAID_INVOICES(Kind.READ, 5000, 8000),
    PAY(Kind.KEYED_WRITE, 15000, 18000),
    PAYMENT_STATUS(Kind.READ, 5000, 8000),
    PAYMENT_REVERSE(Kind.KEYED_WRITE, 15000, 18000),
    REFUND(Kind.KEYED_WRITE, 15000, 18000),
    BALANCE(Kind.READ, 3000, 5000),
    DEPOSIT(Kind.KEYED_WRITE, 15000, 18000),
    REPORTS(Kind.READ, 4000, 6000),
    /** Reports ordered but not final yet. */
    PENDING_REPORTS(Kind.READ, 4000, 6000),
    /** The reports of a specimen barcode. */
    SPECIMEN_REPORTS(Kind.READ, 3000, 5000),
    REPORT_DETAIL(Kind.READ, 6000, 15000),
    REPORT_DOCUMENT(Kind.READ, 20000, 45000),
    MARK_PRINTED(Kind.KEYED_WRITE, 8000, 10000),
    CAPABILITIES(Kind.READ, 5000, 12000),
    /** The whole public price list (ChargeItemDefinition), fetched once and kept; a guidance screen, not a payment. */
    PRICE_LIST(Kind.READ, 5000, 8000),
    /** The place directory (Location), fetched once and kept. */
    PLACES(Kind.READ, 4000, 6000),
    DEPARTMENT_INFO(Kind.READ, 3000, 5000),
    DOCTOR_PROFILES(Kind.READ, 4000, 6000),
    NOTICES(Kind.READ, 3000, 5000),
    /** A patient's satisfaction feedback: sent in the background, keyed, short so a lost one costs little. */
    FEEDBACK(Kind.KEYED_WRITE, 5000, 6000),
    LEDGER(Kind.READ, 15000, 35000);

    /** How a call may be repeated. */
    public enum Kind { READ, KEYED_WRITE }

    private final Kind kind;
    private final Duration defaultTimeout;
    private final Duration defaultDeadline;

    BackendOperation(Kind kind, int timeoutMillis, int deadlineMillis) {
        this.kind = kind;
        this.defaultTimeout = Duration.ofMillis(timeoutMillis);
        this.defaultDeadline = Duration.ofMillis(deadlineMillis);
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return true; // every operation is a read or carries an idempotency key; see Kind
    }

    /** One attempt's budget. */
    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    /** The whole call's budget, retries included. */
    public Duration defaultDeadline() {
        return defaultDeadline;
    }
}
