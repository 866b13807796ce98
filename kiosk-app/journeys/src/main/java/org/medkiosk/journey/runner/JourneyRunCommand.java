package org.medkiosk.journey.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.medkiosk.fhir.FhirHospitalBackend;
import org.medkiosk.fhir.FhirSettings;

/**
 * {@code kiosk journey run --backend URL --data DIR SCRIPT}: runs a scripted patient (SCRIPTS.md) against a hospital
 * with simulated devices and no window. Exit 0 when every expectation held, 1 when one failed or a step could not
 * run, 2 for a usage or script error. Also the crash harness's child process ({@link #main}).
 */
public final class JourneyRunCommand {
    public static final String USAGE = "usage: kiosk journey run --backend URL --data DIR SCRIPT";

    private JourneyRunCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String backend = null;
        Path data = null;
        Path scriptFile = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean hasValue = i + 1 < args.size();
            if (a.equals("--backend") && hasValue) {
                backend = args.get(++i);
            } else if (a.equals("--data") && hasValue) {
                data = Path.of(args.get(++i));
            } else if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return 0;
            } else if (a.startsWith("-")) {
                return usage(err, "unknown or incomplete option '" + a + "'");
            } else if (scriptFile == null) {
                scriptFile = Path.of(a);
            } else {
                return usage(err, "one script only, got '" + a + "' too");
            }
        }
        if (backend == null || data == null || scriptFile == null) {
            return usage(err, "--backend, --data and a SCRIPT are required");
        }
        Script script;
        try {
            script = Script.read(scriptFile);
        } catch (IOException e) {
            err.println("kiosk journey run: cannot read " + scriptFile + ": " + e.getMessage());
            return 1;
        } catch (Script.ScriptException e) {
            err.println("kiosk journey run: " + e.getMessage());
            return 2;
        }
        FhirSettings settings;
        try {
            settings = FhirSettings.of(backend);
        } catch (RuntimeException e) {
            return usage(err, "--backend: " + e.getMessage());
        }
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            err.println("kiosk journey run: cannot create the data folder " + data + ": " + e.getMessage());
            return 1;
        }
        try (FhirHospitalBackend hospital = new FhirHospitalBackend(settings);
             JourneyRunner runner = new JourneyRunner(hospital, new HospitalLevers(backend), data, out)) {
            return runner.run(script);
        } catch (RuntimeException e) {
            err.println("kiosk journey run: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("kiosk journey run: " + problem);
        err.println(USAGE);
        return 2;
    }

    /** The crash harness's child: exits with the run's status (or 137 when the step hook halts it). */
    public static void main(String[] args) {
        int status = run(List.of(args), System.out, System.err);
        System.out.flush();
        System.exit(status);
    }
}
