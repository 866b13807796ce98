package org.medkiosk.app.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.viewmodel.FeedbackViewModel;
import org.medkiosk.hospital.Feedback;

/**
 * The optional satisfaction row under a done screen: a suggestion or complaint may be written first, then one tap of
 * 1–5 sends both. A kiosk has no physical keyboard, so "Add a suggestion or complaint" opens, inside the row, a few
 * ready-made topics and the kiosk's own letter keys (English or pinyin). Never in the patient's way: nothing waits
 * for it, and it thanks them at once.
 */
final class FeedbackRow extends VBox {
    /** Punctuation keys: the face, the id suffix (ids must stay CSS-selectable), the spoken name. */
    private static final String[][] PUNCTUATION = {
        {",", "comma"}, {".", "period"}, {"?", "question"}, {"!", "exclamation"},
    };

    private final FeedbackViewModel model;
    private final TextField comment = new TextField();

    FeedbackRow(FeedbackViewModel model) {
        this.model = model;
        setId("feedback-row");
        getStyleClass().add("card");
        setSpacing(JourneyView.TARGET_GAP); // targets (write, keys, stars) one above the other keep the target gap
        setAlignment(Pos.CENTER);
        Label ask = JourneyView.wrapped(I18n.bind("feedback.ask"), "subtitle");
        ask.setId("feedback-ask");
        comment.setId("feedback-comment");
        comment.getStyleClass().addAll("text-field", "guidance-field");
        comment.setAccessibleText(I18n.tr("feedback.comment"));
        // A hardware keyboard (a nurse's) types here too: the same limit as the on-screen keys.
        comment.setTextFormatter(new javafx.scene.control.TextFormatter<String>(change -> {
            String t = change.getControlNewText();
            return t.codePointCount(0, t.length()) > Feedback.MAX_COMMENT ? null : change;
        }));
        comment.textProperty().bindBidirectional(model.commentProperty());
        comment.setMaxWidth(720);
        Label caption = JourneyView.wrapped(I18n.bind("feedback.comment"), "field-caption");
        caption.setLabelFor(comment);
        caption.setMaxWidth(720); // over the field's left edge, not the card's

        BooleanBinding done = Bindings.notEqual(0, model.ratedProperty());
        BooleanBinding writing = model.writingProperty().and(done.not());
        BooleanBinding written = Bindings.createBooleanBinding(
                () -> model.commentProperty().get() != null && !model.commentProperty().get().isBlank(),
                model.commentProperty());

        StringBinding writeText = Bindings.when(written).then(I18n.bind("feedback.change"))
                .otherwise(I18n.bind("feedback.write"));
        Button write = JourneyView.secondary("feedback-write", writeText, () -> {
            touched();
            model.writingProperty().set(true);
        });
        Node topics = topics();
        Node keyboard = keyboard();
        Label sendHint = JourneyView.wrapped(I18n.bind("feedback.send-hint"), "hint");
        sendHint.setId("feedback-send-hint");

        HBox stars = new HBox(JourneyView.TARGET_GAP);
        stars.setAlignment(Pos.CENTER);
        for (int i = 1; i <= 5; i++) {
            int n = i;
            Button b = JourneyView.choice("feedback-" + i, i + " \u2605", () -> model.rate(n));
            b.setAccessibleText(I18n.tr("feedback.star", i));
            b.setMaxWidth(Region.USE_PREF_SIZE);
            b.setMinWidth(96);
            stars.getChildren().add(b);
        }
        Label scale = JourneyView.wrapped(I18n.bind("feedback.scale"), "hint");
        Label thanks = JourneyView.wrapped(I18n.bind("feedback.thanks"), "subtitle");
        thanks.setId("feedback-thanks");

        show(done.not(), ask, stars, scale);
        show(done.not().and(writing.not()), write);
        show(done.not().and(writing.or(written)), caption, comment);
        show(writing, topics, keyboard);
        show(done.not().and(writing.not()).and(written), sendHint);
        show(done, thanks);
        // Topics above the field, keys right under it: the patient sees each letter arrive next to the keys.
        getChildren().addAll(ask, write, topics, caption, comment, keyboard, sendHint, stars, scale, thanks);
    }

    private static void show(BooleanBinding when, Node... nodes) {
        for (Node n : nodes) {
            n.visibleProperty().bind(when);
            n.managedProperty().bind(when);
        }
    }

