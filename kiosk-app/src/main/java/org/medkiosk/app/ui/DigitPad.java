package org.medkiosk.app.ui;

import java.util.function.IntConsumer;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.GridPane;

/**
 * The staff screens' digit pad (a PIN, a staff number, a phone number, a birth date): 1–9 in rows of three, then 0
 * and Delete, each key at least the kiosk's minimum key size. The patient's ID-number pad, with its X and check
 * digit, is {@link IdNumberKeypadView}.
 */
final class DigitPad {
    private DigitPad() {
    }

    /**
     * @param idPrefix each digit key's id is {@code idPrefix + digit}
     * @param deleteId the Delete key's id
     * @param digit what a digit key does (the caller also restarts the inactivity timer)
     */
    static GridPane of(String idPrefix, String deleteId, StringBinding deleteText, IntConsumer digit,
                       Runnable delete) {
        GridPane keys = new GridPane();
        keys.setHgap(16);
        keys.setVgap(16);
        keys.setAlignment(Pos.CENTER);
        for (int d = 1; d <= 9; d++) {
            keys.add(digitKey(idPrefix, d, digit), (d - 1) % 3, (d - 1) / 3);
        }
        keys.add(digitKey(idPrefix, 0, digit), 1, 3);
        keys.add(sized(JourneyView.secondary(deleteId, deleteText, delete)), 2, 3);
        return keys;
    }

    private static Button digitKey(String idPrefix, int d, IntConsumer digit) {
        return sized(JourneyView.choice(idPrefix + d, String.valueOf(d), () -> digit.accept(d)));
    }

    /** A pad-sized button (the pad's keys, and the OK and Cancel beside it). */
    static Button sized(Button b) {
        b.getStyleClass().add("compact");
        b.setFocusTraversable(false); // a field being typed into keeps the focus
        b.setMinSize(IdNumberKeypadView.MIN_KEY_PX, IdNumberKeypadView.MIN_KEY_PX);
        b.setPrefSize(200, 100);
        return b;
    }
}
