package org.medkiosk.print.escpos;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Text as a receipt printer sees it: cleaned of anything that could act as a command, encoded in
 * GB18030, and measured in Font A columns. The width rule is the printer's own: a character that
 * encodes to one byte prints half-width (1 column), a multi-byte one prints from the 24×24 Chinese
 * font (2 columns).
 */
public final class TextWidth {
    public static final Charset GB18030 = Charset.forName("GB18030");

    private TextWidth() {
    }

    /**
     * Makes any string safe to print: control and format characters (which could smuggle ESC/GS
     * commands or reorder text with bidi overrides) become spaces or vanish, characters outside the
     * printer's two-byte fonts (emoji, rare supplementary hanzi) become '?', and '¥' becomes the
     * full-width '￥' that every GB printer has.
     */
    public static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                b.append(' ');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.PRIVATE_USE
                    || cp == 0xFFFD) {
                // dropped: invisible or dangerous
            } else if (cp == 0xA5) {
                b.append('\uFFE5');
            } else if (cp > 0xFFFF || Character.getType(cp) == Character.UNASSIGNED || !encodesInTwoBytesOrLess(cp)) {
                b.append('?');
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    /** BMP characters that GB18030 encodes in one or two bytes (what printer fonts hold), computed once. */
    private static final java.util.BitSet PRINTER_FONT = printerFont();

    private static java.util.BitSet printerFont() {
        java.util.BitSet set = new java.util.BitSet(0x10000);
        CharsetEncoder enc = GB18030.newEncoder();
        ByteBuffer out = ByteBuffer.allocate(8);
        CharBuffer in = CharBuffer.allocate(1);
        for (int c = 0; c < 0x10000; c++) {
            if (c >= 0xD800 && c <= 0xDFFF) {
                continue;
            }
            in.clear();
            in.put((char) c).flip();
            out.clear();
            enc.reset();
            if (!enc.encode(in, out, true).isError() && out.position() <= 2) {
                set.set(c);
            }
        }
        return set;
    }

    private static boolean encodesInTwoBytesOrLess(int cp) {
        return cp < 0x10000 && PRINTER_FONT.get(cp);
    }

    private static final ThreadLocal<CharsetEncoder> ENCODER = ThreadLocal.withInitial(() -> GB18030.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(new byte[] {'?'}));

    /** GB18030 bytes of already {@link #printable} text. */
    public static byte[] encode(String printable) {
        CharsetEncoder enc = ENCODER.get();
        enc.reset();
        try {
            ByteBuffer bb = enc.encode(CharBuffer.wrap(printable));
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // REPLACE never throws
        }
    }

    /** Columns one code point takes (of printable text). */
    public static int columns(int cp) {
        return cp < 0x80 ? 1 : 2;
    }

    public static int columns(String printable) {
        return printable.codePoints().map(TextWidth::columns).sum();
    }

    /**
     * Breaks printable text into lines of at most {@code width} columns, preferring to break at
     * spaces between Latin words; CJK text breaks between any two characters. Never splits a
     * character, and a line is never wider than {@code width} (width ≥ 2).
     */
    public static List<String> wrap(String printable, int width) {
        if (width < 2) {
            throw new IllegalArgumentException("width < 2");
        }
        List<String> lines = new ArrayList<>();
        int[] cps = printable.codePoints().toArray();
        int start = 0;
        while (start < cps.length) {
            int cols = 0;
            int i = start;
            int lastSpace = -1;
            while (i < cps.length && cols + columns(cps[i]) <= width) {
                if (cps[i] == ' ') {
                    lastSpace = i;
                }
                cols += columns(cps[i]);
                i++;
            }
            int end = i;
            if (i < cps.length && lastSpace > start && cps[i] != ' ' && isWordChar(cps[i]) && isWordChar(cps[i - 1])) {
                end = lastSpace; // do not cut a Latin word in half when a space is available
            }
            lines.add(new String(cps, start, end - start).stripTrailing());
            start = end;
            while (start < cps.length && cps[start] == ' ') {
                start++;
            }
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        return lines;
    }

    private static boolean isWordChar(int cp) {
        return cp < 0x80 && Character.isLetterOrDigit(cp);
    }

    /** Cuts printable text to at most width columns, ending with '…'-like ".." when shortened. */
    public static String truncate(String printable, int width) {
        if (columns(printable) <= width) {
            return printable;
        }
        StringBuilder b = new StringBuilder();
        int cols = 0;
        for (int cp : printable.codePoints().toArray()) {
            if (cols + columns(cp) > width - 2) {
                break;
            }
            b.appendCodePoint(cp);
            cols += columns(cp);
        }
        return b.append("..").toString();
    }
}
