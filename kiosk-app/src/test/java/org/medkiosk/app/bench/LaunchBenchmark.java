package org.medkiosk.app.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Launch to an interactive idle screen, measured from the JVM's own start time to the first rendered frame
 * after the window is shown, over real processes started by the launcher (`./kiosk demo`), in a real X window.
 * The first run builds the class-data archive and is reported apart (cold).
 * Needs a display: run under xvfb-run, or it starts Xvfb itself when it is installed.
 *
 * <pre>mvn -q -pl kiosk-app test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.medkiosk.app.bench.LaunchBenchmark [-Dexec.args=RUNS]</pre>
 */
public final class LaunchBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        Path root = Path.of(System.getProperty("user.dir")).getFileName().toString().equals("kiosk-app")
                ? Path.of("..") : Path.of(".");
        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            display = ":93";
            xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1080x1920x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(1500);
        }
        Path data = Files.createTempDirectory("medkiosk-bench");
        List<Long> times = new ArrayList<>();
        Map<String, List<Long>> phases = new TreeMap<>();
        try {
            for (int i = 0; i < runs; i++) {
                // Through the real launcher, so the measured start is what `./kiosk demo` gives (CDS included).
                ProcessBuilder pb = new ProcessBuilder(root.resolve("kiosk").toString(), "demo");
                pb.environment().put("MEDKIOSK_JAVA_OPTS", "-Dmedkiosk.bench.exit-when-idle=true -Dmedkiosk.log.dir=" + data);
                pb.environment().put("DISPLAY", display);
                pb.redirectErrorStream(true);
                Process p = pb.start();
                long idle = -1;
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith("IDLE_READY_MS=")) {
                            idle = Long.parseLong(line.substring("IDLE_READY_MS=".length()).trim());
                        } else if (line.startsWith("PHASES ") && i > 0) {
                            for (String kv : line.substring(7).trim().split(" ")) {
                                String[] parts = kv.split("=");
                                phases.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Long.parseLong(parts[1]));
                            }
                        }
                    }
                }
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
                if (idle < 0) {
                    throw new IllegalStateException("run " + i + " never reported an idle screen");
                }
                if (i > 0) {
                    times.add(idle);
                }
                System.err.println("run " + i + (i == 0 ? " (cold, not counted)" : "") + ": " + idle + " ms");
            }
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.println("| launch → interactive idle screen (warm, " + sorted.length + " runs) | min | median | p95 |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| `kiosk demo`, JDK %s | %d ms | %d ms | %d ms |%n", Runtime.version().feature(),
                sorted[0], sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1]);
        System.out.println();
        System.out.println("| milestone (ms since JVM start, median of warm runs) | ms |");
        System.out.println("|---|---|");
        phases.entrySet().stream().sorted(Map.Entry.comparingByValue((a, b) -> Long.compare(median(a), median(b))))
                .forEach(e -> System.out.printf("| %s | %d |%n", e.getKey(), median(e.getValue())));
    }

    private static long median(List<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return v[v.length / 2];
    }

    private LaunchBenchmark() {
    }
}
