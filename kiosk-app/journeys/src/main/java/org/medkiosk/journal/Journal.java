package org.medkiosk.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.medkiosk.hospital.Money;

/**
 * The transactional outbox: every call that changes the hospital's records is written here with its idempotency
 * key before it is sent ({@link #intend}), and its outcome after ({@link #sent}, {@link #pending}, {@link #finish}).
 * Each method is one committed SQLite statement (autocommit, WAL, synchronous=FULL), so a kill at any instant
 * leaves the journal at the last completed step. A payment code never reaches this class.
 */
public final class Journal {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> PAYLOAD = new TypeReference<>() {
    };

    private final Connection db;
    private final Clock clock;
    private final CrashPoint crashPoint;

    public Journal(KioskStore store, Clock clock, CrashPoint crashPoint) {
        this.db = store.connection();
        this.clock = clock;
        this.crashPoint = crashPoint;
    }

    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    public static String newJourneyId() {
        return "j-" + UUID.randomUUID();
    }

    /** Writes a new intent in state INTENDED and returns it; the caller sends it only after this returns. */
    public Intent intend(String journeyId, IntentKind kind, Money amount, String patientId, Map<String, String> payload) {
        return intend(newKey(), journeyId, kind, amount, patientId, payload);
    }

    public synchronized Intent intend(String key, String journeyId, IntentKind kind, Money amount, String patientId,
                                      Map<String, String> payload) {
        String now = now();
        try (PreparedStatement s = db.prepareStatement("""
                INSERT INTO intent (idempotency_key, journey_id, kind, state, amount_fen, patient_id, payload,
                                    created_at, updated_at)
                VALUES (?, ?, ?, 'INTENDED', ?, ?, ?, ?, ?)""")) {
            s.setString(1, key);
            s.setString(2, journeyId);
            s.setString(3, kind.name());
            if (amount == null) {
                s.setNull(4, Types.INTEGER);
            } else {
                s.setLong(4, amount.fen());
            }
            s.setString(5, patientId);
            s.setString(6, json(payload));
            s.setString(7, now);
            s.setString(8, now);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new JournalException("cannot journal a " + kind + " intent", e);
        }
        crashPoint.written(kind + " INTENDED");
        return find(key).orElseThrow();
    }

    /** The call is about to go out (a retry counts another attempt). */
    public void sent(String key) {
        update(key, IntentState.SENT, null, null, true, null);
    }

    public void pending(String key) {
        update(key, IntentState.PENDING, null, null, false, null);
    }

    /** Records a final outcome; the hospital's transaction number and a reason (no personal data) when known. */
    public void finish(String key, IntentState state, String transactionNumber, String reason) {
        if (!state.isFinal()) {
            throw new IllegalArgumentException(state + " is not a final state");
        }
        update(key, state, transactionNumber, reason, false, null);
    }

    /** Adds what was learnt from the hospital (an appointment id from a hold) without changing the state. */
    public void addPayload(String key, Map<String, String> more) {
        Intent intent = find(key).orElseThrow(() -> new JournalException("no intent " + key, null));
        Map<String, String> merged = new TreeMap<>(intent.payload());
        merged.putAll(more);
        update(key, intent.state(), null, null, false, merged);
    }

