package org.medkiosk.app.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.viewmodel.FeedbackViewModel;
import org.medkiosk.hospital.Feedback;

/**
 * The optional satisfaction row under a done screen: a suggestion or complaint may be typed first, then one tap of
 * 1–5 sends both. Never in the patient's way: nothing waits for it, and it thanks them at once.
 */
final class FeedbackRow extends VBox {
    FeedbackRow(FeedbackViewModel model) {
        setId("feedback-row");
        getStyleClass().add("card");
        setSpacing(12);
        setAlignment(Pos.CENTER);
        Label ask = JourneyView.wrapped(I18n.bind("feedback.ask"), "subtitle");
        ask.setId("feedback-ask");
        TextField comment = new TextField();
        comment.setId("feedback-comment");
        comment.getStyleClass().addAll("text-field", "guidance-field");
        comment.setAccessibleText(I18n.tr("feedback.comment"));
        comment.setTextFormatter(new javafx.scene.control.TextFormatter<String>(change -> {
            String t = change.getControlNewText();
            return t.codePointCount(0, t.length()) > Feedback.MAX_COMMENT ? null : change;
        }));
        comment.textProperty().bindBidirectional(model.commentProperty());
        comment.setMaxWidth(720);
        HBox stars = new HBox(JourneyView.TARGET_GAP);
        stars.setAlignment(Pos.CENTER);
        for (int i = 1; i <= 5; i++) {
            int n = i;
            Button b = JourneyView.choice("feedback-" + i, i + " \u2605", () -> model.rate(n));
            b.setAccessibleText(I18n.tr("feedback.star", i));
            b.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            b.setMinWidth(96);
            stars.getChildren().add(b);
        }
        Label scale = JourneyView.wrapped(I18n.bind("feedback.scale"), "hint");
        Label thanks = JourneyView.wrapped(I18n.bind("feedback.thanks"), "subtitle");
        thanks.setId("feedback-thanks");
        var done = Bindings.notEqual(0, model.ratedProperty());
        Label caption = JourneyView.wrapped(I18n.bind("feedback.comment"), "field-caption");
        caption.setLabelFor(comment);
        for (javafx.scene.Node n : new javafx.scene.Node[] {ask, caption, comment, stars, scale}) {
            n.visibleProperty().bind(done.not());
            n.managedProperty().bind(done.not());
        }
        thanks.visibleProperty().bind(done);
        thanks.managedProperty().bind(done);
        getChildren().addAll(ask, caption, comment, stars, scale, thanks);
    }
}
