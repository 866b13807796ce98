package org.medkiosk.app.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides when a walked-away patient's session ends. Plain Java, driven by {@link #remaining(Instant)}
 * from a one-second UI tick, so tests can step time without waiting.
 */
public final class InactivityTimer {
    private final Duration timeout;
    private final Duration countdown;
    private Instant lastActivity;

    public InactivityTimer(Duration timeout, Duration countdown, Instant now) {
        if (countdown.compareTo(timeout) >= 0) {
            throw new IllegalArgumentException("countdown must be shorter than timeout");
        }
        this.timeout = timeout;
        this.countdown = countdown;
        this.lastActivity = Objects.requireNonNull(now);
    }

    /** Any touch, key or device event. */
    public void touch(Instant now) {
        lastActivity = now;
    }

    /** Time left before the session ends (never negative). */
    public Duration remaining(Instant now) {
        Duration left = timeout.minus(Duration.between(lastActivity, now));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean expired(Instant now) {
        return remaining(now).isZero();
    }

    /** True in the last seconds, when the screen shows "ending in N s — touch to continue". */
    public boolean inCountdown(Instant now) {
        Duration left = remaining(now);
        return !left.isZero() && left.compareTo(countdown) <= 0;
    }
}
