package org.medkiosk.device.receipt;

import org.medkiosk.device.link.JsonString;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk devices status --printer SPEC}: reads DLE EOT 1–4 and prints the status as one JSON object.
 * Exit 0 when the printer answered (whatever its state; see {@code health}/{@code problem}), 1 when it could
 * not be reached or did not answer, 2 on bad usage.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Receipt printer status (DLE EOT 1-4) as one JSON object.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the printer answered (whatever its state: see health and problem)",
                "1:the printer could not be reached or did not answer", "2:usage"})
public final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--printer", paramLabel = "SPEC", required = true,
            description = "serial:PATH[@BAUD] | tcp://HOST:PORT | file:PATH")
    String printerSpec;

    private final PrintStream out;
    private final PrintStream err;

    public StatusCommand() {
        this(System.out, System.err);
    }

    public StatusCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new StatusCommand(out, err)).setCommandName("kiosk devices status")
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(new String[0]));
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    @Override
    public Integer call() {
        String spec = printerSpec;
        ReceiptPrinter printer;
        try {
            printer = ReceiptPrinter.connect(spec);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(this.spec.commandLine(), e.getMessage());
        }
        try (printer) {
            PrinterStatus s = printer.readStatus();
            out.println("{\"printer\":" + JsonString.quote(spec) + "," + s.toJson().substring(1));
            return 0;
        } catch (PrinterException e) {
            out.println("{\"printer\":" + JsonString.quote(spec) + ",\"health\":\"OFFLINE\",\"problem\":\"" + e.problem().name()
                    + "\",\"error\":" + JsonString.quote(e.problem().description()) + "}");
            err.println("printer " + spec + ": " + e.problem().description());
            return 1;
        }
    }
}
