package org.medkiosk.print.escpos;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.MultiFormatReader;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Optional;

/** Reads QR codes and barcodes back from pixels with ZXing, as a phone or scanner would. */
public final class QrReading {
    private QrReading() {
    }

    public static Optional<String> read(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        try {
            Result r = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, px))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            return Optional.of(r.getText());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** A raster from the decoder, with a white margin around it, as an image. */
    public static BufferedImage image(IndependentEscPosDecoder.Raster r) {
        int w = r.bytesPerRow() * 8;
        int margin = 16;
        BufferedImage img = new BufferedImage(w + 2 * margin, r.rows() + 2 * margin, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, 0xFFFFFF);
            }
        }
        for (int y = 0; y < r.rows(); y++) {
            for (int x = 0; x < w; x++) {
                if ((r.data()[y * r.bytesPerRow() + x / 8] & (0x80 >> (x % 8))) != 0) {
                    img.setRGB(x + margin, y + margin, 0);
                }
            }
        }
        return img;
    }
}
