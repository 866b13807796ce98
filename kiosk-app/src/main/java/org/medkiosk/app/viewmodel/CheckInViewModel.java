package org.medkiosk.app.viewmodel;

import org.medkiosk.journey.checkin.CheckInJourney;
import org.medkiosk.journey.checkin.CheckInState;
import org.medkiosk.journey.payment.WalletCode;

/** Check in: today's appointments (skipped when one is open) → checked in with the queue number / too early / too late. */
public final class CheckInViewModel extends JourneyViewModel<CheckInState> {
    private final CheckInJourney checkIn;

    public CheckInViewModel(CheckInJourney journey) {
        super(journey);
        this.checkIn = journey;
    }

    @Override
    public void start() {
        checkIn.start();
    }

    public void choose(String appointmentId) {
        checkIn.choose(appointmentId);
    }

    public void retry() {
        checkIn.retry();
    }

    @Override
    public boolean walletCode(WalletCode code) {
        return false;
    }
}
