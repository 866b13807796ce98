package org.medkiosk.journey.topup;

import java.util.List;
import org.medkiosk.hospital.Money;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journey.ReceiptOutcome;

/** The top-up journey's screens: amount → scan → pending → done. */
public sealed interface TopUpState {

    record Loading() implements TopUpState {
    }

    /** The patient has no prepaid account the kiosk can top up. */
    record NoAccount() implements TopUpState {
    }

    /**
     * Choose a preset or type an amount in whole yuan.
     *
     * @param typed   the digits typed so far ("" for none)
     * @param problem null, or TOO_SMALL / TOO_LARGE for the typed amount
     */
    record ChooseAmount(Money balance, List<Money> presets, Money min, Money max, String typed, String problem)
            implements TopUpState {
        public ChooseAmount {
            presets = List.copyOf(presets);
        }
    }

    record ScanCode(Money amount) implements TopUpState {
    }

    record Paying(Money amount, int secondsLeft) implements TopUpState {
    }

    record ToppedUp(Money amount, Money balanceAfter, String transactionNumber, ReceiptOutcome receipt) implements TopUpState {
    }

    record NotCharged(Money amount, IntentState outcome, String reason) implements TopUpState {
    }

    record Unsettled(Money amount) implements TopUpState {
    }

    record Unavailable() implements TopUpState {
    }
}
