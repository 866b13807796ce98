package org.medkiosk.print.escpos;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a receipt printer model can do, so templates emit only commands it understands
 * (python-escpos / escpos-php call these capability profiles).
 *
 * @param name          the name technicians type ({@code --profile epson-80})
 * @param dotsPerLine   printable width in dots (203 dpi: 576 for 80 mm paper, 384 for 58 mm)
 * @param columns       Font A (12×24) columns across the line; a Chinese character takes two
 * @param chineseMode   send {@code FS &} so GB18030 bytes print as Chinese (Chinese-market firmware)
 * @param nativeQr      the printer draws QR codes itself ({@code GS ( k}); otherwise we send a raster
 * @param nativeCode128 the printer draws CODE128 itself ({@code GS k 73}); otherwise a raster
 * @param cutter        an auto-cutter is fitted ({@code GS V}); otherwise we only feed to the tear bar
 */
public record PrinterProfile(String name, int dotsPerLine, int columns, boolean chineseMode,
                             boolean nativeQr, boolean nativeCode128, boolean cutter) {

    /** Epson TM-T20/T82-class 80 mm, 203 dpi, Chinese firmware; every native command. */
    public static final PrinterProfile EPSON_80 = new PrinterProfile("epson-80", 576, 48, true, true, true, true);
    /** Generic Chinese 80 mm (Xprinter/GP style clones): native QR and barcodes, cutter. */
    public static final PrinterProfile GENERIC_80 = new PrinterProfile("generic-80", 576, 48, true, true, true, true);
    /** Generic Chinese 58 mm: no GS ( k QR (raster instead), no cutter. */
    public static final PrinterProfile GENERIC_58 = new PrinterProfile("generic-58", 384, 32, true, false, true, false);

    public static final List<PrinterProfile> ALL = List.of(EPSON_80, GENERIC_80, GENERIC_58);

    public PrinterProfile {
        if (dotsPerLine < 96 || dotsPerLine > 4096 || dotsPerLine % 8 != 0) {
            throw new IllegalArgumentException("dotsPerLine must be a multiple of 8 in 96..4096");
        }
        if (columns < 8 || columns > 256) {
            throw new IllegalArgumentException("columns must be in 8..256");
        }
    }

    public static Optional<PrinterProfile> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(p -> p.name.equals(n)).findFirst();
    }

    /** Dots a Font A half-width cell takes. */
    public int dotsPerColumn() {
        return dotsPerLine / columns;
    }
}
