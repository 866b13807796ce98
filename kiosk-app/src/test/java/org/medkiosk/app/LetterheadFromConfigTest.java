package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.app.config.ConfigLoader;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.print.escpos.PrinterProfile;
import org.medkiosk.print.receipt.ReceiptTemplates;
import org.medkiosk.print.sample.SampleData;

/**
 * Issue 11 (review): {@code hospital.logo} and {@code hospital.footer.*} from kiosk.properties reach what the journeys
 * print — the same letterhead the kiosk's journal engine is built with — and without a logo no raster is sent.
 */
class LetterheadFromConfigTest {
    private static final byte[] RASTER = {0x1D, 0x76, 0x30}; // GS v 0

    @Test
    void theConfiguredLogoAndFooterArePrintedOnSlipsAndReceipts(@TempDir Path dir) throws Exception {
        BufferedImage logo = new BufferedImage(120, 60, BufferedImage.TYPE_INT_RGB);
        var g = logo.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 120, 60);
        g.setColor(Color.BLACK);
        g.fillRect(50, 5, 20, 50);
        g.fillRect(35, 20, 50, 20);
        g.dispose();
        Path png = dir.resolve("logo.png");
        ImageIO.write(logo, "png", png.toFile());
        Path file = Files.writeString(dir.resolve("kiosk.properties"), "backend.url=https://his.example.org/fhir\n"
                + "storage.data-folder=" + dir.resolve("data") + "\n"
                + "hospital.logo=" + png + "\n"
                + "hospital.footer.zh=请保管好凭条，祝您早日康复\n"
                + "hospital.footer.en=Keep this slip. Get well soon from Riverside\n");
        KioskConfig config = ConfigLoader.load(file);
        var letterhead = KioskAssembly.letterhead(config.hospital());

        ReceiptTemplates zh = new ReceiptTemplates(letterhead, PrinterProfile.EPSON_80, Locale.SIMPLIFIED_CHINESE);
        for (byte[] printed : new byte[][] {zh.registrationSlip(SampleData.registrationSlip()),
                zh.paymentReceipt(SampleData.patient(), SampleData.invoice(), SampleData.payment(),
                        org.medkiosk.hospital.PaymentMethod.WECHAT_PAY)}) {
            assertTrue(contains(printed, RASTER), "the logo is printed");
            assertTrue(contains(printed, "请保管好凭条，祝您早日康复".getBytes(Charset.forName("GB18030"))), "the footer");
        }
        byte[] en = zh.in(Locale.ENGLISH).registrationSlip(SampleData.registrationSlip());
        assertTrue(contains(en, "Keep this slip. Get well soon from Riverside".getBytes(Charset.forName("GB18030"))));

        Path plain = Files.writeString(dir.resolve("plain.properties"), "backend.url=https://his.example.org/fhir\n"
                + "storage.data-folder=" + dir.resolve("data") + "\n");
        var none = KioskAssembly.letterhead(ConfigLoader.load(plain).hospital());
        byte[] slip = new ReceiptTemplates(none, PrinterProfile.EPSON_80, Locale.SIMPLIFIED_CHINESE)
                .registrationSlip(SampleData.registrationSlip());
        assertFalse(contains(slip, RASTER), "no logo configured: no raster");
        assertTrue(contains(slip, "祝您早日康复".getBytes(Charset.forName("GB18030"))), "the default footer");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