    /** What to do, and the ready-made topics as chips. */
    private Node topics() {
        Label hint = JourneyView.wrapped(I18n.bind("feedback.keyboard.hint"), "hint");
        FlowPane topics = new FlowPane(JourneyView.TARGET_GAP, JourneyView.TARGET_GAP);
        topics.setId("feedback-topics");
        topics.setAlignment(Pos.CENTER);
        topics.getChildren().addAll(
                topic("waiting", I18n.bind("feedback.topic.waiting")),
                topic("kiosk", I18n.bind("feedback.topic.kiosk")),
                topic("staff", I18n.bind("feedback.topic.staff")),
                topic("cleanliness", I18n.bind("feedback.topic.cleanliness")),
                topic("wayfinding", I18n.bind("feedback.topic.wayfinding")),
                topic("prices", I18n.bind("feedback.topic.prices")));
        VBox box = new VBox(JourneyView.TARGET_GAP, hint, topics);
        box.setId("feedback-topic-box");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /** A–Z, then 0–9 and punctuation, then Space, Delete and Done. */
    private Node keyboard() {
        // The face shows capitals, as on any keyboard; the comment gets lower case, as people write (and pinyin is).
        FlowPane keys = LetterKeys.add(LetterKeys.pad("feedback-keys"), "feedback-key-", LetterKeys.LETTERS,
                c -> typed(Character.toLowerCase(c)));
        // Digits and punctuation on rows of their own, so the alphabet ends where a patient expects it to.
        FlowPane more = LetterKeys.add(LetterKeys.pad("feedback-digits"), "feedback-key-", LetterKeys.DIGITS,
                this::typed);
        for (String[] p : PUNCTUATION) {
            Button b = LetterKeys.oneKey("feedback-key-" + p[1], p[0], () -> typed(p[0].charAt(0)));
            b.setAccessibleText(spoken(p[1]));
            more.getChildren().add(b);
        }
        keys.getChildren().forEach(k -> k.getStyleClass().add("feedback-key"));
        more.getChildren().forEach(k -> k.getStyleClass().add("feedback-key"));

        Button space = JourneyView.secondary("feedback-key-space", I18n.bind("feedback.key.space"), () -> typed(' '));
        space.getStyleClass().add("feedback-edit-key");
        space.setMinWidth(240); // the longest key, as on a keyboard: easy to find
        Button delete = JourneyView.secondary("feedback-key-delete", I18n.bind("feedback.key.delete"), () -> {
            touched();
            model.deleteLast();
            comment.end();
        });
        delete.getStyleClass().add("feedback-edit-key");
        Button ok = JourneyView.primary("feedback-key-done", I18n.bind("feedback.key.done"), () -> {
            touched();
            model.writingProperty().set(false);
        });
        ok.getStyleClass().add("feedback-edit-key");
        FlowPane edits = new FlowPane(JourneyView.TARGET_GAP, JourneyView.TARGET_GAP, space, delete, ok);
        edits.setAlignment(Pos.CENTER);

        VBox box = new VBox(JourneyView.TARGET_GAP, keys, more, edits);
        box.setId("feedback-keyboard");
        box.setAlignment(Pos.CENTER);
        box.setFillWidth(true);
        return box;
    }

    private Button topic(String id, StringBinding words) {
        Button chip = new Button();
        chip.setId("feedback-topic-" + id);
        chip.textProperty().bind(Bindings.concat("+ ", words));
        chip.getStyleClass().addAll("choice-button", "topic-chip");
        chip.setWrapText(true);
        chip.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        chip.setOnAction(e -> {
            touched();
            model.addTopic(I18n.tr("feedback.topic.sentence", words.get()));
            comment.end();
        });
        return chip;
    }

    private void typed(char c) {
        touched();
        model.type(c);
        comment.end();
    }

    private static String spoken(String punctuation) {
        switch (punctuation) {
            case "comma":
                return I18n.tr("feedback.key.comma");
            case "period":
                return I18n.tr("feedback.key.period");
            case "question":
                return I18n.tr("feedback.key.question");
            default:
                return I18n.tr("feedback.key.exclamation");
        }
    }

    /**
     * A tap on the row restarts the inactivity timer, as every other tap does. The row is built by the done screen's
     * {@link JourneyView}, whose kiosk view model it finds above itself (it has no reference of its own).
     */
    private void touched() {
        for (Parent p = getParent(); p != null; p = p.getParent()) {
            if (p instanceof JourneyView<?> view) {
                view.kiosk.touch();
                return;
            }
        }
    }
}
