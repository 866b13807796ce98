package org.medkiosk.device.scanner;

/** Barcode symbology, as told by an AIM identifier ({@code ]Q1}) or by the image decoder. */
public enum Symbology {
    QR_CODE('Q'),
    PDF417('L'),
    CODE_128('C'),
    CODE_39('A'),
    EAN_UPC('E'),
    DATA_MATRIX('d'),
    INTERLEAVED_2_OF_5('I'),
    CODABAR('F'),
    AZTEC('z'),
    /** The scanner did not say. */
    UNKNOWN('?');

    private final char aimLetter;

    Symbology(char aimLetter) {
        this.aimLetter = aimLetter;
    }

    /** The symbology character of an AIM identifier ({@code ]} + this + modifier). */
    public char aimLetter() {
        return aimLetter;
    }

    public static Symbology fromAimLetter(char c) {
        for (Symbology s : values()) {
            if (s.aimLetter == c && s != UNKNOWN) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
