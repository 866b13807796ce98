package org.medkiosk.device.scanner;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the byte stream of a serial scanner into codes according to a {@link ScannerFraming}. Pure; never throws on
 * any input. Not thread-safe: one per link.
 */
public final class ScanFrameDecoder {

    /** One code as the scanner framed it, prefix and AIM identifier removed. */
    public record RawScan(String text, Symbology symbology) {
        @Override
        public String toString() {
            return "RawScan[" + symbology + ", " + text.length() + " chars]";
        }
    }

    private final ScannerFraming framing;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean lastWasCr;
    private boolean overflowing;

    public ScanFrameDecoder(ScannerFraming framing) {
        this.framing = framing;
    }

    /** Adds bytes and returns the codes they completed (often none, sometimes several). */
    public List<RawScan> feed(byte[] bytes, int offset, int length) {
        List<RawScan> out = new ArrayList<>();
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (framing.suffix() == ScannerFraming.Suffix.CRLF) {
                if (b == '\r') {
                    if (lastWasCr) {
                        append((byte) '\r');
                    }
                    lastWasCr = true;
                    continue;
                }
                boolean crBefore = lastWasCr;
                lastWasCr = false;
                if (crBefore && b == '\n') {
                    end(out);
                    continue;
                }
                if (crBefore) {
                    // A lone CR inside a CRLF-framed stream belongs to the data.
                    append((byte) '\r');
                }
                append(b);
                continue;
            }
            if (isEnd(b)) {
                end(out);
            } else {
                append(b);
            }
        }
        return out;
    }

    private void append(byte b) {
        if (overflowing) {
            return;
        }
        if (pending.size() >= framing.maxLength() + framing.prefix().length() + 3) {
            // No suffix for too long: line noise or a wrong suffix setting. Drop up to the next end.
            overflowing = true;
            pending.reset();
            return;
        }
        pending.write(b);
    }

    private void end(List<RawScan> out) {
        if (overflowing) {
            overflowing = false;
            pending.reset();
        } else {
            complete(out);
        }
    }

    public List<RawScan> feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    /**
     * Completes what has been received so far: the driver calls this when the line has been quiet for the idle gap
     * and the framing has no suffix. Empty when nothing is pending.
     */
    public List<RawScan> flush() {
        List<RawScan> out = new ArrayList<>();
        if (lastWasCr) {
            append((byte) '\r');
            lastWasCr = false;
        }
        end(out);
        return out;
    }

    /** Forgets a half-received code. */
    public void reset() {
        pending.reset();
        lastWasCr = false;
        overflowing = false;
    }

    private boolean isEnd(byte b) {
        return switch (framing.suffix()) {
            case CR -> b == '\r';
            case LF -> b == '\n';
            case TAB -> b == '\t';
            case ANY_LINE_END -> b == '\r' || b == '\n';
            case CRLF, NONE -> false;
        };
    }

    private void complete(List<RawScan> out) {
        byte[] raw = pending.toByteArray();
        pending.reset();
        if (raw.length == 0) {
            return; // the LF of a CRLF under ANY_LINE_END, or a blank line
        }
        String text = new String(raw, framing.charset());
        String prefix = framing.prefix();
        if (!prefix.isEmpty()) {
            if (!text.startsWith(prefix)) {
                return; // not framed as configured: noise, not a code
            }
            text = text.substring(prefix.length());
        }
        Symbology symbology = Symbology.UNKNOWN;
        if (framing.aimId() && text.length() >= 3 && text.charAt(0) == ']') {
            symbology = Symbology.fromAimLetter(text.charAt(1));
            text = text.substring(3);
        }
        if (!text.isEmpty() && text.length() <= framing.maxLength()) {
            out.add(new RawScan(text, symbology));
        }
    }
}
