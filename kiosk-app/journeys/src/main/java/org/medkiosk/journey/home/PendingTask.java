package org.medkiosk.journey.home;

import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.Money;

/**
 * What the patient most likely came to do, shown as a one-tap card above the home tiles (JOURNEYS.md: "home leads
 * with what is pending"). Holds only what the card shows: no name, no ID number.
 */
public sealed interface PendingTask {

    /** An appointment of today whose check-in window is open now. */
    record CheckIn(Appointment appointment) implements PendingTask {
    }

    /** Bills waiting to be paid. */
    record PayBills(int invoices, Money total) implements PendingTask {
    }

    /** Reports ready and not yet printed. */
    record CollectReports(int reports) implements PendingTask {
    }
}
