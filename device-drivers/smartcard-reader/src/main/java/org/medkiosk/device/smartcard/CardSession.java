package org.medkiosk.device.smartcard;

import java.io.ByteArrayOutputStream;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * APDU exchange with one card, following the T=0 conventions (DEVICES.md §4): after {@code 61xx} send GET RESPONSE
 * {@code 00 C0 00 00 xx}, after {@code 6Cxx} resend with Le = xx.
 */
public final class CardSession {

    private static final int MAX_CHAINED_RESPONSES = 32;
    private final CardChannel channel;

    public CardSession(CardChannel channel) {
        this.channel = channel;
    }

    /** Sends a command APDU and returns the complete response (data + SW). */
    public ResponseAPDU transmit(byte[] command) throws SmartCardException {
        try {
            ResponseAPDU r = channel.transmit(new CommandAPDU(command));
            if (r.getSW1() == 0x6C && command.length >= 5) {
                byte[] again = command.clone();
                again[again.length - 1] = (byte) r.getSW2();
                r = channel.transmit(new CommandAPDU(again));
            }
            if (r.getSW1() != 0x61) {
                return r;
            }
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            data.writeBytes(r.getData());
            for (int i = 0; i < MAX_CHAINED_RESPONSES && r.getSW1() == 0x61; i++) {
                r = channel.transmit(new CommandAPDU(new byte[] {0x00, (byte) 0xC0, 0x00, 0x00, (byte) r.getSW2()}));
                data.writeBytes(r.getData());
            }
            data.write(r.getSW1());
            data.write(r.getSW2());
            return new ResponseAPDU(data.toByteArray());
        } catch (CardNotPresentException e) {
            throw new SmartCardException(SmartCardException.Reason.CARD_REMOVED, "card removed during the read", e);
        } catch (CardException e) {
            String code = SmartCardReader.pcscCode(e);
            if (code.equals("SCARD_W_REMOVED_CARD") || code.equals("SCARD_E_NO_SMARTCARD")
                    || code.equals("SCARD_W_RESET_CARD")) {
                throw new SmartCardException(SmartCardException.Reason.CARD_REMOVED, "card removed during the read", e);
            }
            throw new SmartCardException(SmartCardException.Reason.COMMUNICATION,
                    "card communication failed: " + (code.isEmpty() ? e.getClass().getSimpleName() : code), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new SmartCardException(SmartCardException.Reason.COMMUNICATION,
                    "card communication failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
