package org.medkiosk.journey.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole crash harness, as CI runs it: the demo hospital in one child process, the scripted kiosk in others,
 * killed after every journal write of register + pay + top-up + cancel and at 20 seeded random moments; after each
 * kill a restarted kiosk settles; then the journals must agree with the hospital's ledger.
 */
class CrashHarnessTest {
    static final long SEED = 20261201L;
    static final int RANDOM_KILLS = 20;

    @Test
    @Timeout(value = 12, unit = java.util.concurrent.TimeUnit.MINUTES)
    void noMoneyLostOrTakenTwiceAndEverythingSettledAfterEveryKill(@TempDir Path work) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(new TeeStream(log, System.out), true, StandardCharsets.UTF_8);
        CrashHarness.Counts counts = new CrashHarness(
                new CrashHarness.Options(Optional.empty(), work, SEED, RANDOM_KILLS, true), both).run();
        String printed = log.toString(StandardCharsets.UTF_8);
        System.out.println("CrashHarnessTest: " + counts.line() + " (" + counts.writes() + " journal writes per clean run, "
                + counts.took().toSeconds() + " s)");
        assertTrue(counts.writes() > 0, printed);
        assertTrue(counts.kills() >= RANDOM_KILLS + counts.writes(),
                "every step and " + RANDOM_KILLS + " random moments were killed:\n" + printed);
        assertEquals(0, counts.lost(), printed);
        assertEquals(0, counts.duplicated(), printed);
        assertEquals(0, counts.unsettled(), printed);
        assertTrue(counts.intents() > counts.kills(), printed);
        assertTrue(counts.took().compareTo(Duration.ofMinutes(12)) < 0);
    }

    /** Copies the harness's lines to the build log as well as into the assertion messages. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
