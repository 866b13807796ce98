package org.medkiosk.device.idcard;

import java.util.Optional;

/**
 * Turns the SAM's compressed photo into pixels. No open decoder for this format exists, so the kiosk ships none
 * ({@link #NONE}); a site with a licensed vendor library (e.g. a JNI wrapper of the reader SDK's decoder)
 * implements this interface. Never fake a decode.
 */
@FunctionalInterface
public interface PhotoDecoder {

    /** Decodes; empty when this decoder cannot. */
    Optional<DecodedPhoto> decode(byte[] encodedPhoto);

    /** The default: no decoding available. */
    PhotoDecoder NONE = encoded -> Optional.empty();

    /** Pixels in BGR order, 3 bytes per pixel, row-major (the usual decoder output is 102 × 126). */
    record DecodedPhoto(int width, int height, byte[] bgr) {
        public DecodedPhoto {
            if (width <= 0 || height <= 0 || bgr.length != width * height * 3) {
                throw new IllegalArgumentException("BGR buffer does not match " + width + "x" + height);
            }
            bgr = bgr.clone();
        }

        @Override
        public byte[] bgr() {
            return bgr.clone();
        }
    }
}
