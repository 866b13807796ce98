package org.medkiosk.app.technician;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How technician mode's "Shut down" powers the machine off. On an installed kiosk it is {@code systemctl poweroff}:
 * run as the unprivileged user {@code medkiosk}, systemctl asks logind, which asks polkit for
 * {@code org.freedesktop.login1.power-off}; the .deb's {@code 51-medkiosk-power.rules} says yes for that user only.
 * The demo has none: a laptop running the demo must never power off from a kiosk screen.
 */
public final class SystemPower {
    /** Long enough for logind to queue the job; systemctl returns once it has. */
    private static final long WAIT_SECONDS = 30;

    private final List<String> command;

    private SystemPower(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** The installed kiosk's: systemd through logind and polkit. */
    public static SystemPower systemd() {
        return new SystemPower(List.of("systemctl", "poweroff"));
    }

    /** Any command (tests run a script that records it was called, or one that is refused). */
    public static SystemPower command(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command");
        }
        return new SystemPower(command);
    }

    /** What happened when the machine was asked to power off. */
    public sealed interface Outcome {
        /** The system took the request: the machine is going down. */
        record PoweringOff() implements Outcome {
        }

        /** The system refused or failed; reason is its first line of error (e.g. polkit's "Access denied"). */
        record Refused(String reason) implements Outcome {
        }
    }

    /** Blocking (call it off the FX thread): asks the system to power off and waits for its answer. */
    public Outcome powerOff() {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close(); // nothing to say to it: a command that asks reads end-of-file
        } catch (IOException e) {
            return new Outcome.Refused(command.get(0) + " could not be started: " + e.getMessage());
        }
        try {
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Outcome.Refused(command.get(0) + " gave no answer within " + WAIT_SECONDS + " s");
            }
            String said = firstLine(process.getInputStream());
            if (process.exitValue() == 0) {
                return new Outcome.PoweringOff();
            }
            return new Outcome.Refused(said.isEmpty() ? command.get(0) + " exited with status " + process.exitValue() : said);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Outcome.Refused("interrupted");
        }
    }

    private static String firstLine(InputStream out) {
        try (out) {
            byte[] head = out.readNBytes(4096);
            Optional<String> line = new String(head, StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(s -> !s.isEmpty()).findFirst();
            return line.orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return "SystemPower" + command;
    }
}
