package org.medkiosk.device.link.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Two connected pseudo-terminals made by socat ({@code socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B}):
 * what is written to one path is read from the other, byte for byte, like a null-modem cable. Drivers open
 * {@link #hostPath()} through jSerialComm; simulators open {@link #devicePath()}.
 *
 * <p>{@link #unplug()} kills socat (both terminals vanish, open ports fail with EIO like a pulled USB adapter);
 * {@link #plugBackIn()} recreates them at the same symlink paths.
 *
 * <pre>
 * try (PseudoTerminalPair pty = PseudoTerminalPair.open()) {   // skips the test if socat is missing (fails if CI=true)
 *     SerialLink host = new SerialLink(SerialSettings.of(pty.hostPath().toString(), 115200));
 *     SerialLink device = new SerialLink(SerialSettings.of(pty.devicePath().toString(), 115200));
 * }
 * </pre>
 */
public final class PseudoTerminalPair implements AutoCloseable {

    private final Path directory;
    private final Path hostPath;
    private final Path devicePath;
    private Process socat;

    private PseudoTerminalPair(Path directory) {
        this.directory = directory;
        this.hostPath = directory.resolve("host");
        this.devicePath = directory.resolve("device");
    }

    /** Creates a pair, or skips the calling test when socat is not installed (fails instead when CI=true). */
    public static PseudoTerminalPair open() throws IOException {
        SystemRequirement.requireCommand("socat");
        PseudoTerminalPair pair = new PseudoTerminalPair(Files.createTempDirectory("medkiosk-pty"));
        pair.start();
        return pair;
    }

    public Path hostPath() {
        return hostPath;
    }

    public Path devicePath() {
        return devicePath;
    }

    /** The cable is pulled: both terminals disappear. */
    public synchronized void unplug() {
        stop();
    }

    /** The cable is plugged back: new terminals behind the same paths. */
    public synchronized void plugBackIn() throws IOException {
        start();
    }

    private void start() throws IOException {
        if (socat != null && socat.isAlive()) {
            return;
        }
        Files.deleteIfExists(hostPath);
        Files.deleteIfExists(devicePath);
        List<String> cmd = new ArrayList<>();
        cmd.add(SystemRequirement.findCommand("socat").toString());
        cmd.add("-d");
        cmd.add("-d");
        cmd.add("pty,raw,echo=0,link=" + hostPath);
        cmd.add("pty,raw,echo=0,link=" + devicePath);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CountDownLatch ready = new CountDownLatch(1);
        StringBuilder log = new StringBuilder();
        Thread drain = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    // socat prints this once both ptys exist and it relays bytes.
                    if (line.contains("starting data transfer loop")) {
                        ready.countDown();
                    }
                }
            } catch (IOException ignored) {
                // socat ended
            }
        }, "socat-log");
        drain.setDaemon(true);
        drain.start();
        try {
            if (!ready.await(10, TimeUnit.SECONDS) || !Files.exists(hostPath) || !Files.exists(devicePath)) {
                p.destroyForcibly();
                synchronized (log) {
                    throw new IOException("socat did not create the pty pair: " + log);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while starting socat", e);
        }
        socat = p;
    }

    private void stop() {
        Process p = socat;
        socat = null;
        if (p != null) {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(hostPath);
            Files.deleteIfExists(devicePath);
        } catch (IOException ignored) {
            // socat usually removes its links itself
        }
    }

    @Override
    public synchronized void close() {
        stop();
        try {
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // temp dir left behind is harmless
        }
    }
}
