package org.medkiosk.journey.checkin;

import java.time.OffsetDateTime;
import java.util.List;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.QueueTicket;
import org.medkiosk.journey.ReceiptOutcome;

/** Check in: today's appointments (skipped when exactly one is open for check-in) → checking in → done. */
public sealed interface CheckInState {

    record Loading() implements CheckInState {
    }

    /** No appointment today (none booked, or all cancelled). */
    record NoAppointments() implements CheckInState {
    }

    /** More than one appointment open for check-in now: one tap on one checks it in. */
    record Appointments(List<Appointment> open) implements CheckInState {
        public Appointments {
            open = List.copyOf(open);
        }
    }

    /** Check-in for this appointment opens at {@code opensAt} (the next one to open, when there are several). */
    record TooEarly(Appointment appointment, OffsetDateTime opensAt) implements CheckInState {
    }

    /** The appointment's period is over: go to the registration desk. */
    record TooLate(Appointment appointment) implements CheckInState {
    }

    /**
     * Already checked in earlier (at a desk or another kiosk): where the patient stands now, when the hospital says.
     * ticket may be null when the hospital cannot tell.
     */
    record AlreadyCheckedIn(Appointment appointment, QueueTicket ticket) implements CheckInState {
    }

    /** The scanned appointment belongs to someone else, or the hospital has no such appointment. */
    record UnknownAppointment() implements CheckInState {
    }

    record CheckingIn(Appointment appointment) implements CheckInState {
    }

    /** Checked in: the queue number, room, doctor and patients ahead, and what became of the printed ticket. */
    record CheckedIn(Appointment appointment, QueueTicket ticket, ReceiptOutcome printed) implements CheckInState {
    }

    /**
     * The hospital refused the check-in (the appointment was cancelled, is not for today, or is not booked): go to the
     * registration desk. reason is the kind of refusal (Conflict, Rejected, NotFound), never shown raw.
     */
    record Refused(Appointment appointment, String reason) implements CheckInState {
    }

    /** The hospital did not answer the check-in; {@code retry()} repeats it with the same key (never a second number). */
    record Unanswered(Appointment appointment) implements CheckInState {
    }

    /** The hospital could not be asked for today's appointments. */
    record Unavailable() implements CheckInState {
    }
}
