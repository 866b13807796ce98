package org.medkiosk.device.link;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads a link on its own daemon thread and hands the bytes to a {@link LinkListener}; opens the link, and reopens it
 * after it was lost (a scanner unplugged and plugged back in) every {@code reopenInterval}. For devices that push data
 * unasked: scanners, printers with automatic status back.
 */
public final class LinkReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Link link;
    private final LinkListener listener;
    private final Duration reopenInterval;
    private final Thread thread;
    private volatile boolean running = true;

    private LinkReader(Link link, LinkListener listener, Duration reopenInterval, String threadName) {
        this.link = Objects.requireNonNull(link, "link");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.reopenInterval = reopenInterval;
        this.thread = new Thread(this::loop, threadName);
        this.thread.setDaemon(true);
    }

    public static LinkReader start(Link link, LinkListener listener, Duration reopenInterval, String threadName) {
        LinkReader r = new LinkReader(link, listener, reopenInterval, threadName);
        r.thread.start();
        return r;
    }

    private void loop() {
        byte[] buf = new byte[4096];
        boolean wasOpen = false;
        LinkException lastFailure = null;
        while (running) {
            try {
                if (!link.isOpen()) {
                    link.open();
                }
                if (!wasOpen) {
                    wasOpen = true;
                    lastFailure = null;
                    listener.onOpened();
                }
                int n = link.read(buf, 0, buf.length, POLL);
                if (n > 0) {
                    listener.onBytes(Arrays.copyOf(buf, n));
                }
            } catch (LinkException e) {
                if (!running) {
                    break;
                }
                link.close();
                // Report each distinct failure once, not every retry.
                if (wasOpen || lastFailure == null || lastFailure.reason() != e.reason()) {
                    listener.onLost(e);
                }
                wasOpen = false;
                lastFailure = e;
                sleep(reopenInterval);
            } catch (RuntimeException e) {
                // A listener bug must not kill the reader thread of a device.
                org.slf4j.LoggerFactory.getLogger(LinkReader.class)
                        .warn("listener of {} failed: {}", link.address(), e.getClass().getName());
            }
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops reading and closes the link. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.close();
    }
}
