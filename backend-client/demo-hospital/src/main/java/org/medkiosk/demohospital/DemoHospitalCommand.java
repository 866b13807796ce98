package org.medkiosk.demohospital;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk demo-hospital [--port N] [--port-file FILE] [--hold-for PT5M] [--slow-payment-delay PT20S]}: serves
 * the demo hospital at http://127.0.0.1:N/fhir until the process is killed (Ctrl-C). Default port 8090; with
 * {@code --port 0} a free port is chosen, and {@code --port-file} writes it (digits and a newline, written to a
 * temporary file and renamed, so a parent process that sees the file can read the whole number) once the server
 * answers. Runs standalone as {@code java -cp … org.medkiosk.demohospital.DemoHospitalCommand}.
 */
@Command(name = "demo-hospital", mixinStandardHelpOptions = true,
        description = {"Serve the demo hospital at http://127.0.0.1:N/fhir until killed (Ctrl-C).",
                "HL7 FHIR R4. Payment codes ending 91..95 choose pending/declined/slow behaviours."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:stopped", "1:could not start", "2:usage"})
public final class DemoHospitalCommand implements Callable<Integer> {
    public static final int DEFAULT_PORT = 8090;

    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--port"}, paramLabel = "N", description = "port (default: " + DEFAULT_PORT + "; 0 = any free port)")
    String port;

    @Option(names = "--port-file", paramLabel = "FILE",
            description = "write the port (digits and a newline) to FILE once the server answers")
    java.nio.file.Path portFile;

    @Option(names = "--hold-for", paramLabel = "DURATION", description = "ISO-8601 duration such as PT5M")
    String holdFor;

    @Option(names = "--slow-payment-delay", paramLabel = "DURATION", description = "ISO-8601 duration such as PT20S")
    String slowPaymentDelay;

    private final PrintStream out;
    private final PrintStream err;
    private final CountDownLatch stop;

    public DemoHospitalCommand() {
        this(System.out, System.err);
    }

    public DemoHospitalCommand(PrintStream out, PrintStream err) {
        this(out, err, null);
    }

    DemoHospitalCommand(PrintStream out, PrintStream err, CountDownLatch stop) {
        this.out = out;
        this.err = err;
        this.stop = stop;
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, null);
    }

    /** As {@link #run(List, PrintStream, PrintStream)}; {@code stop}, when given, ends serving (tests). */
    static int run(List<String> args, PrintStream out, PrintStream err, CountDownLatch stop) {
        CommandLine cl = new CommandLine(new DemoHospitalCommand(out, err, stop)).setCommandName("kiosk demo-hospital")
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(new String[0]));
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    private java.time.Duration duration(String option, String value) {
        try {
            return java.time.Duration.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + " needs an ISO-8601 duration such as PT5M");
        }
    }

    @Override
    public Integer call() {
        int port = DEFAULT_PORT;
        if (this.port != null) {
            try {
                port = Integer.parseInt(this.port);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                throw new ParameterException(spec.commandLine(), "port must be a number from 0 to 65535");
            }
        }
        DemoHospital.Options options = DemoHospital.Options.defaults();
        if (holdFor != null) {
            options = options.withHoldFor(duration("--hold-for", holdFor));
        }
        if (slowPaymentDelay != null) {
            options = options.withSlowPaymentDelay(duration("--slow-payment-delay", slowPaymentDelay));
        }
        long t0 = System.nanoTime();
        DemoHospital hospital;
        try {
            hospital = DemoHospital.start(port, options);
        } catch (UncheckedIOException e) {
            err.println("demo hospital could not start: " + e.getMessage());
            return 1;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (portFile != null) {
            try {
                java.nio.file.Path abs = portFile.toAbsolutePath();
                java.nio.file.Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
                java.nio.file.Files.writeString(tmp, hospital.port() + "\n", java.nio.charset.StandardCharsets.US_ASCII);
                java.nio.file.Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.io.IOException e) {
                hospital.close();
                err.println("cannot write the port file: " + e.getMessage());
                return 1;
            }
        }
        out.println("demo hospital serving HL7 FHIR R4 at " + hospital.baseUrl() + " (started in " + ms + " ms; Ctrl-C stops)");
        out.flush();
        Thread hook = new Thread(hospital::close, "demo-hospital-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (stop != null) {
                stop.await();
            } else {
                hospital.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hospital.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: nothing to remove
            }
        }
        return 0;
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }
}
