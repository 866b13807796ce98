package org.medkiosk.device.smartcard;

/** A card simulated in Java: answers APDUs as the real card would. Used behind vpcd and inside a jcardsim applet. */
public interface SimulatedCard {

    /** Answer-to-reset bytes. */
    byte[] atr();

    /** Power-on or reset: back to the state after the ATR. */
    void reset();

    /** One command APDU in, the response (data + SW1 SW2) out. */
    byte[] process(byte[] apdu);
}
