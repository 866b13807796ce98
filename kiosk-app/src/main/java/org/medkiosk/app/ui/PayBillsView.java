package org.medkiosk.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.viewmodel.PayBillsViewModel;
import org.medkiosk.hospital.ChargeItem;
import org.medkiosk.hospital.UnpaidInvoice;
import org.medkiosk.journey.pay.PayBillsState;

/** Pay bills: bills by visit (checkable, with line items) → scan → pending → paid / nothing charged. */
final class PayBillsView extends JourneyView<PayBillsState> {

    PayBillsView(KioskViewModel kiosk, PayBillsViewModel model) {
        super(kiosk, model, "pay-bills-screen");
    }

    private PayBillsViewModel vm() {
        return (PayBillsViewModel) model;
    }

    @Override
    List<Node> render(PayBillsState s) {
        if (s instanceof PayBillsState.Bills bills) {
            return bills(bills);
        } else if (s instanceof PayBillsState.ScanCode scan) {
            return scanCode(scan.total().toString());
        } else if (s instanceof PayBillsState.Paying paying) {
            return paying(paying.total().toString(), paying.secondsLeft());
        } else if (s instanceof PayBillsState.Paid paid) {
            Label t = title(I18n.bind("pay.paid.title", paid.total().toString()));
            t.setId("paid-title");
            return withFeedback(List.of(t, transaction(paid.transactionNumber()), receipt(paid.receipt())));
        } else if (s instanceof PayBillsState.NotCharged no) {
            return notCharged(no.total().toString(), no.outcome(), null);
        } else if (s instanceof PayBillsState.Unsettled u) {
            return unsettled(u.total().toString());
        } else if (s instanceof PayBillsState.NothingToPay) {
            Label t = title(I18n.bind("pay.nothing.title"));
            t.setId("nothing-to-pay");
            return List.of(t);
        } else if (s instanceof PayBillsState.Unavailable) {
            return unavailable();
        }
        return loading();
    }

    private List<Node> bills(PayBillsState.Bills bills) {
        List<Node> out = new ArrayList<>();
        out.add(title(I18n.bind("pay.bills.title")));
        VBox list = new VBox(TARGET_GAP);
        for (PayBillsState.VisitBills visit : bills.visits()) {
            VBox group = new VBox(TARGET_GAP);
            group.getStyleClass().add("card");
            String doctor = visit.visit().doctor() == null ? "" : "  " + local(visit.visit().doctor());
            Label head = plain(date(visit.visit().date()) + "  " + local(visit.visit().department()) + doctor, "card-title");
            head.setId("visit-" + visit.visit().id());
            group.getChildren().add(head);
            for (UnpaidInvoice inv : visit.invoices()) {
                group.getChildren().add(invoiceRow(inv, bills));
                if (bills.detailsOf().filter(inv.id()::equals).isPresent()) {
                    VBox items = new VBox(4);
                    items.setId("details-" + inv.id());
                    for (ChargeItem item : inv.items()) {
                        items.getChildren().add(plain(local(item.name()) + "  × " + item.quantity() + "  " + item.amount(), "hint"));
                    }
                    group.getChildren().add(items);
                }
            }
            list.getChildren().add(group);
        }
        out.add(list);
        Label total = wrapped(I18n.bind("pay.bills.total", bills.total().toString()), "amount");
        total.setId("pay-total");
        out.add(total);
        Button wallet = primary("pay-wallet-button", I18n.bind("pay.bills.by-wallet"), vm()::payByWallet);
        wallet.setDisable(!bills.total().isPositive());
        out.add(wallet);
        if (bills.prepaidBalance().isPresent() && bills.prepaidCovers()) {
            out.add(secondary("pay-account-button",
                    I18n.bind("pay.bills.by-account", bills.prepaidBalance().get().toString()), vm()::payFromAccount));
        } else if (bills.prepaidBalance().isPresent()) {
            out.add(wrapped(I18n.bind("pay.bills.account-short", bills.prepaidBalance().get().toString()), "hint"));
        }
        return out;
    }

    private Node invoiceRow(UnpaidInvoice inv, PayBillsState.Bills bills) {
        CheckBox pick = new CheckBox();
        pick.setId("invoice-" + inv.id());
        pick.setSelected(bills.selected().contains(inv.id()));
        pick.setText(local(inv.description()));
        pick.setWrapText(true);
        pick.setOnAction(e -> vm().toggle(inv.id()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label sum = plain(inv.total().toString(), "card-title");
        // An amount and its link never wrap or shrink: the description gives way instead.
        sum.setWrapText(false);
        sum.setMinWidth(Region.USE_PREF_SIZE);
        boolean open = bills.detailsOf().filter(inv.id()::equals).isPresent();
        Button details = new Button();
        details.setId("invoice-details-" + inv.id());
        details.getStyleClass().add("link-button");
        details.textProperty().bind(open ? I18n.bind("pay.bills.hide-details") : I18n.bind("pay.bills.details"));
        details.setOnAction(e -> vm().details(open ? null : inv.id()));
        details.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(16, pick, spacer, sum, details);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    @Override
    Runnable back(PayBillsState s) {
        return s instanceof PayBillsState.ScanCode ? vm()::back : null;
    }
}
