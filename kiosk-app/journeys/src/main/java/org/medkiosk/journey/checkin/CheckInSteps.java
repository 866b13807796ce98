package org.medkiosk.journey.checkin;

import java.util.Map;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.QueueTicket;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journey.JourneyContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journaled CHECK_IN step, shared by the check-in journey and by settlement (which repeats an open one with the
 * same key: the hospital answers a repeated key with the same check-in, never a second queue number). On success the
 * intent's transaction number is the queue number, so staff find the ticket by it. Runs in the background.
 */
public final class CheckInSteps {
    private static final Logger LOG = LoggerFactory.getLogger(CheckInSteps.class);

    private final JourneyContext ctx;

    public CheckInSteps(JourneyContext ctx) {
        this.ctx = ctx;
    }

    public sealed interface Result {
        record CheckedIn(QueueTicket ticket, String key) implements Result {
        }

        /** The hospital refused (cancelled, not today, not booked): the intent is FAILED; reason has no personal data. */
        record Refused(String reason, String key) implements Result {
        }

        /** No answer; the open intent is repeated by the patient's retry or by settlement. */
        record Unanswered(String key) implements Result {
        }
    }

    public Intent intend(String journeyId, String patientId, String appointmentId) {
        return ctx.journal().intend(journeyId, IntentKind.CHECK_IN, null, patientId, Map.of("appointment", appointmentId));
    }

    /** Sends (or repeats with its key) a journaled CHECK_IN. */
    public Result send(Intent checkIn) {
        String key = checkIn.idempotencyKey();
        ctx.journal().sent(key);
        try {
            QueueTicket ticket = ctx.backend().checkIn(checkIn.payload("appointment"), key);
            ctx.journal().finish(key, IntentState.SUCCEEDED, ticket.queueNumber(), null);
            return new Result.CheckedIn(ticket, key);
        } catch (BackendException.Conflict | BackendException.Rejected | BackendException.NotFound e) {
            String reason = "check-in refused: " + e.getClass().getSimpleName();
            ctx.journal().finish(key, IntentState.FAILED, null, reason);
            return new Result.Refused(e.getClass().getSimpleName(), key);
        } catch (BackendException e) {
            LOG.warn("check-in {} unanswered ({}); it is repeated with its key", key, e.getClass().getSimpleName());
            return new Result.Unanswered(key);
        }
    }
}
