package org.medkiosk.device.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCodeDecoderTest {

    private final ImageCodeDecoder decoder = new ImageCodeDecoder(new CodeClassifier());

    static BufferedImage render(String text, BarcodeFormat format, int w, int h) throws Exception {
        return MatrixToImageWriter.toBufferedImage(new MultiFormatWriter().encode(text, format, w, h,
                Map.of(EncodeHintType.MARGIN, 10, EncodeHintType.CHARACTER_SET, "UTF-8")));
    }

    /** Puts the code on a larger grey "camera" frame, as a paper slip held in front of the camera would be. */
    static BufferedImage onFrame(BufferedImage code) {
        BufferedImage frame = new BufferedImage(code.getWidth() + 200, code.getHeight() + 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(215, 215, 210));
        g.fillRect(0, 0, frame.getWidth(), frame.getHeight());
        g.drawImage(code, 100, 80, null);
        g.dispose();
        return frame;
    }

    @Test
    void qrOnACameraFrameIsDecodedAndClassified() throws Exception {
        List<ScannedCode> codes = decoder.decode(onFrame(render("MKAPT:APT-000123", BarcodeFormat.QR_CODE, 240, 240)));
        assertEquals(1, codes.size());
        assertEquals("MKAPT:APT-000123", codes.get(0).value());
        assertEquals(CodeKind.APPOINTMENT, codes.get(0).kind());
        assertEquals(Symbology.QR_CODE, codes.get(0).symbology());
    }

    @Test
    void code128PatientCardIsDecoded() throws Exception {
        List<ScannedCode> codes = decoder.decode(onFrame(render("8800000003", BarcodeFormat.CODE_128, 400, 120)));
        assertEquals(1, codes.size());
        assertEquals(CodeKind.PATIENT_CARD, codes.get(0).kind());
        assertEquals(Symbology.CODE_128, codes.get(0).symbology());
    }

    @Test
    void pdf417DriverLicenceIsDecodedWithItsControlCharacters() throws Exception {
        List<ScannedCode> codes = decoder.decode(onFrame(render(AamvaLicenceTest.CA_SAMPLE, BarcodeFormat.PDF_417, 600, 240)));
        assertEquals(1, codes.size());
        assertEquals(AamvaLicenceTest.CA_SAMPLE, codes.get(0).value());
        assertEquals(CodeKind.DRIVER_LICENCE, codes.get(0).kind());
        assertEquals("MARTIN", AamvaLicence.parse(codes.get(0).value()).familyName());
    }

    @Test
    void grayscaleCameraPlaneIsDecoded() throws Exception {
        BufferedImage img = onFrame(render("YBPZ00000000000000000004", BarcodeFormat.QR_CODE, 200, 200));
        byte[] gray = new byte[img.getWidth() * img.getHeight()];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                gray[y * img.getWidth() + x] = (byte) (img.getRGB(x, y) & 0xFF);
            }
        }
        List<ScannedCode> codes = decoder.decodeLuminance(gray, img.getWidth(), img.getHeight());
        assertEquals(CodeKind.INSURANCE_E_VOUCHER, codes.get(0).kind());
    }

    @Test
    void blankFrameHasNoCodeAndImageFilesWork(@TempDir Path dir) throws Exception {
        BufferedImage blank = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        assertTrue(decoder.decode(blank).isEmpty());
        Path png = dir.resolve("slip.png");
        ImageIO.write(onFrame(render("MKAPT:7", BarcodeFormat.QR_CODE, 200, 200)), "png", png.toFile());
        assertEquals("MKAPT:7", decoder.decodeFile(png).get(0).value());
    }
}
