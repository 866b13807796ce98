package org.medkiosk.app.ui;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * The kiosk's own letter keys (a kiosk has no system on-screen keyboard): one key per character, id
 * {@code prefix + character}, in a flow rather than a fixed grid, so with large text the keys wrap to the panel's
 * width instead of running off it. The price lookup types pinyin initials on them, the feedback row a suggestion or
 * complaint.
 */
final class LetterKeys {
    static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String DIGITS = "0123456789";
    /** Narrowest key in code; the theme's em sizes usually make it wider (the touch-target rule). */
    private static final double MIN_KEY_WIDTH = 88;

    private LetterKeys() {
    }

    /** An empty key flow with the kiosk's target spacing; add keys with {@link #add}. */
    static FlowPane pad(String id) {
        FlowPane keys = new FlowPane(JourneyView.TARGET_GAP, JourneyView.TARGET_GAP);
        keys.setId(id);
        keys.setAlignment(Pos.CENTER);
        return keys;
    }

    /** One key per character of {@code chars}, id {@code idPrefix + character}; a tap hands the character over. */
    static FlowPane add(FlowPane keys, String idPrefix, String chars, Consumer<Character> type) {
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            keys.getChildren().add(oneKey(idPrefix + c, String.valueOf(c), () -> type.accept(c)));
        }
        return keys;
    }

    /** One key: a square-ish choice button with the key face, no wider than its face needs. */
    static Button oneKey(String id, String face, Runnable action) {
        Button key = JourneyView.choice(id, face, action);
        key.getStyleClass().add("key");
        key.setMinWidth(MIN_KEY_WIDTH);
        key.setMaxWidth(Region.USE_PREF_SIZE);
        return key;
    }
}
