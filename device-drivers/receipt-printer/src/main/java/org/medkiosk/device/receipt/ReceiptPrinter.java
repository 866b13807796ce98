package org.medkiosk.device.receipt;

import java.time.Duration;
import java.util.Objects;
import org.medkiosk.device.link.DeviceHealth;
import org.medkiosk.device.link.Link;
import org.medkiosk.device.link.LinkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ESC/POS receipt printer driver over any {@link Link}. It never claims to have printed what it did not:
 * every job is framed by real-time status reads (DLE EOT 1–4) before and after, and only a printer that was
 * healthy both times yields {@link PrintResult.Printed}. Paper near end prints, with a warning.
 *
 * <p>Threading: all methods are synchronized; one job at a time, callers should print off the UI thread.
 * The driver opens the link lazily and reopens it after a failure (unplugged USB-serial adapter).
 */
public final class ReceiptPrinter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptPrinter.class);

    private final Link link;
    private final boolean statusCapable;
    private final Duration answerTimeout;
    private volatile DeviceHealth health = DeviceHealth.offline("not yet asked");
    private final java.util.List<java.util.function.Consumer<DeviceHealth>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param statusCapable false for destinations that cannot answer (capture files): jobs then end as
     *                      {@link PrintResult.SentUnverified}
     * @param answerTimeout how long to wait for each status answer byte
     */
    public ReceiptPrinter(Link link, boolean statusCapable, Duration answerTimeout) {
        this.link = Objects.requireNonNull(link, "link");
        this.statusCapable = statusCapable;
        this.answerTimeout = Objects.requireNonNull(answerTimeout, "answerTimeout");
    }

    /** A printer at a technician address ({@link PrinterAddress}), 1 s per status answer. */
    public static ReceiptPrinter connect(String spec) {
        PrinterAddress a = PrinterAddress.parse(spec);
        return new ReceiptPrinter(a.newLink(), a.statusCapable(), Duration.ofSeconds(1));
    }

    /**
     * The technician's one-shot: status → send → status on the printer at {@code spec}, then close.
     * Nothing is sent when the first status shows a problem.
     */
    public static PrintResult printOnce(String spec, byte[] page) {
        try (ReceiptPrinter p = connect(spec)) {
            return p.print(page);
        }
    }

    public String address() {
        return link.address();
    }

    /** The health from the last status read (OFFLINE until the first one). */
    public DeviceHealth health() {
        return health;
    }

    /**
     * Called (on the printing thread) whenever a status read changes the health, e.g. READY → DEGRADED(paper
     * near end) for the technician dashboard. Listeners must not block.
     */
    public void addHealthListener(java.util.function.Consumer<DeviceHealth> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void setHealth(DeviceHealth h) {
        DeviceHealth old = health;
        health = h;
        if (!h.equals(old)) {
            for (var l : listeners) {
                try {
                    l.accept(h);
                } catch (RuntimeException e) {
                    LOG.warn("health listener failed", e);
                }
            }
        }
    }

    /** Asks DLE EOT 1, 2, 3 and 4 and decodes the answers. */
    public synchronized PrinterStatus readStatus() throws PrinterException {
        return readStatus(answerTimeout);
    }

    private PrinterStatus readStatus(Duration timeout) throws PrinterException {
        if (!statusCapable) {
            throw new PrinterException(PrinterProblem.NOT_RESPONDING, link.address() + " cannot report printer status", null);
        }
        try {
            link.open();
            link.discardInput();
            byte[] answers = new byte[4];
            byte[] one = new byte[1];
            for (int n = 1; n <= 4; n++) {
                link.write(StatusCodec.request(n));
                long deadline = System.nanoTime() + timeout.toNanos();
                while (true) {
                    long left = deadline - System.nanoTime();
                    int got = left > 0 ? link.read(one, 0, 1, Duration.ofNanos(left)) : 0;
                    if (got == 0) {
                        setHealth(DeviceHealth.offline(PrinterProblem.NOT_RESPONDING.description()));
                        throw new PrinterException(PrinterProblem.NOT_RESPONDING,
                                link.address() + ": no answer to DLE EOT " + n, null);
                    }
                    // skip bytes that cannot be a status answer (ASB frames, XON/XOFF, noise)
                    if (StatusCodec.isStatusByte(one[0] & 0xff)) {
                        answers[n - 1] = one[0];
                        break;
                    }
                }
            }
            PrinterStatus s = StatusCodec.decode(answers);
            setHealth(s.health());
            return s;
        } catch (LinkException e) {
            setHealth(DeviceHealth.offline(PrinterProblem.LINK_FAILURE.description()));
            throw new PrinterException(PrinterProblem.LINK_FAILURE, link.address() + ": " + e.reason(), e);
        } catch (StatusFormatException e) {
            throw new IllegalStateException("filtered status byte rejected", e); // isStatusByte guarantees the format
        }
    }

    /** Prints one job (complete ESC/POS bytes, e.g. from print-templates) between two status reads. */
    public synchronized PrintResult print(byte[] job) {
        Objects.requireNonNull(job, "job");
        if (!statusCapable) {
            try {
                link.open();
                link.write(job);
                return new PrintResult.SentUnverified(link.address() + " cannot report status: delivery not confirmed");
            } catch (LinkException e) {
                return notPrinted(PrinterProblem.LINK_FAILURE, link.address() + ": " + e.reason(), false, null);
            }
        }
        PrinterStatus before;
        try {
            before = readStatus(answerTimeout);
        } catch (PrinterException e) {
            return notPrinted(e.problem(), e.getMessage(), false, null);
        }
        if (before.problem().isPresent()) {
            return notPrinted(before.problem().get(), before.problem().get().description(), false, before);
        }
        try {
            link.write(job);
        } catch (LinkException e) {
            setHealth(DeviceHealth.offline(PrinterProblem.LINK_FAILURE.description()));
            return notPrinted(PrinterProblem.LINK_FAILURE, link.address() + ": " + e.reason() + " while sending", true, before);
        }
        // the answer to the next DLE EOT queues behind the job on slow links: allow for 9600 baud wire time
        Duration afterTimeout = answerTimeout.plusMillis(job.length * 10L * 1000 / 9600);
        PrinterStatus after;
        try {
            after = readStatus(afterTimeout);
        } catch (PrinterException e) {
            return notPrinted(e.problem(), e.getMessage() + " after sending", true, null);
        }
        if (after.problem().isPresent()) {
            return notPrinted(after.problem().get(), after.problem().get().description() + " (during printing)", true, after);
        }
        if (!after.warnings().isEmpty()) {
            LOG.warn("receipt printer {}: {}", link.address(), String.join("; ", after.warnings()));
        }
        return new PrintResult.Printed(after, after.warnings());
    }

    private PrintResult notPrinted(PrinterProblem problem, String reason, boolean sent, PrinterStatus status) {
        LOG.warn("receipt printer {}: job not printed: {}", link.address(), problem);
        return new PrintResult.NotPrinted(problem, reason, sent, status);
    }

    @Override
    public synchronized void close() {
        link.close();
    }
}
