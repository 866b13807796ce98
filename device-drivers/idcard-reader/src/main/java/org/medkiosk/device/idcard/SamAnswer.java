package org.medkiosk.device.idcard;

import java.util.Arrays;

/** A reader → host frame: SW1 SW2 SW3 and data. */
public record SamAnswer(int sw1, int sw2, int sw3, byte[] data) {

    public SamAnswer {
        data = data.clone();
    }

    /** Interprets a decoded frame body as an answer. */
    public static SamAnswer of(byte[] body) throws SamFrameException {
        if (body.length < 3) {
            throw new SamFrameException(SamFrameException.Kind.MALFORMED_BODY, "answer shorter than its status bytes");
        }
        return new SamAnswer(body[0] & 0xFF, body[1] & 0xFF, body[2] & 0xFF, Arrays.copyOfRange(body, 3, body.length));
    }

    public SamStatus status() {
        return SamStatus.fromCode(sw3);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    int dataLength() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamAnswer a && a.sw1 == sw1 && a.sw2 == sw2 && a.sw3 == sw3 && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (sw1 * 961 + sw2 * 31 + sw3) + Arrays.hashCode(data);
    }

    /** Status only: data may be a card's personal data and is never printed. */
    @Override
    public String toString() {
        return "SamAnswer[" + String.format("%02X %02X %02X", sw1, sw2, sw3) + " " + status() + ", " + data.length
                + " data bytes]";
    }
}
