package org.medkiosk.app.technician;

import java.time.Instant;
import java.util.Optional;

/** What one technician PIN entry came to ({@link TechnicianPin#check}). */
public sealed interface PinCheck {

    /** The right PIN: technician mode opens; the failure count is back to 0. */
    record Accepted() implements PinCheck {
    }

    /**
     * A wrong PIN. failures counts the wrong entries since the last right one (kept across restarts);
     * attemptsBeforeLockout is how many more may be wrong before a lockout (0 once locking has begun: every further
     * wrong PIN locks again, for twice as long); lockedUntil is present when this entry started a lockout.
     */
    record Wrong(int failures, int attemptsBeforeLockout, Optional<Instant> lockedUntil) implements PinCheck {
    }

    /** Refused without looking at the PIN: technician mode is locked until then (the entry is not counted). */
    record LockedOut(Instant until) implements PinCheck {
    }

    /** No PIN has been set on this kiosk (or its file cannot be read): technician mode stays closed. */
    record NotSetUp() implements PinCheck {
    }
}
