package org.medkiosk.journey.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.HospitalBackend;
import org.medkiosk.hospital.PaymentRequest;
import org.medkiosk.hospital.PaymentResult;
import org.medkiosk.hospital.PaymentStatus;
import org.medkiosk.hospital.TopUpRequest;
import org.medkiosk.hospital.TopUpResult;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journal.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that moves a patient's money: sends a journaled payment or top-up intent, polls a pending answer
 * within the rules, reverses at the bound, and records every outcome in the journal. Journeys and settlement both
 * use it, so "pending, then reverse, and a reverse that loses to a late success" is written once. Runs on a
 * background thread; the payment code lives only in the request object of one call.
 */
public final class PaymentDesk {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentDesk.class);

    private final HospitalBackend backend;
    private final Journal journal;
    private final PaymentRules rules;
    private final Pause pause;
    private final Clock clock;

    public PaymentDesk(HospitalBackend backend, Journal journal, PaymentRules rules, Pause pause, Clock clock) {
        this.backend = backend;
        this.journal = journal;
        this.rules = rules;
        this.pause = pause;
        this.clock = clock;
    }

    public PaymentRules rules() {
        return rules;
    }

    /** Pays a journaled PAY intent. {@code waiting} hears the seconds left while the wallet is pending. */
    public PaymentOutcome pay(Intent intent, PaymentRequest request, Consumer<Duration> waiting) {
        requireKey(intent, request.idempotencyKey());
        return send(intent, () -> backend.pay(request), waiting);
    }

    /** Tops up with a journaled TOP_UP intent; the new balance is asked afterwards for the receipt. */
    public PaymentOutcome topUp(Intent intent, TopUpRequest request, Consumer<Duration> waiting) {
        requireKey(intent, request.idempotencyKey());
        return send(intent, () -> asPayment(backend.topUp(request)), waiting);
    }

    private PaymentOutcome send(Intent intent, Supplier<PaymentResult> call, Consumer<Duration> waiting) {
        String key = intent.idempotencyKey();
        journal.sent(key);
        PaymentResult answer;
        try {
            answer = call.get();
        } catch (BackendException.Timeout | BackendException.BadResponse e) {
            // The outcome is unknown: never send it again, ask.
            LOG.warn("{} {} got no clear answer ({}); settling by status query", intent.kind(), key, e.getClass().getSimpleName());
            return pollUntilBound(intent, waiting, false);
        } catch (BackendException.Unavailable e) {
            LOG.warn("{} {}: hospital unavailable ({}); settling by status query", intent.kind(), key, e.getMessage());
            return pollUntilBound(intent, waiting, false);
        } catch (BackendException.Rejected | BackendException.Conflict | BackendException.NotFound
                 | BackendException.NotAuthorized e) {
            // The hospital answered and refused: nothing was charged.
            journal.finish(key, IntentState.CLOSED, null, "refused by the hospital: " + e.getClass().getSimpleName());
            return new PaymentOutcome.NotCharged(IntentState.CLOSED, e.getMessage());
        }
        return afterAnswer(intent, answer, waiting);
    }

    private PaymentOutcome afterAnswer(Intent intent, PaymentResult answer, Consumer<Duration> waiting) {
        if (answer.status() == PaymentStatus.PENDING) {
            journal.pending(intent.idempotencyKey());
            return pollUntilBound(intent, waiting, true);
        }
        return record(intent, answer);
    }

    /** Polls every pollEvery until a final answer or the bound, then reverses (the patient has waited enough). */
    private PaymentOutcome pollUntilBound(Intent intent, Consumer<Duration> waiting, boolean markedPendingAlready) {
        String key = intent.idempotencyKey();
        Instant deadline = clock.instant().plus(rules.pollFor());
        boolean markedPending = markedPendingAlready;
        while (true) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                break;
            }
            waiting.accept(left);
            try {
                pause.pause(left.compareTo(rules.pollEvery()) < 0 ? left : rules.pollEvery());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new PaymentOutcome.Unsettled(key);
            }
            try {
                PaymentResult status = backend.paymentStatus(key);
                if (status.status() != PaymentStatus.PENDING) {
                    return record(intent, status);
                }
                if (!markedPending) {
                    journal.pending(key);
                    markedPending = true;
                }
            } catch (BackendException.NotFound e) {
                // The request never reached the hospital (or not yet): close the key so a late arrival is refused.
                return reverse(intent);
            } catch (BackendException e) {
                LOG.warn("payment status {} unavailable ({}); trying again", key, e.getClass().getSimpleName());
            }
        }
        waiting.accept(Duration.ZERO);
        return reverse(intent);
    }

    /** Reverses (or, for a key the hospital never saw, closes) an intent; a SUCCESS answer means the money won. */
    PaymentOutcome reverse(Intent intent) {
        String key = intent.idempotencyKey();
        try {
            PaymentResult answer = backend.reversePayment(key);
            if (answer.status() == PaymentStatus.PENDING) {
                return new PaymentOutcome.Unsettled(key);
            }
            return record(intent, answer);
        } catch (BackendException e) {
            LOG.warn("reverse of {} failed ({}); settlement will finish it", key, e.getClass().getSimpleName());
            return new PaymentOutcome.Unsettled(key);
        }
    }

    /**
     * Settles an intent left open by a crash, a walk-away or an outage (JOURNEYS.md settlement table). Never
     * sends the payment again: it asks, and reverses what is still pending because its patient is gone.
     */
    public PaymentOutcome settle(Intent intent) {
        String key = intent.idempotencyKey();
        PaymentResult status;
        try {
            status = backend.paymentStatus(key);
        } catch (BackendException.NotFound e) {
            return reverse(intent); // INTENDED or SENT that never arrived: close the key, nothing was charged
        } catch (BackendException e) {
            return new PaymentOutcome.Unsettled(key);
        }
        if (status.status() == PaymentStatus.PENDING) {
            return reverse(intent);
        }
        return record(intent, status);
    }

    private PaymentOutcome record(Intent intent, PaymentResult answer) {
        String key = intent.idempotencyKey();
        IntentState state = switch (answer.status()) {
            case SUCCESS -> IntentState.SUCCEEDED;
            case DECLINED -> IntentState.DECLINED;
            case CLOSED -> IntentState.CLOSED;
            case REVERSED -> IntentState.REVERSED;
            case REFUNDED -> IntentState.REFUNDED;
            case PENDING -> throw new IllegalStateException("pending is not an outcome");
        };
        journal.finish(key, state, answer.transactionNumber(), answer.reason());
        if (state == IntentState.SUCCEEDED) {
            return new PaymentOutcome.Paid(answer);
        }
        return new PaymentOutcome.NotCharged(state, answer.reason());
    }

    private static PaymentResult asPayment(TopUpResult r) {
        return new PaymentResult(r.idempotencyKey(), r.status(), r.amount(), r.transactionNumber(), r.at(), r.reason());
    }

    private static void requireKey(Intent intent, String key) {
        if (!intent.idempotencyKey().equals(key)) {
            throw new IllegalArgumentException("the request must carry its intent's idempotency key");
        }
    }
}
