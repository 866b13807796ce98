package org.medkiosk.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.viewmodel.TopUpViewModel;
import org.medkiosk.hospital.Money;
import org.medkiosk.journey.topup.TopUpState;

/** Top up: balance, presets and an on-screen keypad → scan → pending → done. */
final class TopUpView extends JourneyView<TopUpState> {

    TopUpView(KioskViewModel kiosk, TopUpViewModel model) {
        super(kiosk, model, "top-up-screen");
    }

    private TopUpViewModel vm() {
        return (TopUpViewModel) model;
    }

    static String yuan(Money m) {
        return m.yuan().stripTrailingZeros().toPlainString();
    }

    @Override
    List<Node> render(TopUpState s) {
        if (s instanceof TopUpState.ChooseAmount choose) {
            return choose(choose);
        } else if (s instanceof TopUpState.ScanCode scan) {
            return scanCode(scan.amount().toString());
        } else if (s instanceof TopUpState.Paying paying) {
            return paying(paying.amount().toString(), paying.secondsLeft());
        } else if (s instanceof TopUpState.ToppedUp done) {
            List<Node> out = new ArrayList<>();
            Label t = title(I18n.bind("topup.done.title", done.amount().toString()));
            t.setId("topped-up-title");
            out.add(t);
            if (done.balanceAfter() != null) {
                Label b = wrapped(I18n.bind("topup.balance", done.balanceAfter().toString()), "amount");
                b.setId("topup-balance-after");
                out.add(b);
            }
            out.add(transaction(done.transactionNumber()));
            out.add(receipt(done.receipt()));
            return withFeedback(out);
        } else if (s instanceof TopUpState.NotCharged no) {
            return notCharged(no.amount().toString(), no.outcome(), null);
        } else if (s instanceof TopUpState.Unsettled u) {
            return unsettled(u.amount().toString());
        } else if (s instanceof TopUpState.NoAccount) {
            Label t = title(I18n.bind("topup.no-account.title"));
            t.setId("no-account");
            return List.of(t, wrapped(I18n.bind("topup.no-account.advice"), "subtitle"));
        } else if (s instanceof TopUpState.Unavailable) {
            return unavailable();
        }
        return loading();
    }

    private List<Node> choose(TopUpState.ChooseAmount c) {
        List<Node> out = new ArrayList<>();
        out.add(title(I18n.bind("topup.title")));
        Label balance = wrapped(I18n.bind("topup.balance", c.balance().toString()), "amount");
        balance.setId("topup-balance");
        out.add(balance);
        FlowPane presets = new FlowPane(TARGET_GAP, TARGET_GAP);
        presets.setAlignment(Pos.CENTER);
        for (Money m : c.presets()) {
            Button b = choice("preset-" + yuan(m), m.toString(), () -> vm().choosePreset(m));
            b.setPrefWidth(220);
            presets.getChildren().add(b);
        }
        out.add(presets);
        out.add(wrapped(I18n.bind("topup.other", c.min().toString(), c.max().toString()), "subtitle"));
        Label typed = plain(c.typed().isEmpty() ? "¥ —" : "¥" + c.typed(), "amount");
        typed.setId("typed-amount");
        out.add(typed);
        if ("TOO_SMALL".equals(c.problem())) {
            Label p = wrapped(I18n.bind("topup.too-small", c.min().toString()), "problem");
            p.setId("topup-problem");
            out.add(p);
        } else if ("TOO_LARGE".equals(c.problem())) {
            Label p = wrapped(I18n.bind("topup.too-large", c.max().toString()), "problem");
            p.setId("topup-problem");
            out.add(p);
        }
        GridPane keys = new GridPane();
        keys.setHgap(16);
        keys.setVgap(16);
        keys.setAlignment(Pos.CENTER);
        for (int d = 1; d <= 9; d++) {
            int digit = d;
            keys.add(digitKey("key-" + d, String.valueOf(d), () -> vm().typeDigit(digit)), (d - 1) % 3, (d - 1) / 3);
        }
        Button delete = secondary("key-delete", I18n.bind("topup.key.delete"), vm()::deleteDigit);
        delete.getStyleClass().add("compact");
        delete.setPrefSize(200, 100);
        keys.add(delete, 0, 3);
        keys.add(digitKey("key-0", "0", () -> vm().typeDigit(0)), 1, 3);
        Button ok = primary("key-confirm", I18n.bind("topup.key.confirm"), vm()::confirmTyped);
        ok.setPrefSize(200, 100);
        ok.getStyleClass().add("compact");
        ok.setDisable(c.typed().isEmpty());
        keys.add(ok, 2, 3);
        out.add(keys);
        return out;
    }

    private static Button digitKey(String id, String text, Runnable action) {
        Button b = choice(id, text, action);
        b.getStyleClass().add("key");
        b.setPrefSize(200, 100);
        return b;
    }

    @Override
    Runnable back(TopUpState s) {
        return s instanceof TopUpState.ScanCode ? vm()::back : null;
    }
}
