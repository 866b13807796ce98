package org.medkiosk.device.scanner;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How a serial scanner wraps each code: optional fixed prefix, optional AIM identifier ({@code ]Q1}), the text, and a
 * suffix. Matches the scanner's own configuration (DEVICES.md §3).
 *
 * @param prefix    fixed text before each code (empty for none)
 * @param aimId     true when the scanner sends an AIM identifier before the text (it is stripped and kept as
 *                  {@link Symbology})
 * @param suffix    what ends a code
 * @param charset   text encoding of the scanner (UTF-8, or GB18030 for scanners set to Chinese)
 * @param maxLength longest code accepted; longer runs without a suffix are dropped as noise
 */
public record ScannerFraming(String prefix, boolean aimId, Suffix suffix, Charset charset, int maxLength) {

    public enum Suffix {
        CR, LF, CRLF, TAB,
        /** CR, LF or CRLF: whatever the scanner sends, empty lines ignored. */
        ANY_LINE_END,
        /**
         * No suffix: a code ends when the line goes quiet. Needed for AAMVA PDF417 licences, whose data itself
         * contains CR and LF.
         */
        NONE
    }

    public ScannerFraming {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
        Objects.requireNonNull(charset, "charset");
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
    }

    /** No prefix, no AIM id, any line end, UTF-8, up to 4 KiB (an AAMVA PDF417 is under 1 KiB). */
    public static ScannerFraming defaults() {
        return new ScannerFraming("", false, Suffix.ANY_LINE_END, StandardCharsets.UTF_8, 4096);
    }

    public ScannerFraming withPrefix(String newPrefix) {
        return new ScannerFraming(newPrefix, aimId, suffix, charset, maxLength);
    }

    public ScannerFraming withAimId(boolean on) {
        return new ScannerFraming(prefix, on, suffix, charset, maxLength);
    }

    public ScannerFraming withSuffix(Suffix newSuffix) {
        return new ScannerFraming(prefix, aimId, newSuffix, charset, maxLength);
    }

    public ScannerFraming withCharset(Charset newCharset) {
        return new ScannerFraming(prefix, aimId, suffix, newCharset, maxLength);
    }

    /** Bytes a scanner with this framing sends for {@code text} (simulator side). */
    public byte[] frame(String text, Symbology symbology) {
        StringBuilder b = new StringBuilder(prefix);
        if (aimId) {
            b.append(']').append(symbology == Symbology.UNKNOWN ? 'X' : symbology.aimLetter()).append('0');
        }
        b.append(text);
        b.append(switch (suffix) {
            case CR, ANY_LINE_END -> "\r";
            case LF -> "\n";
            case CRLF -> "\r\n";
            case TAB -> "\t";
            case NONE -> "";
        });
        return b.toString().getBytes(charset);
    }
}
