package org.medkiosk.app.viewmodel;

import org.medkiosk.journey.payment.WalletCode;
import org.medkiosk.journey.queries.QueriesJourney;
import org.medkiosk.journey.queries.QueriesState;

/** Queries: a menu of queue position, paid history (line items on tap) and my receipts (reprint). */
public final class QueriesViewModel extends JourneyViewModel<QueriesState> {
    private final QueriesJourney queries;

    public QueriesViewModel(QueriesJourney journey) {
        super(journey);
        this.queries = journey;
    }

    @Override
    public void start() {
        queries.start();
    }

    public void queuePosition() {
        queries.queuePosition();
    }

    public void paidHistory() {
        queries.paidHistory();
    }

    public void details(String invoiceId) {
        queries.details(invoiceId);
    }

    public void myReceipts() {
        queries.myReceipts();
    }

    public void reprint(long printJobId) {
        queries.reprint(printJobId);
    }

    public void back() {
        queries.back();
    }

    @Override
    public boolean walletCode(WalletCode code) {
        return false;
    }
}
