package org.medkiosk.print.fonts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * The CJK font MedKiosk ships, because a fresh Debian machine has none: a TrueType (glyf) subset of
 * WenQuanYi Micro Hei covering every GBK character plus Latin and common symbols, Apache-2.0
 * (licence text beside the resource). TrueType rather than CFF because JavaFX's rasterizer and
 * OpenPDF's subsetting both want glyf outlines.
 *
 * <p>JavaFX: {@code Font.loadFont(KioskFont.open(), 16)} then use family {@link #FAMILY}.
 * OpenPDF: see {@code org.medkiosk.print.report.ReportFonts}.
 */
public final class KioskFont {

    /** Classpath resource path (absolute, for {@link Class#getResourceAsStream}). */
    public static final String RESOURCE = "/org/medkiosk/print/fonts/wqy-microhei-gbk.ttf";
    /** The licence text shipped beside the font. */
    public static final String LICENCE_RESOURCE = "/org/medkiosk/print/fonts/LICENSE-Apache-2.0.txt";
    /** Family name inside the font's name table: what JavaFX / AWT report after loading it. */
    public static final String FAMILY = "WenQuanYi Micro Hei";

    private static volatile byte[] cached;
    private static volatile java.awt.Font awtBase;

    private KioskFont() {
    }

    /** A fresh stream over the font file; the caller closes it. */
    public static InputStream open() {
        InputStream in = KioskFont.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("font resource missing from the classpath: " + RESOURCE);
        }
        return in;
    }

    /** The resource URL (a {@code jar:} URL when packaged), for APIs that take a URL string. */
    public static URL url() {
        URL url = KioskFont.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("font resource missing from the classpath: " + RESOURCE);
        }
        return url;
    }

    /** The whole font file, read once and cached (about 3 MB); callers must not modify the array. */
    public static byte[] bytes() {
        byte[] b = cached;
        if (b == null) {
            try (InputStream in = open()) {
                b = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read font resource " + RESOURCE, e);
            }
            cached = b;
        }
        return b;
    }

    /** An AWT font of the given size (for the receipt previewer and any java2d rendering). */
    public static java.awt.Font awt(float size) {
        java.awt.Font base = awtBase;
        if (base == null) {
            try (InputStream in = open()) {
                base = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in);
            } catch (IOException | java.awt.FontFormatException e) {
                throw new IllegalStateException("cannot load font resource " + RESOURCE, e);
            }
            awtBase = base;
        }
        return base.deriveFont(size);
    }
}
