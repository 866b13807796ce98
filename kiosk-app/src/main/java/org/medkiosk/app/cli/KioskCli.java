package org.medkiosk.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medkiosk.app.KioskLauncher;
import org.medkiosk.app.config.ConfigException;
import org.medkiosk.app.config.ConfigLoader;
import org.medkiosk.app.config.KioskConfig;

/**
 * The `kiosk` command: the app itself (demo, run) and the technicians' tools. Unknown subcommands and bad
 * flags print usage and exit 2, so scripts notice.
 */
public final class KioskCli {
    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Map<String, Map<String, Command>> groups = new LinkedHashMap<>();
    private final KioskLauncher launcher;

    public KioskCli(KioskLauncher launcher) {
        this.launcher = launcher;
        commands.put("demo", this::demo);
        commands.put("run", this::run);
        commands.put("help", (args, out, err) -> {
            out.print(usage());
            return 0;
        });
        CommandCatalog.register(this);
    }

    void command(String name, Command command) {
        commands.put(name, command);
    }

    void groupCommand(String group, String name, Command command) {
        groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(name, command);
    }

    public int execute(List<String> argv, PrintStream out, PrintStream err) {
        if (argv.isEmpty()) {
            err.print(usage());
            return 2;
        }
        String first = argv.get(0);
        List<String> rest = argv.subList(1, argv.size());
        if (first.equals("--version") || first.equals("version")) {
            out.println("MedKiosk " + Version.current());
            return 0;
        }
        if (first.equals("--help") || first.equals("-h")) {
            out.print(usage());
            return 0;
        }
        Command command = commands.get(first);
        if (command != null) {
            return command.run(rest, out, err);
        }
        Map<String, Command> group = groups.get(first);
        if (group != null) {
            if (rest.isEmpty() || !group.containsKey(rest.get(0))) {
                err.println(rest.isEmpty() ? "kiosk " + first + ": which one?" : "kiosk " + first + ": unknown subcommand '" + rest.get(0) + "'");
                err.print(usage());
                return 2;
            }
            return group.get(rest.get(0)).run(rest.subList(1, rest.size()), out, err);
        }
        err.println("kiosk: unknown command '" + first + "'");
        err.print(usage());
        return 2;
    }

    private int demo(List<String> args, PrintStream out, PrintStream err) {
        KioskConfig config = KioskConfig.demo();
        if (args.size() == 2 && args.get(0).equals("--backend")) {
            // Simulated devices against a hospital that outlives the kiosk (e.g. `kiosk demo-hospital`).
            try {
                config = config.withBackend(ConfigLoader.parse("kiosk demo --backend", "backend.url=" + args.get(1)).backend());
            } catch (ConfigException e) {
                err.println("kiosk: " + e.getMessage());
                return 2;
            }
        } else if (!args.isEmpty()) {
            err.println("kiosk demo: takes only --backend URL, got " + args);
            err.print(usage());
            return 2;
        }
        return launcher.launch(config, true);
    }

    private int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args);
        if (rest.size() != 2 || !rest.get(0).equals("--config")) {
            err.println("kiosk run: needs --config FILE");
            err.print(usage());
            return 2;
        }
        KioskConfig config;
        try {
            config = ConfigLoader.load(Path.of(rest.get(1)));
        } catch (ConfigException e) {
            err.println("kiosk: " + e.getMessage());
            return 1;
        }
        if (config.backend().url().isEmpty()) {
            err.println("kiosk: " + rest.get(1) + ": backend.url is required for `kiosk run` "
                    + "(try `kiosk demo` to use the kiosk without a hospital)");
            return 1;
        }
        org.medkiosk.app.KioskApplication.startedFrom(Path.of(rest.get(1)));
        return launcher.launch(config, false);
    }

    public String usage() {
        return """
                Usage: kiosk <command> [options]

                The kiosk:
                  demo [--backend URL]          run the kiosk with simulated devices and the embedded demo hospital (or the one at URL)
                  run --config FILE             run the kiosk for a hospital (see installer/kiosk.properties.example)
                  --version                     print the version
                  help                          print this text
                """ + CommandCatalog.usage();
    }
}
