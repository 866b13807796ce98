package org.medkiosk.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InactivityTimerTest {
    final Instant t0 = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void countsDownShowsTheLastSecondsAndExpires() {
        InactivityTimer timer = new InactivityTimer(Duration.ofSeconds(60), Duration.ofSeconds(15), t0);
        assertFalse(timer.inCountdown(t0.plusSeconds(44)));
        assertTrue(timer.inCountdown(t0.plusSeconds(45)));
        assertEquals(Duration.ofSeconds(1), timer.remaining(t0.plusSeconds(59)));
        assertFalse(timer.expired(t0.plusSeconds(59)));
        assertTrue(timer.expired(t0.plusSeconds(60)));
        assertFalse(timer.inCountdown(t0.plusSeconds(61)), "an expired session is not counting down");
    }

    @Test
    void aTouchRestartsTheWait() {
        InactivityTimer timer = new InactivityTimer(Duration.ofSeconds(60), Duration.ofSeconds(15), t0);
        timer.touch(t0.plusSeconds(50));
        assertFalse(timer.expired(t0.plusSeconds(100)));
        assertTrue(timer.expired(t0.plusSeconds(110)));
    }

    @Test
    void countdownLongerThanTimeoutIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new InactivityTimer(Duration.ofSeconds(10), Duration.ofSeconds(10), t0));
    }
}
