package org.medkiosk.app.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.CardSlot;
import org.medkiosk.app.session.KioskScreen;
import org.medkiosk.app.session.KioskViewModel;

/** The session ended and a card is still in a reader: take it. It goes away by itself when the reader is empty. */
final class TakeYourCardView extends VBox {

    TakeYourCardView(KioskViewModel vm, KioskScreen.TakeYourCard screen) {
        getStyleClass().add("screen");
        setId("take-your-card-screen");
        SVGPath glyph = new SVGPath();
        glyph.setContent(screen.slots().contains(CardSlot.ID_CARD_READER) ? Icons.ID_CARD : Icons.CHIP_CARD);
        glyph.setFillRule(FillRule.EVEN_ODD);
        glyph.getStyleClass().add("way-icon");
        glyph.setScaleX(4);
        glyph.setScaleY(4);
        javafx.scene.layout.StackPane icon = new javafx.scene.layout.StackPane(glyph);
        icon.setMinSize(220, 220);
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
