package org.medkiosk.device.smartcard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import org.medkiosk.device.link.DeviceHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Driver for PC/SC smart-card readers: discovers readers, notices card insertion and removal, reads each inserted card
 * once with {@link SmartCardProfiles}, and reconnects when the PC/SC service comes back after a restart. Polls on its
 * own daemon thread ("smartcard-reader") and publishes {@link SmartCardEvent}s.
 *
 * <pre>
 * SmartCardReader reader = new SmartCardReader(new PcscTerminalSource(), new SmartCardProfiles(),
 *         Duration.ofMillis(300), event -> ...);
 * reader.start();
 * </pre>
 */
public final class SmartCardReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmartCardReader.class);

    private final CardTerminalSource source;
    private final SmartCardProfiles profiles;
    private final Duration pollInterval;
    private final SmartCardListener listener;
    private final Set<String> cardsSeen = new HashSet<>();
    private final Set<String> failureReported = new HashSet<>();
    private List<String> readers = List.of();
    private volatile DeviceHealth health = DeviceHealth.offline("not started");
    private volatile boolean running;
    private Thread thread;

    public SmartCardReader(CardTerminalSource source, SmartCardProfiles profiles, Duration pollInterval,
                           SmartCardListener listener) {
        this.source = Objects.requireNonNull(source, "source");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "smartcard-reader");
        thread.setDaemon(true);
        thread.start();
    }

    public DeviceHealth health() {
        return health;
    }

    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Names of the readers now connected. */
    public static List<String> readerNames(CardTerminalSource source) throws SmartCardException {
        List<String> names = new ArrayList<>();
        for (CardTerminal t : list(source)) {
            names.add(t.getName());
        }
        return names;
    }

    /**
     * Reads the card in one reader now (technician CLI); {@code readerName} null means the first reader with a card.
     */
    public static SmartCardIdentity readOnce(CardTerminalSource source, SmartCardProfiles profiles, String readerName)
            throws SmartCardException {
        List<CardTerminal> terminals = list(source);
        if (terminals.isEmpty()) {
            throw new SmartCardException(SmartCardException.Reason.COMMUNICATION, "no smart-card reader connected");
        }
        for (CardTerminal t : terminals) {
            if (readerName != null && !t.getName().equals(readerName)) {
                continue;
            }
            try {
                if (t.isCardPresent()) {
                    return read(t, profiles);
                }
            } catch (CardException e) {
                throw communication(e);
            }
            if (readerName != null) {
                throw new SmartCardException(SmartCardException.Reason.CARD_REMOVED, "no card in reader " + readerName);
            }
        }
        throw new SmartCardException(SmartCardException.Reason.CARD_REMOVED,
                readerName == null ? "no card in any reader" : "no such reader: " + readerName);
    }

    private void loop() {
        while (running) {
            try {
                poll();
            } catch (SmartCardException e) {
                source.reset();
                forgetAll();
                setHealth(DeviceHealth.offline(e.getMessage()));
            } catch (RuntimeException e) {
                LOG.warn("smart-card poll failed: {}", e.getClass().getName());
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void poll() throws SmartCardException {
        List<CardTerminal> terminals = list(source);
        List<String> names = terminals.stream().map(CardTerminal::getName).toList();
        if (!names.equals(readers)) {
            readers = names;
            cardsSeen.retainAll(names);
            publish(new SmartCardEvent.ReadersChanged(names));
        }
        setHealth(names.isEmpty() ? DeviceHealth.offline("no smart-card reader connected") : DeviceHealth.ready());
        for (CardTerminal t : terminals) {
            boolean present;
            try {
                present = t.isCardPresent();
            } catch (CardException e) {
                throw communication(e);
            }
            String name = t.getName();
            if (present && cardsSeen.add(name)) {
                try {
                    publish(new SmartCardEvent.CardRead(name, read(t, profiles)));
                } catch (SmartCardException e) {
                    publish(new SmartCardEvent.CardFailed(name, e.reason(), e.getMessage()));
                }
            } else if (!present && cardsSeen.remove(name)) {
                publish(new SmartCardEvent.CardRemoved(name));
            }
        }
    }

    private static SmartCardIdentity read(CardTerminal t, SmartCardProfiles profiles) throws SmartCardException {
        Card card;
        try {
            card = t.connect("*");
        } catch (CardException e) {
            throw new SmartCardException(SmartCardException.Reason.CARD_REMOVED,
                    "cannot connect to the card (removed or mute)", e);
        }
        try {
            return profiles.read(new CardSession(card.getBasicChannel()));
        } finally {
            try {
                card.disconnect(false);
            } catch (CardException | RuntimeException ignored) {
                // the card may already be gone
            }
        }
    }

    private static List<CardTerminal> list(CardTerminalSource source) throws SmartCardException {
        try {
            return source.terminals().list();
        } catch (CardException e) {
            if (pcscCode(e).equals("SCARD_E_NO_READERS_AVAILABLE")) {
                return List.of();
            }
            throw communication(e);
        } catch (RuntimeException e) {
            throw new SmartCardException(SmartCardException.Reason.COMMUNICATION,
                    "PC/SC failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private static SmartCardException communication(CardException e) {
        String code = pcscCode(e);
        String what = switch (code) {
            case "SCARD_E_NO_SERVICE", "SCARD_E_SERVICE_STOPPED", "SCARD_E_INVALID_HANDLE" ->
                    "PC/SC service not running (start pcscd)";
            case "" -> "PC/SC failed: " + e.getMessage();
            default -> "PC/SC failed: " + code;
        };
        return new SmartCardException(SmartCardException.Reason.COMMUNICATION, what, e);
    }

    /** The SCARD_ code in a JDK CardException's cause chain, or "". */
    static String pcscCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                int i = m.indexOf("SCARD_");
                if (i >= 0) {
                    int end = i;
                    while (end < m.length() && (Character.isLetterOrDigit(m.charAt(end)) || m.charAt(end) == '_')) {
                        end++;
                    }
                    return m.substring(i, end);
                }
            }
        }
        return "";
    }

    private void forgetAll() {
        for (String name : cardsSeen) {
            publish(new SmartCardEvent.CardRemoved(name));
        }
        cardsSeen.clear();
        if (!readers.isEmpty()) {
            readers = List.of();
            publish(new SmartCardEvent.ReadersChanged(readers));
        }
    }

    private void setHealth(DeviceHealth h) {
        if (!h.equals(health)) {
            health = h;
            publish(new SmartCardEvent.HealthChanged(h));
        }
    }

    private void publish(SmartCardEvent e) {
        try {
            listener.onEvent(e);
        } catch (RuntimeException ex) {
            LOG.warn("smart-card listener failed: {}", ex.getClass().getName());
        }
    }
}
