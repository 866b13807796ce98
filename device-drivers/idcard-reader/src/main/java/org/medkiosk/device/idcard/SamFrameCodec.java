package org.medkiosk.device.idcard;

import java.io.ByteArrayOutputStream;

/**
 * SAM frame codec (DEVICES.md §1), pure, no I/O.
 * <pre>AA AA AA 96 69 | LEN_HI LEN_LO | body | CHK</pre>
 * LEN counts every byte after the length field, CHK included; CHK is the XOR of LEN_HI..last body byte.
 * Host frames have body {@code CMD PARA [data]}, reader frames {@code SW1 SW2 SW3 [data]}.
 *
 * <p>Use {@link #encode} for whole frames and a {@link Decoder} per link for the incoming byte stream.
 */
public final class SamFrameCodec {

    static final byte[] PREAMBLE = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69};
    /** Smallest legal LEN: two body bytes (CMD PARA) + CHK. */
    public static final int MIN_LENGTH = 3;
    /** Largest LEN we accept: text + photo + 1 KiB fingerprint answer is 2,314; anything near 64 KiB is garbage. */
    public static final int MAX_LENGTH = 4096;

    private SamFrameCodec() {
    }

    /** The whole frame for a host command without data. */
    public static byte[] encode(SamCommand command) {
        return encodeBody(new byte[] {(byte) command.cmd(), (byte) command.para()});
    }

    /** The whole frame for a reader answer (used by the simulator). */
    public static byte[] encodeAnswer(int sw3, byte[] data) {
        byte[] body = new byte[3 + data.length];
        body[2] = (byte) sw3;
        System.arraycopy(data, 0, body, 3, data.length);
        return encodeBody(body);
    }

    /** Wraps a body in preamble, length and checksum. */
    public static byte[] encodeBody(byte[] body) {
        int len = body.length + 1;
        if (len > 0xFFFF) {
            throw new IllegalArgumentException("frame body too long: " + body.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(PREAMBLE.length + 2 + len);
        out.write(PREAMBLE, 0, PREAMBLE.length);
        out.write(len >>> 8);
        out.write(len & 0xFF);
        out.write(body, 0, body.length);
        out.write(checksum(len, body));
        return out.toByteArray();
    }

    static int checksum(int len, byte[] body) {
        int x = (len >>> 8) ^ (len & 0xFF);
        for (byte b : body) {
            x ^= b & 0xFF;
        }
        return x & 0xFF;
    }

    /**
     * Reassembles frames from bytes that arrive in arbitrary pieces; skips garbage before a preamble. Not thread-safe:
     * one per link, used by the reading thread.
     */
    public static final class Decoder {

        private byte[] buf = new byte[8192];
        private int start;
        private int end;

        /** Adds received bytes. */
        public void feed(byte[] bytes, int offset, int length) {
            if (end + length > buf.length) {
                compact();
                if (end + length > buf.length) {
                    byte[] bigger = new byte[Math.max(buf.length * 2, end + length)];
                    System.arraycopy(buf, 0, bigger, 0, end);
                    buf = bigger;
                }
            }
            System.arraycopy(bytes, offset, buf, end, length);
            end += length;
        }

        public void feed(byte[] bytes) {
            feed(bytes, 0, bytes.length);
        }

        /** Forgets everything buffered (after a timeout, so a late half frame does not poison the next answer). */
        public void reset() {
            start = 0;
            end = 0;
        }

        /** Bytes buffered and not yet returned as a frame. */
        public int buffered() {
            return end - start;
        }

        /**
         * The next complete frame body (without preamble, length and checksum), or null when more bytes are needed.
         *
         * @throws SamFrameException for a bad length or checksum; the offending preamble is skipped, so call again
         */
        public byte[] next() throws SamFrameException {
            int p = findPreamble();
            if (p < 0) {
                // Keep a possible partial preamble at the end, drop the rest as line noise.
                start = Math.max(start, end - (PREAMBLE.length - 1));
                compactIfEmpty();
                return null;
            }
            start = p;
            if (end - start < PREAMBLE.length + 2) {
                return null;
            }
            int len = ((buf[start + 5] & 0xFF) << 8) | (buf[start + 6] & 0xFF);
            if (len < MIN_LENGTH || len > MAX_LENGTH) {
                start += 1;
                throw new SamFrameException(SamFrameException.Kind.BAD_LENGTH, "frame length out of range: " + len);
            }
            int total = PREAMBLE.length + 2 + len;
            if (end - start < total) {
                return null;
            }
            byte[] body = new byte[len - 1];
            System.arraycopy(buf, start + PREAMBLE.length + 2, body, 0, body.length);
            int chk = buf[start + total - 1] & 0xFF;
            if (checksum(len, body) != chk) {
                // Skip only the preamble: the real frame may start inside what we took for this one.
                start += 1;
                throw new SamFrameException(SamFrameException.Kind.BAD_CHECKSUM, "frame checksum mismatch");
            }
            start += total;
            compactIfEmpty();
            return body;
        }

        private int findPreamble() {
            outer:
            for (int i = start; i <= end - PREAMBLE.length; i++) {
                for (int j = 0; j < PREAMBLE.length; j++) {
                    if (buf[i + j] != PREAMBLE[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        private void compactIfEmpty() {
            if (start == end) {
                start = 0;
                end = 0;
            }
        }

        private void compact() {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
    }
}
