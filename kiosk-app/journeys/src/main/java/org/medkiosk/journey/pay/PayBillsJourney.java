package org.medkiosk.journey.pay;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medkiosk.hospital.AccountBalance;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.hospital.PaymentRequest;
import org.medkiosk.hospital.UnpaidInvoice;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journey.Journey;
import org.medkiosk.journey.JourneyContext;
import org.medkiosk.journey.PatientSession;
import org.medkiosk.journey.ReceiptOutcome;
import org.medkiosk.journey.payment.PaymentOutcome;
import org.medkiosk.journey.payment.WalletCode;

/**
 * Pay bills: the patient's unpaid invoices grouped by visit, all selected, total shown; pay by wallet code or from
 * the prepaid account when it covers the total; one PAY intent for everything selected, one receipt for it.
 */
public final class PayBillsJourney extends Journey<PayBillsState> {
    public static final String RECEIPT = "PAYMENT_RECEIPT";

    private List<UnpaidInvoice> invoices = List.of();
    private List<PayBillsState.VisitBills> visits = List.of();
    private Set<String> selected = new HashSet<>();
    private Optional<AccountBalance> account = Optional.empty();

    public PayBillsJourney(JourneyContext ctx, PatientSession session) {
        super(ctx, session, new PayBillsState.Loading());
    }

    /** Asks the hospital for the bills (and the prepaid balance) in the background. */
    public void start() {
        show(new PayBillsState.Loading());
        inBackground(() -> {
            List<UnpaidInvoice> found = ctx.backend().unpaidInvoices(session.patientId());
            Optional<AccountBalance> balance;
            try {
                balance = Optional.of(ctx.backend().balance(session.patientId()));
            } catch (BackendException e) {
                balance = Optional.empty(); // no prepaid account: wallet only
            }
            loaded(found, balance);
        }, e -> {
            finished();
            return new PayBillsState.Unavailable();
        });
    }

    private void loaded(List<UnpaidInvoice> found, Optional<AccountBalance> balance) {
        ctx.tasks().ui().execute(() -> {
            invoices = List.copyOf(found);
            account = balance;
            Map<String, List<UnpaidInvoice>> byVisit = new LinkedHashMap<>();
            Map<String, org.medkiosk.hospital.Visit> visitOf = new LinkedHashMap<>();
            for (UnpaidInvoice inv : invoices) {
                byVisit.computeIfAbsent(inv.visit().id(), v -> new ArrayList<>()).add(inv);
                visitOf.putIfAbsent(inv.visit().id(), inv.visit());
            }
            List<PayBillsState.VisitBills> grouped = new ArrayList<>();
            byVisit.forEach((id, list) -> grouped.add(new PayBillsState.VisitBills(visitOf.get(id), list)));
            visits = grouped;
            selected = new HashSet<>();
            invoices.forEach(i -> selected.add(i.id()));
            if (invoices.isEmpty()) {
                finished();
                show(new PayBillsState.NothingToPay());
            } else {
                showBills(Optional.empty());
            }
        });
    }

    /** Selects or unselects one invoice. */
    public void toggle(String invoiceId) {
        if (!(state() instanceof PayBillsState.Bills bills)) {
            return;
        }
        if (!selected.remove(invoiceId)) {
            selected.add(invoiceId);
        }
        showBills(bills.detailsOf());
    }

    /** Opens (or, with null, closes) one invoice's line items. */
    public void details(String invoiceId) {
        if (state() instanceof PayBillsState.Bills) {
            showBills(Optional.ofNullable(invoiceId));
        }
    }

    private void showBills(Optional<String> detailsOf) {
        show(new PayBillsState.Bills(visits, selected, total(), account.map(AccountBalance::balance), detailsOf));
    }

    private Money total() {
        Money sum = Money.ZERO;
        for (UnpaidInvoice inv : invoices) {
            if (selected.contains(inv.id())) {
                sum = sum.plus(inv.total());
            }
        }
        return sum;
    }

    /** "Pay by wallet": the screen asks for the payment code. */
    public void payByWallet() {
        if (state() instanceof PayBillsState.Bills bills && bills.total().isPositive()) {
            show(new PayBillsState.ScanCode(bills.total()));
        }
    }

    /** Back from the scan screen to the bills. */
    public void back() {
        if (state() instanceof PayBillsState.ScanCode) {
            showBills(Optional.empty());
        }
    }

    @Override
    public boolean awaitingWalletCode() {
        return state() instanceof PayBillsState.ScanCode;
    }

    /** The wallet code arrived; returns false when this journey was not waiting for one. */
    public boolean codeScanned(WalletCode code) {
        if (!(state() instanceof PayBillsState.ScanCode scan)) {
            return false;
        }
        pay(scan.total(), code.method(), code.code());
        return true;
    }

    /** Pays the selected bills from the prepaid account (offered only when its balance covers the total). */
    public void payFromAccount() {
        if (state() instanceof PayBillsState.Bills bills && bills.prepaidCovers()) {
            pay(bills.total(), PaymentMethod.PREPAID_ACCOUNT, null);
        }
    }

    private void pay(Money total, PaymentMethod method, String code) {
        List<UnpaidInvoice> paying = invoices.stream().filter(i -> selected.contains(i.id())).toList();
        List<String> ids = paying.stream().map(UnpaidInvoice::id).toList();
        moneyInFlight(true);
        show(new PayBillsState.Paying(total, -1));
        inBackground(() -> {
            Intent intent = ctx.journal().intend(journeyId, IntentKind.PAY, total, session.patientId(),
                    Map.of("invoices", String.join(",", ids), "method", method.name(), "purpose", "BILLS"));
            PaymentRequest request = new PaymentRequest(intent.idempotencyKey(), session.patientId(), ids, total, method, code);
            PaymentOutcome outcome = ctx.payments().pay(intent, request,
                    left -> show(new PayBillsState.Paying(total, secondsLeft(left))));
            moneyInFlight(false);
            if (outcome instanceof PaymentOutcome.Paid paid) {
                ReceiptOutcome receipt = ctx.receipts().print(session, journeyId, intent.idempotencyKey(), RECEIPT,
                        paid.result().transactionNumber(),
                        t -> t.paymentReceipt(session.patient(), paying, paid.result(), method));
                show(new PayBillsState.Paid(total, paid.result().transactionNumber(), method, paying.size(), receipt));
            } else if (outcome instanceof PaymentOutcome.NotCharged no) {
                show(new PayBillsState.NotCharged(total, no.state(), no.reason()));
            } else {
                show(new PayBillsState.Unsettled(total));
            }
            finished();
        }, e -> {
            moneyInFlight(false);
            finished();
            return new PayBillsState.Unsettled(total);
        });
    }
}
