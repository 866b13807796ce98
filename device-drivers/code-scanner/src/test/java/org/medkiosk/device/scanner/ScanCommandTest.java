package org.medkiosk.device.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.device.link.SerialLink;
import org.medkiosk.device.link.SerialSettings;
import org.medkiosk.device.link.testing.PseudoTerminalPair;

class ScanCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ScanCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsOneClassifiedJsonLinePerCodeAndNeverAPaymentCode() throws Exception {
        try (PseudoTerminalPair pty = PseudoTerminalPair.open();
             ScannerSimulator sim = new ScannerSimulator(
                     new SerialLink(SerialSettings.of(pty.devicePath().toString(), 9600)),
                     ScannerFraming.defaults().withAimId(true), TriggerProfile.PRESENTATION)) {
            sim.start();
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                    () -> run("--port", pty.hostPath().toString(), "--baud", "9600", "--aim", "--count", "2"));
            // The command opens the port asynchronously; present until it has seen both codes.
            while (!exit.isDone() && out.size() == 0) {
                sim.present("281234567890123456", Symbology.QR_CODE);
                Thread.sleep(200);
            }
            sim.present("8800000001", Symbology.CODE_128);
            assertEquals(0, exit.get());
            List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals(2, lines.size(), lines::toString);
            assertEquals("{\"kind\":\"ALIPAY_CODE\",\"payment\":true,\"symbology\":\"QR_CODE\",\"value\":\"28****************\"}",
                    lines.get(0));
            assertFalse(out.toString(StandardCharsets.UTF_8).contains("1234567890123456"));
        }
    }

    @Test
    void imageModeDecodesAFile(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("code.png");
        ImageIO.write(ImageCodeDecoderTest.onFrame(ImageCodeDecoderTest.render("MKAPT:APT-5", BarcodeFormat.QR_CODE, 200, 200)),
                "png", png.toFile());
        assertEquals(0, run("--image", png.toString()));
        assertEquals("{\"kind\":\"APPOINTMENT\",\"payment\":false,\"symbology\":\"QR_CODE\",\"value\":\"MKAPT:APT-5\"}",
                out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void errorsAreOneLineWithExitOneAndUsageErrorsExitTwo() {
        assertEquals(1, run("--port", "/dev/medkiosk-no-scanner"));
        assertEquals("error: no such serial port: /dev/medkiosk-no-scanner", err.toString(StandardCharsets.UTF_8).strip());
        err.reset();
        assertEquals(2, run("--port", "/x", "--trigger", "laser"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown trigger profile: laser"));
        err.reset();
        assertEquals(2, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage: kiosk devices scan"));
    }
}
