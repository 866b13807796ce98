package org.medkiosk.journey;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.medkiosk.hospital.BackendException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A patient journey: a state machine whose state (a sealed type per journey) views render and whose methods
 * take the patient's choices. Choices arrive on the UI thread; backend calls run in the background and their
 * states come back on the UI thread, through the kiosk's TaskExecutor (synchronous in tests and the runner).
 */
public abstract class Journey<S> {
    private static final Logger LOG = LoggerFactory.getLogger(Journey.class);

    protected final JourneyContext ctx;
    protected final PatientSession session;
    protected final String journeyId;
    private final List<Consumer<S>> listeners = new CopyOnWriteArrayList<>();
    private volatile S state;
    private volatile boolean moneyInFlight;
    private volatile boolean ended;

    protected Journey(JourneyContext ctx, PatientSession session, S initial) {
        this.ctx = Objects.requireNonNull(ctx);
        this.session = Objects.requireNonNull(session);
        this.journeyId = org.medkiosk.journal.Journal.newJourneyId();
        this.state = initial;
        ctx.live().started(journeyId);
    }

    public final S state() {
        return state;
    }

    public final String journeyId() {
        return journeyId;
    }

    public final void onChange(Consumer<S> listener) {
        listeners.add(listener);
    }

    /** True while a payment or the booking that must follow it is being worked out: the session must wait. */
    public final boolean moneyInFlight() {
        return moneyInFlight;
    }

    /**
     * Whether the patient is expected to scan a wallet code right now. A code scanned when no journey wants one is
     * refused with a word by the kiosk, never silently ignored.
     */
    public abstract boolean awaitingWalletCode();

    /** Delivers a new state on the UI thread. */
    protected final void show(S next) {
        ctx.tasks().ui().execute(() -> {
            state = next;
            for (Consumer<S> l : listeners) {
                l.accept(next);
            }
        });
    }

    /** Runs a step in the background; an unexpected failure ends in {@code onFailure}'s state, logged without data. */
    protected final void inBackground(Runnable step, java.util.function.Function<RuntimeException, S> onFailure) {
        ctx.tasks().background().execute(() -> {
            try {
                step.run();
            } catch (BackendException e) {
                LOG.warn("{} step failed: {}", getClass().getSimpleName(), e.getClass().getSimpleName());
                show(onFailure.apply(e));
            } catch (RuntimeException e) {
                LOG.error("{} step failed unexpectedly", getClass().getSimpleName(), e);
                show(onFailure.apply(e));
            }
        });
    }

    /** Whole seconds left of a pending payment, for the countdown on screen. */
    protected static int secondsLeft(java.time.Duration left) {
        return (int) Math.max(0, Math.ceil(left.toMillis() / 1000.0));
    }

    protected final void moneyInFlight(boolean inFlight) {
        this.moneyInFlight = inFlight;
    }

    /**
     * The patient left this journey: back to home, or the session ended (Finish, timeout, another card: the kiosk
     * ends the {@link PatientSession} first). Money already in flight is finished by the background step (and by
     * settlement if the kiosk dies); subclasses release what they hold (a held number); once the session has ended,
     * receipts not yet printed become UNCOLLECTED.
     */
    public final void abandon() {
        if (ended) {
            return;
        }
        ended = true;
        ctx.tasks().background().execute(() -> {
            try {
                release();
            } catch (RuntimeException e) {
                LOG.warn("{} could not release what it held ({}); settlement will", getClass().getSimpleName(), e.toString());
            } finally {
                if (!moneyInFlight) {
                    finished();
                }
            }
        });
    }

    /** What a walked-away journey gives back (a held number). Runs in the background. */
    protected void release() {
    }

    /** The journey will not write to the journal again: settlement may take over what it left. */
    protected final void finished() {
        if (!session.isOpen()) {
            ctx.journal().uncollected(journeyId);
        }
        ctx.live().ended(journeyId);
    }

    protected final boolean isEnded() {
        return ended;
    }
}
