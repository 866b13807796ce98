package org.medkiosk.journey.crash;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.medkiosk.demohospital.DemoHospitalCommand;
import org.medkiosk.fhir.FhirSettings;
import org.medkiosk.fhir.HospitalLedger;
import org.medkiosk.hospital.Money;
import org.medkiosk.journal.CrashPoint;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.Journal;
import org.medkiosk.journal.KioskStore;
import org.medkiosk.journal.PrintJob;
import org.medkiosk.journey.runner.HospitalLevers;
import org.medkiosk.journey.payment.PaymentRules;
import org.medkiosk.journey.runner.JourneyRunCommand;

/**
 * The crash harness (JOURNEYS.md, "Proving it"): runs the scripted patient in a child JVM against a hospital in
 * another process, kills it at every journaled step (the {@link CrashPoint} hook) and at seeded random moments
 * (SIGKILL), restarts it with only {@code recover}, then compares every journal with the hospital's ledger.
 */
public final class CrashHarness {
    /** Roster patients the script cycles through: all but 5, whose card has expired. */
    static final List<String> PATIENTS = List.of("1", "2", "3", "4", "6", "7", "8", "9", "10");
    static final String CODE = "134567890123456710";
    /**
     * Wallet behaviours of the random runs (demo codes, last two digits): success, pending then success, and a
     * reverse that loses to a late success. Each ends paid, so every run's expectations hold when it is not killed.
     */
    static final List<String> RANDOM_CODES = List.of(CODE, "134567890123456791", "134567890123456794");
    /** The children poll a pending wallet fast, so a pending payment fits in a kill window. */
    private static final List<String> FAST_POLLING = List.of("-D" + PaymentRules.POLL_MS + "=100",
            "-D" + PaymentRules.BOUND_MS + "=1000");
    private static final Duration CHILD_LIMIT = Duration.ofSeconds(90);

    /**
     * @param backendUrl a hospital to use; empty starts the demo hospital in a child process
     * @param perStep    kill at every journal write of the clean run (a); false runs only the random kills (b)
     */
    public record Options(Optional<String> backendUrl, Path workDir, long seed, int randomKills, boolean perStep) {
    }

    /** What the harness found; {@link #line()} is the one line it ends with. */
    public record Counts(int kills, int writes, int intents, int lost, int duplicated, int unsettled, Duration took) {
        public String line() {
            return "kills " + kills + ", intents " + intents + ", lost " + lost + ", duplicated " + duplicated
                    + ", unsettled " + unsettled;
        }

        public boolean clean() {
            return lost == 0 && duplicated == 0 && unsettled == 0;
        }
    }

    private final Options options;
    private final PrintStream out;
    private final List<Path> dataFolders = new ArrayList<>();
    private Path logback;
    private String backendUrl;
    private int runs;

    public CrashHarness(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public Counts run() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Files.createDirectories(options.workDir());
        logback = options.workDir().resolve("logback-child.xml");
        Files.writeString(logback, """
                <configuration>
                  <appender name="ERR" class="ch.qos.logback.core.ConsoleAppender"><target>System.err</target>
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder></appender>
                  <root level="WARN"><appender-ref ref="ERR"/></root>
                </configuration>
                """, StandardCharsets.UTF_8);
        Process hospital = null;
        Thread stopHospital = null;
        try {
            String url;
            if (options.backendUrl().isPresent()) {
                url = options.backendUrl().get();
            } else {
                hospital = startHospital();
                Process h = hospital;
                stopHospital = new Thread(h::destroyForcibly, "crash-harness-stop-hospital");
                Runtime.getRuntime().addShutdownHook(stopHospital);
                url = "http://127.0.0.1:" + awaitPort(hospital) + "/fhir";
            }
            out.println("crash harness: hospital " + url + ", seed " + options.seed() + ", work " + options.workDir());
            return killAndCompare(url, t0);
        } finally {
            if (hospital != null) {
                hospital.destroy();
                if (!hospital.waitFor(10, TimeUnit.SECONDS)) {
                    hospital.destroyForcibly();
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(stopHospital);
                } catch (IllegalStateException shuttingDown) {
                    // already stopping
                }
            }
        }
    }

