package org.medkiosk.device.idcard;

/** Sex code as stored on the card (GB/T 2261.1). */
public enum Sex {
    UNKNOWN('0'), MALE('1'), FEMALE('2'), UNSPECIFIED('9');

    private final char code;

    Sex(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static Sex fromCode(char c) {
        for (Sex s : values()) {
            if (s.code == c) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
