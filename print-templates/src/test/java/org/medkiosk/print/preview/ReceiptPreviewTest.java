package org.medkiosk.print.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medkiosk.print.escpos.EscPosDocument;
import org.medkiosk.print.escpos.PrinterProfile;
import org.medkiosk.print.escpos.QrReading;
import org.medkiosk.print.receipt.ReceiptTemplates;
import org.medkiosk.print.sample.SampleData;

class ReceiptPreviewTest {

    @ParameterizedTest
    @ValueSource(strings = {"epson-80", "generic-58"})
    void previewOfQueueTicketShowsAReadableQr(String profileName) throws Exception {
        PrinterProfile p = PrinterProfile.byName(profileName).orElseThrow();
        byte[] bytes = new ReceiptTemplates(SampleData.letterhead(), p, Locale.CHINESE).queueTicket(SampleData.queueTicket(), null);
        byte[] png = ReceiptPreview.png(bytes, p);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(p.dotsPerLine(), img.getWidth());
        assertTrue(img.getHeight() > 400);
        assertEquals("MKAPT:A20260302-0017", QrReading.read(img).orElseThrow());
    }

    @org.junit.jupiter.api.Test
    void previewOfBarcodeReadsBack() {
        PrinterProfile p = PrinterProfile.EPSON_80;
        byte[] bytes = new EscPosDocument(p).code128("880000000123").bytes();
        BufferedImage img = ReceiptPreview.render(bytes, p);
        assertEquals("880000000123", QrReading.read(img).orElseThrow());
    }

    @org.junit.jupiter.api.Test
    void chineseTextIsInked() {
        PrinterProfile p = PrinterProfile.EPSON_80;
        BufferedImage blank = ReceiptPreview.render(new EscPosDocument(p).line("").bytes(), p);
        BufferedImage text = ReceiptPreview.render(new EscPosDocument(p).line("心血管内科").bytes(), p);
        assertEquals(0, dark(blank));
        assertTrue(dark(text) > 200, "glyphs drawn, not boxes or nothing: " + dark(text));
    }

    @org.junit.jupiter.api.Test
    void garbageNeverThrows() {
        java.util.Random r = new java.util.Random(42);
        for (int k = 0; k < 200; k++) {
            byte[] b = new byte[r.nextInt(400)];
            r.nextBytes(b);
            assertTrue(ReceiptPreview.render(b, PrinterProfile.GENERIC_58).getWidth() == 384);
        }
    }

    static int dark(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xff) < 128) {
                    n++;
                }
            }
        }
        return n;
    }
}
