package org.medkiosk.journey.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.medkiosk.fhir.FhirHospitalBackend;
import org.medkiosk.fhir.FhirSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk journey run --backend URL --data DIR SCRIPT}: runs a scripted patient (SCRIPTS.md) against a hospital
 * with simulated devices and no window. Exit 0 when every expectation held, 1 when one failed or a step could not
 * run, 2 for a usage or script error. Also the crash harness's child process ({@link #main}).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scripted patient against a hospital, with simulated devices and no window.",
                "Scripts: kiosk-app/journeys/SCRIPTS.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every expectation held", "1:an expectation failed or a step could not run",
                "2:usage or script error"})
public final class JourneyRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--backend", paramLabel = "URL", required = true, description = "the hospital's FHIR base URL")
    String backend;

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "the kiosk's data folder (created)")
    Path data;

    @Parameters(paramLabel = "SCRIPT", arity = "1", description = "the script")
    Path scriptFile;

    private final PrintStream out;
    private final PrintStream err;

    public JourneyRunCommand() {
        this(System.out, System.err);
    }

    public JourneyRunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new JourneyRunCommand(out, err)).setCommandName("kiosk journey run")
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(new String[0]));
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    @Override
    public Integer call() {
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
            throw new ParameterException(spec.commandLine(), "kiosk journey run: --backend: " + e.getMessage());
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

    /** The crash harness's child: exits with the run's status (or 137 when the step hook halts it). */
    public static void main(String[] args) {
        int status = run(List.of(args), System.out, System.err);
        System.out.flush();
        System.exit(status);
    }
}
