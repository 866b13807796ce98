package org.medkiosk.device.smartcard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.medkiosk.device.link.testing.SystemRequirement;

/**
 * The real PC/SC stack for tests: pcscd with vsmartcard-vpcd's "Virtual PCD" reader (vpcd on TCP 35963). Uses the
 * pcscd already running; otherwise starts {@code pcscd --foreground} itself (needs root), and only a pcscd this
 * fixture started may be restarted. Missing packages skip the tests, or fail them when CI=true.
 */
final class Pcscd implements AutoCloseable {

    static final Path SOCKET = Path.of("/run/pcscd/pcscd.comm");
    static final String VIRTUAL_READER = "Virtual PCD 00 00";
    private Process owned;

    static Pcscd ensureRunning() throws Exception {
        SystemRequirement.requireCommand("pcscd");
        SystemRequirement.require(Files.exists(Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")),
                "vsmartcard-vpcd (libifdvpcd.so)");
        Pcscd p = new Pcscd();
        if (!vpcdListening() && Files.exists(SOCKET)) {
            // systemd socket activation: pcscd (and vpcd with it) starts on the first client call.
            try {
                new PcscTerminalSource().terminals().list();
            } catch (Exception ignored) {
                // only meant to wake pcscd up
            }
            for (int i = 0; i < 50 && !vpcdListening(); i++) {
                Thread.sleep(100);
            }
        }
        if (!vpcdListening()) {
            p.start();
        }
        SystemRequirement.require(vpcdListening(), "pcscd with vpcd listening on 127.0.0.1:35963");
        return p;
    }

    boolean owned() {
        return owned != null;
    }

    void start() throws IOException, InterruptedException {
        owned = new ProcessBuilder(SystemRequirement.findCommand("pcscd").toString(), "--foreground")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 100 && !vpcdListening(); i++) {
            Thread.sleep(100);
        }
    }

    /** Stops the pcscd this fixture started (never another one). */
    void stop() throws InterruptedException {
        if (owned != null) {
            owned.destroy();
            if (!owned.waitFor(10, TimeUnit.SECONDS)) {
                owned.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            owned = null;
        }
    }

    /**
     * Whether something listens on the vpcd port, read from /proc/net/tcp: connecting to find out would make vpcd
     * believe a card was inserted.
     */
    static boolean vpcdListening() {
        String port = String.format(":%04X ", VpcdCard.DEFAULT_PORT);
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    // local_address is f[1], state f[3]; 0A = LISTEN
                    if (f.length > 3 && (f[1] + " ").contains(port) && f[3].equals("0A")) {
                        return true;
                    }
                }
            } catch (IOException e) {
                // table missing: try the other one
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