    private Counts killAndCompare(String url, long t0) throws IOException, InterruptedException {
        backendUrl = url;
        HospitalLevers levers = new HospitalLevers(url);
        Set<String> before = new HashSet<>();
        try (HospitalLedger ledger = new HospitalLedger(FhirSettings.of(url))) {
            ledger.movements().forEach(m -> before.add(m.idempotencyKey()));
            ledger.bookedAppointments().forEach(a -> before.add(a.holdKey()));
        }

        // The clean run: every expectation must hold; its trace counts the journal writes, its length bounds the delays.
        Run clean = newRun(levers);
        long c0 = System.nanoTime();
        Child cleanChild = child(clean, List.of("-D" + CrashPoint.TRACE + "=true"), clean.script);
        int status = cleanChild.process.waitFor();
        Duration cleanTook = Duration.ofNanos(System.nanoTime() - c0);
        if (status != 0) {
            throw new IllegalStateException("the clean run failed (exit " + status + "); see " + cleanChild.stdout
                    + "\n" + Files.readString(cleanChild.stdout));
        }
        int writes;
        try (Stream<String> lines = Files.lines(cleanChild.stdout)) {
            writes = (int) lines.filter(l -> l.startsWith("journal-write ")).count();
        }
        out.println("clean run: " + writes + " journal writes in " + cleanTook.toMillis() + " ms");

        int kills = 0;
        if (options.perStep()) {
            for (int i = 1; i <= writes; i++) {
                Run run = newRun(levers);
                Child c = child(run, List.of("-D" + CrashPoint.AFTER_WRITES + "=" + i), run.script);
                int exit = await(c);
                if (exit == CrashPoint.HALT_STATUS) {
                    kills++;
                }
                int recovered = recover(run);
                out.println("step kill " + i + "/" + writes + " (" + run.name + "): exit " + exit + ", recover exit " + recovered);
            }
        }
        Random random = new Random(options.seed());
        int attempts = 0;
        int randomKills = 0;
        while (randomKills < options.randomKills() && attempts < options.randomKills() * 3) {
            attempts++;
            long delay = random.nextInt((int) Math.max(1, cleanTook.toMillis()));
            Run run = newRun(levers, RANDOM_CODES.get(random.nextInt(RANDOM_CODES.size())),
                    RANDOM_CODES.get(random.nextInt(RANDOM_CODES.size())));
            Child c = child(run, List.of(), run.script);
            boolean ended = c.process.waitFor(delay, TimeUnit.MILLISECONDS);
            int exit;
            if (ended) {
                exit = c.process.exitValue();
            } else {
                c.process.destroyForcibly(); // SIGKILL on Linux
                exit = await(c);
                randomKills++;
            }
            if (ended && exit == 0) {
                // Not a kill: the run finished (every expectation held, nothing left open); nothing to recover.
                out.println("random kill at " + delay + " ms (" + run.name + "): finished first, exit 0");
                continue;
            }
            int recovered = recover(run);
            out.println("random kill at " + delay + " ms (" + run.name + "): " + (ended ? "ended first, exit " + exit
                    : "killed, exit " + exit) + ", recover exit " + recovered);
        }
        kills += randomKills;

        List<Intent> intents = new ArrayList<>();
        List<PrintJob> jobs = new ArrayList<>();
        for (Path folder : dataFolders) {
            try (KioskStore store = KioskStore.open(folder)) {
                Journal journal = new Journal(store, Clock.systemUTC(), CrashPoint.none());
                intents.addAll(journal.all());
                jobs.addAll(journal.printJobs());
            }
        }
        LedgerComparison.Verdict verdict;
        try (HospitalLedger ledger = new HospitalLedger(FhirSettings.of(url))) {
            verdict = LedgerComparison.compare(intents, jobs, ledger.movements(), ledger.bookedAppointments(), before);
        }
        verdict.findings().forEach(f -> out.println("  " + f));
        Counts counts = new Counts(kills, writes, verdict.intents(), verdict.lost(), verdict.duplicated(),
                verdict.unsettled(), Duration.ofNanos(System.nanoTime() - t0));
        out.println("runs " + runs + ", journals " + dataFolders.size() + ", print jobs " + jobs.size()
                + ", per-step kills " + (kills - randomKills) + " of " + (options.perStep() ? writes : 0)
                + ", random kills " + randomKills + " in " + attempts + " tries, " + counts.took().toSeconds() + " s");
        out.println(counts.line());
        out.flush();
        return counts;
    }

