package org.medkiosk.journey.register;

import java.util.Map;
import java.util.Optional;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.PaymentResult;
import org.medkiosk.hospital.PaymentStatus;
import org.medkiosk.hospital.SlotHold;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journey.JourneyContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journaled steps of a registration: HOLD, BOOK (and REFUND when the booking is refused after payment) and
 * releasing an unpaid hold (CANCEL). Shared by the registration journey and by settlement, so that a booking finished after a
 * crash takes exactly the path it would have taken with the patient standing there. Runs in the background.
 */
public final class RegistrationSteps {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationSteps.class);

    private final JourneyContext ctx;

    public RegistrationSteps(JourneyContext ctx) {
        this.ctx = ctx;
    }

    public sealed interface BookResult {
        record Booked(Appointment appointment, String bookKey) implements BookResult {
        }

        record Refunded(PaymentResult refund, String refundKey) implements BookResult {
        }

        /** The hospital did not answer; the open BOOK or REFUND intent is left to settlement. */
        record Open(String key) implements BookResult {
        }
    }

    /**
     * Sends (or, in settlement, repeats with the same key: same hold, same answer) a journaled HOLD. Empty when the
     * hospital refused it (the number was just taken, or the slot is gone): the intent is then FAILED. An unanswered
     * hold throws, and stays open for settlement.
     */
    public Optional<SlotHold> hold(Intent hold) {
        String key = hold.idempotencyKey();
        ctx.journal().sent(key);
        try {
            SlotHold held = ctx.backend().hold(hold.patientId(), hold.payload("slot"), key);
            ctx.journal().addPayload(key, Map.of("appointment", held.appointmentId()));
            ctx.journal().finish(key, IntentState.SUCCEEDED, null, null);
            return Optional.of(held);
        } catch (BackendException.Conflict e) {
            ctx.journal().finish(key, IntentState.FAILED, null, "the number was just taken");
            return Optional.empty();
        } catch (BackendException.Rejected | BackendException.NotFound e) {
            ctx.journal().finish(key, IntentState.FAILED, null, "refused: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Books a held appointment with a new BOOK intent; payKey is null for a free number. */
    public BookResult book(String journeyId, String patientId, String appointmentId, String payKey) {
        Intent book = ctx.journal().intend(journeyId, IntentKind.BOOK, null, patientId,
                payKey == null ? Map.of("appointment", appointmentId) : Map.of("appointment", appointmentId, "payment", payKey));
        return book(book);
    }

    /** Sends (or, in settlement, repeats with the same key) a journaled BOOK. */
    public BookResult book(Intent book) {
        String key = book.idempotencyKey();
        ctx.journal().sent(key);
        try {
            Appointment booked = ctx.backend().book(book.payload("appointment"), key);
            ctx.journal().finish(key, IntentState.SUCCEEDED, null, null);
            return new BookResult.Booked(booked, key);
        } catch (BackendException.Conflict | BackendException.Rejected | BackendException.NotFound e) {
            ctx.journal().finish(key, IntentState.FAILED, null, "booking refused: " + e.getClass().getSimpleName());
            String payKey = book.payload("payment");
            if (payKey == null) {
                return new BookResult.Open(key); // nothing was paid; nothing to give back
            }
            Intent pay = ctx.journal().find(payKey).orElseThrow();
            Intent refund = ctx.journal().intend(book.journeyId(), IntentKind.REFUND, pay.amount(), pay.patientId(),
                    Map.of("payment", payKey, "appointment", book.payload("appointment")));
            return refund(refund);
        } catch (BackendException e) {
            LOG.warn("book {} unanswered ({}); settlement will repeat it", key, e.getClass().getSimpleName());
            return new BookResult.Open(key);
        }
    }

    /** Sends (or repeats) a journaled REFUND of the payment it names. */
    public BookResult refund(Intent refund) {
        String key = refund.idempotencyKey();
        ctx.journal().sent(key);
        try {
            PaymentResult answer = ctx.backend().refund(refund.payload("payment"), "booking refused after payment");
            if (answer.status() == PaymentStatus.REFUNDED || answer.status() == PaymentStatus.REVERSED) {
                ctx.journal().finish(key, IntentState.REFUNDED, answer.transactionNumber(), null);
                return new BookResult.Refunded(answer, key);
            }
            ctx.journal().finish(key, IntentState.FAILED, null, "refund answered " + answer.status());
            return new BookResult.Open(key);
        } catch (BackendException.Conflict | BackendException.Rejected e) {
            ctx.journal().finish(key, IntentState.FAILED, null, "refund refused: " + e.getClass().getSimpleName());
            return new BookResult.Open(key);
        } catch (BackendException e) {
            LOG.warn("refund {} unanswered ({}); settlement will repeat it", key, e.getClass().getSimpleName());
            return new BookResult.Open(key);
        }
    }

    /** Gives back an unpaid held number: a CANCEL intent for the hold's appointment, as it ended. */
    public Intent release(String journeyId, String patientId, String appointmentId) {
        Intent cancel = ctx.journal().intend(journeyId, IntentKind.CANCEL, null, patientId,
                Map.of("appointment", appointmentId, "purpose", "RELEASE_HOLD"));
        cancel(cancel);
        return ctx.journal().find(cancel.idempotencyKey()).orElseThrow();
    }

    /** Sends (or repeats) a journaled CANCEL; returns the hospital's answer, or null when it did not answer. */
    public Appointment cancel(Intent cancel) {
        String key = cancel.idempotencyKey();
        ctx.journal().sent(key);
        try {
            Appointment a = ctx.backend().cancel(cancel.payload("appointment"), key);
            ctx.journal().finish(key, IntentState.SUCCEEDED, null, null);
            return a;
        } catch (BackendException.Conflict | BackendException.Rejected | BackendException.NotFound e) {
            ctx.journal().finish(key, IntentState.FAILED, null, "cancel refused: " + e.getClass().getSimpleName());
            return null;
        } catch (BackendException e) {
            LOG.warn("cancel {} unanswered ({}); settlement will repeat it", key, e.getClass().getSimpleName());
            return null;
        }
    }
}
