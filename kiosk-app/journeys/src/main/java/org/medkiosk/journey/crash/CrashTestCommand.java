package org.medkiosk.journey.crash;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code kiosk journey crash-test [--backend URL] [--data DIR] [--seed N] [--kills K] [--no-step-kills]}: the crash
 * harness. Without --backend it starts the demo hospital in a child process. --data is the work folder (a fresh
 * temporary one by default): one journal per run in it, plus each child's output. Ends with
 * {@code kills K, intents N, lost L, duplicated D, unsettled U}; exit 0 only when L, D and U are 0.
 */
public final class CrashTestCommand {
    public static final String USAGE = "usage: kiosk journey crash-test [--backend URL] [--data DIR] [--seed N] [--kills K]"
            + " [--no-step-kills]";

    private CrashTestCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Optional<String> backend = Optional.empty();
        Path data = null;
        long seed = 1;
        int kills = 20;
        boolean perStep = true;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean hasValue = i + 1 < args.size();
            try {
                if (a.equals("--backend") && hasValue) {
                    backend = Optional.of(args.get(++i));
                } else if (a.equals("--data") && hasValue) {
                    data = Path.of(args.get(++i));
                } else if (a.equals("--seed") && hasValue) {
                    seed = Long.parseLong(args.get(++i));
                } else if (a.equals("--kills") && hasValue) {
                    kills = Integer.parseInt(args.get(++i));
                    if (kills < 0) {
                        return usage(err, "--kills must be 0 or more");
                    }
                } else if (a.equals("--no-step-kills")) {
                    perStep = false;
                } else if (a.equals("--help") || a.equals("-h")) {
                    out.println(USAGE);
                    return 0;
                } else {
                    return usage(err, "unknown or incomplete option '" + a + "'");
                }
            } catch (NumberFormatException e) {
                return usage(err, a + " needs a whole number");
            }
        }
        try {
            Path work = data != null ? data : Files.createTempDirectory("medkiosk-crash-");
            CrashHarness.Counts counts = new CrashHarness(new CrashHarness.Options(backend, work, seed, kills, perStep), out).run();
            return counts.clean() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println("kiosk journey crash-test: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("kiosk journey crash-test: interrupted");
            return 1;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("kiosk journey crash-test: " + problem);
        err.println(USAGE);
        return 2;
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }
}
