package org.medkiosk.journal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The crash harness's step hook: with {@code -Dmedkiosk.crash.after-writes=N} the process halts (as SIGKILL would
 * leave it: no shutdown hooks, no flush) right after the Nth journal write is committed. Every write also prints a
 * line {@code journal-write N STEP} to standard output when {@code medkiosk.crash.trace=true}, so the
 * harness can count the journaled steps of a clean run. Off (and free) unless a property is set.
 */
public final class CrashPoint {
    public static final String AFTER_WRITES = "medkiosk.crash.after-writes";
    public static final String TRACE = "medkiosk.crash.trace";
    /** The exit status of a halted run: what a shell reports for SIGKILL. */
    public static final int HALT_STATUS = 137;

    private final int haltAfter;
    private final boolean trace;
    private final AtomicInteger writes = new AtomicInteger();

    CrashPoint(int haltAfter, boolean trace) {
        this.haltAfter = haltAfter;
        this.trace = trace;
    }

    public static CrashPoint none() {
        return new CrashPoint(0, false);
    }

    public static CrashPoint fromSystemProperties() {
        return new CrashPoint(Integer.getInteger(AFTER_WRITES, 0), Boolean.getBoolean(TRACE));
    }

    /** Journal writes so far in this process. */
    public int writes() {
        return writes.get();
    }

    /** {@code step} names what was written, e.g. "PAY SENT" or "print RECEIPT PRINTED"; no personal data. */
    void written(String step) {
        int n = writes.incrementAndGet();
        if (trace) {
            System.out.println("journal-write " + n + " " + step);
            System.out.flush();
        }
        if (haltAfter > 0 && n >= haltAfter) {
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
