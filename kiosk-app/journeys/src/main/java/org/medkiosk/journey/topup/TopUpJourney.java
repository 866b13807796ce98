package org.medkiosk.journey.topup;

import java.util.Map;
import org.medkiosk.hospital.AccountBalance;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.PaymentResult;
import org.medkiosk.hospital.PaymentStatus;
import org.medkiosk.hospital.TopUpRequest;
import org.medkiosk.hospital.TopUpResult;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journey.Journey;
import org.medkiosk.journey.JourneyContext;
import org.medkiosk.journey.JourneySettings;
import org.medkiosk.journey.PatientSession;
import org.medkiosk.journey.ReceiptOutcome;
import org.medkiosk.journey.payment.PaymentOutcome;
import org.medkiosk.journey.payment.WalletCode;

/** Top up the prepaid account: a preset or typed amount within the hospital's limits, a wallet code, a receipt. */
public final class TopUpJourney extends Journey<TopUpState> {
    public static final String RECEIPT = "TOP_UP_RECEIPT";
    private static final int MAX_DIGITS = 6;

    private AccountBalance account;
    private String typed = "";

    public TopUpJourney(JourneyContext ctx, PatientSession session) {
        super(ctx, session, new TopUpState.Loading());
    }

    public void start() {
        show(new TopUpState.Loading());
        inBackground(() -> {
            AccountBalance found;
            try {
                found = ctx.backend().balance(session.patientId());
            } catch (BackendException.NotFound e) {
                finished();
                show(new TopUpState.NoAccount());
                return;
            }
            ctx.tasks().ui().execute(() -> {
                account = found;
                showChoice(null);
            });
        }, e -> {
            finished();
            return new TopUpState.Unavailable();
        });
    }

    private void showChoice(String problem) {
        JourneySettings s = ctx.settings();
        show(new TopUpState.ChooseAmount(account.balance(), s.topUpPresets(), s.topUpMin(), s.topUpMax(), typed, problem));
    }

    public void choosePreset(Money amount) {
        if (state() instanceof TopUpState.ChooseAmount && ctx.settings().topUpPresets().contains(amount)) {
            show(new TopUpState.ScanCode(amount));
        }
    }

    /** A digit key of the on-screen keypad. */
    public void typeDigit(int digit) {
        if (state() instanceof TopUpState.ChooseAmount && digit >= 0 && digit <= 9 && typed.length() < MAX_DIGITS
                && !(typed.isEmpty() && digit == 0)) {
            typed = typed + digit;
            showChoice(null);
        }
    }

    public void deleteDigit() {
        if (state() instanceof TopUpState.ChooseAmount && !typed.isEmpty()) {
            typed = typed.substring(0, typed.length() - 1);
            showChoice(null);
        }
    }

    /** Confirms the typed amount, or says why it is not allowed. */
    public void confirmTyped() {
        if (!(state() instanceof TopUpState.ChooseAmount) || typed.isEmpty()) {
            return;
        }
        Money amount = Money.ofYuan(typed);
        if (amount.compareTo(ctx.settings().topUpMin()) < 0) {
            showChoice("TOO_SMALL");
        } else if (amount.compareTo(ctx.settings().topUpMax()) > 0) {
            showChoice("TOO_LARGE");
        } else {
            show(new TopUpState.ScanCode(amount));
        }
    }

    public void back() {
        if (state() instanceof TopUpState.ScanCode) {
            showChoice(null);
        }
    }

    @Override
    public boolean awaitingWalletCode() {
        return state() instanceof TopUpState.ScanCode;
    }

    public boolean codeScanned(WalletCode code) {
        if (!(state() instanceof TopUpState.ScanCode scan)) {
            return false;
        }
        Money amount = scan.amount();
        moneyInFlight(true);
        show(new TopUpState.Paying(amount, -1));
        inBackground(() -> {
            Intent intent = ctx.journal().intend(journeyId, IntentKind.TOP_UP, amount, session.patientId(),
                    Map.of("account", account.accountId(), "method", code.method().name()));
            TopUpRequest request = new TopUpRequest(intent.idempotencyKey(), account.accountId(), amount, code.method(), code.code());
            PaymentOutcome outcome = ctx.payments().topUp(intent, request,
                    left -> show(new TopUpState.Paying(amount, secondsLeft(left))));
            moneyInFlight(false);
            if (outcome instanceof PaymentOutcome.Paid paid) {
                Money after = balanceAfter();
                PaymentResult r = paid.result();
                TopUpResult receiptData = new TopUpResult(r.idempotencyKey(), PaymentStatus.SUCCESS, amount, after,
                        r.transactionNumber(), r.at(), null);
                ReceiptOutcome receipt = ctx.receipts().print(session, journeyId, intent.idempotencyKey(), RECEIPT,
                        r.transactionNumber(), t -> t.topUpReceipt(session.patient(), receiptData, code.method()));
                show(new TopUpState.ToppedUp(amount, after, r.transactionNumber(), receipt));
            } else if (outcome instanceof PaymentOutcome.NotCharged no) {
                show(new TopUpState.NotCharged(amount, no.state(), no.reason()));
            } else {
                show(new TopUpState.Unsettled(amount));
            }
            finished();
        }, e -> {
            moneyInFlight(false);
            finished();
            return new TopUpState.Unsettled(amount);
        });
        return true;
    }

    /** The balance after the deposit, asked again (a pending deposit's first answer has no balance). */
    private Money balanceAfter() {
        try {
            return ctx.backend().balance(session.patientId()).balance();
        } catch (BackendException e) {
            return null; // the receipt then leaves the balance line out
        }
    }
}
