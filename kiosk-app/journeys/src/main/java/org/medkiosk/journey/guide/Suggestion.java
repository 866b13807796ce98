package org.medkiosk.journey.guide;

import java.util.OptionalInt;
import org.medkiosk.hospital.LocalizedText;

/**
 * A department the guide suggests (the hospital's department id), why in neutral words, and how many registration
 * numbers are left today across its doctors: empty while being counted or when the hospital could not say.
 */
public record Suggestion(String departmentCode, LocalizedText reason, OptionalInt numbersLeftToday) {
    public Suggestion withNumbersLeft(OptionalInt left) {
        return new Suggestion(departmentCode, reason, left);
    }
}
