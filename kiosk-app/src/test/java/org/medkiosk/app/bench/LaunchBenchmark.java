package org.medkiosk.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Launch to an interactive idle screen, side by side with a bare JavaFX window ({@link BareWindow}), over real
 * processes in a real X window. Both start through the launcher ({@code ./kiosk}): the same java, the same JVM options,
 * the same JavaFX jars, each with its own class-data archive. Runs alternate (kiosk, bare, kiosk, bare…) so that noise
 * on the machine hits both; each one's first run (it may build the kiosk and its archive) is not counted.
 * Measured, in each process: JVM start (RuntimeMXBean) → the first pulse after the window is shown (AnimationTimer).
 * Needs a display: run under xvfb-run, or it starts Xvfb itself when DISPLAY is unset.
 *
 * <pre>mvn -q -o -pl kiosk-app test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.medkiosk.app.bench.LaunchBenchmark [-Dexec.args=RUNS]</pre>
 * RUNS (default 10) is per variant, the first one included.
 */
public final class LaunchBenchmark {
    private static final String BARE_MAIN = BareWindow.class.getName();

    /** One variant's warm runs. */
    private static final class Series {
        final String name;
        final List<Long> idle = new ArrayList<>();
        final List<Long> cpu = new ArrayList<>();
        final List<Long> spawnToIdle = new ArrayList<>();
        final Map<String, List<Long>> phases = new LinkedHashMap<>();
        String commandLine = "?";

        Series(String name) {
            this.name = name;
        }
    }

