package org.medkiosk.journey.payment;

import java.time.Duration;

/** How a background journey step waits between polls. Tests pass one that advances a test clock instead. */
@FunctionalInterface
public interface Pause {
    void pause(Duration duration) throws InterruptedException;

    static Pause sleeping() {
        return d -> Thread.sleep(d.toMillis());
    }
}
