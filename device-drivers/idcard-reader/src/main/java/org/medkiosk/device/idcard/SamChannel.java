package org.medkiosk.device.idcard;

import java.time.Duration;
import org.medkiosk.device.link.Link;
import org.medkiosk.device.link.LinkException;

/**
 * One command, one answer over a link to a SAM reader. Synchronous; used by {@link IdCardReader}'s thread and by the
 * technician CLI. Not thread-safe.
 */
public final class SamChannel {

    private final Link link;
    private final SamFrameCodec.Decoder decoder = new SamFrameCodec.Decoder();
    private final byte[] buf = new byte[2048];

    public SamChannel(Link link) {
        this.link = link;
    }

    public Link link() {
        return link;
    }

    /**
     * Sends a command and waits for its answer.
     *
     * @throws LinkException      TIMEOUT when no complete answer came in time, or a transport failure
     * @throws SamFrameException  when the answer arrived corrupted (bad length or checksum)
     */
    public SamAnswer transact(SamCommand command, Duration timeout) throws LinkException, SamFrameException {
        // A late answer to an earlier, timed-out command must not be taken for this one.
        link.discardInput();
        decoder.reset();
        link.write(SamFrameCodec.encode(command));
        long deadline = System.nanoTime() + timeout.toNanos();
        SamFrameException skipped = null;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                boolean partial = decoder.buffered() > 0;
                decoder.reset();
                if (skipped != null) {
                    // Only a bad frame came: that was the answer, corrupted on the way.
                    throw skipped;
                }
                throw new LinkException(LinkException.Reason.TIMEOUT, (partial ? "incomplete answer" : "no answer")
                        + " from the ID-card reader on " + link.address() + " to " + command);
            }
            int n = link.read(buf, 0, buf.length, Duration.ofNanos(left));
            if (n <= 0) {
                continue;
            }
            decoder.feed(buf, 0, n);
            while (true) {
                byte[] body;
                try {
                    body = decoder.next();
                } catch (SamFrameException e) {
                    if (e.kind() == SamFrameException.Kind.BAD_CHECKSUM) {
                        decoder.reset();
                        throw e;
                    }
                    // A bogus length is usually noise that looked like a preamble: resynchronise and go on.
                    skipped = e;
                    continue;
                }
                if (body == null) {
                    break;
                }
                return SamAnswer.of(body);
            }
        }
    }

    /** Formats the 16-byte answer of READ_SAM_ID as vendors print it, e.g. 05.01-20130315-0012345678-1234567890. */
    public static String formatSamId(byte[] data) {
        if (data.length < 16) {
            return "unknown (" + data.length + " bytes)";
        }
        // Layout as in vendor SDK samples [unverified]: two u16 LE, three u32 LE.
        return String.format("%02d.%02d-%08d-%010d-%010d", u16le(data, 0), u16le(data, 2), u32le(data, 4),
                u32le(data, 8), u32le(data, 12));
    }

    private static int u16le(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
    }

    private static long u32le(byte[] b, int i) {
        return (b[i] & 0xFFL) | ((b[i + 1] & 0xFFL) << 8) | ((b[i + 2] & 0xFFL) << 16) | ((b[i + 3] & 0xFFL) << 24);
    }
}
