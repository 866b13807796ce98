package org.medkiosk.fhir;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops the kiosk hammering a dead hospital: after {@code threshold} consecutive transport failures every call
 * fails at once for {@code openFor}; then one trial call is let through (half-open) and its outcome decides.
 * Only transport failures count (timeouts, refused connections, 5xx, 429): a 404 or 409 means the hospital is up.
 */
final class CircuitBreaker {
    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int consecutiveFailures;
    private Instant openedAt;
    private boolean trialInFlight;

    CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** True when a call may go out now; false means "answer unavailable without trying". */
    synchronized boolean allow() {
        if (openedAt == null) {
            return true;
        }
        if (clock.instant().isBefore(openedAt.plus(openFor))) {
            return false;
        }
        if (trialInFlight) {
            return false;
        }
        trialInFlight = true;
        return true;
    }

    synchronized void success() {
        consecutiveFailures = 0;
        openedAt = null;
        trialInFlight = false;
    }

    synchronized void failure() {
        consecutiveFailures++;
        if (trialInFlight || consecutiveFailures >= threshold) {
            openedAt = clock.instant();
        }
        trialInFlight = false;
    }

    synchronized State state() {
        if (openedAt == null) {
            return State.CLOSED;
        }
        return clock.instant().isBefore(openedAt.plus(openFor)) ? State.OPEN : State.HALF_OPEN;
    }
}
