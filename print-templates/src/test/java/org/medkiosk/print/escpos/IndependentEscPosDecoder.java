package org.medkiosk.print.escpos;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately separate ESC/POS reader for tests, written from DEVICES.md §2 and sharing no code with
 * the builder or the previewer: if the builder emits a byte sequence this decoder does not recognise,
 * {@link #unknown} records it and the tests fail.
 */
public final class IndependentEscPosDecoder {
    private static final Charset GB = Charset.forName("GB18030");

    /** One printed text line with the attributes in force when it was ended by LF. */
    public record Line(String text, boolean bold, int widthMul, int heightMul, int align) {
    }

    /** A raster band group: width in dots, rows, data (MSB left). */
    public record Raster(int bytesPerRow, int rows, byte[] data) {
    }

    public final List<Line> lines = new ArrayList<>();
    public final List<String> nativeQr = new ArrayList<>();
    public final List<Integer> qrModuleSizes = new ArrayList<>();
    public final List<String> barcodes = new ArrayList<>();
    public final List<Raster> rasters = new ArrayList<>();
    public final List<String> unknown = new ArrayList<>();
    public int cuts;
    public int initializations;
    public boolean chineseMode;
    /** Control bytes found inside text runs (would be a command-injection bug). */
    public int strayControls;

    private final StringBuilder current = new StringBuilder();
    private java.io.ByteArrayOutputStream textBytes = new java.io.ByteArrayOutputStream();
    private boolean bold;
    private int wMul = 1;
    private int hMul = 1;
    private int align;
    private byte[] storedQr;

    public static IndependentEscPosDecoder decode(byte[] b) {
        IndependentEscPosDecoder d = new IndependentEscPosDecoder();
        d.run(b);
        return d;
    }

    private void run(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            if (c == 0x0A) {
                endLine();
                i++;
            } else if (c == 0x1B) {
                i = esc(b, i);
            } else if (c == 0x1D) {
                i = gs(b, i);
            } else if (c == 0x1C) {
                int f = b[i + 1] & 0xff;
                if (f == '&') {
                    chineseMode = true;
                } else if (f == '.') {
                    chineseMode = false;
                } else {
                    unknown.add("FS " + f);
                }
                i += 2;
            } else if (c < 0x20 || c == 0x7f) {
                strayControls++;
                i++;
            } else {
                textBytes.write(c);
                i++;
            }
        }
        if (textBytes.size() > 0) {
            endLine();
        }
    }

    private void flushText() {
        if (textBytes.size() > 0) {
            current.append(new String(textBytes.toByteArray(), chineseMode ? GB : StandardCharsets.ISO_8859_1));
            textBytes = new java.io.ByteArrayOutputStream();
        }
    }

    private void endLine() {
        flushText();
        lines.add(new Line(current.toString(), bold, wMul, hMul, align));
        current.setLength(0);
    }

    private int esc(byte[] b, int i) {
        int f = b[i + 1] & 0xff;
        switch (f) {
            case '@' -> {
                initializations++;
                bold = false;
                wMul = hMul = 1;
                align = 0;
                return i + 2;
            }
            case 'E' -> {
                flushText();
                bold = b[i + 2] == 1;
            }
            case 'a' -> align = b[i + 2];
            case 'd' -> {
                // feed n lines: no text
            }
            default -> unknown.add("ESC " + f);
        }
        return i + 3;
    }

    private int gs(byte[] b, int i) {
        int f = b[i + 1] & 0xff;
        switch (f) {
            case '!' -> {
                flushText();
                int n = b[i + 2] & 0xff;
                wMul = (n >> 4) + 1;
                hMul = (n & 0x0f) + 1;
                return i + 3;
            }
            case 'V' -> {
                cuts++;
                int m = b[i + 2] & 0xff;
                return i + (m == 0x41 || m == 0x42 ? 4 : 3);
            }
            case 'h', 'w', 'H' -> {
                return i + 3;
            }
            case 'k' -> {
                int m = b[i + 2] & 0xff;
                if (m != 73) {
                    unknown.add("GS k " + m);
                    return b.length;
                }
                int n = b[i + 3] & 0xff;
                byte[] data = java.util.Arrays.copyOfRange(b, i + 4, i + 4 + n);
                barcodes.add(code128(data));
                return i + 4 + n;
            }
            case 'v' -> {
                if (b[i + 2] != '0') {
                    unknown.add("GS v " + b[i + 2]);
                    return b.length;
                }
                int x = (b[i + 4] & 0xff) | (b[i + 5] & 0xff) << 8;
                int y = (b[i + 6] & 0xff) | (b[i + 7] & 0xff) << 8;
                byte[] data = java.util.Arrays.copyOfRange(b, i + 8, i + 8 + x * y);
                // consecutive bands of one picture are joined back into one raster
                if (!rasters.isEmpty() && lastWasRaster == i && rasters.get(rasters.size() - 1).bytesPerRow() == x) {
                    Raster prev = rasters.remove(rasters.size() - 1);
                    byte[] joined = java.util.Arrays.copyOf(prev.data(), prev.data().length + data.length);
                    System.arraycopy(data, 0, joined, prev.data().length, data.length);
                    rasters.add(new Raster(x, prev.rows() + y, joined));
                } else {
                    rasters.add(new Raster(x, y, data));
                }
                lastWasRaster = i + 8 + x * y;
                return lastWasRaster;
            }
            case '(' -> {
                if (b[i + 2] != 'k') {
                    unknown.add("GS ( " + b[i + 2]);
                }
                int len = (b[i + 3] & 0xff) | (b[i + 4] & 0xff) << 8;
                int cn = b[i + 5] & 0xff;
                int fn = b[i + 6] & 0xff;
                if (cn != 0x31) {
                    unknown.add("GS ( k cn=" + cn);
                } else if (fn == 0x43) {
                    qrModuleSizes.add(b[i + 7] & 0xff);
                } else if (fn == 0x50) {
                    storedQr = java.util.Arrays.copyOfRange(b, i + 8, i + 5 + len);
                } else if (fn == 0x51) {
                    nativeQr.add(new String(storedQr, StandardCharsets.UTF_8));
                } else if (fn != 0x41 && fn != 0x45) {
                    unknown.add("GS ( k fn=" + fn);
                }
                return i + 5 + len;
            }
            default -> {
                unknown.add("GS " + f);
                return i + 3;
            }
        }
    }

    private int lastWasRaster = -1;

    private static String code128(byte[] d) {
        StringBuilder s = new StringBuilder();
        boolean setC = false;
        for (int k = 0; k < d.length; k++) {
            if (d[k] == '{' && k + 1 < d.length) {
                setC = d[k + 1] == 'C';
                k++;
                continue;
            }
            s.append(setC ? String.format("%02d", d[k]) : String.valueOf((char) d[k]));
        }
        return s.toString();
    }

    /** All printed text, one line per entry, joined by newlines. */
    public String text() {
        StringBuilder s = new StringBuilder();
        for (Line l : lines) {
            s.append(l.text()).append('\n');
        }
        return s.toString();
    }
}
