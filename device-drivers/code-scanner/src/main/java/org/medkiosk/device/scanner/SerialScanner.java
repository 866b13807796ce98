package org.medkiosk.device.scanner;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.medkiosk.device.link.DeviceHealth;
import org.medkiosk.device.link.Link;
import org.medkiosk.device.link.LinkException;
import org.medkiosk.device.link.LinkListener;
import org.medkiosk.device.link.LinkReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Driver of a serial (or USB-CDC) barcode/QR scanner: reads its byte stream on a daemon thread, frames codes per
 * {@link ScannerFraming}, classifies them and publishes {@link ScannerEvent}s. Reopens the port after an unplug.
 * For scanners in command-trigger mode, {@link #startScanning()} / {@link #stopScanning()} send the profile's commands.
 *
 * <p>Never logs code contents: payment codes pass through here.
 */
public final class SerialScanner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SerialScanner.class);

    private final Link link;
    private final ScannerFraming framing;
    private final TriggerProfile trigger;
    private final CodeClassifier classifier;
    private final ScannerListener listener;
    private final Duration idleGap;
    private final ScanFrameDecoder decoder;
    private final byte[] ack;
    private int ackMatched;
    private long lastByteNanos;
    private volatile DeviceHealth health = DeviceHealth.offline("not started");
    private LinkReader reader;
    private ScheduledExecutorService idleFlusher;

    public SerialScanner(Link link, ScannerFraming framing, TriggerProfile trigger, CodeClassifier classifier,
                         ScannerListener listener) {
        this(link, framing, trigger, classifier, listener, Duration.ofMillis(150));
    }

    /** @param idleGap with {@link ScannerFraming.Suffix#NONE}: quiet time that ends a code */
    public SerialScanner(Link link, ScannerFraming framing, TriggerProfile trigger, CodeClassifier classifier,
                         ScannerListener listener, Duration idleGap) {
        this.link = Objects.requireNonNull(link, "link");
        this.framing = Objects.requireNonNull(framing, "framing");
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.idleGap = idleGap;
        this.decoder = new ScanFrameDecoder(framing);
        this.ack = trigger.acknowledgement();
    }

    /** Opens the link (retrying every 2 s while it is missing) and starts reading. */
    public synchronized void start() {
        if (reader != null) {
            return;
        }
        reader = LinkReader.start(link, new LinkListener() {
            @Override
            public void onBytes(byte[] bytes) {
                received(bytes);
            }

            @Override
            public void onOpened() {
                setHealth(DeviceHealth.ready());
            }

            @Override
            public void onLost(LinkException reason) {
                synchronized (decoder) {
                    decoder.reset();
                }
                setHealth(DeviceHealth.offline(reason.getMessage()));
            }
        }, Duration.ofSeconds(2), "code-scanner");
        if (framing.suffix() == ScannerFraming.Suffix.NONE) {
            idleFlusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "code-scanner-idle");
                t.setDaemon(true);
                return t;
            });
            long period = Math.max(10, idleGap.toMillis() / 3);
            idleFlusher.scheduleWithFixedDelay(this::flushIfIdle, period, period, TimeUnit.MILLISECONDS);
        }
    }

    public DeviceHealth health() {
        return health;
    }

    public TriggerProfile trigger() {
        return trigger;
    }

    /** Tells a command-trigger scanner to start decoding; nothing for presentation scanners. */
    public void startScanning() throws LinkException {
        if (trigger.needsTrigger()) {
            link.write(trigger.startCommand());
        }
    }

    /** Tells a command-trigger scanner to stop decoding (e.g. when the screen no longer expects a code). */
    public void stopScanning() throws LinkException {
        if (trigger.needsTrigger()) {
            link.write(trigger.stopCommand());
        }
    }

    @Override
    public synchronized void close() {
        if (idleFlusher != null) {
            idleFlusher.shutdownNow();
        }
        if (reader != null) {
            reader.close();
            reader = null;
        }
        link.close();
    }

    private void received(byte[] bytes) {
        List<ScanFrameDecoder.RawScan> scans;
        synchronized (decoder) {
            lastByteNanos = System.nanoTime();
            byte[] data = ack.length == 0 ? bytes : stripAcknowledgements(bytes);
            scans = decoder.feed(data);
        }
        scans.forEach(this::publishScan);
    }

    private byte[] stripAcknowledgements(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (byte b : bytes) {
            if (b == ack[ackMatched]) {
                if (++ackMatched == ack.length) {
                    ackMatched = 0;
                }
                continue;
            }
            if (ackMatched > 0) {
                out.write(ack, 0, ackMatched);
                ackMatched = 0;
                if (b == ack[0]) {
                    ackMatched = 1;
                    continue;
                }
            }
            out.write(b);
        }
        return out.toByteArray();
    }

    private void flushIfIdle() {
        List<ScanFrameDecoder.RawScan> scans;
        synchronized (decoder) {
            if (System.nanoTime() - lastByteNanos < idleGap.toNanos()) {
                return;
            }
            scans = decoder.flush();
        }
        scans.forEach(this::publishScan);
    }

    private void publishScan(ScanFrameDecoder.RawScan scan) {
        ScannedCode code = classifier.scanned(scan.text(), scan.symbology());
        try {
            listener.onEvent(new ScannerEvent.CodeScanned(code));
        } catch (RuntimeException e) {
            LOG.warn("scanner listener failed: {}", e.getClass().getName());
        }
    }

    private void setHealth(DeviceHealth h) {
        if (!h.equals(health)) {
            health = h;
            try {
                listener.onEvent(new ScannerEvent.HealthChanged(h));
            } catch (RuntimeException e) {
                LOG.warn("scanner listener failed: {}", e.getClass().getName());
            }
        }
    }
}
