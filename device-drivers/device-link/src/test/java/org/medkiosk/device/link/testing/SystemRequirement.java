package org.medkiosk.device.link.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a system package or service (socat, pcscd, cups) skip when it is missing on a developer machine,
 * but fail loudly in CI (environment variable CI=true), where everything is installed.
 */
public final class SystemRequirement {

    private SystemRequirement() {
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (or in CI fails) the current test unless {@code present}. */
    public static void require(boolean present, String what) {
        if (inCi()) {
            Assertions.assertTrue(present, "CI=true but required " + what + " is not available");
        } else {
            Assumptions.assumeTrue(present, what + " is not available; skipping (install it, or run in CI)");
        }
    }

    /** Skips (or in CI fails) unless an executable with this name is on the PATH or in /usr/sbin, /usr/bin. */
    public static void requireCommand(String command) {
        require(findCommand(command) != null, "command '" + command + "'");
    }

    public static Path findCommand(String command) {
        String pathEnv = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin:/sbin:/bin";
        for (String dir : pathEnv.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, command);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
