package org.medkiosk.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.medkiosk.app.diagnostics.DiagnosticsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `kiosk diagnostics` in the picocli tree: its options, then {@link DiagnosticsCommand#run(DiagnosticsCommand.Options, PrintStream, PrintStream)}. */
@Command(name = "diagnostics", mixinStandardHelpOptions = true,
        description = {"Write a zip for support.",
                "Configuration with secrets redacted, masked logs, devices, journal summary, versions; never the"
                        + " technician PIN file or the journal database. The data folder is DIR, else FILE's"
                        + " storage.data-folder, else the platform's."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written (prints the zip and its number of entries)", "1:failed", "2:usage"})
final class Diagnostics implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "FILE.zip", required = true, description = "the zip to write")
    Path zip;

    @Option(names = "--config", paramLabel = "FILE", description = "the kiosk's configuration")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "the kiosk's data folder")
    Path data;

    private final PrintStream out;
    private final PrintStream err;

    Diagnostics(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        return DiagnosticsCommand.run(new DiagnosticsCommand.Options(zip, Optional.ofNullable(config), Optional.ofNullable(data)),
                out, err);
    }
}
