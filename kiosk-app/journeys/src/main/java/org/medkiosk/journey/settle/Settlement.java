package org.medkiosk.journey.settle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journal.Journal;
import org.medkiosk.journey.JourneyContext;
import org.medkiosk.journey.checkin.CheckInSteps;
import org.medkiosk.journey.reports.ReportSteps;
import org.medkiosk.journey.payment.PaymentOutcome;
import org.medkiosk.journey.register.RegistrationSteps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovery: finishes every intent a crash, a walk-away or an outage left open, by the table of JOURNEYS.md. Runs at
 * start-up, every minute, and on `kiosk journal recover`. Journeys still running in this process are left alone.
 * Never sends a payment again: it asks the hospital, then closes, reverses, books or refunds with the same keys.
 */
public final class Settlement {
    private static final Logger LOG = LoggerFactory.getLogger(Settlement.class);

    private final JourneyContext ctx;
    private final Journal journal;
    private final RegistrationSteps steps;
    private final CheckInSteps checkIns;
    private final ReportSteps marks;

    public Settlement(JourneyContext ctx) {
        this.ctx = ctx;
        this.journal = ctx.journal();
        this.steps = new RegistrationSteps(ctx);
        this.checkIns = new CheckInSteps(ctx);
        this.marks = new ReportSteps(ctx);
    }

    /** One pass. Returns what it did; intents the hospital could not be asked about stay open for the next pass. */
    public synchronized List<SettlementLine> settle() {
        List<SettlementLine> lines = new ArrayList<>();
        for (Intent intent : journal.open()) {
            if (ctx.live().isLive(intent.journeyId())) {
                continue;
            }
            try {
                settleOne(intent, lines);
            } catch (BackendException e) {
                LOG.warn("cannot settle {} {} yet: {}", intent.kind(), intent.idempotencyKey(), e.getClass().getSimpleName());
            }
        }
        for (String journeyId : journal.journeyIds()) {
            if (!ctx.live().isLive(journeyId)) {
                try {
                    followUp(journeyId, lines);
                } catch (BackendException e) {
                    LOG.warn("cannot finish journey {} yet: {}", journeyId, e.getClass().getSimpleName());
                }
            }
        }
        // Receipts owed to sessions that are over are never printed to whoever stands at the kiosk now; paper a kill
        // left unqueued is recorded as uncollected, so staff and "my receipts" can still give it out.
        for (String journeyId : journal.journeyIds()) {
            if (!ctx.live().isLive(journeyId)) {
                journal.uncollected(journeyId);
                recordUnqueuedPaper(journeyId, lines);
            }
        }
        lines.forEach(l -> LOG.info("settled {}", l));
        return lines;
    }

    private void settleOne(Intent intent, List<SettlementLine> lines) {
        switch (intent.kind()) {
            case PAY, TOP_UP -> {
                PaymentOutcome outcome = ctx.payments().settle(intent);
                note(lines, intent, outcome instanceof PaymentOutcome.Unsettled ? "asked; hospital did not answer"
                        : intent.state() == IntentState.INTENDED ? "status asked; closed if never received" : "status asked; reversed if still pending");
            }
            case BOOK -> {
                steps.book(intent);
                note(lines, intent, "booking repeated with its key");
            }
            case REFUND -> {
                steps.refund(intent);
                note(lines, intent, "refund repeated with its key");
            }
            case CANCEL -> {
                steps.cancel(intent);
                note(lines, intent, "cancel repeated with its key");
            }
            case HOLD -> settleHold(intent, lines);
            case CHECK_IN -> {
                // the hospital answers a repeated key with the same check-in: never a second queue number
                checkIns.send(intent);
                note(lines, intent, "check-in repeated with its key");
            }
            case MARK_PRINTED -> {
                // written only after the printer's queue completed the job, so repeating it is always right
                marks.send(intent);
                note(lines, intent, "mark printed repeated with its key");
            }
        }
    }

