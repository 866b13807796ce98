package org.medkiosk.app.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.viewmodel.QueriesViewModel;
import org.medkiosk.hospital.ChargeItem;
import org.medkiosk.hospital.PaidInvoice;
import org.medkiosk.journal.PrintJob;
import org.medkiosk.journey.queries.QueriesState;

/** Queries: menu → queue position / paid history (line items on tap) / my receipts (reprint, limit, see the cashier). */
final class QueriesView extends JourneyView<QueriesState> {

    QueriesView(KioskViewModel kiosk, QueriesViewModel model) {
        super(kiosk, model, "queries-screen");
    }

    private QueriesViewModel vm() {
        return (QueriesViewModel) model;
    }

    @Override
    List<Node> render(QueriesState s) {
        if (s instanceof QueriesState.Menu) {
            return menu();
        } else if (s instanceof QueriesState.Queue q) {
            return queue(q);
        } else if (s instanceof QueriesState.NotInQueue n) {
            Label t = title(I18n.bind("queries.not-in-queue.title"));
            t.setId("not-in-queue");
            return List.of(t, wrapped(n.hasAppointmentToday() ? I18n.bind("queries.not-in-queue.check-in")
                    : I18n.bind("queries.not-in-queue.none"), "subtitle"));
        } else if (s instanceof QueriesState.PaidHistory h) {
            return history(h);
        } else if (s instanceof QueriesState.MyReceipts r) {
            return receipts(r);
        } else if (s instanceof QueriesState.Reprinting r) {
            List<Node> out = new ArrayList<>(loading());
            out.set(1, title(I18n.bind("queries.reprinting", what(r.entry().job()))));
            return out;
        } else if (s instanceof QueriesState.Reprinted r) {
            Label t = title(I18n.bind("queries.reprinted.title", what(r.entry().job())));
            t.setId("reprinted-title");
            return List.of(t, receipt(r.printed()));
        } else if (s instanceof QueriesState.SeeCashier c) {
            Label t = title(I18n.bind("queries.see-cashier.title"));
            t.setId("see-cashier-title");
            Label txn = wrapped(I18n.bind("queries.see-cashier.advice", c.transactionNumber() == null ? "—"
                    : c.transactionNumber()), "subtitle");
            txn.setId("see-cashier-transaction");
            return List.of(t, txn);
        } else if (s instanceof QueriesState.ReprintLimitReached l) {
            Label t = title(I18n.bind("queries.limit.title"));
            t.setId("reprint-limit-title");
            return List.of(t, wrapped(I18n.bind("queries.limit.advice", l.reprintsPerDay()), "subtitle"));
        } else if (s instanceof QueriesState.Unavailable) {
            return unavailable();
        }
        return loading();
    }

    private List<Node> menu() {
        VBox buttons = new VBox(20);
        buttons.setAlignment(Pos.CENTER);
        Button queue = choice("query-queue", I18n.tr("queries.menu.queue"), vm()::queuePosition);
        Button history = choice("query-paid-history", I18n.tr("queries.menu.paid-history"), vm()::paidHistory);
        Button receipts = choice("query-my-receipts", I18n.tr("queries.menu.my-receipts"), vm()::myReceipts);
        for (Button b : List.of(queue, history, receipts)) {
            b.setPrefHeight(130);
            b.setMaxWidth(760);
            buttons.getChildren().add(b);
        }
        return List.of(title(I18n.bind("queries.menu.title")), buttons);
    }

    private List<Node> queue(QueriesState.Queue q) {
        List<Node> out = new ArrayList<>();
        out.add(title(I18n.bind("queries.queue.title")));
        for (QueriesState.QueuePosition p : q.positions()) {
            VBox card = new VBox(6);
            card.getStyleClass().add("card");
            card.setId("queue-" + p.appointment().id());
            Label number = wrapped(I18n.bind("checkin.queue-number", p.ticket().queueNumber()), "amount");
            number.setId("queue-number-" + p.appointment().id());
            Label ahead = wrapped(p.ticket().patientsAhead() < 0 ? I18n.bind("checkin.ahead.unknown")
                    : I18n.bind("checkin.ahead", Integer.toString(p.ticket().patientsAhead())), "subtitle");
            ahead.setId("queue-ahead-" + p.appointment().id());
            card.getChildren().addAll(
                    plain(CheckInView.clock(p.appointment().start()) + "  " + local(p.appointment().departmentName())
                            + "  " + local(p.appointment().doctorName()), "card-title"),
                    number,
                    wrapped(I18n.bind("checkin.room", local(p.ticket().department()), local(p.ticket().room())), "subtitle"),
                    ahead);
            out.add(card);
        }
        return out;
    }

