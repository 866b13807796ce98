package org.medkiosk.device.idcard;

import java.util.Arrays;
import java.util.Optional;

/**
 * The card's photo exactly as the SAM returned it (1,024 bytes of a proprietary compressed format). Kept opaque:
 * only a vendor's {@link PhotoDecoder} can turn it into pixels.
 */
public final class CardPhoto {

    private final byte[] encoded;

    public CardPhoto(byte[] encoded) {
        this.encoded = encoded.clone();
    }

    public static CardPhoto none() {
        return new CardPhoto(new byte[0]);
    }

    public byte[] encoded() {
        return encoded.clone();
    }

    public int size() {
        return encoded.length;
    }

    public boolean isEmpty() {
        return encoded.length == 0;
    }

    public Optional<PhotoDecoder.DecodedPhoto> decodeWith(PhotoDecoder decoder) {
        return isEmpty() ? Optional.empty() : decoder.decode(encoded.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CardPhoto p && Arrays.equals(p.encoded, encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "CardPhoto[" + encoded.length + " bytes]";
    }
}
