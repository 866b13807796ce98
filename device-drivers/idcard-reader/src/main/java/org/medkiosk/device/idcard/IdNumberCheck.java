package org.medkiosk.device.idcard;

/**
 * GB 11643 check digit of an 18-character citizen / permit number: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over
 * the first 17 digits, sum mod 11 mapped to {@code 1 0 X 9 8 7 6 5 4 3 2}.
 */
public enum IdNumberCheck {
    VALID, INVALID,
    /** Numbers without a GB 11643 check digit (the 15-character old foreign permanent residence number). */
    NOT_APPLICABLE;

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    public static IdNumberCheck of(String idNumber) {
        if (idNumber == null || idNumber.length() != 18) {
            return NOT_APPLICABLE;
        }
        for (int i = 0; i < 17; i++) {
            if (idNumber.charAt(i) < '0' || idNumber.charAt(i) > '9') {
                return INVALID;
            }
        }
        char last = Character.toUpperCase(idNumber.charAt(17));
        return last == checkDigit(idNumber.substring(0, 17)) ? VALID : INVALID;
    }

    /** The check character for 17 digits. */
    public static char checkDigit(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 digits, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at position " + i);
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
