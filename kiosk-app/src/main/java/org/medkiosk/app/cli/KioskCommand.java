package org.medkiosk.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medkiosk.app.KioskLauncher;
import org.medkiosk.app.config.ConfigException;
import org.medkiosk.app.config.ConfigLoader;
import org.medkiosk.app.config.KioskConfig;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk}: the app itself ({@code demo}, {@code run}) and the technicians' tools, which {@link CommandCatalog}
 * adds as subcommands. Without a subcommand it prints its usage on standard error and exits 2, so scripts notice.
 */
@Command(name = "kiosk", mixinStandardHelpOptions = true, versionProvider = KioskCommand.VersionProvider.class,
        description = "MedKiosk, the hospital lobby kiosk: the kiosk itself and the technicians' tools.",
        synopsisSubcommandLabel = "<command>",
        footerHeading = "%nExit codes:%n",
        footer = {"  0   ok", "  1   failed", "  2   usage (unknown command or option, missing or bad value)",
                "", "`kiosk help <command>` or `kiosk <command> --help` describes one command."})
public final class KioskCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        cl.usage(cl.getErr());
        return 2;
    }

    /** "MedKiosk 1.2.3", from the build. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"MedKiosk " + Version.current()};
        }
    }

    /** The root's command list: every leaf with its group ("devices idcard"), one line each. */
    static String commandList(Help help) {
        CommandLine root = help.commandSpec().commandLine();
        int width = root.getUsageHelpWidth();
        TextTable table = TextTable.forColumns(help.colorScheme(), new Column(25, 2, Column.Overflow.SPAN),
                new Column(width - 25, 1, Column.Overflow.WRAP));
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            CommandLine sub = e.getValue();
            if (sub.getCommandSpec().usageMessage().hidden()) {
                continue;
            }
            if (sub.getSubcommands().isEmpty() || e.getKey().equals("help")) {
                table.addRowValues(e.getKey(), describe(sub));
                continue;
            }
            for (Map.Entry<String, CommandLine> leaf : sub.getSubcommands().entrySet()) {
                table.addRowValues(e.getKey() + " " + leaf.getKey(), describe(leaf.getValue()));
            }
        }
        return "%nCommands:%n".formatted() + table;
    }

    /** The first line of a command's description. */
    private static String describe(CommandLine cl) {
        String[] description = cl.getCommandSpec().usageMessage().description();
        return description.length == 0 ? "" : description[0];
    }

    static void useCommandList(CommandLine root) {
        root.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, help -> "");
        root.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, KioskCommand::commandList);
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Run the kiosk with simulated devices and the embedded demo hospital (or the one at URL).")
    static final class Demo implements Callable<Integer> {
        @Option(names = "--backend", paramLabel = "URL",
                description = "a hospital that outlives the kiosk (e.g. `kiosk demo-hospital`) instead of the embedded one")
        String backend;

        private final KioskLauncher launcher;
        private final PrintStream err;

        Demo(KioskLauncher launcher, PrintStream err) {
            this.launcher = launcher;
            this.err = err;
        }

        @Override
        public Integer call() {
            KioskConfig config = KioskConfig.demo();
            if (backend != null) {
                try {
                    config = config.withBackend(ConfigLoader.parse("kiosk demo --backend", "backend.url=" + backend).backend());
                } catch (ConfigException e) {
                    err.println("kiosk: " + e.getMessage());
                    return 2;
                }
            }
            return launcher.launch(config, true);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the kiosk for a hospital (see installer/kiosk.properties.example).")
    static final class Run implements Callable<Integer> {
        @Option(names = "--config", paramLabel = "FILE", required = true, description = "the kiosk's configuration")
        Path config;

        private final KioskLauncher launcher;
        private final PrintStream err;

        Run(KioskLauncher launcher, PrintStream err) {
            this.launcher = launcher;
            this.err = err;
        }

        @Override
        public Integer call() {
            KioskConfig loaded;
            try {
                loaded = ConfigLoader.load(config);
            } catch (ConfigException e) {
                err.println("kiosk: " + e.getMessage());
                return 1;
            }
            if (loaded.backend().url().isEmpty()) {
                err.println("kiosk: " + config + ": backend.url is required for `kiosk run` "
                        + "(try `kiosk demo` to use the kiosk without a hospital)");
                return 1;
            }
            org.medkiosk.app.KioskApplication.startedFrom(config);
            return launcher.launch(loaded, false);
        }
    }

    @Command(name = "help", helpCommand = true,
            description = "Print the usage of `kiosk`, or of one command (kiosk help devices scan).")
    static final class HelpTopic implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Parameters(paramLabel = "COMMAND", arity = "0..2", description = "a command, e.g. demo or devices scan")
        List<String> words = new ArrayList<>();

        @Override
        public Integer call() {
            CommandLine command = spec.root().commandLine();
            for (String word : words) {
                CommandLine sub = command.getSubcommands().get(word);
                if (sub == null) {
                    throw new ParameterException(spec.commandLine(), "kiosk help: no command `"
                            + command.getCommandSpec().qualifiedName() + " " + word + "`");
                }
                command = sub;
            }
            command.usage(spec.commandLine().getOut(), command.getColorScheme());
            return 0;
        }
    }

    @Command(name = "completion", mixinStandardHelpOptions = true,
            description = {"Print the bash completion script for `kiosk`.",
                    "The .deb installs it as /usr/share/bash-completion/completions/kiosk."})
    static final class Completion implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private final PrintStream out;

        Completion(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() {
            out.print(AutoComplete.bash("kiosk", spec.root().commandLine()));
            out.flush();
            return 0;
        }
    }
}
