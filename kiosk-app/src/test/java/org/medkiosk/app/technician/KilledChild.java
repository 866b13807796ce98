package org.medkiosk.app.technician;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM that writes in a loop until it is killed with SIGKILL (the kill tests' subject), started the way the
 * journeys' crash harness starts its kiosk: this JVM's java and class path. It reports each completed step on stdout.
 * <ul>
 *   <li>{@code overrides MAIN FIRST-VERSION}: saves {@link #version(long)} FIRST, FIRST+1, … as the technician's
 *   overrides of MAIN, printing {@code saved N} after each save has returned;</li>
 *   <li>{@code pin DATA CLOCK-START}: checks a wrong technician PIN again and again (600 000 iterations), printing
 *   {@code checking} before and {@code checked} after each; its clock moves an hour per check, so none is locked out.</li>
 * </ul>
 */
public final class KilledChild {
    static final char[] WRONG_PIN = "739104".toCharArray();

    public static void main(String[] args) throws Exception {
        if (args[0].equals("overrides")) {
            ConfigOverrides overrides = ConfigOverrides.of(Path.of(args[1]));
            for (long v = Long.parseLong(args[2]); ; v++) {
                overrides.replaceAll(version(v));
                System.out.println("saved " + v);
                System.out.flush();
            }
        }
        if (args[0].equals("pin")) {
            Instant start = Instant.parse(args[2]);
            int[] checks = {0};
            Clock hourly = new Clock() {
                @Override
                public Instant instant() {
                    return start.plus(Duration.ofHours(checks[0]));
                }

                @Override
                public java.time.ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }
            };
            TechnicianPin pin = new TechnicianPin(Path.of(args[1]), hourly, TechnicianPin.ITERATIONS);
            for (; ; checks[0]++) {
                System.out.println("checking");
                System.out.flush();
                PinCheck result = pin.check(WRONG_PIN);
                if (!(result instanceof PinCheck.Wrong)) {
                    throw new IllegalStateException("expected a wrong PIN, got " + result);
                }
                System.out.println("checked");
                System.out.flush();
            }
        }
        throw new IllegalArgumentException("overrides MAIN FIRST | pin DATA CLOCK-START");
    }

    /**
     * Version v of a large set of overrides (about 40-280 KB, its size and keys changing with v), every value valid; its
     * number is the first word of hospital.footer.en.
     */
    static Map<String, String> version(long v) {
        Map<String, String> values = new TreeMap<>();
        StringBuilder footer = new StringBuilder("version " + v + " ");
        int blocks = (int) (v % 7) + 1;
        for (int i = 0; footer.length() < blocks * 40_000; i++) {
            footer.append("Wishing you a speedy recovery, block ").append(i).append(" of version ").append(v).append(". ");
        }
        values.put("hospital.footer.en", footer.toString());
        values.put("hospital.name.zh", "示范市第一人民医院（第" + v + "版）");
        values.put("session.timeout-seconds", String.valueOf(16 + v % 500));
        values.put("idcard.baud", List.of("9600", "19200", "38400", "57600", "115200").get((int) (v % 5)));
        values.put("scanner.format.lab-specimen", "\\d{" + (10 + v % 5) + "}");
        if (v % 2 == 0) {
            values.put("printer.receipt", "");
        } else {
            values.put("idcard.port", "/dev/serial/by-id/usb-SAM_Reader_" + v + "-if00");
        }
        return values;
    }

    static long versionOf(Map<String, String> values) {
        String footer = values.get("hospital.footer.en");
        return Long.parseLong(footer.split(" ")[1]);
    }

    /** A running child and the lines it has written so far. */
    static final class Run implements AutoCloseable {
        final Process process;
        final List<String> lines = new ArrayList<>();
        private final Thread reader;
        private final Path errors;

        Run(Path workDir, String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                    "-Dfile.encoding=UTF-8", "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                    "-cp", System.getProperty("java.class.path"), KilledChild.class.getName()));
            cmd.addAll(List.of(args));
            errors = workDir.resolve("child.err");
            process = new ProcessBuilder(cmd).redirectError(errors.toFile()).start();
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        synchronized (lines) {
                            lines.add(line);
                            lines.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // the pipe closes when the child is killed
                }
            }, "killed-child-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits until the child has written a line starting with {@code prefix}. */
        void awaitLine(String prefix, Duration limit) throws InterruptedException {
            long end = System.nanoTime() + limit.toNanos();
            synchronized (lines) {
                while (lines.stream().noneMatch(l -> l.startsWith(prefix))) {
                    long left = end - System.nanoTime();
                    if (left <= 0 || !process.isAlive()) {
                        String stderr;
                        try {
                            stderr = Files.readString(errors);
                        } catch (IOException e) {
                            stderr = e.toString();
                        }
                        throw new IllegalStateException("the child wrote no '" + prefix + "' line: " + lines
                                + (process.isAlive() ? "" : "; it ended with " + process.exitValue()) + "; stderr: "
                                + stderr.substring(0, Math.min(2000, stderr.length())));
                    }
                    lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
        }

        /** SIGKILL on Linux; then every line it wrote before dying. */
        List<String> kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
            reader.join(10_000);
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