    /** What one launch printed. */
    private record Launch(long idle, long cpu, long spawnToIdle, Map<String, Long> phases, String commandLine) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        if (runs < 2) {
            throw new IllegalArgumentException("at least 2 runs per variant: the first one is not counted");
        }
        Path root = Path.of(System.getProperty("user.dir")).getFileName().toString().equals("kiosk-app")
                ? Path.of("..") : Path.of(".");
        root = root.toAbsolutePath().normalize();
        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            display = ":93";
            xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1080x1920x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(1500);
        }
        Path data = Files.createTempDirectory("medkiosk-bench");
        Path bareJar = bareWindowJar(root.resolve("kiosk-app/target/bench/bare-window.jar"));
        Series kiosk = new Series("kiosk");
        Series bare = new Series("bare");
        try {
            for (int i = 0; i < runs; i++) {
                // The first kiosk launch builds the kiosk when its sources changed; then the same build throughout.
                Launch k = launch(kioskCommand(root, display, data, i > 0));
                Launch b = launch(bareCommand(root, display, data, bareJar));
                System.err.printf("run %d%s: kiosk %d ms, bare %d ms%n", i, i == 0 ? " (cold, not counted)" : "",
                        k.idle(), b.idle());
                if (i > 0) {
                    add(kiosk, k);
                    add(bare, b);
                }
            }
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
        print(kiosk, bare, runs - 1);
    }

    private static ProcessBuilder kioskCommand(Path root, String display, Path data, boolean noBuild) {
        ProcessBuilder pb = new ProcessBuilder(root.resolve("kiosk").toString(), "demo");
        environment(pb, display, data, noBuild);
        return pb;
    }

    private static ProcessBuilder bareCommand(Path root, String display, Path data, Path bareJar) {
        ProcessBuilder pb = new ProcessBuilder(root.resolve("kiosk").toString());
        environment(pb, display, data, true);
        pb.environment().put("MEDKIOSK_BASELINE_MAIN", BARE_MAIN);
        pb.environment().put("MEDKIOSK_BASELINE_CLASSPATH", bareJar.toString());
        return pb;
    }

    private static void environment(ProcessBuilder pb, String display, Path data, boolean noBuild) {
        pb.environment().put("MEDKIOSK_JAVA_OPTS", "-Dmedkiosk.bench.exit-when-idle=true -Dmedkiosk.log.dir=" + data);
        pb.environment().put("DISPLAY", display);
        if (noBuild) {
            pb.environment().put("MEDKIOSK_NO_BUILD", "1");
        } else {
            pb.environment().remove("MEDKIOSK_NO_BUILD");
        }
        pb.redirectErrorStream(true);
    }

    private static Launch launch(ProcessBuilder pb) throws IOException, InterruptedException {
        long spawned = System.nanoTime();
        Process p = pb.start();
        long idle = -1;
        long cpu = -1;
        long spawnToIdle = -1;
        String commandLine = "?";
        Map<String, Long> phases = new LinkedHashMap<>();
        List<String> output = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                output.add(line);
                if (line.startsWith("IDLE_READY_MS=")) {
                    spawnToIdle = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - spawned);
                    idle = Long.parseLong(line.substring("IDLE_READY_MS=".length()).trim());
                    commandLine = commandLine(p);
                } else if (line.startsWith("CPU_MS=")) {
                    cpu = Long.parseLong(line.substring("CPU_MS=".length()).trim());
                } else if (line.startsWith("PHASES ")) {
                    for (String kv : line.substring(7).trim().split(" ")) {
                        String[] parts = kv.split("=");
                        phases.put(parts[0], Long.parseLong(parts[1]));
                    }
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        if (idle < 0) {
            String tail = output.subList(Math.max(0, output.size() - 30), output.size()).stream()
                    .collect(Collectors.joining("\n"));
            throw new IllegalStateException(String.join(" ", pb.command()) + " never reported an idle screen:\n" + tail);
        }
        return new Launch(idle, cpu, spawnToIdle, phases, commandLine);
    }

    /** The launcher exec's java in the same process: its command line, as /proc has it (ProcessHandle's is cut short). */
    private static String commandLine(Process p) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException e) {
            return p.info().commandLine().orElse("?");
        }
    }

    private static void add(Series s, Launch l) {
        s.idle.add(l.idle());
        s.cpu.add(l.cpu());
        s.spawnToIdle.add(l.spawnToIdle());
        l.phases().forEach((k, v) -> s.phases.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        s.commandLine = l.commandLine();
    }

    /** BareWindow's classes in a jar of their own: a class-data archive cannot be made over a classes directory. */
    private static Path bareWindowJar(Path jar) throws IOException, URISyntaxException {
        Path classes = Path.of(BareWindow.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = classes.resolve(BareWindow.class.getPackageName().replace('.', '/'));
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().startsWith(BareWindow.class.getSimpleName()))
                    .sorted().toList();
        }
        Files.createDirectories(jar.getParent());
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream jout = new JarOutputStream(out)) {
            for (Path f : files) {
                JarEntry e = new JarEntry(classes.relativize(f).toString().replace('\\', '/'));
                e.setTime(0);
                jout.putNextEntry(e);
                jout.write(Files.readAllBytes(f));
                jout.closeEntry();
            }
        }
        // Rewritten only when its classes changed, so that its class-data archive stays valid between benchmark runs.
        if (Files.exists(jar) && Arrays.equals(Files.readAllBytes(jar), Files.readAllBytes(tmp))) {
            Files.delete(tmp);
        } else {
            Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return jar;
    }

    private static void print(Series kiosk, Series bare, int warm) {
        System.out.printf("Launch → interactive idle screen, JVM start to the first frame after show; %d warm runs each,"
                + " alternating; JDK %s, %d CPUs.%n%n", warm, Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.println("| | median | min | p95 | CPU used by then (median) | process spawn → first frame (median) |");
        System.out.println("|---|---|---|---|---|---|");
        row("`./kiosk demo`", kiosk);
        row("bare JavaFX window (BareWindow)", bare);
        System.out.printf("| **ratio of medians** | **%.2f ×** | | | | |%n", (double) median(kiosk.idle) / median(bare.idle));
        System.out.println();
        // The kiosk's milestones in the order they came (by median), then any only the bare window has.
        Set<String> names = new LinkedHashSet<>();
        kiosk.phases.keySet().stream().sorted((a, b) -> Long.compare(median(kiosk.phases.get(a)), median(kiosk.phases.get(b))))
                .forEach(names::add);
        names.addAll(bare.phases.keySet());
        System.out.println("| milestone (ms since JVM start, median of warm runs) | kiosk | bare |");
        System.out.println("|---|---|---|");
        names.forEach(n -> System.out.printf("| %s | %s | %s |%n", n, cell(kiosk, n), cell(bare, n)));
        System.out.println();
        System.out.println("How they were started (through ./kiosk; JVM command lines as the processes saw them):");
        System.out.println("- kiosk: `./kiosk demo` → `" + shorten(kiosk.commandLine) + "`");
        System.out.println("- bare: `MEDKIOSK_BASELINE_MAIN=" + BARE_MAIN + " MEDKIOSK_BASELINE_CLASSPATH=…/bare-window.jar"
                + " ./kiosk` → `" + shorten(bare.commandLine) + "`");
        System.out.println("- both with MEDKIOSK_JAVA_OPTS=\"-Dmedkiosk.bench.exit-when-idle=true -Dmedkiosk.log.dir=…\""
                + " and MEDKIOSK_NO_BUILD=1 after the first kiosk run.");
    }

    private static void row(String name, Series s) {
        long[] v = sorted(s.idle);
        System.out.printf("| %s | %d ms | %d ms | %d ms | %d ms | %d ms |%n", name, median(s.idle), v[0],
                v[(int) Math.ceil(v.length * 0.95) - 1], median(s.cpu), median(s.spawnToIdle));
    }

    private static String cell(Series s, String phase) {
        List<Long> v = s.phases.get(phase);
        return v == null ? "" : Long.toString(median(v));
    }

    /** The classpath as "first entry:… N jars …", the rest as it was. */
    private static String shorten(String commandLine) {
        String[] parts = commandLine.split(" ");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equals("-cp") || parts[i].equals("-classpath")) {
                String[] entries = parts[i + 1].split(":");
                parts[i + 1] = Arrays.stream(entries).anyMatch(e -> e.contains("*")) ? parts[i + 1]
                        : entries[0].replaceAll(".*/", "…/") + (entries.length > 1
                        ? ":<" + (entries.length - 1) + " jars of kiosk-app/target/app/lib>" : "");
            } else if (parts[i].startsWith("-XX:SharedArchiveFile=") || parts[i].startsWith("-XX:ArchiveClassesAtExit=")) {
                parts[i] = parts[i].replaceAll("=.*/", "=…/");
            }
        }
        return String.join(" ", parts).replaceAll("-Dmedkiosk.log.dir=\\S+", "-Dmedkiosk.log.dir=…");
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static long median(List<Long> values) {
        long[] v = sorted(values);
        return v[v.length / 2];
    }

    private LaunchBenchmark() {
    }
}
