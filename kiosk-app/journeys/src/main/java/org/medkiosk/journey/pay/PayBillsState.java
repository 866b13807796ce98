package org.medkiosk.journey.pay;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.hospital.UnpaidInvoice;
import org.medkiosk.hospital.Visit;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journey.ReceiptOutcome;

/** The pay-bills journey's screens: bills → scan → pending → paid / nothing charged. */
public sealed interface PayBillsState {

    record Loading() implements PayBillsState {
    }

    record NothingToPay() implements PayBillsState {
    }

    /** One visit's bills, as the patient remembers them ("12月1日 内科"). */
    record VisitBills(Visit visit, List<UnpaidInvoice> invoices) {
        public VisitBills {
            invoices = List.copyOf(invoices);
        }
    }

    /**
     * The unpaid bills grouped by visit, all selected at first.
     *
     * @param prepaidBalance the prepaid account's balance, empty when the patient has none or it is unknown
     * @param detailsOf      the invoice whose line items are open, if any
     */
    record Bills(List<VisitBills> visits, Set<String> selected, Money total, Optional<Money> prepaidBalance,
                 Optional<String> detailsOf) implements PayBillsState {
        public Bills {
            visits = List.copyOf(visits);
            selected = Set.copyOf(selected);
        }

        public boolean prepaidCovers() {
            return prepaidBalance.isPresent() && total.isPositive() && prepaidBalance.get().compareTo(total) >= 0;
        }
    }

    /** Waiting for the patient to show their wallet's payment code to the scanner. */
    record ScanCode(Money total) implements PayBillsState {
    }

    /** Sent; secondsLeft counts down while the wallet is pending (−1 before any pending answer). */
    record Paying(Money total, int secondsLeft) implements PayBillsState {
    }

    record Paid(Money total, String transactionNumber, PaymentMethod method, int invoices, ReceiptOutcome receipt)
            implements PayBillsState {
    }

    /** Declined, closed or reversed: nothing was charged; reason is the wallet's words when it gave any. */
    record NotCharged(Money total, IntentState outcome, String reason) implements PayBillsState {
    }

    /** The hospital could not confirm in time; the kiosk settles it and the patient need do nothing. */
    record Unsettled(Money total) implements PayBillsState {
    }

    /** The hospital could not be reached to list the bills. */
    record Unavailable() implements PayBillsState {
    }
}
