package org.medkiosk.print.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.medkiosk.print.fonts.KioskFont;

/**
 * The shipped CJK font as an OpenPDF base font: Identity-H so every GBK character is addressable,
 * embedded so a PDF opens the same everywhere (OpenPDF embeds only the glyphs used, as a subset,
 * and writes a ToUnicode map so Chinese extracts as text).
 */
public final class ReportFonts {
    private static volatile BaseFont cjk;

    private ReportFonts() {
    }

    public static BaseFont cjk() {
        BaseFont f = cjk;
        if (f == null) {
            try {
                // the name must end in .ttf for OpenPDF to pick its TrueType reader for the byte array
                f = BaseFont.createFont("wqy-microhei-gbk.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                        BaseFont.CACHED, KioskFont.bytes(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (DocumentException e) {
                throw new IllegalStateException("shipped font rejected by OpenPDF", e);
            }
            cjk = f;
        }
        return f;
    }
}
