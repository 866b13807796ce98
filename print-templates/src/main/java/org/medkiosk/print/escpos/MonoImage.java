package org.medkiosk.print.escpos;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A 1-bit image as ESC/POS raster commands want it: rows of {@code bytesPerRow} bytes, MSB = leftmost
 * dot, a set bit is a black dot.
 */
public final class MonoImage {
    private final int width;
    private final int height;
    private final byte[] data;

    public MonoImage(int width, int height, byte[] data) {
        if (width <= 0 || height <= 0 || width > 65535 * 8 || height > 65535) {
            throw new IllegalArgumentException("bad raster size " + width + "x" + height);
        }
        if (data.length != ((width + 7) / 8) * height) {
            throw new IllegalArgumentException("raster data length does not match size");
        }
        this.width = width;
        this.height = height;
        this.data = data.clone();
    }

    /** Thresholds an image (luminance &lt; 50 %, or alpha &gt; 50 % over white, is black). */
    public static MonoImage of(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int bpr = (w + 7) / 8;
        byte[] d = new byte[bpr * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = img.getRGB(x, y);
                int a = argb >>> 24;
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                int lum = (r * 299 + g * 587 + b * 114) / 1000;
                lum = (lum * a + 255 * (255 - a)) / 255; // composite over white paper
                if (lum < 128) {
                    d[y * bpr + x / 8] |= (byte) (0x80 >> (x % 8));
                }
            }
        }
        return new MonoImage(w, h, d);
    }

    /** Scales by an integer factor (QR modules, logos): each dot becomes factor×factor dots. */
    public MonoImage scaled(int factor) {
        if (factor == 1) {
            return this;
        }
        int w = width * factor;
        int h = height * factor;
        int bpr = (w + 7) / 8;
        byte[] d = new byte[bpr * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (get(x / factor, y / factor)) {
                    d[y * bpr + x / 8] |= (byte) (0x80 >> (x % 8));
                }
            }
        }
        return new MonoImage(w, h, d);
    }

    public boolean get(int x, int y) {
        return (data[y * bytesPerRow() + x / 8] & (0x80 >> (x % 8))) != 0;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int bytesPerRow() {
        return (width + 7) / 8;
    }

    public byte[] data() {
        return data.clone();
    }

    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return img;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MonoImage m && m.width == width && m.height == height && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(data);
    }
}
