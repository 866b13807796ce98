package org.medkiosk.app.viewmodel;

import org.medkiosk.hospital.Money;
import org.medkiosk.journey.payment.WalletCode;
import org.medkiosk.journey.topup.TopUpJourney;
import org.medkiosk.journey.topup.TopUpState;

/** Top up: preset or typed amount → scan → pending → done. */
public final class TopUpViewModel extends JourneyViewModel<TopUpState> {
    private final TopUpJourney topUp;

    public TopUpViewModel(TopUpJourney journey) {
        super(journey);
        this.topUp = journey;
    }

    @Override
    public void start() {
        topUp.start();
    }

    public void choosePreset(Money amount) {
        topUp.choosePreset(amount);
    }

    public void typeDigit(int digit) {
        topUp.typeDigit(digit);
    }

    public void deleteDigit() {
        topUp.deleteDigit();
    }

    public void confirmTyped() {
        topUp.confirmTyped();
    }

    public void back() {
        topUp.back();
    }

    @Override
    public boolean walletCode(WalletCode code) {
        return topUp.codeScanned(code);
    }
}
