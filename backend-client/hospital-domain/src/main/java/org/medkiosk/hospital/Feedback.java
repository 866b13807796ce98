package org.medkiosk.hospital;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A patient's anonymous feedback after a journey: satisfaction 1 (very unhappy) to 5 (very happy), the journey it is
 * about ({@code CHECK_IN}, {@code PAY}…), and an optional suggestion or complaint typed on the keypad. No patient is
 * named. The comment may hold whatever the patient typed (a name, a phone number), so {@link #toString()} prints its
 * length only.
 */
public record Feedback(int satisfaction, Optional<String> journey, Optional<String> comment, Instant at, String kioskId) {
    public static final int MAX_COMMENT = 500;

    public Feedback {
        if (satisfaction < 1 || satisfaction > 5) {
            throw new IllegalArgumentException("satisfaction must be 1..5: " + satisfaction);
        }
        journey = journey == null ? Optional.empty() : journey.map(String::trim).filter(j -> !j.isEmpty());
        journey.ifPresent(j -> {
            if (!j.matches("[A-Z][A-Z0-9_]{0,39}")) {
                throw new IllegalArgumentException("journey must be a journey name such as CHECK_IN");
            }
        });
        comment = comment == null ? Optional.empty() : comment.map(String::strip).filter(c -> !c.isEmpty());
        comment.ifPresent(c -> {
            if (c.codePointCount(0, c.length()) > MAX_COMMENT) {
                throw new IllegalArgumentException("comment longer than " + MAX_COMMENT + " characters");
            }
        });
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kioskId, "kioskId");
        if (kioskId.isBlank()) {
            throw new IllegalArgumentException("kioskId is blank");
        }
    }

    @Override
    public String toString() {
        return "Feedback[satisfaction=" + satisfaction + ", journey=" + journey.orElse("-") + ", comment="
                + comment.map(c -> c.codePointCount(0, c.length()) + " chars").orElse("none") + ", at=" + at
                + ", kioskId=" + kioskId + "]";
    }
}
