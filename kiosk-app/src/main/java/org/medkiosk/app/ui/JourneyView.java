package org.medkiosk.app.ui;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.viewmodel.JourneyViewModel;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journey.ReceiptOutcome;

/**
 * The frame every journey screen shares: it re-renders from the journey view model's state on every change (so a
 * screen that is left takes its data with it), and gives each screen its Back and Home buttons. Subclasses only
 * turn a state into nodes; every tap goes to a view-model command.
 */
abstract class JourneyView<S> extends VBox {
    /** Space between two touch targets: JOURNEYS.md asks for at least 16 px, so a shaking finger hits one. */
    static final double TARGET_GAP = 20;

    protected final KioskViewModel kiosk;
    protected final JourneyViewModel<S> model;
    private final VBox body = new VBox();
    private final HBox nav = new HBox();

    JourneyView(KioskViewModel kiosk, JourneyViewModel<S> model, String id) {
        this.kiosk = kiosk;
        this.model = model;
        setId(id);
        frame(this, body, nav);
        model.stateProperty().addListener((o, was, now) -> refresh());
        I18n.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        refresh();
    }

    private final javafx.beans.InvalidationListener relabel = o -> refresh();

    private void refresh() {
        S state = model.state();
        body.setId("state-" + state.getClass().getSimpleName().toLowerCase());
        body.getChildren().setAll(render(state));
        nav.getChildren().clear();
        Runnable back = back(state);
        if (back != null) {
            Button b = secondary("back-button", I18n.bind("journey.back"), back);
            nav.getChildren().add(b);
        }
        if (homeAllowed(state) && !model.moneyInFlight()) {
            nav.getChildren().add(secondary("home-button", I18n.bind("journey.home"), kiosk::goHome));
        }
    }

    /** The screen's nodes for a state. */
    abstract List<Node> render(S state);

    /** What Back does on this state, or null for no Back button. */
    abstract Runnable back(S state);

    /** Home is offered unless money is moving. */
    boolean homeAllowed(S state) {
        return true;
    }

    /**
     * The shape of a journey's (and a guidance) screen: content from the top, Back and Home always at the bottom of
     * the panel, where a patient finds them again.
     */
    static void frame(VBox screen, VBox body, HBox nav) {
        screen.getStyleClass().add("screen");
        body.getStyleClass().add("journey-body");
        body.setAlignment(Pos.TOP_CENTER);
        body.setSpacing(18);
        body.setFillWidth(true);
        nav.setSpacing(24);
        nav.setAlignment(Pos.CENTER);
        screen.setAlignment(Pos.TOP_CENTER);
        javafx.scene.layout.Region push = new javafx.scene.layout.Region();
        VBox.setVgrow(push, javafx.scene.layout.Priority.ALWAYS);
        screen.getChildren().addAll(body, push, nav);
    }

    // ---- building blocks --------------------------------------------------------------------------------------

    /** A done screen's nodes with the optional satisfaction row under them (one per journey, kept across redraws). */
    List<Node> withFeedback(List<Node> done) {
        List<Node> out = new ArrayList<>(done);
        kiosk.feedback().ifPresent(f -> out.add(new FeedbackRow(f)));
        return out;
    }

    static Label title(StringBinding text) {
        Label l = wrapped(text, "title");
        l.setId("journey-title");
        return l;
    }

