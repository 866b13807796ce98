package org.medkiosk.device.scanner;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Decodes QR, PDF417 and CODE128 codes from a camera frame or image with ZXing, for kiosks with a camera module
 * instead of (or beside) a scanner. Thread-safe: each call makes its own reader.
 */
public final class ImageCodeDecoder {

    private final CodeClassifier classifier;
    private final Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);

    public ImageCodeDecoder(CodeClassifier classifier) {
        this.classifier = classifier;
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE, BarcodeFormat.PDF_417,
                BarcodeFormat.CODE_128, BarcodeFormat.DATA_MATRIX));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
    }

    /** All codes found in the image (empty when none). */
    public List<ScannedCode> decode(BufferedImage image) {
        return decode(new BufferedImageLuminanceSource(image));
    }

    /**
     * All codes in an 8-bit grayscale frame (one byte per pixel, row-major): the Y plane of a camera's YUV frame, or
     * a JavaFX image converted by the app.
     */
    public List<ScannedCode> decodeLuminance(byte[] gray, int width, int height) {
        if (width <= 0 || height <= 0 || gray.length < (long) width * height) {
            throw new IllegalArgumentException("frame of " + gray.length + " bytes is not " + width + "x" + height);
        }
        return decode(new PlanarYUVLuminanceSource(gray, width, height, 0, 0, width, height, false));
    }

    /** Reads an image file (PNG, JPEG, BMP, GIF) and decodes it. */
    public List<ScannedCode> decodeFile(Path image) throws IOException {
        BufferedImage img = ImageIO.read(image.toFile());
        if (img == null) {
            throw new IOException("not an image ImageIO can read: " + image.getFileName());
        }
        return decode(img);
    }

    private List<ScannedCode> decode(LuminanceSource source) {
        List<ScannedCode> out = new ArrayList<>();
        GenericMultipleBarcodeReader reader = new GenericMultipleBarcodeReader(new MultiFormatReader());
        try {
            for (Result r : reader.decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)), hints)) {
                String text = r.getText();
                if (text != null && !text.isEmpty() && out.stream().noneMatch(c -> c.value().equals(text))) {
                    out.add(classifier.scanned(text, symbology(r.getBarcodeFormat())));
                }
            }
        } catch (ReaderException nothingFound) {
            // a frame without a code is the normal case for a camera
        } catch (RuntimeException zxingBug) {
            // ZXing can trip over pathological frames; a camera just tries the next frame
        }
        return out;
    }

    static Symbology symbology(BarcodeFormat format) {
        return switch (format) {
            case QR_CODE -> Symbology.QR_CODE;
            case PDF_417 -> Symbology.PDF417;
            case CODE_128 -> Symbology.CODE_128;
            case DATA_MATRIX -> Symbology.DATA_MATRIX;
            default -> Symbology.UNKNOWN;
        };
    }
}
