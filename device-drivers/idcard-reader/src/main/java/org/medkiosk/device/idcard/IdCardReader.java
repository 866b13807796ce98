package org.medkiosk.device.idcard;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.medkiosk.device.link.DeviceHealth;
import org.medkiosk.device.link.Link;
import org.medkiosk.device.link.LinkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Driver of a SAM ID-card reader over any {@link Link}: polls find → select → read, and publishes
 * {@link IdCardEvent}s to a listener on its own daemon thread ("idcard-reader").
 *
 * <p>Rules: a card is reported once and not again until it has been removed (the reader keeps finding a card that
 * stays on it); a corrupted read answer is re-read up to {@code checksumRetries} times; a lost link is reopened every
 * {@code reopenInterval}, so a reader unplugged and plugged back in comes back by itself.
 *
 * <pre>
 * IdCardReader reader = new IdCardReader(new SerialLink(SerialSettings.of("/dev/ttyUSB0", 115200)),
 *         IdCardReaderSettings.defaults(), event -> ...);
 * reader.start();
 * </pre>
 */
public final class IdCardReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IdCardReader.class);
    /** Consecutive unanswered finds before the reader counts as offline (one can be line noise). */
    private static final int SILENT_FINDS_FOR_OFFLINE = 2;

    private final SamChannel channel;
    private final Link link;
    private final IdCardReaderSettings settings;
    private final IdCardListener listener;
    private final ConcurrentLinkedQueue<Diagnostic> diagnostics = new ConcurrentLinkedQueue<>();
    private final Object wake = new Object();
    private volatile DeviceHealth health = DeviceHealth.offline("not started");
    private volatile boolean running;
    private Thread thread;

    // Reader-thread state.
    private boolean cardPresent;
    private int missedFinds;
    private int silentFinds;
    private IdCardEvent.Failure reportedFailure;

    private record Diagnostic(SamCommand command, CompletableFuture<SamAnswer> result) {
    }

    public IdCardReader(Link link, IdCardReaderSettings settings, IdCardListener listener) {
        this.link = Objects.requireNonNull(link, "link");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.channel = new SamChannel(link);
    }

    /** Starts polling on the reader thread. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "idcard-reader");
        thread.setDaemon(true);
        thread.start();
    }

    public DeviceHealth health() {
        return health;
    }

    /** Resets the SAM module (diagnostics); runs between polls on the reader thread. */
    public CompletableFuture<SamStatus> resetSam() {
        return submit(SamCommand.RESET_SAM).thenApply(SamAnswer::status);
    }

    /** Reads the SAM id (diagnostics), formatted like 05.01-20130315-0012345678-1234567890. */
    public CompletableFuture<String> samId() {
        return submit(SamCommand.READ_SAM_ID).thenApply(a -> SamChannel.formatSamId(a.data()));
    }

    /** Sends one SAM command between polls (diagnostics); completes exceptionally when the link is down. */
    public CompletableFuture<SamAnswer> submit(SamCommand command) {
        CompletableFuture<SamAnswer> f = new CompletableFuture<>();
        if (!running) {
            f.completeExceptionally(new IllegalStateException("ID-card reader is not running"));
            return f;
        }
        diagnostics.add(new Diagnostic(command, f));
        synchronized (wake) {
            wake.notifyAll();
        }
        return f;
    }

    /** Stops the thread and closes the link. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            synchronized (wake) {
                wake.notifyAll();
            }
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        link.close();
        Diagnostic d;
        while ((d = diagnostics.poll()) != null) {
            d.result().completeExceptionally(new IllegalStateException("ID-card reader closed"));
        }
    }

    private void loop() {
        while (running) {
            if (!link.isOpen()) {
                try {
                    link.open();
                    silentFinds = 0;
                } catch (LinkException e) {
                    failDiagnostics(e);
                    setHealth(DeviceHealth.offline(e.getMessage()));
                    pause(settings.reopenInterval());
                    continue;
                }
            }
            try {
                runDiagnostics();
                pollOnce();
            } catch (LinkException e) {
                if (e.reason() == LinkException.Reason.TIMEOUT) {
                    if (++silentFinds >= SILENT_FINDS_FOR_OFFLINE) {
                        setHealth(DeviceHealth.offline("no answer from the ID-card reader on " + link.address()));
                        forgetCard();
                    }
                } else {
                    link.close();
                    setHealth(DeviceHealth.offline(e.getMessage()));
                    forgetCard();
                    pause(settings.reopenInterval());
                    continue;
                }
            } catch (RuntimeException e) {
                // Never let one bad answer kill the driver thread of a lobby kiosk.
                LOG.warn("ID-card poll failed: {}", e.getClass().getName());
            }
            pause(settings.pollInterval());
        }
    }

    private void pollOnce() throws LinkException {
        SamAnswer find;
        try {
            find = channel.transact(SamCommand.FIND_CARD, settings.answerTimeout());
        } catch (SamFrameException e) {
            LOG.debug("corrupted find answer: {}", e.kind());
            return;
        }
        silentFinds = 0;
        SamStatus status = find.status();
        if (status.isSamFault()) {
            setHealth(DeviceHealth.degraded("SAM fault: " + status.reason()
                    + String.format(" (SW3 %02X)", find.sw3())));
            return;
        }
        setHealth(DeviceHealth.ready());
        if (status == SamStatus.FIND_CARD_SUCCESS) {
            missedFinds = 0;
            if (!cardPresent) {
                readCard();
            }
        } else if (status == SamStatus.FIND_CARD_FAILED) {
            reportedFailure = null;
            if (cardPresent && ++missedFinds >= settings.removalConfirmations()) {
                cardPresent = false;
                missedFinds = 0;
                publish(new IdCardEvent.CardRemoved());
            }
        } else {
            LOG.debug("unexpected find answer {}", status);
        }
    }

    private void readCard() throws LinkException {
        try {
            SamAnswer select = channel.transact(SamCommand.SELECT_CARD, settings.answerTimeout());
            if (select.status() != SamStatus.SUCCESS) {
                fail(IdCardEvent.Failure.CARD_REJECTED, select.status());
                return;
            }
        } catch (SamFrameException e) {
            fail(IdCardEvent.Failure.CORRUPTED_ANSWER, "corrupted select answer (" + e.kind() + ")");
            return;
        } catch (LinkException e) {
            if (e.reason() != LinkException.Reason.TIMEOUT) {
                throw e;
            }
            fail(IdCardEvent.Failure.INCOMPLETE_ANSWER, "no complete select answer");
            return;
        }
        SamAnswer read = null;
        String lastProblem = null;
        for (int attempt = 0; attempt <= settings.checksumRetries() && read == null; attempt++) {
            try {
                SamAnswer a = channel.transact(SamCommand.READ_TEXT_AND_PHOTO, settings.readTimeout());
                if (a.status() == SamStatus.CHECKSUM_ERROR || a.status() == SamStatus.LENGTH_ERROR) {
                    lastProblem = "reader reported " + a.status().reason();
                    continue;
                }
                read = a;
            } catch (SamFrameException e) {
                lastProblem = "corrupted read answer (" + e.kind() + ")";
                LOG.debug("{}, attempt {}", lastProblem, attempt + 1);
            } catch (LinkException e) {
                if (e.reason() != LinkException.Reason.TIMEOUT) {
                    throw e;
                }
                fail(IdCardEvent.Failure.INCOMPLETE_ANSWER,
                        "read answer stopped half way (card moved away during the read?)");
                return;
            }
        }
        if (read == null) {
            fail(IdCardEvent.Failure.CORRUPTED_ANSWER, lastProblem + " after " + (settings.checksumRetries() + 1)
                    + " attempts");
            return;
        }
        if (read.status() != SamStatus.SUCCESS) {
            fail(IdCardEvent.Failure.CARD_REJECTED, read.status());
            return;
        }
        IdCard card;
        try {
            CardReadout readout = CardReadout.parse(read.data());
            card = IdCardText.parse(readout.text(), new CardPhoto(readout.photo()));
        } catch (SamFrameException | IdCardFormatException e) {
            fail(IdCardEvent.Failure.UNREADABLE_TEXT, e.getMessage());
            return;
        }
        cardPresent = true;
        missedFinds = 0;
        reportedFailure = null;
        publish(new IdCardEvent.CardRead(card));
    }

    private void fail(IdCardEvent.Failure failure, SamStatus status) {
        fail(failure, "SAM: " + status.reason());
    }

    private void fail(IdCardEvent.Failure failure, String detail) {
        // The reader retries every poll while the card stays; say so once, not three times a second.
        if (reportedFailure != failure) {
            reportedFailure = failure;
            publish(new IdCardEvent.ReadFailed(failure, detail));
        }
    }

    private void forgetCard() {
        if (cardPresent) {
            cardPresent = false;
            publish(new IdCardEvent.CardRemoved());
        }
        missedFinds = 0;
        reportedFailure = null;
    }

    private void runDiagnostics() throws LinkException {
        Diagnostic d;
        while ((d = diagnostics.poll()) != null) {
            try {
                d.result().complete(channel.transact(d.command(), settings.answerTimeout()));
            } catch (SamFrameException e) {
                d.result().completeExceptionally(e);
            } catch (LinkException e) {
                d.result().completeExceptionally(e);
                throw e;
            }
        }
    }

    private void failDiagnostics(LinkException e) {
        Diagnostic d;
        while ((d = diagnostics.poll()) != null) {
            d.result().completeExceptionally(e);
        }
    }

    private void setHealth(DeviceHealth h) {
        if (!h.equals(health)) {
            health = h;
            publish(new IdCardEvent.HealthChanged(h));
        }
    }

    private void publish(IdCardEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("ID-card listener failed on {}: {}", event.getClass().getSimpleName(), e.getClass().getName());
        }
    }

    private void pause(Duration d) {
        synchronized (wake) {
            if (!running || !diagnostics.isEmpty()) {
                return;
            }
            try {
                wake.wait(Math.max(1, d.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