    /** A hold whose journey died before payment: learn its appointment (same key, same answer), then release it. */
    private void settleHold(Intent hold, List<SettlementLine> lines) {
        note(lines, hold, steps.hold(hold).isPresent() ? "hold confirmed with its key" : "hold refused");
    }

    /** Journey-level rules: book what was paid for; refund what a cancellation owes; release unpaid holds. */
    private void followUp(String journeyId, List<SettlementLine> lines) {
        List<Intent> intents = journal.journey(journeyId);
        Intent hold = last(intents, IntentKind.HOLD);
        Intent pay = last(intents, IntentKind.PAY);
        Intent book = last(intents, IntentKind.BOOK);
        Intent refund = last(intents, IntentKind.REFUND);
        Intent cancel = last(intents, IntentKind.CANCEL);

        if (hold != null && hold.state() == IntentState.SUCCEEDED && hold.payload("appointment") != null) {
            boolean paid = pay != null && pay.state() == IntentState.SUCCEEDED;
            boolean payOpen = pay != null && !pay.state().isFinal();
            if (paid && book == null) {
                // Killed between the payment's success and the BOOK intent: book now, as the journey would have.
                steps.book(journeyId, hold.patientId(), hold.payload("appointment"), pay.idempotencyKey());
                Intent booked = last(journal.journey(journeyId), IntentKind.BOOK);
                lines.add(new SettlementLine(booked.idempotencyKey(), IntentKind.BOOK, null, booked.state(),
                        "paid registration booked after recovery"));
            } else if (paid && book.state() == IntentState.FAILED && refund == null) {
                Intent r = journal.intend(journeyId, IntentKind.REFUND, pay.amount(), pay.patientId(),
                        Map.of("payment", pay.idempotencyKey(), "appointment", hold.payload("appointment")));
                steps.refund(r);
                note(lines, r, "booking refused after payment: refunded");
            } else if (!paid && !payOpen && cancel == null && book == null) {
                // Abandoned before paying (or the payment failed): give the number back.
                Intent released = steps.release(journeyId, hold.patientId(), hold.payload("appointment"));
                lines.add(new SettlementLine(released.idempotencyKey(), IntentKind.CANCEL, null, released.state(),
                        "unpaid hold released"));
            }
        }
        if (hold == null && cancel != null && cancel.state() == IntentState.SUCCEEDED && refund == null
                && cancel.payload("payment") != null && "PATIENT_CANCEL".equals(cancel.payload("purpose"))
                && cancel.amount() != null && cancel.amount().isPositive() && "true".equals(cancel.payload("refundable"))) {
            Intent r = journal.intend(journeyId, IntentKind.REFUND, cancel.amount(), cancel.patientId(),
                    Map.of("payment", cancel.payload("payment"), "appointment", cancel.payload("appointment")));
            steps.refund(r);
            note(lines, r, "cancelled booking refunded after recovery");
        }
    }

    private void recordUnqueuedPaper(String journeyId, List<SettlementLine> lines) {
        java.util.Set<String> queued = new java.util.HashSet<>();
        journal.printJobs(journeyId).forEach(j -> queued.add(j.intentKey()));
        for (Intent i : journal.journey(journeyId)) {
            java.util.Optional<String> owed = org.medkiosk.journey.ReceiptDesk.owedFor(i);
            if (owed.isPresent() && !queued.contains(i.idempotencyKey())) {
                ctx.receipts().recordUncollected(i, owed.get());
                lines.add(new SettlementLine(i.idempotencyKey(), i.kind(), i.state(), i.state(),
                        owed.get() + " recorded as uncollected"));
            }
        }
    }

    private void note(List<SettlementLine> lines, Intent before, String action) {
        IntentState after = journal.find(before.idempotencyKey()).map(Intent::state).orElse(before.state());
        lines.add(new SettlementLine(before.idempotencyKey(), before.kind(), before.state(), after, action));
    }

    private static Intent last(List<Intent> intents, IntentKind kind) {
        Intent found = null;
        for (Intent i : intents) {
            if (i.kind() == kind) {
                found = i;
            }
        }
        return found;
    }
}
