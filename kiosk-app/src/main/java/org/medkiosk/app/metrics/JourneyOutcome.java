package org.medkiosk.app.metrics;

import org.medkiosk.journey.cancel.CancelBookingState;
import org.medkiosk.journey.checkin.CheckInState;
import org.medkiosk.journey.pay.PayBillsState;
import org.medkiosk.journey.queries.QueriesState;
import org.medkiosk.journey.register.RegistrationState;
import org.medkiosk.journey.reports.ReportsState;
import org.medkiosk.journey.topup.TopUpState;

/**
 * How a journey ended, for {@code medkiosk_journeys_completed_total} and {@code medkiosk_journeys_abandoned_total}:
 * completed when the patient left it in its success end state (paid, booked, topped up, checked in — or already
 * checked in —, cancelled, reports printed, or for queries what was asked shown or reprinted); abandoned when they
 * left it before (Home, Finish, the timeout, another card), including a refusal or an unavailable hospital.
 */
final class JourneyOutcome {
    private JourneyOutcome() {
    }

    static boolean completed(Object lastState) {
        return lastState instanceof PayBillsState.Paid
                || lastState instanceof RegistrationState.Booked
                || lastState instanceof TopUpState.ToppedUp
                || lastState instanceof CheckInState.CheckedIn
                || lastState instanceof CheckInState.AlreadyCheckedIn
                || lastState instanceof CancelBookingState.Cancelled
                || lastState instanceof ReportsState.Done
                || lastState instanceof QueriesState.Queue
                || lastState instanceof QueriesState.NotInQueue
                || lastState instanceof QueriesState.PaidHistory
                || lastState instanceof QueriesState.MyReceipts
                || lastState instanceof QueriesState.Reprinted;
    }
}
