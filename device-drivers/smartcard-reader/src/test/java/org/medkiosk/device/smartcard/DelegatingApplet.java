package org.medkiosk.device.smartcard;

import javacard.framework.APDU;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;

/**
 * A Java Card applet for jcardsim that answers with a {@link SimulatedCard}: the card model runs inside jcardsim's
 * Java Card runtime and is reached through its javax.smartcardio provider, like a card in a real reader.
 */
public class DelegatingApplet extends Applet {

    /** The card the next installed applet answers with (jcardsim creates applets reflectively). */
    static volatile SimulatedCard next;
    private final SimulatedCard card;

    protected DelegatingApplet() {
        card = next;
        register();
    }

    public static void install(byte[] bArray, short bOffset, byte bLength) {
        new DelegatingApplet();
    }

    @Override
    public boolean select() {
        card.reset();
        return true;
    }

    @Override
    public void process(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        int lc = 0;
        // Only SELECT and VERIFY carry data in this card's command set; the others have P3 = Le.
        byte ins = buf[ISO7816.OFFSET_INS];
        if (ins == (byte) 0xA4 || ins == (byte) 0x20) {
            lc = apdu.setIncomingAndReceive();
        }
        byte[] command;
        int headerAndData = ISO7816.OFFSET_CDATA + lc;
        if (lc > 0) {
            command = new byte[headerAndData];
        } else {
            // Case 2: keep P3 as Le, which the card model uses to answer 6Cxx.
            command = new byte[5];
        }
        System.arraycopy(buf, 0, command, 0, command.length);
        byte[] response = card.process(command);
        int sw = ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
        int dataLength = response.length - 2;
        if (dataLength > 0) {
            apdu.setOutgoing();
            apdu.setOutgoingLength((short) dataLength);
            apdu.sendBytesLong(response, (short) 0, (short) dataLength);
        }
        if (sw != 0x9000) {
            ISOException.throwIt((short) sw);
        }
    }
}
