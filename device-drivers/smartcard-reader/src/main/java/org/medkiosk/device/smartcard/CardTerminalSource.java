package org.medkiosk.device.smartcard;

import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;

/** Where card readers come from: the PC/SC stack ({@link PcscTerminalSource}) or any javax.smartcardio provider. */
public interface CardTerminalSource {

    CardTerminals terminals() throws CardException;

    /** Drops cached state so the next {@link #terminals()} reconnects (after the PC/SC service restarted). */
    default void reset() {
    }

    /** A fixed provider, e.g. a simulator's {@code TerminalFactory}. */
    static CardTerminalSource of(TerminalFactory factory) {
        return factory::terminals;
    }
}