    static Label wrapped(StringBinding text, String styleClass) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.setMaxWidth(960);
        l.getStyleClass().add(styleClass);
        return l;
    }

    static Label plain(String text, String styleClass) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.setMaxWidth(960);
        l.getStyleClass().add(styleClass);
        return l;
    }

    static Button primary(String id, StringBinding text, Runnable action) {
        Button b = button(id, text, action);
        b.getStyleClass().add("primary-button");
        return b;
    }

    static Button secondary(String id, StringBinding text, Runnable action) {
        Button b = button(id, text, action);
        b.getStyleClass().add("secondary-button");
        return b;
    }

    static Button choice(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("choice-button");
        b.setWrapText(true);
        b.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Button button(String id, StringBinding text, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(text);
        b.setWrapText(true);
        b.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        b.setOnAction(e -> action.run());
        return b;
    }

    static List<Node> loading() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(140, 140);
        return List.of(spinner, title(I18n.bind("journey.loading")));
    }

    static List<Node> unavailable() {
        return List.of(title(I18n.bind("notice.unavailable.title")),
                wrapped(I18n.bind("notice.unavailable.advice"), "subtitle"));
    }

    /** "Show your payment code to the scanner", with the amount. */
    static List<Node> scanCode(String amount) {
        Label icon = plain("\u25A3", "notice-icon");
        Label what = wrapped(I18n.bind("pay.scan.title"), "title");
        what.setId("scan-prompt");
        Label sum = wrapped(I18n.bind("pay.scan.amount", amount), "amount");
        sum.setId("scan-amount");
        return List.of(icon, what, sum, wrapped(I18n.bind("pay.scan.hint"), "subtitle"));
    }

    /** The wait for the wallet, with a visible countdown once the wallet answered "pending". */
    static List<Node> paying(String amount, int secondsLeft) {
        List<Node> out = new ArrayList<>();
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(140, 140);
        out.add(spinner);
        out.add(title(I18n.bind("pay.paying.title", amount)));
        if (secondsLeft >= 0) {
            Label countdown = wrapped(I18n.bind("pay.paying.countdown", secondsLeft), "amount");
            countdown.setId("paying-countdown");
            out.add(countdown);
            out.add(wrapped(I18n.bind("pay.paying.confirm-in-wallet"), "subtitle"));
        } else {
            out.add(wrapped(I18n.bind("pay.paying.hint"), "subtitle"));
        }
        return out;
    }

    /** "Nothing was charged" and why, in plain words. */
    static List<Node> notCharged(String amount, IntentState outcome, StringBinding extra) {
        Label t = title(I18n.bind("pay.not-charged.title"));
        t.setId("not-charged-title");
        StringBinding why;
        if (outcome == IntentState.DECLINED) {
            why = I18n.bind("pay.not-charged.declined", amount);
        } else if (outcome == IntentState.REVERSED) {
            why = I18n.bind("pay.not-charged.reversed", amount);
        } else {
            why = I18n.bind("pay.not-charged.closed", amount);
        }
        Label w = wrapped(why, "subtitle");
        w.setId("not-charged-reason");
        List<Node> out = new ArrayList<>(List.of(t, w));
        if (extra != null) {
            out.add(wrapped(extra, "subtitle"));
        }
        return out;
    }

    static List<Node> unsettled(String amount) {
        Label t = title(I18n.bind("pay.unsettled.title"));
        t.setId("unsettled-title");
        return List.of(t, wrapped(I18n.bind("pay.unsettled.advice", amount), "subtitle"));
    }

    static Label transaction(String txn) {
        Label l = wrapped(I18n.bind("pay.transaction", txn == null ? "—" : txn), "subtitle");
        l.setId("transaction-number");
        return l;
    }

    /** What became of the receipt, in plain words. */
    static Label receipt(ReceiptOutcome outcome) {
        StringBinding text;
        if (outcome instanceof ReceiptOutcome.Printed) {
            text = I18n.bind("receipt.printed");
        } else if (outcome instanceof ReceiptOutcome.NotPrinted np) {
            text = I18n.bind("receipt.not-printed", np.transactionNumber());
        } else if (outcome instanceof ReceiptOutcome.NoPrinter np) {
            text = I18n.bind("receipt.not-printed", np.transactionNumber());
        } else if (outcome instanceof ReceiptOutcome.SentUnverified) {
            text = I18n.bind("receipt.sent");
        } else {
            text = I18n.bind("receipt.uncollected");
        }
        Label l = wrapped(text, "subtitle");
        l.setId("receipt-outcome");
        return l;
    }

    static String local(LocalizedText text) {
        return text == null ? "" : text.in(I18n.locale());
    }

    static String date(LocalDate day) {
        return DateTimeFormatter.ofPattern(I18n.tr("format.date"), I18n.locale()).format(day);
    }

    static String time(OffsetDateTime t) {
        return DateTimeFormatter.ofPattern("HH:mm").format(t);
    }
}
