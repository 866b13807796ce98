package org.medkiosk.journey.cancel;

import java.util.List;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.Money;
import org.medkiosk.journey.ReceiptOutcome;

/** Cancel a booking: my bookings → cancel → done (with the refund where the hospital allows it). */
public sealed interface CancelBookingState {

    record Loading() implements CancelBookingState {
    }

    record NoBookings() implements CancelBookingState {
    }

    record Bookings(List<Appointment> bookings) implements CancelBookingState {
        public Bookings {
            bookings = List.copyOf(bookings);
        }
    }

    /** Are you sure? Says whether the fee comes back. */
    record Confirm(Appointment booking) implements CancelBookingState {
    }

    record Cancelling() implements CancelBookingState {
    }

    /** Cancelled; refunded is ZERO when the hospital does not refund this booking. */
    record Cancelled(Appointment booking, Money refunded, String refundTransaction, ReceiptOutcome notice)
            implements CancelBookingState {
    }

    /** The hospital refused (the visit has started) or did not answer; said in plain words by the view. */
    record NotCancelled(boolean unanswered) implements CancelBookingState {
    }

    record Unavailable() implements CancelBookingState {
    }
}