    private List<Node> history(QueriesState.PaidHistory h) {
        List<Node> out = new ArrayList<>();
        out.add(title(I18n.bind("queries.history.title", date(h.from()), date(h.to()))));
        if (h.invoices().isEmpty()) {
            Label none = wrapped(I18n.bind("queries.history.none"), "subtitle");
            none.setId("paid-history-empty");
            out.add(none);
        }
        VBox list = new VBox(TARGET_GAP);
        for (PaidInvoice inv : h.invoices()) {
            VBox card = new VBox(6);
            card.getStyleClass().add("card");
            boolean open = inv.id().equals(h.detailsOf());
            Label what = plain(local(inv.description()), "card-title");
            HBox.setHgrow(what, Priority.SOMETIMES);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Label sum = plain(inv.total().toString(), "card-title");
            sum.setWrapText(false);
            sum.setMinWidth(Region.USE_PREF_SIZE);
            Button details = new Button();
            details.setId("paid-details-" + inv.id());
            details.getStyleClass().add("link-button");
            details.textProperty().bind(open ? I18n.bind("pay.bills.hide-details") : I18n.bind("pay.bills.details"));
            details.setOnAction(e -> vm().details(inv.id()));
            details.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(16, what, spacer, sum, details);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setId("paid-" + inv.id());
            card.getChildren().add(row);
            String when = inv.paidAt() != null ? date(inv.paidAt().atZone(ZoneId.systemDefault()).toLocalDate())
                    + " " + DateTimeFormatter.ofPattern("HH:mm").format(inv.paidAt().atZone(ZoneId.systemDefault()))
                    : inv.issued() == null ? "" : date(inv.issued());
            String visit = inv.visit() == null ? "" : "  " + local(inv.visit().department());
            card.getChildren().add(plain(when + visit, "hint"));
            if (open) {
                VBox items = new VBox(4);
                items.setId("paid-items-" + inv.id());
                for (ChargeItem item : inv.items()) {
                    items.getChildren().add(plain(local(item.name()) + "  × " + item.quantity() + "  " + item.amount(), "hint"));
                }
                if (inv.transactionNumber() != null) {
                    items.getChildren().add(plain(I18n.tr("pay.transaction", inv.transactionNumber()), "hint"));
                }
                card.getChildren().add(items);
            }
            list.getChildren().add(card);
        }
        out.add(list);
        return out;
    }

    private List<Node> receipts(QueriesState.MyReceipts r) {
        List<Node> out = new ArrayList<>();
        out.add(title(I18n.bind("queries.receipts.title")));
        out.add(wrapped(I18n.bind("queries.receipts.rule", r.reprintsPerDay()), "hint"));
        if (r.receipts().isEmpty()) {
            Label none = wrapped(I18n.bind("queries.receipts.none"), "subtitle");
            none.setId("my-receipts-empty");
            out.add(none);
        }
        VBox list = new VBox(TARGET_GAP);
        for (QueriesState.ReceiptEntry e : r.receipts()) {
            PrintJob job = e.job();
            Label what = plain(what(job), "card-title");
            String when = date(job.createdAt().atZone(ZoneId.systemDefault()).toLocalDate()) + " "
                    + DateTimeFormatter.ofPattern("HH:mm").format(job.createdAt().atZone(ZoneId.systemDefault()));
            // The time and the transaction number each get their own line: a number never wraps or is cut.
            Label at = plain(when, "hint");
            at.setWrapText(false);
            at.setMinWidth(Region.USE_PREF_SIZE);
            VBox card = new VBox(6, what, at);
            if (job.transactionNumber() != null) {
                Label txn = plain("QUEUE_TICKET".equals(job.template())
                        ? I18n.tr("checkin.queue-number", job.transactionNumber())
                        : I18n.tr("pay.transaction", job.transactionNumber()), "hint");
                txn.setWrapText(false);
                txn.setMinWidth(Region.USE_PREF_SIZE);
                card.getChildren().add(txn);
            }
            Label state = wrapped(job.state() == PrintJob.State.UNCOLLECTED ? I18n.bind("queries.receipts.uncollected")
                    : I18n.bind("queries.receipts.printed-before"), "hint");
            card.getChildren().add(state);
            if (e.availability() == QueriesState.Availability.REPRINT) {
                Button b = primary("reprint-" + job.id(), I18n.bind("queries.receipts.reprint"), () -> vm().reprint(job.id()));
                card.getChildren().add(b);
            } else {
                Label l = wrapped(e.availability() == QueriesState.Availability.LIMIT_REACHED
                        ? I18n.bind("queries.receipts.limit") : I18n.bind("queries.receipts.cashier"), "problem");
                l.setId("receipt-unavailable-" + job.id());
                card.getChildren().add(l);
            }
            card.getStyleClass().add("card");
            card.setId("receipt-" + job.id());
            list.getChildren().add(card);
        }
        out.add(list);
        return out;
    }

    /** "Payment receipt", "Queue ticket"… in the patient's words. */
    private static String what(PrintJob job) {
        String t = job.template() == null ? "" : job.template();
        switch (t) {
            case "PAYMENT_RECEIPT":
                return I18n.tr("queries.template.payment");
            case "TOP_UP_RECEIPT":
                return I18n.tr("queries.template.top-up");
            case "REGISTRATION_SLIP":
                return I18n.tr("queries.template.registration");
            case "REFUND_NOTICE":
                return I18n.tr("queries.template.refund");
            case "QUEUE_TICKET":
                return I18n.tr("queries.template.queue-ticket");
            default:
                return I18n.tr("queries.template.other");
        }
    }

    @Override
    Runnable back(QueriesState s) {
        if (s instanceof QueriesState.Menu || s instanceof QueriesState.Loading || s instanceof QueriesState.Reprinting) {
            return null;
        }
        return vm()::back;
    }
}
