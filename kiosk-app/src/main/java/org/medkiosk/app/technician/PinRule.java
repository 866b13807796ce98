package org.medkiosk.app.technician;

import java.util.Optional;

/** What a new technician PIN must be: 6 to 12 digits, not one digit repeated, not a run such as 123456. */
public enum PinRule {
    TOO_SHORT("at least " + PinRule.MIN_LENGTH + " digits"),
    TOO_LONG("at most " + PinRule.MAX_LENGTH + " digits"),
    ONLY_DIGITS("only the digits 0-9"),
    NOT_ONE_DIGIT_REPEATED("more than one digit (not one repeated, such as 000000)"),
    NOT_A_RUN("digits that are not a run (such as 123456 or 987654)");

    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 12;

    private final String text;

    PinRule(String text) {
        this.text = text;
    }

    /** The rule in English, after "a technician PIN must have", for the command line (screens localize the rule). */
    public String text() {
        return text;
    }

    /** The first rule {@code pin} breaks, or empty when it may be a technician PIN. The PIN is not kept. */
    public static Optional<PinRule> brokenBy(char[] pin) {
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return Optional.of(ONLY_DIGITS);
            }
        }
        if (pin.length < MIN_LENGTH) {
            return Optional.of(TOO_SHORT);
        }
        if (pin.length > MAX_LENGTH) {
            return Optional.of(TOO_LONG);
        }
        boolean same = true;
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < pin.length; i++) {
            int step = pin[i] - pin[i - 1];
            same &= step == 0;
            up &= step == 1 || step == -9;
            down &= step == -1 || step == 9;
        }
        if (same) {
            return Optional.of(NOT_ONE_DIGIT_REPEATED);
        }
        if (up || down) {
            return Optional.of(NOT_A_RUN);
        }
        return Optional.empty();
    }
}
