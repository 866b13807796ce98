package org.medkiosk.hospital;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A notice from the hospital (holiday hours, parking, vaccination), shown from {@code from} to {@code to} inclusive;
 * {@code to} is {@link LocalDate#MAX} when the hospital gave no end.
 */
public record HospitalNotice(String id, LocalizedText title, LocalizedText text, LocalDate from, LocalDate to) {
    public HospitalNotice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(from, "from");
        text = text == null ? LocalizedText.same("") : text;
        to = to == null ? LocalDate.MAX : to;
    }

    /** Whether the notice is up on this day. */
    public boolean showsOn(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
