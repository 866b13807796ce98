package org.medkiosk.print.report;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** poppler-utils for independent PDF checks: skip when missing, fail when CI=true (COMMON.md rule). */
final class SystemTools {
    private SystemTools() {
    }

    static void require(String command) {
        boolean present = false;
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/sbin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                present = true;
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertTrue(present, "CI=true but " + command + " (poppler-utils) is missing");
        } else {
            assumeTrue(present, command + " not installed (apt-get install poppler-utils); skipping");
        }
    }

    /** Runs a command, returns stdout; fails on a non-zero exit. */
    static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(cmd))).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", cmd));
        assertTrue(p.exitValue() == 0, String.join(" ", cmd) + " exited " + p.exitValue() + ": "
                + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8);
    }
}
