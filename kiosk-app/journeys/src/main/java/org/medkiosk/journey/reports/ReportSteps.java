package org.medkiosk.journey.reports;

import java.util.Map;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journey.JourneyContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journaled MARK_PRINTED step, shared by the reports journey and settlement. A MARK_PRINTED intent is written only
 * after the printer's queue completed the job, so repeating it with its key is always right (the hospital counts a
 * repeated key once). Runs in the background.
 */
public final class ReportSteps {
    private static final Logger LOG = LoggerFactory.getLogger(ReportSteps.class);

    private final JourneyContext ctx;

    public ReportSteps(JourneyContext ctx) {
        this.ctx = ctx;
    }

    public enum Marked {
        /** The hospital counted the print. */
        MARKED,
        /** The hospital's print limit was reached (Conflict): FAILED; further copies from the report desk. */
        LIMIT_REACHED,
        /** The hospital refused for another reason (unknown report): FAILED. */
        REFUSED,
        /** No answer: the intent stays open and settlement repeats it with its key. */
        UNANSWERED
    }

    /** Journals a MARK_PRINTED for a report whose print job completed. */
    public Intent intend(String journeyId, String patientId, String reportId, long printJobId) {
        return ctx.journal().intend(journeyId, IntentKind.MARK_PRINTED, null, patientId,
                Map.of("report", reportId, "printJob", String.valueOf(printJobId)));
    }

    /** Sends (or repeats with its key) a journaled MARK_PRINTED. */
    public Marked send(Intent mark) {
        String key = mark.idempotencyKey();
        ctx.journal().sent(key);
        try {
            ctx.backend().markPrinted(mark.payload("report"), key);
            ctx.journal().finish(key, IntentState.SUCCEEDED, null, null);
            return Marked.MARKED;
        } catch (BackendException.Conflict e) {
            ctx.journal().finish(key, IntentState.FAILED, null, "print limit reached");
            return Marked.LIMIT_REACHED;
        } catch (BackendException.Rejected | BackendException.NotFound e) {
            ctx.journal().finish(key, IntentState.FAILED, null, "mark printed refused: " + e.getClass().getSimpleName());
            return Marked.REFUSED;
        } catch (BackendException e) {
            LOG.warn("mark printed {} unanswered ({}); settlement repeats it", key, e.getClass().getSimpleName());
            return Marked.UNANSWERED;
        }
    }
}
