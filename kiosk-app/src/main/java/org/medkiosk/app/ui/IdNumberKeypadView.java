package org.medkiosk.app.ui;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.journey.identify.IdentitySource;
import org.medkiosk.journey.identify.TypedIdNumber;

/**
 * "Type your ID number": an on-screen keypad for the 18-character number, checked while typed (X only as the last
 * character, and a last character that is not the check digit is refused at once, with what to do), shown masked
 * (1101****… while typing, 1101**********1235 when complete), then looked up as a card would be
 * ({@link IdentitySource#TYPED}). Keys are at least 72 px and grow with large text (sizes in em). An untouched
 * keypad forgets the number after the session timeout.
 */
final class IdNumberKeypadView extends VBox {
    /** Smallest key, whatever the font (touch target rule). */
    static final double MIN_KEY_PX = 72;

    private final KioskViewModel vm;
    private final Runnable close;
    private final TypedIdNumber number = new TypedIdNumber();
    private final StringProperty display = new SimpleStringProperty("");
    /** An i18n key saying why the last key was refused; null for none. */
    private final StringProperty problem = new SimpleStringProperty();
    private final Label count = new Label();
    private final Button confirm;
    private final Button checkX;
    private final PauseTransition forget;

    IdNumberKeypadView(KioskViewModel vm, Runnable close) {
        this.vm = vm;
        this.close = close;
        setId("id-number-keypad");
        getStyleClass().add("screen");
        setAlignment(Pos.TOP_CENTER);

        Label title = new Label();
        title.getStyleClass().add("title");
        title.setWrapText(true);
        title.textProperty().bind(I18n.bind("keypad.title"));

        Label hint = new Label();
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.textProperty().bind(I18n.bind("keypad.hint"));

        Label shown = new Label();
        shown.setId("id-number-display");
        shown.getStyleClass().add("title");
        shown.setStyle("-fx-font-family: monospace; -fx-min-height: 1.6em;");
        shown.textProperty().bind(Bindings.createStringBinding(
                () -> display.get().isEmpty() ? I18n.tr("keypad.placeholder") : display.get(), display, I18n.localeProperty()));

        count.setId("id-number-count");
        count.getStyleClass().add("hint");

        Label refused = new Label();
        refused.setId("id-number-problem");
        refused.getStyleClass().add("problem");
        refused.setWrapText(true);
        refused.textProperty().bind(Bindings.createStringBinding(
                () -> problem.get() == null ? "" : I18n.tr(problem.get()), problem, I18n.localeProperty()));
        refused.visibleProperty().bind(problem.isNotNull());
        refused.managedProperty().bind(problem.isNotNull());

        GridPane keys = new GridPane();
        keys.setHgap(16);
        keys.setVgap(16);
        keys.setAlignment(Pos.CENTER);
        for (int d = 1; d <= 9; d++) {
            char digit = (char) ('0' + d);
            keys.add(keyButton("id-key-" + d, String.valueOf(d), () -> type(digit)), (d - 1) % 3, (d - 1) / 3);
        }
        checkX = keyButton("id-key-x", "X", () -> type('X'));
        keys.add(checkX, 0, 3);
        keys.add(keyButton("id-key-0", "0", () -> type('0')), 1, 3);
        Button delete = JourneyView.secondary("id-key-delete", I18n.bind("keypad.delete"), this::deleteLast);
        sized(delete);
        keys.add(delete, 2, 3);

        Button back = JourneyView.secondary("id-number-back", I18n.bind("keypad.back"), this::leave);
        sized(back);
        Button clear = JourneyView.secondary("id-number-clear", I18n.bind("keypad.clear"), this::clear);
        sized(clear);
        confirm = JourneyView.primary("id-number-confirm", I18n.bind("keypad.confirm"), this::lookUp);
        confirm.setMinSize(MIN_KEY_PX, MIN_KEY_PX);
        confirm.getStyleClass().add("compact");
        HBox actions = new HBox(16, back, clear, confirm);
        actions.setAlignment(Pos.CENTER);

        getChildren().addAll(title, hint, shown, count, refused, keys, actions);

        forget = new PauseTransition(javafx.util.Duration.millis(vm.sessionTimeout().toMillis()));
        forget.setOnFinished(e -> leave());
        forget.playFromStart();
        refresh();
    }

    private static Button keyButton(String id, String text, Runnable action) {
        Button b = JourneyView.choice(id, text, action);
        b.getStyleClass().add("key");
        sized(b);
        return b;
    }

    /** At least 72 px whatever the font, and in em so that large text makes the keys larger too. */
    private static void sized(Button b) {
        b.setStyle("-fx-min-width: 4.2em; -fx-min-height: 2.8em;");
        b.getStyleClass().add("compact");
        b.setMinSize(MIN_KEY_PX, MIN_KEY_PX);
        b.setPrefSize(200, 100);
    }

    private void type(char c) {
        touch();
        TypedIdNumber.Keystroke result = number.type(c);
        switch (result) {
            case ACCEPTED -> problem.set(null);
            case CHECK_DIGIT_WRONG -> problem.set(I18n.key("keypad.check-digit-wrong"));
            case X_NOT_LAST -> problem.set(I18n.key("keypad.x-last-only"));
            case FULL -> problem.set(I18n.key("keypad.full"));
            case NOT_ALLOWED -> problem.set(null);
            default -> problem.set(null);
        }
        refresh();
    }

    private void deleteLast() {
        touch();
        number.deleteLast();
        problem.set(null);
        refresh();
    }

    private void clear() {
        touch();
        number.clear();
        problem.set(null);
        refresh();
    }

    private void lookUp() {
        if (!number.complete()) {
            return;
        }
        forget.stop();
        var identifier = number.identifier();
        number.clear();
        refresh();
        vm.present(identifier, IdentitySource.TYPED);
    }

    private void leave() {
        forget.stop();
        number.clear();
        problem.set(null);
        refresh();
        close.run();
    }

    private void touch() {
        forget.playFromStart();
        vm.touch();
    }

    private void refresh() {
        display.set(number.masked());
        count.setText(number.length() + " / " + TypedIdNumber.LENGTH);
        confirm.setDisable(!number.complete());
        checkX.setDisable(!number.expectsCheckCharacter());
    }
}
