package org.medkiosk.app.ui;

import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.journey.identify.IdentitySource;

/** Shown while the hospital is asked who the card belongs to. */
final class LookingUpView extends VBox {

    LookingUpView(IdentitySource source) {
        getStyleClass().add("screen");
        setId("looking-up-screen");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(160, 160);
        Label text = new Label();
        text.getStyleClass().add("title");
        text.textProperty().bind(source == IdentitySource.ID_CARD
                ? I18n.bind("lookup.idcard") : I18n.bind("lookup.other"));
        Label hint = new Label();
        hint.getStyleClass().add("hint");
        hint.textProperty().bind(I18n.bind("lookup.hint"));
        getChildren().addAll(spinner, text, hint);
    }
}