    private synchronized void update(String key, IntentState state, String transaction, String reason,
                                     boolean attempt, Map<String, String> payload) {
        IntentKind kind;
        try (PreparedStatement s = db.prepareStatement("""
                UPDATE intent SET state = ?, transaction_number = COALESCE(?, transaction_number),
                                  reason = COALESCE(?, reason), attempts = attempts + ?,
                                  payload = COALESCE(?, payload), updated_at = ?
                WHERE idempotency_key = ? RETURNING kind""")) {
            s.setString(1, state.name());
            s.setString(2, transaction);
            s.setString(3, reason);
            s.setInt(4, attempt ? 1 : 0);
            s.setString(5, payload == null ? null : json(payload));
            s.setString(6, now());
            s.setString(7, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new JournalException("no intent with key " + key, null);
                }
                kind = IntentKind.valueOf(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new JournalException("cannot record " + state + " for intent " + key, e);
        }
        crashPoint.written(kind + " " + state);
    }

    public synchronized Optional<Intent> find(String key) {
        List<Intent> found = intents("WHERE idempotency_key = ?", key);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public synchronized List<Intent> open() {
        return intents("WHERE state IN ('INTENDED', 'SENT', 'PENDING') ORDER BY id");
    }

    public synchronized List<Intent> all() {
        return intents("ORDER BY id");
    }

    public synchronized List<Intent> journey(String journeyId) {
        return intents("WHERE journey_id = ? ORDER BY id", journeyId);
    }

    /** Journeys that have at least one intent, oldest first. */
    public synchronized List<String> journeyIds() {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT journey_id FROM intent GROUP BY journey_id ORDER BY MIN(id)");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read the journal", e);
        }
        return ids;
    }

