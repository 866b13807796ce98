-- The journal: every step that moves money or changes the hospital's records is written here, with its
-- idempotency key, BEFORE it is sent (transactional outbox). Payloads never hold a payment code.
CREATE TABLE journal_entry (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key  TEXT    NOT NULL UNIQUE,
    kind             TEXT    NOT NULL,            -- PAYMENT, TOP_UP, BOOKING, CHECK_IN, REFUND
    state            TEXT    NOT NULL,            -- INTENDED, SENT, PENDING, SUCCESS, CLOSED, REVERSED, REFUNDED
    amount_fen       INTEGER,
    patient_ref      TEXT,                        -- hospital patient id, never a name or ID number
    payload          TEXT    NOT NULL DEFAULT '{}',
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE INDEX journal_entry_open ON journal_entry(state) WHERE state IN ('INTENDED', 'SENT', 'PENDING');

-- Receipts and reports owed to a patient: a paper-out never loses one.
CREATE TABLE print_job (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    journal_key      TEXT REFERENCES journal_entry(idempotency_key),
    printer          TEXT    NOT NULL,            -- RECEIPT or REPORT
    template         TEXT    NOT NULL,
    state            TEXT    NOT NULL,            -- QUEUED, PRINTED, FAILED
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    document         BLOB,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE INDEX print_job_queued ON print_job(state) WHERE state = 'QUEUED';

-- Technician-facing events (device faults, backend outages), no patient data.
CREATE TABLE kiosk_event (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    source      TEXT NOT NULL,
    level       TEXT NOT NULL,
    message     TEXT NOT NULL
);
