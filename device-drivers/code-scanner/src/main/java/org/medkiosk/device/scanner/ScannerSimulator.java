package org.medkiosk.device.scanner;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.medkiosk.device.link.Link;
import org.medkiosk.device.link.LinkException;

/**
 * A serial scanner on the device end of a {@link Link}: frames presented codes as the real scanner would (prefix, AIM
 * id, suffix) and, in command-trigger mode, holds them until the trigger command arrives (answering Zebra SSI commands
 * with CMD_ACK). For tests over ptys and demo mode over an in-memory pair.
 */
public final class ScannerSimulator implements AutoCloseable {

    private final Link link;
    private final ScannerFraming framing;
    private final TriggerProfile trigger;
    private final Deque<byte[]> waiting = new ArrayDeque<>();
    private volatile boolean running;
    private volatile boolean triggered;
    private Thread thread;

    public ScannerSimulator(Link deviceEnd, ScannerFraming framing, TriggerProfile trigger) {
        this.link = deviceEnd;
        this.framing = framing;
        this.trigger = trigger;
    }

    public synchronized void start() throws LinkException {
        if (running) {
            return;
        }
        link.open();
        running = true;
        thread = new Thread(this::serve, "scanner-simulator");
        thread.setDaemon(true);
        thread.start();
    }

    /** A code is shown to the scanner. Presentation scanners send it at once; triggered ones when triggered. */
    public void present(String code, Symbology symbology) throws LinkException {
        byte[] frame = framing.frame(code, symbology);
        synchronized (waiting) {
            if (trigger.needsTrigger() && !triggered) {
                waiting.add(frame);
                return;
            }
            link.write(frame);
        }
    }

    /** Raw bytes on the line (noise, half frames) for fault tests. */
    public void sendRaw(byte[] bytes) throws LinkException {
        synchronized (waiting) {
            link.write(bytes);
        }
    }

    public boolean isTriggered() {
        return triggered;
    }

    private void serve() {
        byte[] buf = new byte[256];
        byte[] start = trigger.startCommand();
        byte[] stop = trigger.stopCommand();
        byte[] window = new byte[0];
        while (running) {
            try {
                if (!link.isOpen()) {
                    link.open();
                }
                int n = link.read(buf, 0, buf.length, Duration.ofMillis(100));
                if (n <= 0 || !trigger.needsTrigger()) {
                    continue;
                }
                window = concat(window, Arrays.copyOf(buf, n));
                int s = indexOf(window, start);
                int t = indexOf(window, stop);
                if (s >= 0 || t >= 0) {
                    boolean on = s >= 0 && s > t;
                    window = new byte[0];
                    synchronized (waiting) {
                        if (trigger.acknowledgement().length > 0) {
                            link.write(trigger.acknowledgement());
                        }
                        triggered = on;
                        while (on && !waiting.isEmpty()) {
                            link.write(waiting.poll());
                        }
                    }
                } else if (window.length > 64) {
                    window = Arrays.copyOfRange(window, window.length - 16, window.length);
                }
            } catch (LinkException e) {
                link.close();
                sleep();
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        int last = -1;
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            last = i;
        }
        return last;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        link.close();
    }
}
