package org.medkiosk.app.viewmodel;

import org.medkiosk.journey.payment.WalletCode;
import org.medkiosk.journey.reports.ReportsJourney;
import org.medkiosk.journey.reports.ReportsState;

/** Print reports: ready reports (all printable ones ticked) → printing → what came out of the A4 printer. */
public final class ReportsViewModel extends JourneyViewModel<ReportsState> {
    private final ReportsJourney reports;

    public ReportsViewModel(ReportsJourney journey) {
        super(journey);
        this.reports = journey;
    }

    @Override
    public void start() {
        reports.start();
    }

    public void toggle(String reportId) {
        reports.toggle(reportId);
    }

    public void print() {
        reports.print();
    }

    @Override
    public boolean walletCode(WalletCode code) {
        return false;
    }
}
