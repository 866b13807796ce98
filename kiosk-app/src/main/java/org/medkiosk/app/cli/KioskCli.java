package org.medkiosk.app.cli;

import java.io.PrintStream;
import java.util.List;
import org.medkiosk.app.KioskLauncher;

/**
 * Runs the `kiosk` command ({@link KioskCommand}, its tree in {@link CommandCatalog}) with picocli: generated help
 * and usage for every subcommand, exit 0 ok, 1 failed, 2 usage (unknown subcommands and bad options print the
 * problem and the usage on standard error, so scripts notice).
 */
public final class KioskCli {
    private final KioskLauncher launcher;

    public KioskCli(KioskLauncher launcher) {
        this.launcher = launcher;
    }

    public int execute(List<String> argv, PrintStream out, PrintStream err) {
        Integer launched = launch(argv, err);
        if (launched != null) {
            return launched;
        }
        if (argv.size() == 1 && List.of("--version", "-V", "version").contains(argv.get(0))) {
            // what picocli prints for --version (KioskCommand.VersionProvider), without its start-up cost
            out.println(new KioskCommand.VersionProvider().getVersion()[0]);
            out.flush();
            return 0;
        }
        List<String> args = argv;
        picocli.CommandLine cl = new CommandCatalog(launcher, out, err).tree(args.isEmpty() ? "" : args.get(0));
        return Cli.execute(cl, args, out, err);
    }

    /**
     * The launch path without picocli (and `kiosk --version`, above): exactly `kiosk demo`, `kiosk demo --backend URL` or `kiosk run --config FILE`
     * run the same {@link KioskCommand.Demo}/{@link KioskCommand.Run} that picocli would, without paying for picocli's
     * initialisation (0.1-0.3 s on a kiosk) before the first frame. Anything else (--help, a mistake) returns null and
     * goes through picocli.
     */
    private Integer launch(List<String> argv, PrintStream err) {
        boolean value = argv.size() == 3 && !argv.get(2).startsWith("-");
        if (argv.equals(List.of("demo")) || value && argv.get(0).equals("demo") && argv.get(1).equals("--backend")) {
            KioskCommand.Demo demo = new KioskCommand.Demo(launcher, err);
            demo.backend = argv.size() == 3 ? argv.get(2) : null;
            return demo.call();
        }
        if (value && argv.get(0).equals("run") && argv.get(1).equals("--config")) {
            KioskCommand.Run run = new KioskCommand.Run(launcher, err);
            try {
                run.config = java.nio.file.Path.of(argv.get(2));
            } catch (java.nio.file.InvalidPathException e) {
                return null;
            }
            return run.call();
        }
        return null;
    }

    /** The whole tree, as `kiosk help` shows it (tests, completion). */
    public picocli.CommandLine commandLine(PrintStream out, PrintStream err) {
        return new CommandCatalog(launcher, out, err).tree("");
    }
}
