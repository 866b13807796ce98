package org.medkiosk.device.idcard;

import java.util.Arrays;

/**
 * The data of a successful "read text + photo [+ fingerprint]" answer, split by its length fields:
 * {@code textLen(2) photoLen(2) [fingerprintLen(2)] text photo [fingerprint]}, lengths big-endian.
 */
public record CardReadout(byte[] text, byte[] photo, byte[] fingerprint) {

    public CardReadout {
        text = text.clone();
        photo = photo.clone();
        fingerprint = fingerprint.clone();
    }

    /** Splits an answer's data; whether a fingerprint length is present is told by the lengths adding up. */
    public static CardReadout parse(byte[] data) throws SamFrameException {
        if (data.length < 4) {
            throw new SamFrameException(SamFrameException.Kind.MALFORMED_BODY, "read answer too short");
        }
        int textLen = u16(data, 0);
        int photoLen = u16(data, 2);
        if (4 + textLen + photoLen == data.length) {
            return new CardReadout(Arrays.copyOfRange(data, 4, 4 + textLen),
                    Arrays.copyOfRange(data, 4 + textLen, data.length), new byte[0]);
        }
        if (data.length >= 6) {
            int fpLen = u16(data, 4);
            if (6 + textLen + photoLen + fpLen == data.length) {
                return new CardReadout(Arrays.copyOfRange(data, 6, 6 + textLen),
                        Arrays.copyOfRange(data, 6 + textLen, 6 + textLen + photoLen),
                        Arrays.copyOfRange(data, 6 + textLen + photoLen, data.length));
            }
        }
        throw new SamFrameException(SamFrameException.Kind.MALFORMED_BODY,
                "read answer lengths do not add up to its " + data.length + " data bytes");
    }

    /** The answer data for this readout (simulator side). */
    public byte[] encode(boolean withFingerprintLength) {
        int header = withFingerprintLength ? 6 : 4;
        byte[] out = new byte[header + text.length + photo.length + (withFingerprintLength ? fingerprint.length : 0)];
        put16(out, 0, text.length);
        put16(out, 2, photo.length);
        if (withFingerprintLength) {
            put16(out, 4, fingerprint.length);
        }
        System.arraycopy(text, 0, out, header, text.length);
        System.arraycopy(photo, 0, out, header + text.length, photo.length);
        if (withFingerprintLength) {
            System.arraycopy(fingerprint, 0, out, header + text.length + photo.length, fingerprint.length);
        }
        return out;
    }

    @Override
    public byte[] text() {
        return text.clone();
    }

    @Override
    public byte[] photo() {
        return photo.clone();
    }

    @Override
    public byte[] fingerprint() {
        return fingerprint.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CardReadout r && Arrays.equals(r.text, text) && Arrays.equals(r.photo, photo)
                && Arrays.equals(r.fingerprint, fingerprint);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(text) * 31 + Arrays.hashCode(photo) * 7 + Arrays.hashCode(fingerprint);
    }

    @Override
    public String toString() {
        return "CardReadout[text " + text.length + " B, photo " + photo.length + " B, fingerprint "
                + fingerprint.length + " B]";
    }

    private static int u16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static void put16(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 8);
        b[i + 1] = (byte) v;
    }
}
