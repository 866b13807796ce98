package org.medkiosk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.medkiosk.device.link.testing.SystemRequirement;
import org.medkiosk.device.smartcard.PcscTerminalSource;
import org.medkiosk.device.smartcard.VpcdCard;

/**
 * The real PC/SC stack for the kiosk's tests, as the smartcard-reader module's own tests use it: pcscd with
 * vsmartcard-vpcd's "Virtual PCD 00 00" reader (vpcd on TCP 35963), where the Java virtual card ({@link VpcdCard})
 * connects. Uses a running pcscd (or wakes a socket-activated one); otherwise starts {@code pcscd --foreground} and
 * stops only that one. Missing packages skip the test, or fail it when CI=true.
 */
final class PcscStack implements AutoCloseable {
    static final String VIRTUAL_READER = "Virtual PCD 00 00";
    private static final Path SOCKET = Path.of("/run/pcscd/pcscd.comm");
    private Process owned;

    static PcscStack ensureRunning() throws Exception {
        SystemRequirement.requireCommand("pcscd");
        SystemRequirement.require(Files.exists(Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")),
                "vsmartcard-vpcd (libifdvpcd.so)");
        PcscStack stack = new PcscStack();
        if (!vpcdListening() && Files.exists(SOCKET)) {
            try {
                new PcscTerminalSource().terminals().list(); // wakes a socket-activated pcscd
            } catch (Exception ignored) {
                // only meant to wake it
            }
            for (int i = 0; i < 50 && !vpcdListening(); i++) {
                Thread.sleep(100);
            }
        }
        if (!vpcdListening()) {
            stack.owned = new ProcessBuilder(SystemRequirement.findCommand("pcscd").toString(), "--foreground")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 100 && !vpcdListening(); i++) {
                Thread.sleep(100);
            }
        }
        SystemRequirement.require(vpcdListening(), "pcscd with vpcd listening on 127.0.0.1:35963");
        return stack;
    }

    /** Read from /proc/net/tcp: connecting to find out would make vpcd believe a card was inserted. */
    static boolean vpcdListening() {
        String port = String.format(":%04X ", VpcdCard.DEFAULT_PORT);
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 3 && (f[1] + " ").contains(port) && f[3].equals("0A")) {
                        return true;
                    }
                }
            } catch (IOException e) {
                // try the other table
            }
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        if (owned != null) {
            owned.destroy();
            if (!owned.waitFor(10, TimeUnit.SECONDS)) {
                owned.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            owned = null;
        }
    }
}
