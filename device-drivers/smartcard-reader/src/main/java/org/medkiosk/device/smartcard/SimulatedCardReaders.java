package org.medkiosk.device.smartcard;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * In-process smart-card readers holding {@link SimulatedCard}s, for demo mode: the real {@link SmartCardReader} runs
 * against them exactly as against PC/SC, and a demo button calls {@link #insert} / {@link #remove}.
 *
 * <pre>
 * SimulatedCardReaders readers = new SimulatedCardReaders("Demo card reader");
 * SmartCardReader reader = new SmartCardReader(readers, new SmartCardProfiles(), Duration.ofMillis(300), listener);
 * readers.insert("Demo card reader", SocialSecurityCardSimulator.demo(1, SocialSecurityCardSimulator.Variant.NORMAL));
 * </pre>
 */
public final class SimulatedCardReaders implements CardTerminalSource {

    private final List<Terminal> terminals = new ArrayList<>();
    private final Map<String, SimulatedCard> cards = new ConcurrentHashMap<>();
    private final Terminals view = new Terminals();

    public SimulatedCardReaders(String... readerNames) {
        for (String n : readerNames) {
            terminals.add(new Terminal(n));
        }
    }

    /** Puts a card into a reader (replacing any card there). */
    public void insert(String readerName, SimulatedCard card) {
        requireReader(readerName);
        card.reset();
        cards.put(readerName, card);
        synchronized (view) {
            view.notifyAll();
        }
    }

    /** Takes the card out of a reader. */
    public void remove(String readerName) {
        cards.remove(readerName);
        synchronized (view) {
            view.notifyAll();
        }
    }

    @Override
    public CardTerminals terminals() {
        return view;
    }

    private void requireReader(String name) {
        if (terminals.stream().noneMatch(t -> t.getName().equals(name))) {
            throw new IllegalArgumentException("no simulated reader " + name);
        }
    }

    private final class Terminals extends CardTerminals {
        @Override
        public List<CardTerminal> list(State state) {
            List<CardTerminal> out = new ArrayList<>();
            for (Terminal t : terminals) {
                boolean present = cards.containsKey(t.getName());
                boolean wanted = switch (state) {
                    case ALL -> true;
                    case CARD_PRESENT, CARD_INSERTION -> present;
                    case CARD_ABSENT, CARD_REMOVAL -> !present;
                };
                if (wanted) {
                    out.add(t);
                }
            }
            return out;
        }

        @Override
        public boolean waitForChange(long timeout) {
            synchronized (this) {
                try {
                    wait(timeout);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return true;
        }
    }

    private final class Terminal extends CardTerminal {
        private final String name;

        Terminal(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Card connect(String protocol) throws CardException {
            SimulatedCard card = cards.get(name);
            if (card == null) {
                throw new CardNotPresentException("no card in " + name);
            }
            return new ConnectedCard(this, card);
        }

        @Override
        public boolean isCardPresent() {
            return cards.containsKey(name);
        }

        @Override
        public boolean waitForCardPresent(long timeout) {
            return poll(true, timeout);
        }

        @Override
        public boolean waitForCardAbsent(long timeout) {
            return poll(false, timeout);
        }

        private boolean poll(boolean present, long timeout) {
            long end = timeout == 0 ? Long.MAX_VALUE : System.currentTimeMillis() + timeout;
            while (isCardPresent() != present) {
                if (System.currentTimeMillis() >= end) {
                    return false;
                }
                view.waitForChange(Math.max(1, Math.min(100, end - System.currentTimeMillis())));
            }
            return true;
        }
    }

    private final class ConnectedCard extends Card {
        private final Terminal terminal;
        private final SimulatedCard card;
        private final CardChannel basic;

        ConnectedCard(Terminal terminal, SimulatedCard card) {
            this.terminal = terminal;
            this.card = card;
            this.basic = new Channel(this);
        }

        SimulatedCard insertedOrThrow() throws CardNotPresentException {
            if (cards.get(terminal.getName()) != card) {
                throw new CardNotPresentException("card removed from " + terminal.getName());
            }
            return card;
        }

        @Override
        public ATR getATR() {
            return new ATR(card.atr());
        }

        @Override
        public String getProtocol() {
            return "T=1";
        }

        @Override
        public CardChannel getBasicChannel() {
            return basic;
        }

        @Override
        public CardChannel openLogicalChannel() throws CardException {
            throw new CardException("logical channels are not simulated");
        }

        @Override
        public void beginExclusive() {
            // single user
        }

        @Override
        public void endExclusive() {
            // single user
        }

        @Override
        public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
            throw new CardException("control commands are not simulated");
        }

        @Override
        public void disconnect(boolean reset) {
            if (reset) {
                card.reset();
            }
        }
    }

    private static final class Channel extends CardChannel {
        private final ConnectedCard card;

        Channel(ConnectedCard card) {
            this.card = card;
        }

        @Override
        public Card getCard() {
            return card;
        }

        @Override
        public int getChannelNumber() {
            return 0;
        }

        @Override
        public ResponseAPDU transmit(CommandAPDU command) throws CardException {
            return new ResponseAPDU(card.insertedOrThrow().process(command.getBytes()));
        }

        @Override
        public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
            byte[] c = new byte[command.remaining()];
            command.get(c);
            byte[] r = card.insertedOrThrow().process(c);
            response.put(r);
            return r.length;
        }

        @Override
        public void close() throws CardException {
            throw new IllegalStateException("the basic channel cannot be closed");
        }
    }
}
