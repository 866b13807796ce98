package org.medkiosk.demohospital;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code kiosk demo-hospital [--port N]}: serves the demo hospital at http://127.0.0.1:N/fhir until the process is
 * killed (Ctrl-C). Default port 8090.
 */
public final class DemoHospitalCommand {
    public static final int DEFAULT_PORT = 8090;
    static final String USAGE = "usage: kiosk demo-hospital [--port N]   (serves http://127.0.0.1:N/fhir, default "
            + DEFAULT_PORT + "; payment codes ending 91..95 choose pending/declined/slow behaviours)";

    private DemoHospitalCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, null);
    }

    /** As {@link #run(List, PrintStream, PrintStream)}; {@code stop}, when given, ends serving (tests). */
    static int run(List<String> args, PrintStream out, PrintStream err, CountDownLatch stop) {
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
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
                return run(List.of("--port", a.substring(7)), out, err, stop);
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
            hospital = DemoHospital.start(port);
        } catch (UncheckedIOException e) {
            err.println("demo hospital could not start: " + e.getMessage());
            return 1;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
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
