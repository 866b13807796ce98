package org.medkiosk.demohospital;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The demo hospital's clock: the clock it was started with, shifted by an offset a test or the crash harness moves
 * with the {@code $demo-clock} lever (holds, slot periods, check-in days and refund rules all read it). The base
 * clock keeps running, so "set" means "from now on it is this time, and time goes on".
 */
final class HospitalClock extends Clock {
    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    HospitalClock(Clock base) {
        this.base = base;
    }

    void advance(Duration by) {
        synchronized (this) {
            offset = offset.plus(by);
        }
    }

    void set(Instant now) {
        synchronized (this) {
            offset = Duration.between(base.instant(), now);
        }
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        HospitalClock c = new HospitalClock(base.withZone(zone));
        c.offset = offset;
        return c;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }
}
