package org.medkiosk.app.technician;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A kill must not reset the counter": a child JVM checks a wrong technician PIN again and again and is killed with
 * SIGKILL at random moments, often in the middle of a check. After every kill the PIN file is readable, the PIN still
 * set, and the count of wrong entries has grown by every check the child finished, plus the one it was in when the
 * kill came if that one had begun (counted before it is checked): never less.
 */
class TechnicianPinKillTest {
    static final int KILLS = 8;

    @Test
    @Timeout(90)
    void aSigkillNeverResetsOrLosesTheWrongEntryCount(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        new TechnicianPin(data, Clock.systemUTC(), TechnicianPin.ITERATIONS).set("482915".toCharArray());
        Random random = new Random();
        int before = 0;
        int midCheckKills = 0;
        int midCheckCounted = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            Instant clockStart = Instant.parse("2030-01-01T00:00:00Z").plus(Duration.ofDays(1000L * kill));
            List<String> lines;
            try (KilledChild.Run child = new KilledChild.Run(dir, "pin", data.toString(), clockStart.toString())) {
                child.awaitLine("checking", Duration.ofSeconds(30));
                Thread.sleep(random.nextInt(2500)); // a check takes ~0.5-1.5 s in the child (C1 only, cold)
                lines = child.kill();
            }
            int checked = (int) lines.stream().filter("checked"::equals).count();
            int checking = (int) lines.stream().filter("checking"::equals).count();
            TechnicianPin.Status status = new TechnicianPin(data, Clock.systemUTC(), TechnicianPin.ITERATIONS).status();
            assertTrue(status.set(), "kill " + kill + ": the PIN file is intact");
            int after = status.failures();
            assertTrue(after >= before + checked && after <= before + checking,
                    "kill " + kill + ": " + before + " before, " + checked + " checks finished of " + checking
                            + " begun, " + after + " after");
            if (checking > checked) {
                midCheckKills++;
                midCheckCounted += after - before - checked;
            }
            before = after;
        }
        System.out.println("technician PIN kill test: kills " + KILLS + ", wrong entries counted " + before
                + ", kills during a check " + midCheckKills + " of which counted " + midCheckCounted);
    }
}
