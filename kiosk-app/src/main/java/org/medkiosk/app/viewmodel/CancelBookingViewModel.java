package org.medkiosk.app.viewmodel;

import org.medkiosk.journey.cancel.CancelBookingJourney;
import org.medkiosk.journey.cancel.CancelBookingState;
import org.medkiosk.journey.payment.WalletCode;

/** My bookings → cancel (refund where the hospital allows) → done. */
public final class CancelBookingViewModel extends JourneyViewModel<CancelBookingState> {
    private final CancelBookingJourney cancel;

    public CancelBookingViewModel(CancelBookingJourney journey) {
        super(journey);
        this.cancel = journey;
    }

    @Override
    public void start() {
        cancel.start();
    }

    public void choose(String appointmentId) {
        cancel.choose(appointmentId);
    }

    public void confirm() {
        cancel.confirm();
    }

    public void back() {
        cancel.back();
    }

    @Override
    public boolean walletCode(WalletCode code) {
        return false;
    }
}
