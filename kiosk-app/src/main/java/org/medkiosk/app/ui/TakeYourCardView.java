package org.medkiosk.app.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.CardSlot;
import org.medkiosk.app.session.KioskScreen;
import org.medkiosk.app.session.KioskViewModel;

/** The session ended and a card is still in a reader: take it. It goes away by itself when the reader is empty. */
final class TakeYourCardView extends VBox {

    TakeYourCardView(KioskViewModel vm, KioskScreen.TakeYourCard screen) {
        getStyleClass().add("screen");
        setId("take-your-card-screen");
        javafx.scene.layout.StackPane icon = Icons.glyph(
                screen.slots().contains(CardSlot.ID_CARD_READER) ? Icons.ID_CARD : Icons.CHIP_CARD, "way-icon", 4, 220);
        Label title = new Label();
        title.setId("take-your-card-title");
        title.getStyleClass().add("title");
        title.setWrapText(true);
        title.textProperty().bind(I18n.bind("takecard.title"));
        Label advice = new Label();
        advice.getStyleClass().add("subtitle");
        advice.setWrapText(true);
        advice.textProperty().bind(I18n.bind(screen.slots().contains(CardSlot.ID_CARD_READER)
                ? I18n.key("takecard.advice.idcard") : I18n.key("takecard.advice.smartcard")));
        Button done = new Button();
        done.setId("take-your-card-done");
        done.getStyleClass().add("primary-button");
        done.setWrapText(true);
        done.textProperty().bind(I18n.bind("takecard.done"));
        done.setOnAction(e -> vm.dismissTakeYourCard());
        getChildren().addAll(icon, title, advice, done);
    }
}