    private List<Intent> intents(String where, String... args) {
        List<Intent> out = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT id, idempotency_key, journey_id, kind, state, amount_fen, "
                + "patient_id, payload, transaction_number, reason, attempts, created_at, updated_at FROM intent " + where)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long fen = rs.getLong(6);
                    Money amount = rs.wasNull() ? null : Money.ofFen(fen);
                    out.add(new Intent(rs.getLong(1), rs.getString(2), rs.getString(3),
                            IntentKind.valueOf(rs.getString(4)), IntentState.valueOf(rs.getString(5)), amount,
                            rs.getString(7), parse(rs.getString(8)), rs.getString(9), rs.getString(10), rs.getInt(11),
                            Instant.parse(rs.getString(12)), Instant.parse(rs.getString(13))));
                }
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read the journal", e);
        }
        return out;
    }

    // ---- print jobs ----

    /** Queues a receipt owed to the patient of a journey; the document is the rendered page (masked name only). */
    public PrintJob queuePrint(String journeyId, String intentKey, String patientId, PrintJob.Printer printer,
                               String template, String transactionNumber, byte[] document) {
        return queuePrint(journeyId, intentKey, patientId, printer, template, transactionNumber, document, null);
    }

    /** Queues a reprint of an earlier job (from "my receipts"), linked to it; same template and transaction number. */
    public PrintJob queueReprint(String journeyId, PrintJob original, byte[] document) {
        return queuePrint(journeyId, original.intentKey(), original.patientId(), original.printer(), original.template(),
                original.transactionNumber(), document, original.id());
    }

    private synchronized PrintJob queuePrint(String journeyId, String intentKey, String patientId, PrintJob.Printer printer,
                                             String template, String transactionNumber, byte[] document, Long reprintOf) {
        String now = now();
        long id;
        try (PreparedStatement s = db.prepareStatement("""
                INSERT INTO print_job (journey_id, intent_key, patient_id, printer, template, state, transaction_number,
                                       document, created_at, updated_at, reprint_of)
                VALUES (?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?) RETURNING id""")) {
            s.setString(1, journeyId);
            s.setString(2, intentKey);
            s.setString(3, patientId);
            s.setString(4, printer.name());
            s.setString(5, template);
            s.setString(6, transactionNumber);
            s.setBytes(7, document);
            s.setString(8, now);
            s.setString(9, now);
            if (reprintOf == null) {
                s.setNull(10, Types.INTEGER);
            } else {
                s.setLong(10, reprintOf);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new JournalException("cannot queue a print job", e);
        }
        crashPoint.written("print " + template + (reprintOf == null ? "" : " reprint") + " QUEUED");
        return printJob(id).orElseThrow();
    }

    public synchronized void printOutcome(long jobId, PrintJob.State state, String problem) {
        try (PreparedStatement s = db.prepareStatement("""
                UPDATE print_job SET state = ?, problem = ?, attempts = attempts + ?, updated_at = ? WHERE id = ?""")) {
            s.setString(1, state.name());
            s.setString(2, problem);
            s.setInt(3, state == PrintJob.State.UNCOLLECTED ? 0 : 1);
            s.setString(4, now());
            s.setLong(5, jobId);
            if (s.executeUpdate() != 1) {
                throw new JournalException("no print job " + jobId, null);
            }
        } catch (SQLException e) {
            throw new JournalException("cannot record a print outcome", e);
        }
        crashPoint.written("print " + state);
    }

    /**
     * A session ended: every job still owed (queued, or failed on paper) becomes UNCOLLECTED, so it is never
     * printed to the next person. With a null journey: every owed job (start-up after a crash: no session is open).
     */
    public synchronized int uncollected(String journeyId) {
        String sql = "UPDATE print_job SET state = 'UNCOLLECTED', updated_at = ? WHERE state IN ('QUEUED', 'NOT_PRINTED')"
                + (journeyId == null ? "" : " AND journey_id = ?");
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, now());
            if (journeyId != null) {
                s.setString(2, journeyId);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new JournalException("cannot mark receipts uncollected", e);
        }
    }

    public synchronized Optional<PrintJob> printJob(long id) {
        List<PrintJob> jobs = selectPrintJobs("WHERE id = ?", String.valueOf(id));
        return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(0));
    }

    public synchronized List<PrintJob> printJobs() {
        return selectPrintJobs("ORDER BY id");
    }

    public synchronized List<PrintJob> printJobs(String journeyId) {
        return selectPrintJobs("WHERE journey_id = ? ORDER BY id", journeyId);
    }

    /** Every print job of a patient created at or after {@code since}, oldest first (originals and reprints). */
    public synchronized List<PrintJob> printJobsOfPatient(String patientId, Instant since) {
        // times are compared as instants, not as text (ISO strings of instants with and without fractions do not sort)
        return selectPrintJobs("WHERE patient_id = ? ORDER BY id", patientId).stream()
                .filter(j -> !j.createdAt().isBefore(since)).toList();
    }

    /** The patient's jobs still owed (UNCOLLECTED), whenever they were created, oldest first. */
    public synchronized List<PrintJob> uncollectedOfPatient(String patientId) {
        return selectPrintJobs("WHERE patient_id = ? AND state = 'UNCOLLECTED' AND reprint_of IS NULL ORDER BY id", patientId);
    }

    /** Reprints of a job created at or after {@code since}, oldest first. */
    public synchronized List<PrintJob> reprintsOf(long jobId, Instant since) {
        return selectPrintJobs("WHERE reprint_of = ? ORDER BY id", String.valueOf(jobId)).stream()
                .filter(j -> !j.createdAt().isBefore(since)).toList();
    }

    public synchronized byte[] document(long jobId) {
        try (PreparedStatement s = db.prepareStatement("SELECT document FROM print_job WHERE id = ?")) {
            s.setLong(1, jobId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read a print job", e);
        }
    }

    private List<PrintJob> selectPrintJobs(String where, String... args) {
        List<PrintJob> out = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT id, journey_id, intent_key, patient_id, printer, template, "
                + "state, problem, transaction_number, attempts, created_at, updated_at, reprint_of FROM print_job " + where)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long reprintOf = rs.getLong(13);
                    Long original = rs.wasNull() ? null : reprintOf;
                    out.add(new PrintJob(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            PrintJob.Printer.valueOf(rs.getString(5)), rs.getString(6),
                            PrintJob.State.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getInt(10),
                            Instant.parse(rs.getString(11)), Instant.parse(rs.getString(12)), original));
                }
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read the print queue", e);
        }
        return out;
    }

    private String now() {
        return clock.instant().toString();
    }

    private static String json(Map<String, String> payload) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(payload));
        } catch (JsonProcessingException e) {
            throw new JournalException("payload cannot be written", e);
        }
    }

    private static Map<String, String> parse(String json) {
        try {
            return JSON.readValue(json, PAYLOAD);
        } catch (JsonProcessingException e) {
            throw new JournalException("a journal payload is unreadable", e);
        }
    }

    /** The journal could not be written or read: the kiosk must not move money without it. */
    public static final class JournalException extends RuntimeException {
        public JournalException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
