package org.medkiosk.device.idcard;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.medkiosk.device.link.Link;
import org.medkiosk.device.link.LinkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SAM ID-card reader on the device end of a {@link Link}: answers the same bytes a real reader does
 * (DEVICES.md §1), with a card that can be inserted and removed, and {@link SimulatedFault}s on demand. Used by tests
 * over pseudo-terminals, by demo mode over an in-memory pair, and by technicians over a real serial port.
 *
 * <pre>
 * LinkPair pair = InMemoryLink.pair("idcard");
 * SamReaderSimulator sim = new SamReaderSimulator(pair.device()); sim.start();
 * IdCardReader reader = new IdCardReader(pair.host(), IdCardReaderSettings.defaults(), listener); reader.start();
 * sim.insert(DemoCards.ZHANG_SANMING);
 * </pre>
 */
public final class SamReaderSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SamReaderSimulator.class);
    private static final byte[] SAM_ID = {5, 0, 1, 0, (byte) 0x1F, (byte) 0xB6, 0x33, 0x01, 0x4E, 0x61, (byte) 0xBC,
        0, 0x15, (byte) 0xCD, 0x5B, 0x07};

    private final Link link;
    private final Set<SimulatedFault> faults = ConcurrentHashMap.newKeySet();
    private final Random random = new Random(42);
    private volatile IdCard card;
    private volatile boolean selected;
    private volatile boolean running;
    private volatile int commandsAnswered;
    private Thread thread;

    public SamReaderSimulator(Link deviceEnd) {
        this.link = deviceEnd;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::serve, "sam-simulator");
        thread.setDaemon(true);
        thread.start();
    }

    /** Places a card on the reader (replacing any card already there). */
    public void insert(IdCard newCard) {
        selected = false;
        card = newCard;
    }

    /** Takes the card away. */
    public void remove() {
        card = null;
        selected = false;
    }

    public boolean hasCard() {
        return card != null;
    }

    public void enable(SimulatedFault fault) {
        faults.add(fault);
    }

    public void disable(SimulatedFault fault) {
        faults.remove(fault);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** How many commands were answered so far (lets tests wait for polls without timing assumptions). */
    public int commandsAnswered() {
        return commandsAnswered;
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

    private void serve() {
        SamFrameCodec.Decoder decoder = new SamFrameCodec.Decoder();
        byte[] buf = new byte[1024];
        while (running) {
            try {
                if (!link.isOpen()) {
                    link.open();
                    decoder.reset();
                }
                int n = link.read(buf, 0, buf.length, Duration.ofMillis(100));
                if (n <= 0) {
                    continue;
                }
                decoder.feed(buf, 0, n);
                while (true) {
                    byte[] body;
                    try {
                        body = decoder.next();
                    } catch (SamFrameException e) {
                        answer(e.kind() == SamFrameException.Kind.BAD_LENGTH ? 0x11 : 0x10, new byte[0], false);
                        continue;
                    }
                    if (body == null) {
                        break;
                    }
                    handle(body);
                }
            } catch (LinkException e) {
                link.close();
                sleep(100);
            } catch (RuntimeException e) {
                LOG.warn("SAM simulator failed: {}", e.toString());
            }
        }
    }

    private void handle(byte[] body) throws LinkException {
        if (faults.contains(SimulatedFault.SILENT)) {
            return;
        }
        if (body.length < 2) {
            answer(0x11, new byte[0], false);
            return;
        }
        SamCommand command = SamCommand.of(body[0], body[1]);
        if (command == null) {
            answer(0x21, new byte[0], false);
            return;
        }
        if (faults.contains(SimulatedFault.SAM_SELF_TEST_FAILED)) {
            answer(0x60, new byte[0], false);
            return;
        }
        if (faults.contains(SimulatedFault.SAM_NOT_AUTHORIZED)) {
            answer(0x66, new byte[0], false);
            return;
        }
        IdCard current = card;
        switch (command) {
            case RESET_SAM, SAM_STATUS -> answer(0x90, new byte[0], false);
            case READ_SAM_ID -> answer(0x90, SAM_ID, false);
            case FIND_CARD -> answer(current != null ? 0x9F : 0x80, current != null ? new byte[4] : new byte[0], false);
            case SELECT_CARD -> {
                if (current == null) {
                    answer(0x81, new byte[0], false);
                } else if (faults.contains(SimulatedFault.UNKNOWN_CARD_TYPE)) {
                    answer(0x40, new byte[0], false);
                } else {
                    selected = true;
                    answer(0x90, new byte[8], false);
                }
            }
            case READ_TEXT_AND_PHOTO, READ_TEXT_PHOTO_AND_FINGERPRINT -> {
                if (current == null || !selected) {
                    answer(0x41, new byte[0], false);
                } else if (faults.contains(SimulatedFault.READ_FAILED)) {
                    answer(0x41, new byte[0], false);
                } else {
                    CardReadout readout = new CardReadout(IdCardText.encode(current), current.photo().encoded(),
                            new byte[0]);
                    byte[] data = readout.encode(command == SamCommand.READ_TEXT_PHOTO_AND_FINGERPRINT);
                    if (faults.remove(SimulatedFault.CARD_PULLED_MID_READ)) {
                        byte[] frame = SamFrameCodec.encodeAnswer(0x90, data);
                        link.write(Arrays.copyOf(frame, frame.length / 2));
                        remove();
                        commandsAnswered++;
                        return;
                    }
                    boolean corrupt = faults.remove(SimulatedFault.CORRUPT_CHECKSUM_ONCE)
                            || faults.contains(SimulatedFault.CORRUPT_CHECKSUM);
                    answer(0x90, data, corrupt);
                }
            }
            case READ_APPENDED_ADDRESS -> answer(0x91, new byte[0], false);
            default -> answer(0x21, new byte[0], false);
        }
    }

    private void answer(int sw3, byte[] data, boolean corruptChecksum) throws LinkException {
        byte[] frame = SamFrameCodec.encodeAnswer(sw3, data);
        if (corruptChecksum) {
            frame[frame.length - 1] ^= 0x5A;
        }
        if (faults.contains(SimulatedFault.NOISE)) {
            byte[] noise = new byte[1 + random.nextInt(24)];
            for (int i = 0; i < noise.length; i++) {
                // Anything but the preamble's first byte keeps the noise from forming a fake preamble.
                noise[i] = (byte) random.nextInt(0xAA);
            }
            link.write(noise);
        }
        if (faults.contains(SimulatedFault.BAD_LENGTH_BEFORE_ANSWER)) {
            link.write(new byte[] {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69, (byte) 0xFF, (byte) 0xF0});
        }
        if (faults.contains(SimulatedFault.SPLIT_FRAMES)) {
            int off = 0;
            while (off < frame.length) {
                int piece = Math.min(frame.length - off, 1 + random.nextInt(64));
                link.write(Arrays.copyOfRange(frame, off, off + piece));
                off += piece;
                sleep(1);
            }
        } else {
            link.write(frame);
        }
        commandsAnswered++;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
