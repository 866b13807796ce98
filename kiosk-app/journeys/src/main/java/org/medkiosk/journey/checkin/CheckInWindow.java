package org.medkiosk.journey.checkin;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.journey.JourneySettings;

/**
 * When an appointment can be checked in at the kiosk: from {@link JourneySettings#checkInOpensBefore()} before its
 * period starts until {@link JourneySettings#checkInClosesAfterEnd()} after it ends. Outside it the patient is told
 * when it opens, or that the period is over and to go to the registration desk.
 */
public record CheckInWindow(OffsetDateTime opensAt, OffsetDateTime closesAt) {

    public enum Position { TOO_EARLY, OPEN, TOO_LATE }

    public static CheckInWindow of(Appointment a, JourneySettings s) {
        return of(a, s.checkInOpensBefore(), s.checkInClosesAfterEnd());
    }

    public static CheckInWindow of(Appointment a, Duration opensBefore, Duration closesAfterEnd) {
        OffsetDateTime end = a.end() != null ? a.end() : a.start();
        return new CheckInWindow(a.start().minus(opensBefore), end.plus(closesAfterEnd));
    }

    public Position at(Instant now) {
        if (now.isBefore(opensAt.toInstant())) {
            return Position.TOO_EARLY;
        }
        return now.isBefore(closesAt.toInstant()) ? Position.OPEN : Position.TOO_LATE;
    }
}
