package org.medkiosk.print.preview;

import com.google.zxing.WriterException;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.medkiosk.print.escpos.PrinterProfile;
import org.medkiosk.print.escpos.TextWidth;
import org.medkiosk.print.fonts.KioskFont;

/**
 * Draws what a receipt printer would print from the ESC/POS bytes we send it: text in Font A cells
 * (12×24 dots half-width, 24×24 Chinese), bold, magnification, alignment, GS v 0 rasters, GS ( k QR
 * codes, GS k CODE128 and cuts (a dashed line). Used by the demo simulator panel and by tests; it reads
 * the bytes, not our builder's intent, so it shows mistakes too. Unknown commands are skipped, any
 * input yields an image (never an exception). Pure java2d, headless, thread-safe (no shared state).
 */
public final class ReceiptPreview {
    private static final int CELL_H = 24;
    private static final int HALF_W = 12;
    private static final int LINE_GAP = 6;   // default line spacing 30 dots minus the 24-dot cell
    private static final int MAX_HEIGHT = 60_000; // a preview is never longer than ~7.5 m of paper

    private ReceiptPreview() {
    }

    /** The printed paper as an image {@code profile.dotsPerLine()} pixels wide (one pixel per dot). */
    public static BufferedImage render(byte[] escpos, PrinterProfile profile) {
        return new Run(profile).run(escpos == null ? new byte[0] : escpos);
    }

