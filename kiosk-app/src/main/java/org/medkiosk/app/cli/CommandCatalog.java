package org.medkiosk.app.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.medkiosk.app.KioskLauncher;
import org.medkiosk.app.technician.TechnicianCommand;
import org.medkiosk.demohospital.DemoHospitalCommand;
import org.medkiosk.device.idcard.IdCardCommand;
import org.medkiosk.device.receipt.StatusCommand;
import org.medkiosk.device.scanner.ScanCommand;
import org.medkiosk.device.smartcard.SmartCardCommand;
import org.medkiosk.fhir.BackendCheckCommand;
import org.medkiosk.journey.crash.CrashTestCommand;
import org.medkiosk.journey.runner.JourneyRunCommand;
import org.medkiosk.print.cli.ReceiptRenderCommand;
import org.medkiosk.print.cli.ReportRenderCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The `kiosk` command tree. The technicians' subcommands are implemented next to the part they diagnose (drivers,
 * templates, backend client) as picocli commands and only assembled here; `devices print-test` is glue because it
 * needs a template and a driver. Each top-level entry is built on demand: `kiosk demo` and `kiosk run` parse with
 * only their own command, so the launch does not pay for the whole tree.
 */
final class CommandCatalog {
    private final Map<String, Supplier<CommandLine>> topLevel = new LinkedHashMap<>();

    CommandCatalog(KioskLauncher launcher, PrintStream out, PrintStream err) {
        topLevel.put("demo", () -> new CommandLine(new KioskCommand.Demo(launcher, err)));
        topLevel.put("run", () -> new CommandLine(new KioskCommand.Run(launcher, err)));
        topLevel.put("devices", () -> group("devices", "Devices (for technicians).")
                .addSubcommand("idcard", new CommandLine(new IdCardCommand(out, err)))
                .addSubcommand("scan", new CommandLine(new ScanCommand(out, err)))
                .addSubcommand("smartcard", new CommandLine(new SmartCardCommand(out, err)))
                .addSubcommand("status", new CommandLine(new StatusCommand(out, err)))
                .addSubcommand("print-test", new CommandLine(new PrintTestCommand(out, err))));
        topLevel.put("receipt", () -> group("receipt", "Receipts on paper.")
                .addSubcommand("render", new CommandLine(new ReceiptRenderCommand(out, err))));
        topLevel.put("report", () -> group("report", "A4 reports.")
                .addSubcommand("render", new CommandLine(new ReportRenderCommand(out, err))));
        topLevel.put("backend", () -> group("backend", "The hospital backend.")
                .addSubcommand("check", new CommandLine(new BackendCheckCommand.Check(out))));
        topLevel.put("demo-hospital", () -> new CommandLine(new DemoHospitalCommand(out, err)));
        topLevel.put("journal", () -> group("journal", "The kiosk's journal of payments and print jobs.")
                .addSubcommand("list", new CommandLine(new JournalCommand.ListCommand(out, err)))
                .addSubcommand("recover", new CommandLine(new JournalCommand.RecoverCommand(out, err)))
                .addSubcommand("audit", new CommandLine(new JournalCommand.AuditCommand(out, err))));
        topLevel.put("journey", () -> group("journey", "Scripted patients with simulated devices and no window.")
                .addSubcommand("run", new CommandLine(new JourneyRunCommand(out, err)))
                .addSubcommand("crash-test", new CommandLine(new CrashTestCommand(out, err))));
        topLevel.put("technician", () -> group("technician", "Technician mode.")
                .addSubcommand("set-pin", new CommandLine(new TechnicianCommand.SetPin(out, err)))
                .addSubcommand("status", new CommandLine(new TechnicianCommand.Status(out, err))));
        topLevel.put("diagnostics", () -> new CommandLine(new Diagnostics(out, err)));
        topLevel.put("completion", () -> new CommandLine(new KioskCommand.Completion(out)));
        topLevel.put("help", () -> new CommandLine(new KioskCommand.HelpTopic()));
    }

    /**
     * The root with the subcommands {@code argv0} can reach: only that one for a known subcommand other than
     * {@code help} and {@code completion} (which need the whole tree), none for {@code --version}, else all.
     */
    CommandLine tree(String argv0) {
        CommandLine root = new CommandLine(new KioskCommand());
        if (argv0.equals("--version") || argv0.equals("-V")) {
            return root;
        }
        if (topLevel.containsKey(argv0) && !argv0.equals("help") && !argv0.equals("completion")) {
            return root.addSubcommand(argv0, versioned(topLevel.get(argv0).get()));
        }
        topLevel.forEach((name, command) -> root.addSubcommand(name, versioned(command.get())));
        KioskCommand.useCommandList(root);
        return root;
    }

    /** `kiosk <any command> --version` prints the kiosk's version too. */
    private static CommandLine versioned(CommandLine cl) {
        if (cl.getCommandSpec().version().length == 0 && cl.getCommandSpec().versionProvider() == null) {
            cl.getCommandSpec().versionProvider(new KioskCommand.VersionProvider());
        }
        cl.getSubcommands().values().forEach(CommandCatalog::versioned);
        return cl;
    }

    /** A group such as `devices`: only its subcommands run; without one it is a usage error (exit 2). */
    private static CommandLine group(String name, String description) {
        CommandSpec spec = CommandSpec.create().name(name).mixinStandardHelpOptions(true);
        spec.usageMessage().description(description);
        return new CommandLine(spec);
    }
}
