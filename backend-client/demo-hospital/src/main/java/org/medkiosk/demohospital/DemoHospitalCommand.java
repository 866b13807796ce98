package org.medkiosk.demohospital;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code kiosk demo-hospital [--port N] [--port-file FILE] [--hold-for PT5M] [--slow-payment-delay PT20S]}: serves
 * the demo hospital at http://127.0.0.1:N/fhir until the process is killed (Ctrl-C). Default port 8090; with
 * {@code --port 0} a free port is chosen, and {@code --port-file} writes it (digits and a newline, written to a
 * temporary file and renamed, so a parent process that sees the file can read the whole number) once the server
 * answers. Runs standalone as {@code java -cp … org.medkiosk.demohospital.DemoHospitalCommand}.
 */
public final class DemoHospitalCommand {
    public static final int DEFAULT_PORT = 8090;
    static final String USAGE = "usage: kiosk demo-hospital [--port N] [--port-file FILE] [--hold-for DURATION]"
            + " [--slow-payment-delay DURATION]\n  (serves http://127.0.0.1:N/fhir, default port " + DEFAULT_PORT
            + ", 0 = any free port, written to FILE; durations are ISO-8601 such as PT5M;"
            + " payment codes ending 91..95 choose pending/declined/slow behaviours)";

    private DemoHospitalCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, null);
    }

    /** As {@link #run(List, PrintStream, PrintStream)}; {@code stop}, when given, ends serving (tests). */
    static int run(List<String> args, PrintStream out, PrintStream err, CountDownLatch stop) {
        int port = DEFAULT_PORT;
        java.nio.file.Path portFile = null;
        DemoHospital.Options options = DemoHospital.Options.defaults();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--") && a.contains("=") && !a.startsWith("--port=")) {
                List<String> split = new java.util.ArrayList<>(args);
                split.set(i, a.substring(0, a.indexOf('=')));
                split.add(i + 1, a.substring(a.indexOf('=') + 1));
                return run(split, out, err, stop);
            }
            if (a.equals("--port-file") && i + 1 < args.size()) {
                portFile = java.nio.file.Path.of(args.get(++i));
                continue;
            }
            if ((a.equals("--hold-for") || a.equals("--slow-payment-delay")) && i + 1 < args.size()) {
                java.time.Duration d;
                try {
                    d = java.time.Duration.parse(args.get(++i));
                } catch (java.time.format.DateTimeParseException e) {
                    err.println(a + " needs an ISO-8601 duration such as PT5M");
                    err.println(USAGE);
                    return 2;
                }
                options = a.equals("--hold-for") ? options.withHoldFor(d) : options.withSlowPaymentDelay(d);
                continue;
            }
            if ((a.equals("--port") || a.equals("-p")) && i + 1 < args.size()) {
                try {
                    port = Integer.parseInt(args.get(++i));
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 0 || port > 65535) {
                    err.println("port must be a number from 0 to 65535");
                    err.println(USAGE);
                    return 2;
                }
            } else if (a.startsWith("--port=")) {
                List<String> split = new java.util.ArrayList<>(args);
                split.set(i, "--port");
                split.add(i + 1, a.substring(7));
                return run(split, out, err, stop);
            } else if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return 0;
            } else {
                err.println("unknown argument: " + a);
                err.println(USAGE);
                return 2;
            }
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
