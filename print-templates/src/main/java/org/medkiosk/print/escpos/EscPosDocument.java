package org.medkiosk.print.escpos;

import com.google.zxing.WriterException;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Builds one receipt as ESC/POS bytes for a {@link PrinterProfile}. Every text goes through
 * {@link TextWidth#printable} first, so no caller-supplied string can ever inject a printer command,
 * and lines wrap by display width (a Chinese character is two columns). Not thread-safe: one
 * document per receipt.
 */
public final class EscPosDocument {
    public enum Align { LEFT, CENTER, RIGHT }

    /** Largest raster band per GS v 0 command; small bands keep cheap printers' buffers happy. */
    static final int RASTER_BAND_ROWS = 128;

    private final PrinterProfile profile;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    private int widthMul = 1;
    private int heightMul = 1;
    private Align align = Align.LEFT;

    public EscPosDocument(PrinterProfile profile) {
        this.profile = profile;
        raw(EscPos.INITIALIZE);
        if (profile.chineseMode()) {
            raw(EscPos.CHINESE_ON);
        }
    }

    public PrinterProfile profile() {
        return profile;
    }

    /** Columns available at the current character width. */
    public int columns() {
        return profile.columns() / widthMul;
    }

    public EscPosDocument align(Align a) {
        align = a;
        return raw(EscPos.ESC, 'a', a.ordinal());
    }

    public EscPosDocument bold(boolean on) {
        return raw(EscPos.ESC, 'E', on ? 1 : 0);
    }

    /** Character magnification 1..8 in each direction ({@code GS ! n}). */
    public EscPosDocument size(int width, int height) {
        if (width < 1 || width > 8 || height < 1 || height > 8) {
            throw new IllegalArgumentException("character size must be 1..8");
        }
        widthMul = width;
        heightMul = height;
        return raw(EscPos.GS, '!', ((width - 1) << 4) | (height - 1));
    }

    public EscPosDocument normal() {
        bold(false);
        return size(1, 1);
    }

    /** Prints text, wrapped to the line width at the current size; each wrapped line ends with LF. */
    public EscPosDocument line(String text) {
        for (String l : TextWidth.wrap(TextWidth.printable(text), columns())) {
            raw(TextWidth.encode(l));
            raw(EscPos.LF);
        }
        return this;
    }

    /** A label and its value on one line, value right-aligned; wraps the label when both do not fit. */
    public EscPosDocument pair(String label, String value) {
        String l = TextWidth.printable(label);
        String v = TextWidth.printable(value);
        int width = columns();
        int lw = TextWidth.columns(l);
        int vw = TextWidth.columns(v);
        Align saved = align;
        if (saved != Align.LEFT) {
            align(Align.LEFT);
        }
        if (lw + 1 + vw <= width) {
            raw(TextWidth.encode(l + " ".repeat(width - lw - vw) + v));
            raw(EscPos.LF);
        } else {
            line(l);
            for (String part : TextWidth.wrap(v, width)) {
                raw(TextWidth.encode(" ".repeat(Math.max(0, width - TextWidth.columns(part))) + part));
                raw(EscPos.LF);
            }
        }
        if (saved != Align.LEFT) {
            align(saved);
        }
        return this;
    }

    /** A full-width rule of '-'. */
    public EscPosDocument rule() {
        raw(TextWidth.encode("-".repeat(columns())));
        return raw(EscPos.LF);
    }

    public EscPosDocument feed(int lines) {
        if (lines < 0 || lines > 255) {
            throw new IllegalArgumentException("feed 0..255");
        }
        return raw(EscPos.ESC, 'd', lines);
    }

    /**
     * A QR code (model 2, error correction M). Printer-native {@code GS ( k} when the profile has it
     * (~20 bytes + data), a raster otherwise (kilobytes). {@code moduleDots} is the size of one module.
     */
    public EscPosDocument qr(String data, int moduleDots) {
        if (data == null || data.isEmpty()) {
            throw new IllegalArgumentException("empty QR data");
        }
        if (moduleDots < 1 || moduleDots > 16) {
            throw new IllegalArgumentException("QR module size 1..16");
        }
        byte[] payload = data.getBytes(StandardCharsets.UTF_8);
        if (payload.length > 2000) {
            throw new IllegalArgumentException("QR data too long for a receipt: " + payload.length + " bytes");
        }
        if (profile.nativeQr()) {
            raw(EscPos.GS, '(', 'k', 4, 0, 0x31, 0x41, 0x32, 0x00);          // model 2
            raw(EscPos.GS, '(', 'k', 3, 0, 0x31, 0x43, moduleDots);          // module size
            raw(EscPos.GS, '(', 'k', 3, 0, 0x31, 0x45, 0x31);                // error correction M
            int len = payload.length + 3;
            raw(EscPos.GS, '(', 'k', len & 0xff, len >> 8, 0x31, 0x50, 0x30); // store
            raw(payload);
            raw(EscPos.GS, '(', 'k', 3, 0, 0x31, 0x51, 0x30);                // print
            return raw(EscPos.LF);
        }
        return image(qrRaster(data, moduleDots));
    }

    /** The QR as a raster with a 4-module quiet zone (what a printer without GS ( k gets). */
    public static MonoImage qrRaster(String data, int moduleDots) {
        ByteMatrix m;
        try {
            Map<com.google.zxing.EncodeHintType, Object> hints = isAscii(data)
                    ? Map.of() : Map.of(com.google.zxing.EncodeHintType.CHARACTER_SET, "UTF-8");
            m = Encoder.encode(data, ErrorCorrectionLevel.M, hints).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR data cannot be encoded", e);
        }
        int quiet = 4;
        int size = m.getWidth() + 2 * quiet;
        int bpr = (size + 7) / 8;
        byte[] d = new byte[bpr * size];
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y) == 1) {
                    int px = x + quiet;
                    d[(y + quiet) * bpr + px / 8] |= (byte) (0x80 >> (px % 8));
                }
            }
        }
        return new MonoImage(size, size, d).scaled(moduleDots);
    }

    /**
     * A CODE128 barcode with its human-readable text below. Even-length digit strings use code set C
     * (half the bars); other printable ASCII uses code set B.
     */
    public EscPosDocument code128(String data) {
        if (data == null || data.isEmpty() || data.length() > 80 || !data.chars().allMatch(c -> c >= 32 && c < 127)) {
            throw new IllegalArgumentException("CODE128 takes 1..80 printable ASCII characters");
        }
        if (profile.nativeCode128()) {
            raw(EscPos.GS, 'h', 80);  // height in dots
            raw(EscPos.GS, 'w', 2);   // module width
            raw(EscPos.GS, 'H', 2);   // HRI below
            byte[] body;
            if (data.length() % 2 == 0 && data.chars().allMatch(Character::isDigit)) {
                body = new byte[2 + data.length() / 2];
                body[0] = '{';
                body[1] = 'C';
                for (int i = 0; i < data.length(); i += 2) {
                    body[2 + i / 2] = (byte) Integer.parseInt(data.substring(i, i + 2));
                }
            } else {
                body = ("{B" + data).getBytes(StandardCharsets.US_ASCII);
            }
            raw(EscPos.GS, 'k', 73, body.length);
            raw(body);
            return raw(EscPos.LF);
        }
        boolean[] bars = new Code128Writer().encode(data);
        int module = Math.max(1, Math.min(2, profile.dotsPerLine() / bars.length));
        int w = bars.length * module;
        int h = 80;
        int bpr = (w + 7) / 8;
        byte[] d = new byte[bpr * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (bars[x / module]) {
                    d[y * bpr + x / 8] |= (byte) (0x80 >> (x % 8));
                }
            }
        }
        image(new MonoImage(w, h, d));
        return line(data);
    }

    /** A raster image ({@code GS v 0}) in bands; wider than the paper is cropped at the right. */
    public EscPosDocument image(MonoImage img) {
        int w = Math.min(img.width(), profile.dotsPerLine());
        int bpr = (w + 7) / 8;
        int srcBpr = img.bytesPerRow();
        byte[] src = img.data();
        for (int top = 0; top < img.height(); top += RASTER_BAND_ROWS) {
            int rows = Math.min(RASTER_BAND_ROWS, img.height() - top);
            raw(EscPos.GS, 'v', '0', 0, bpr & 0xff, bpr >> 8, rows & 0xff, rows >> 8);
            for (int y = top; y < top + rows; y++) {
                byte[] row = new byte[bpr];
                System.arraycopy(src, y * srcBpr, row, 0, bpr);
                if (w % 8 != 0) {
                    row[bpr - 1] &= (byte) (0xFF << (8 - w % 8)); // clear dots beyond the crop
                }
                raw(row);
            }
        }
        return this;
    }

    /** Feeds past the tear bar / cutter and cuts when the profile has a cutter. */
    public EscPosDocument cut() {
        if (profile.cutter()) {
            return raw(EscPos.GS, 'V', 0x42, 3); // feed 3 lines then partial cut: the blade sits above the print head
        }
        return feed(4);
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    public int size() {
        return out.size();
    }

    private EscPosDocument raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    private EscPosDocument raw(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }

    /** Lines of text exactly as {@link #line} would print them (for tests and previews). */
    public List<String> wrapped(String text) {
        return TextWidth.wrap(TextWidth.printable(text), columns());
    }
}
