package org.medkiosk.print.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.print.cli.ReceiptRenderCommand;
import org.medkiosk.print.escpos.IndependentEscPosDecoder;
import org.medkiosk.print.escpos.QrReading;

class ReceiptRenderCommandTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return ReceiptRenderCommand.run(List.of(args), new PrintStream(out, true), new PrintStream(err, true));
    }

    @Test
    void everyTemplateRendersToBinAndPng(@TempDir Path dir) throws Exception {
        for (String name : ReceiptRenderCommand.TEMPLATES.keySet()) {
            Path bin = dir.resolve(name + ".bin");
            assertEquals(0, run("--template", name, "--out", bin.toString(), "--lang", "en"), err.toString());
            assertTrue(IndependentEscPosDecoder.decode(Files.readAllBytes(bin)).lines.size() > 5);
        }
        Path png = dir.resolve("t.png");
        assertEquals(0, run("--template", "queue-ticket", "--out", png.toString(), "--profile", "generic-58"));
        var img = ImageIO.read(png.toFile());
        assertEquals(384, img.getWidth());
        assertEquals("MKAPT:A20260302-0017", QrReading.read(img).orElseThrow());
    }

    @Test
    void badUsage() {
        assertEquals(2, run("--template", "nope", "--out", "x.png"));
        assertEquals(2, run("--template", "test-page", "--out", "x.jpg"));
        assertEquals(2, run("--template", "test-page", "--out", "x.png", "--profile", "tm-x"));
        assertEquals(2, run("--template"));
        assertTrue(err.toString().contains("Usage: kiosk receipt render"));
    }
}
