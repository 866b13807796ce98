-- The journal as JOURNEYS.md describes it: one row per call that changes the hospital's records (an intent),
-- linked by journey (HOLD -> PAY -> BOOK -> REFUND of one registration), committed BEFORE the call is sent and
-- its outcome committed after. V1's journal_entry and print_job were never written by any release, so they are
-- replaced rather than altered (SQLite cannot drop a foreign key in place). V1 itself stays untouched.
DROP TABLE print_job;
DROP TABLE journal_entry;

CREATE TABLE intent (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key     TEXT    NOT NULL UNIQUE,          -- UUID, reused on every retry and by recovery
    journey_id          TEXT    NOT NULL,
    kind                TEXT    NOT NULL CHECK (kind IN ('HOLD', 'PAY', 'BOOK', 'REFUND', 'CANCEL', 'TOP_UP',
                                                        'CHECK_IN', 'MARK_PRINTED')),
    state               TEXT    NOT NULL CHECK (state IN ('INTENDED', 'SENT', 'PENDING', 'SUCCEEDED', 'DECLINED',
                                                         'CLOSED', 'REVERSED', 'REFUNDED', 'FAILED')),
    amount_fen          INTEGER,
    patient_id          TEXT,                             -- the hospital's patient id: never a name, ID number or code
    payload             TEXT    NOT NULL DEFAULT '{}',    -- what settlement needs: invoice ids, slot, appointment…
    transaction_number  TEXT,                             -- the hospital's / wallet's, once known
    reason              TEXT,                             -- why FAILED / DECLINED, in words without personal data
    attempts            INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL
);
CREATE INDEX intent_open ON intent(state) WHERE state IN ('INTENDED', 'SENT', 'PENDING');
CREATE INDEX intent_journey ON intent(journey_id);

-- Every receipt, slip, ticket and report owed to a patient. A paper-out never loses one; a job whose session
-- ended before it printed becomes UNCOLLECTED and is never printed to a stranger.
CREATE TABLE print_job (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    journey_id          TEXT    NOT NULL,
    intent_key          TEXT    REFERENCES intent(idempotency_key),
    patient_id          TEXT,
    printer             TEXT    NOT NULL CHECK (printer IN ('RECEIPT', 'REPORT')),
    template            TEXT    NOT NULL,                 -- PAYMENT_RECEIPT, TOP_UP_RECEIPT, REGISTRATION_SLIP…
    state               TEXT    NOT NULL CHECK (state IN ('QUEUED', 'PRINTED', 'NOT_PRINTED', 'SENT_UNVERIFIED',
                                                         'UNCOLLECTED')),
    problem             TEXT,                             -- PAPER_END, COVER_OPEN, OFFLINE… when NOT_PRINTED
    transaction_number  TEXT,
    attempts            INTEGER NOT NULL DEFAULT 0,
    document            BLOB,                             -- the rendered receipt (masked name); never a payment code
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL
);
CREATE INDEX print_job_owed ON print_job(state) WHERE state IN ('QUEUED', 'NOT_PRINTED');
CREATE INDEX print_job_journey ON print_job(journey_id);