    /** One scripted patient: its own data folder (a kiosk's journal), a fresh bill, a patient and a day in turn. */
    private record Run(String name, Path data, Path script) {
    }

    private Run newRun(HospitalLevers levers) throws IOException {
        return newRun(levers, CODE, CODE);
    }

    private Run newRun(HospitalLevers levers, String payCode, String topUpCode) throws IOException {
        int n = ++runs;
        String patient = PATIENTS.get((n - 1) % PATIENTS.size());
        int day = 1 + (n - 1) % 6;
        levers.issueInvoice("pat-" + patient, Money.ofFen(1000 + 50L * n));
        Path data = options.workDir().resolve("kiosk-" + n);
        dataFolders.add(data);
        Path script = options.workDir().resolve("script-" + n + ".txt");
        Files.writeString(script, """
                # crash harness run %d: register, pay, top up, cancel (patient %s, day +%d)
                card %s
                expect Identified
                register dept=first doctor=first slot=first day=+%d with %s
                expect Booked
                pay all with %s
                expect Paid
                topup 50 with %s
                expect ToppedUp
                cancel booked
                expect Cancelled
                finish
                """.formatted(n, patient, day, patient, day, CODE, payCode, topUpCode), StandardCharsets.UTF_8);
        return new Run("run " + n + ", patient " + patient, data, script);
    }

    private int recover(Run run) throws IOException, InterruptedException {
        Path script = options.workDir().resolve("recover-" + run.data.getFileName() + ".txt");
        Files.writeString(script, "recover\n", StandardCharsets.UTF_8);
        return await(child(run, List.of(), script));
    }

    private record Child(Process process, Path stdout) {
    }

    private Child child(Run run, List<String> props, Path script) throws IOException {
        List<String> cmd = new ArrayList<>(javaCommand());
        cmd.addAll(FAST_POLLING);
        cmd.addAll(props);
        cmd.add(JourneyRunCommand.class.getName());
        cmd.addAll(List.of("--backend", backendUrl, "--data", run.data.toString(), script.toString()));
        String base = script.getFileName().toString().replace(".txt", "");
        Path stdout = options.workDir().resolve(base + ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(stdout.toFile())
                .redirectError(options.workDir().resolve(base + ".err").toFile());
        return new Child(pb.start(), stdout);
    }

    private int await(Child c) throws InterruptedException {
        if (!c.process.waitFor(CHILD_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            c.process.destroyForcibly();
            c.process.waitFor();
            throw new IllegalStateException("a child run did not end within " + CHILD_LIMIT.toSeconds() + " s: " + c.stdout);
        }
        return c.process.exitValue();
    }

    private List<String> javaCommand() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Dfile.encoding=UTF-8",
                "-Dlogback.configurationFile=" + logback.toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"));
    }

    private Process startHospital() throws IOException {
        Path portFile = options.workDir().resolve("hospital.port");
        Files.deleteIfExists(portFile);
        List<String> cmd = new ArrayList<>(javaCommand());
        cmd.add(DemoHospitalCommand.class.getName());
        cmd.addAll(List.of("--port", "0", "--port-file", portFile.toString()));
        return new ProcessBuilder(cmd)
                .redirectOutput(options.workDir().resolve("hospital.out").toFile())
                .redirectError(options.workDir().resolve("hospital.err").toFile())
                .start();
    }

    private int awaitPort(Process hospital) throws IOException, InterruptedException {
        Path portFile = options.workDir().resolve("hospital.port");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(portFile)) {
                String text = Files.readString(portFile, StandardCharsets.US_ASCII).trim();
                if (!text.isEmpty()) {
                    return Integer.parseInt(text);
                }
            }
            if (!hospital.isAlive()) {
                throw new IllegalStateException("the demo hospital exited with " + hospital.exitValue() + "; see "
                        + options.workDir().resolve("hospital.err"));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the demo hospital did not write its port within 60 s");
    }
}
