package org.medkiosk.journey.crash;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk journey crash-test [--backend URL] [--data DIR] [--seed N] [--kills K] [--no-step-kills]}: the crash
 * harness. Without --backend it starts the demo hospital in a child process. --data is the work folder (a fresh
 * temporary one by default): one journal per run in it, plus each child's output. Ends with
 * {@code kills K, intents N, lost L, duplicated D, unsettled U}; exit 0 only when L, D and U are 0.
 */
@Command(name = "crash-test", mixinStandardHelpOptions = true,
        description = {"Kill the scripted kiosk, recover, and compare its journals with the hospital's ledger.",
                "Kills at every journaled step and at K random moments; ends \"kills K, intents N, lost L, duplicated D,"
                        + " unsettled U\". Without --backend it starts the demo hospital in a child process."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing lost, duplicated or unsettled", "1:something was, or the harness failed", "2:usage"})
public final class CrashTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--backend", paramLabel = "URL", description = "a running hospital (default: a demo hospital child)")
    String backendUrl;

    @Option(names = "--data", paramLabel = "DIR", description = "work folder (default: a fresh temporary one)")
    Path data;

    @Option(names = "--seed", paramLabel = "N", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--kills", paramLabel = "K", description = "random kills (default: ${DEFAULT-VALUE})")
    int kills = 20;

    @Option(names = "--no-step-kills", description = "no kill at each journaled step")
    boolean noStepKills;

    private final PrintStream out;
    private final PrintStream err;

    public CrashTestCommand() {
        this(System.out, System.err);
    }

    public CrashTestCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new CrashTestCommand(out, err)).setCommandName("kiosk journey crash-test")
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(new String[0]));
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    @Override
    public Integer call() {
        if (kills < 0) {
            throw new ParameterException(spec.commandLine(), "kiosk journey crash-test: --kills must be 0 or more");
        }
        Optional<String> backend = Optional.ofNullable(backendUrl);
        boolean perStep = !noStepKills;
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

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }
}
