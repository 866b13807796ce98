package org.medkiosk.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.voice.Voice;

/**
 * Says each screen aloud: what the screen is (its titles and the first line under them) and the next action (the
 * primary button). It reads the words the screen shows, so voice and screen never disagree and a new screen needs
 * no extra sentences. Runs on the FX thread; the Voice returns at once.
 */
final class ScreenAnnouncer {
    private static final Set<String> SPOKEN = Set.of("title", "subtitle", "problem", "amount", "task-title");

    private Voice voice;
    /** Whether the kiosk speaks: the header offers "listen again" only then. */
    private final javafx.beans.property.BooleanProperty audible = new javafx.beans.property.SimpleBooleanProperty();
    private String last = "";
    private Locale lastLocale = I18n.locale();

    ScreenAnnouncer(Voice voice) {
        use(voice);
    }

    /** The voice found after start-up (finding espeak-ng starts a process: never on the FX thread before the idle screen). */
    void use(Voice found) {
        this.voice = found;
        audible.set(found.audible());
    }

    javafx.beans.property.ReadOnlyBooleanProperty audibleProperty() {
        return audible;
    }

    /** Speaks what the screen says; the words are kept for "listen again". */
    void announce(Node screen) {
        say(compose(screen));
    }

    /** Speaks a line that is not a screen (the countdown, a notice inside the session). */
    void say(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        last = text;
        lastLocale = I18n.locale();
        voice.say(text, lastLocale);
    }

    void replay() {
        if (!last.isBlank()) {
            voice.say(last, lastLocale);
        }
    }

    void hush() {
        voice.hush();
    }

    /** The announcement of a screen: its titles, its first subtitle, and "next: tap …" for its primary action. */
    static String compose(Node screen) {
        List<String> lines = new ArrayList<>();
        String[] action = {null};
        walk(screen, lines, action, new boolean[]{false});
        if (action[0] != null) {
            lines.add(I18n.tr("voice.next-action", action[0]));
        }
        return String.join(I18n.tr("voice.pause"), lines);
    }

    private static void walk(Node node, List<String> lines, String[] action, boolean[] subtitleTaken) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof ButtonBase button) {
            if (action[0] == null && !button.isDisabled() && (button.getStyleClass().contains("primary-button")
                    || button.getStyleClass().contains("task-card"))) {
                action[0] = button.getText();
            }
            return; // a button's words are its action, not a line of the screen
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            for (String style : labeled.getStyleClass()) {
                if (SPOKEN.contains(style)) {
                    boolean subtitle = style.equals("subtitle");
                    if (!subtitle || !subtitleTaken[0]) {
                        lines.add(labeled.getText().replace('\n', ' '));
                        subtitleTaken[0] |= subtitle;
                    }
                    break;
                }
            }
        }
        if (node instanceof javafx.scene.control.ScrollPane scroll) {
            // Its skin (and so its children) may not exist yet when a screen is first shown: read the content.
            if (scroll.getContent() != null) {
                walk(scroll.getContent(), lines, action, subtitleTaken);
            }
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, lines, action, subtitleTaken);
            }
        }
    }
}
