package org.medkiosk.journey;

import java.time.Clock;
import org.medkiosk.hospital.HospitalBackend;
import org.medkiosk.journal.Journal;
import org.medkiosk.journey.concurrent.TaskExecutor;
import org.medkiosk.journey.payment.PaymentDesk;
import org.medkiosk.journey.reports.ReportPaper;

/** What every journey works with; one per kiosk. */
public record JourneyContext(
        HospitalBackend backend,
        Journal journal,
        PaymentDesk payments,
        ReceiptDesk receipts,
        TaskExecutor tasks,
        Clock clock,
        LiveJourneys live,
        JourneySettings settings,
        ReportPaper reportPaper) {
}
