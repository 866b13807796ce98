package org.medkiosk.app.viewmodel;

import org.medkiosk.journey.pay.PayBillsJourney;
import org.medkiosk.journey.pay.PayBillsState;
import org.medkiosk.journey.payment.WalletCode;

/** Pay bills: bills by visit → scan → pending → paid / nothing charged. */
public final class PayBillsViewModel extends JourneyViewModel<PayBillsState> {
    private final PayBillsJourney pay;

    public PayBillsViewModel(PayBillsJourney journey) {
        super(journey);
        this.pay = journey;
    }

    @Override
    public void start() {
        pay.start();
    }

    public void toggle(String invoiceId) {
        pay.toggle(invoiceId);
    }

    public void details(String invoiceIdOrNull) {
        pay.details(invoiceIdOrNull);
    }

    public void payByWallet() {
        pay.payByWallet();
    }

    public void payFromAccount() {
        pay.payFromAccount();
    }

    public void back() {
        pay.back();
    }

    @Override
    public boolean walletCode(WalletCode code) {
        return pay.codeScanned(code);
    }
}