    /** Same as {@link #render}, encoded as PNG. */
    public static byte[] png(byte[] escpos, PrinterProfile profile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(render(escpos, profile), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private record Glyph(String text, int cols, boolean bold, int wMul, int hMul) {
    }

    private static final class Run {
        final PrinterProfile profile;
        final int width;
        final List<BufferedImage> strips = new ArrayList<>();
        final List<Glyph> line = new ArrayList<>();
        int totalHeight;
        boolean bold;
        int wMul = 1;
        int hMul = 1;
        int align;
        boolean chinese;
        int barcodeHeight = 162;
        int barcodeModule = 3;
        int hri;
        int qrModule = 3;
        ErrorCorrectionLevel qrEc = ErrorCorrectionLevel.L;
        byte[] qrData;
        final Font baseFont;

        Run(PrinterProfile profile) {
            this.profile = profile;
            this.width = profile.dotsPerLine();
            this.chinese = false;
            this.baseFont = KioskFont.awt(22f);
        }

        BufferedImage run(byte[] b) {
            int i = 0;
            int n = b.length;
            while (i < n && totalHeight < MAX_HEIGHT) {
                int c = b[i] & 0xff;
                switch (c) {
                    case 0x0A -> {
                        flushLine(true);
                        i++;
                    }
                    case 0x0D -> i++;
                    case 0x09 -> {
                        addText(" ", 1);
                        i++;
                    }
                    case 0x1B -> i = esc(b, i);
                    case 0x1D -> i = gs(b, i);
                    case 0x1C -> i = fs(b, i);
                    case 0x10 -> i = Math.min(n, i + (i + 1 < n && b[i + 1] == 0x14 ? 5 : 3)); // DLE EOT n / DLE DC4
                    default -> {
                        if (c < 0x20 || c == 0x7F) {
                            i++;
                        } else if (c < 0x80 || !chinese) {
                            addText(c < 0x80 ? String.valueOf((char) c) : "?", 1);
                            i++;
                        } else {
                            int len = (i + 1 < n && (b[i + 1] & 0xff) >= 0x30 && (b[i + 1] & 0xff) <= 0x39) ? 4 : 2;
                            len = Math.min(len, n - i);
                            String s = new String(b, i, len, TextWidth.GB18030);
                            addText(s.isEmpty() ? "?" : s, 2);
                            i += len;
                        }
                    }
                }
            }
            flushLine(false);
            return compose();
        }

        int arg(byte[] b, int i) {
            return i < b.length ? b[i] & 0xff : 0;
        }

        int esc(byte[] b, int i) {
            int cmd = arg(b, i + 1);
            switch (cmd) {
                case '@' -> {
                    bold = false;
                    wMul = hMul = 1;
                    align = 0;
                    return i + 2;
                }
                case 'E', 'G' -> bold = (arg(b, i + 2) & 1) == 1;
                case '!' -> {
                    int m = arg(b, i + 2);
                    bold = (m & 0x08) != 0;
                    hMul = (m & 0x10) != 0 ? 2 : 1;
                    wMul = (m & 0x20) != 0 ? 2 : 1;
                }
                case 'a' -> {
                    flushLine(false);
                    int a = arg(b, i + 2);
                    align = a >= '0' ? a - '0' : a;
                    if (align < 0 || align > 2) {
                        align = 0;
                    }
                }
                case 'd' -> {
                    flushLine(true);
                    blank(arg(b, i + 2) * (CELL_H + LINE_GAP));
                }
                case 'J' -> {
                    flushLine(false);
                    blank(arg(b, i + 2));
                }
                case '2' -> {
                    return i + 2;
                }
                case 'p' -> {
                    return i + 5;
                }
                default -> {
                    // ESC - n, ESC 3 n, ESC M n, ESC t n, ESC R n, ESC V n, ESC { n …: one argument
                }
            }
            return i + 3;
        }

        int gs(byte[] b, int i) {
            int cmd = arg(b, i + 1);
            switch (cmd) {
                case '!' -> {
                    int m = arg(b, i + 2);
                    wMul = Math.min(8, ((m >> 4) & 7) + 1);
                    hMul = Math.min(8, (m & 7) + 1);
                    return i + 3;
                }
                case 'V' -> {
                    int m = arg(b, i + 2);
                    flushLine(false);
                    cut();
                    return i + (m >= 65 ? 4 : 3);
                }
                case 'h' -> {
                    barcodeHeight = Math.max(1, arg(b, i + 2));
                    return i + 3;
                }
                case 'w' -> {
                    barcodeModule = Math.max(1, Math.min(6, arg(b, i + 2)));
                    return i + 3;
                }
                case 'H' -> {
                    hri = arg(b, i + 2);
                    return i + 3;
                }
                case 'k' -> {
                    return barcode(b, i);
                }
                case 'v' -> {
                    return raster(b, i);
                }
                case '(' -> {
                    return gsParen(b, i);
                }
                case 'L', 'W' -> {
                    return i + 4;
                }
                default -> {
                    return i + 3;
                }
            }
        }

        int fs(byte[] b, int i) {
            int cmd = arg(b, i + 1);
            switch (cmd) {
                case '&' -> {
                    chinese = true;
                    return i + 2;
                }
                case '.' -> {
                    chinese = false;
                    return i + 2;
                }
                default -> {
                    return i + 3;
                }
            }
        }

        int barcode(byte[] b, int i) {
            int m = arg(b, i + 2);
            String data;
            int next;
            if (m <= 6) {
                int j = i + 3;
                while (j < b.length && b[j] != 0) {
                    j++;
                }
                data = new String(b, i + 3, Math.max(0, Math.min(j, b.length) - (i + 3)), StandardCharsets.ISO_8859_1);
                next = j + 1;
            } else {
                int len = arg(b, i + 3);
                int start = Math.min(b.length, i + 4);
                int end = Math.min(b.length, start + len);
                byte[] raw = java.util.Arrays.copyOfRange(b, start, end);
                data = m == 73 ? code128Text(raw) : new String(raw, StandardCharsets.ISO_8859_1);
                next = i + 4 + len;
            }
            flushLine(false);
            String clean = data.chars().filter(ch -> ch >= 32 && ch < 127)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            if (!clean.isEmpty()) {
                try {
                    boolean[] bars = new Code128Writer().encode(clean);
                    int mod = Math.max(1, Math.min(barcodeModule, width / Math.max(1, bars.length)));
                    BufferedImage img = strip(Math.min(barcodeHeight, 255) + 4);
                    Graphics2D g = img.createGraphics();
                    g.setColor(Color.BLACK);
                    int x0 = offset(bars.length * mod);
                    for (int k = 0; k < bars.length; k++) {
                        if (bars[k]) {
                            g.fillRect(x0 + k * mod, 2, mod, Math.min(barcodeHeight, 255));
                        }
                    }
                    g.dispose();
                    add(img);
                } catch (IllegalArgumentException e) {
                    addText("[barcode]", 9);
                    flushLine(true);
                }
                if (hri == 2 || hri == 3) {
                    int saveW = wMul;
                    int saveH = hMul;
                    boolean saveB = bold;
                    wMul = hMul = 1;
                    bold = false;
                    addText(clean, clean.length());
                    flushLine(true);
                    wMul = saveW;
                    hMul = saveH;
                    bold = saveB;
                }
            }
            return next;
        }

        /** CODE128 data as the printer reads it: {A/{B/{C select code sets, {C takes byte values 0..99. */
        static String code128Text(byte[] raw) {
            StringBuilder s = new StringBuilder();
            char set = 'B';
            for (int k = 0; k < raw.length; k++) {
                int v = raw[k] & 0xff;
                if (v == '{' && k + 1 < raw.length) {
                    int sel = raw[k + 1] & 0xff;
                    if (sel == 'A' || sel == 'B' || sel == 'C') {
                        set = (char) sel;
                        k++;
                        continue;
                    }
                    if (sel == '{') {
                        s.append('{');
                        k++;
                        continue;
                    }
                    k++;
                    continue;
                }
                if (set == 'C') {
                    if (v <= 99) {
                        s.append(v < 10 ? "0" : "").append(v);
                    }
                } else {
                    s.append((char) v);
                }
            }
            return s.toString();
        }

        int raster(byte[] b, int i) {
            // GS v 0 m xL xH yL yH d1…dk
            int m = arg(b, i + 3);
            int bpr = arg(b, i + 4) | arg(b, i + 5) << 8;
            int rows = arg(b, i + 6) | arg(b, i + 7) << 8;
            int start = i + 8;
            long len = (long) bpr * rows;
            if (start + len > b.length) {
                return b.length; // truncated: the printer would wait for more, the preview stops
            }
            flushLine(false);
            int sx = (m == 1 || m == 3 || m == 49 || m == 51) ? 2 : 1;
            int sy = (m == 2 || m == 3 || m == 50 || m == 51) ? 2 : 1;
            int w = Math.min(bpr * 8 * sx, width);
            int h = Math.min(rows * sy, MAX_HEIGHT);
            if (w > 0 && h > 0) {
                BufferedImage img = strip(h);
                int x0 = offset(w);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int sxp = x / sx;
                        int syp = y / sy;
                        int byteIdx = start + syp * bpr + sxp / 8;
                        if ((b[byteIdx] & (0x80 >> (sxp % 8))) != 0 && x0 + x < width) {
                            img.setRGB(x0 + x, y, 0xFF000000);
                        }
                    }
                }
                add(img);
            }
            return (int) (start + len);
        }

        int gsParen(byte[] b, int i) {
            int fnGroup = arg(b, i + 2);
            int len = arg(b, i + 3) | arg(b, i + 4) << 8;
            int next = i + 5 + len;
            if (fnGroup != 'k' || len < 2 || i + 5 + len > b.length) {
                return Math.min(next, b.length);
            }
            int cn = arg(b, i + 5);
            int fn = arg(b, i + 6);
            if (cn != 0x31) {
                return next; // PDF417 and friends: not previewed
            }
            switch (fn) {
                case 0x43 -> qrModule = Math.max(1, Math.min(16, arg(b, i + 7)));
                case 0x45 -> qrEc = switch (arg(b, i + 7)) {
                    case 0x31 -> ErrorCorrectionLevel.M;
                    case 0x32 -> ErrorCorrectionLevel.Q;
                    case 0x33 -> ErrorCorrectionLevel.H;
                    default -> ErrorCorrectionLevel.L;
                };
                case 0x50 -> qrData = java.util.Arrays.copyOfRange(b, i + 8, next);
                case 0x51 -> printQr();
                default -> {
                }
            }
            return next;
        }

        void printQr() {
            if (qrData == null || qrData.length == 0) {
                return;
            }
            flushLine(false);
            try {
                String s = new String(qrData, StandardCharsets.UTF_8);
                Map<com.google.zxing.EncodeHintType, Object> hints = s.chars().allMatch(c -> c < 128)
                        ? Map.of() : Map.of(com.google.zxing.EncodeHintType.CHARACTER_SET, "UTF-8");
                ByteMatrix m = Encoder.encode(s, qrEc, hints).getMatrix();
                int quiet = 4;
                int size = (m.getWidth() + 2 * quiet) * qrModule;
                if (size > width) {
                    addText("[QR too large]", 14);
                    flushLine(true);
                    return;
                }
                BufferedImage img = strip(size);
                Graphics2D g = img.createGraphics();
                g.setColor(Color.BLACK);
                int x0 = offset(size);
                for (int y = 0; y < m.getHeight(); y++) {
                    for (int x = 0; x < m.getWidth(); x++) {
                        if (m.get(x, y) == 1) {
                            g.fillRect(x0 + (x + quiet) * qrModule, (y + quiet) * qrModule, qrModule, qrModule);
                        }
                    }
                }
                g.dispose();
                add(img);
            } catch (WriterException | IllegalArgumentException e) {
                addText("[QR]", 4);
                flushLine(true);
            }
        }

        void addText(String s, int cols) {
            line.add(new Glyph(s, cols, bold, wMul, hMul));
        }

        void flushLine(boolean lineFeed) {
            if (line.isEmpty()) {
                if (lineFeed) {
                    blank(CELL_H * Math.max(1, hMul) + LINE_GAP);
                }
                return;
            }
            int maxH = 1;
            for (Glyph g : line) {
                maxH = Math.max(maxH, g.hMul);
            }
            // wrap like the printer: a glyph that does not fit starts the next printed line
            List<List<Glyph>> rows = new ArrayList<>();
            List<Glyph> row = new ArrayList<>();
            int used = 0;
            for (Glyph g : line) {
                int w = g.cols * HALF_W * g.wMul;
                if (used + w > width && !row.isEmpty()) {
                    rows.add(row);
                    row = new ArrayList<>();
                    used = 0;
                }
                row.add(g);
                used += w;
            }
            rows.add(row);
            line.clear();
            for (List<Glyph> r : rows) {
                int h = CELL_H * maxH + LINE_GAP;
                BufferedImage img = strip(h);
                Graphics2D g2 = img.createGraphics();
                g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
                g2.setColor(Color.BLACK);
                int total = r.stream().mapToInt(gl -> gl.cols * HALF_W * gl.wMul).sum();
                int x = offset(total);
                for (Glyph gl : r) {
                    Font f = baseFont.deriveFont(AffineTransform.getScaleInstance(gl.wMul, gl.hMul));
                    g2.setFont(f);
                    int baseline = CELL_H * maxH - 4 * gl.hMul;
                    g2.drawString(gl.text, x, baseline);
                    if (gl.bold) {
                        g2.drawString(gl.text, x + 1, baseline);
                    }
                    x += gl.cols * HALF_W * gl.wMul;
                }
                g2.dispose();
                add(img);
            }
        }

        int offset(int contentWidth) {
            return switch (align) {
                case 1 -> Math.max(0, (width - contentWidth) / 2);
                case 2 -> Math.max(0, width - contentWidth);
                default -> 0;
            };
        }

        void cut() {
            BufferedImage img = strip(20);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
            g.drawLine(0, 10, width, 10);
            g.dispose();
            add(img);
        }

        void blank(int h) {
            if (h > 0) {
                add(strip(h));
            }
        }

        BufferedImage strip(int h) {
            BufferedImage img = new BufferedImage(width, Math.max(1, h), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, img.getHeight());
            g.dispose();
            return img;
        }

        void add(BufferedImage img) {
            strips.add(img);
            totalHeight += img.getHeight();
        }

        BufferedImage compose() {
            int h = Math.max(1, Math.min(totalHeight, MAX_HEIGHT));
            BufferedImage out = new BufferedImage(width, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, h);
            int y = 0;
            for (BufferedImage s : strips) {
                if (y >= h) {
                    break;
                }
                g.drawImage(s, 0, y, null);
                y += s.getHeight();
            }
            g.dispose();
            return out;
        }
    }
}
