package org.medkiosk.journey.identify;

import org.medkiosk.device.idcard.IdNumberCheck;
import org.medkiosk.hospital.Masking;
import org.medkiosk.hospital.PatientIdentifier;

/**
 * An 18-character ID number typed on the kiosk's keypad, checked while it is typed: digits in the first 17 places,
 * a digit or X in the last, and the last one must be the GB 11643 check character of the first 17 (the rule lives in
 * idcard-reader's {@link IdNumberCheck}; this class only delegates to it). Shown masked: the first 4 characters, the
 * rest as {@code *} while typing, and {@code 1101**********1235} once complete. Looked up as a resident ID (which the
 * FHIR client also searches as a 2023 foreign permanent residence number).
 */
public final class TypedIdNumber {
    public static final int LENGTH = 18;
    private static final int SHOWN_WHILE_TYPING = 4;

    /** What became of one key press. */
    public enum Keystroke {
        ACCEPTED,
        /** Already 18 characters. */
        FULL,
        /** X is only the last character of a number. */
        X_NOT_LAST,
        /** The 18th character is not the check character of the first 17: the number was mistyped. */
        CHECK_DIGIT_WRONG,
        /** Not a digit or X. */
        NOT_ALLOWED
    }

    private final StringBuilder typed = new StringBuilder(LENGTH);

    /** Whether {@code idNumber} is 18 characters whose check character matches (the same rule as the card reader's). */
    public static boolean checkDigitValid(String idNumber) {
        return IdNumberCheck.of(idNumber) == IdNumberCheck.VALID;
    }

    /** The check character of 17 digits (for tests and demo numbers). */
    public static char checkDigit(String first17) {
        return IdNumberCheck.checkDigit(first17);
    }

    public Keystroke type(char key) {
        char c = Character.toUpperCase(key);
        if (typed.length() >= LENGTH) {
            return Keystroke.FULL;
        }
        boolean last = typed.length() == LENGTH - 1;
        if (c == 'X' && !last) {
            return Keystroke.X_NOT_LAST;
        }
        if (c != 'X' && (c < '0' || c > '9')) {
            return Keystroke.NOT_ALLOWED;
        }
        if (last && !checkDigitValid(typed.toString() + c)) {
            return Keystroke.CHECK_DIGIT_WRONG;
        }
        typed.append(c);
        return Keystroke.ACCEPTED;
    }

    public void deleteLast() {
        if (typed.length() > 0) {
            typed.setLength(typed.length() - 1);
        }
    }

    public void clear() {
        typed.setLength(0);
    }

    public int length() {
        return typed.length();
    }

    /** 18 characters with a matching check character (the keypad accepts nothing else as the 18th). */
    public boolean complete() {
        return typed.length() == LENGTH;
    }

    /** The 18th character may be X now (17 digits typed). */
    public boolean expectsCheckCharacter() {
        return typed.length() == LENGTH - 1;
    }

    /** What the screen shows: 1101**** while typing, 1101**********1235 when complete. Never the whole number. */
    public String masked() {
        if (complete()) {
            return Masking.idNumber(typed.toString());
        }
        int shown = Math.min(SHOWN_WHILE_TYPING, typed.length());
        return typed.substring(0, shown) + "*".repeat(typed.length() - shown);
    }

    /** The identifier to look up; only when {@link #complete()}. */
    public PatientIdentifier identifier() {
        if (!complete()) {
            throw new IllegalStateException("the ID number is not complete");
        }
        return PatientIdentifier.residentId(typed.toString());
    }

    /** Masked: the typed number must never reach a log. */
    @Override
    public String toString() {
        return "TypedIdNumber[" + masked() + "]";
    }
}
