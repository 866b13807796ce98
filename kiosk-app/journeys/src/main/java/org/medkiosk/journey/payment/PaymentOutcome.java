package org.medkiosk.journey.payment;

import org.medkiosk.hospital.PaymentResult;
import org.medkiosk.journal.IntentState;

/** How a payment ended for the patient standing at the kiosk. */
public sealed interface PaymentOutcome {

    /** The money was taken (possibly after a reverse lost the race to it). */
    record Paid(PaymentResult result) implements PaymentOutcome {
    }

    /** Nothing was charged: declined, closed or reversed; reason is the wallet's words when it gave any. */
    record NotCharged(IntentState state, String reason) implements PaymentOutcome {
    }

    /**
     * The hospital could not be asked in time. The journal keeps the intent open and settlement finishes it; the
     * patient is told that nothing more is needed from them and how to check later.
     */
    record Unsettled(String idempotencyKey) implements PaymentOutcome {
    }
}
