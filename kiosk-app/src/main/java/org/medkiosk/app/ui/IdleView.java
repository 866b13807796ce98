package org.medkiosk.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;
import javafx.scene.layout.StackPane;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskViewModel;

/** The attract screen: what to do, in large friendly words; no patient data ever reaches it. */
final class IdleView extends VBox {

    IdleView(KioskViewModel vm, HospitalBranding branding) {
        getStyleClass().add("screen");
        setId("idle-screen");
        Label welcome = new Label();
        welcome.getStyleClass().add("title");
        welcome.setWrapText(true);
        welcome.textProperty().bind(I18n.bind("idle.welcome"));

        Label what = new Label();
        what.setId("idle-instruction");
        what.getStyleClass().add("subtitle");
        what.setWrapText(true);
        what.textProperty().bind(I18n.bind("idle.instruction"));

        FlowPane ways = new FlowPane(24, 24,
                wayCard(Icons.ID_CARD, I18n.key("idle.way.idcard")),
                wayCard(Icons.QR_CODE, I18n.key("idle.way.scan")),
                wayCard(Icons.CHIP_CARD, I18n.key("idle.way.medicalcard")));
        ways.setAlignment(Pos.CENTER);

        Button start = new Button();
        start.setId("start-button");
        start.getStyleClass().add("primary-button");
        start.textProperty().bind(I18n.bind("idle.start"));
        start.setOnAction(e -> vm.tapToStart());

        Label help = new Label();
        help.getStyleClass().add("hint");
        help.setWrapText(true);
        help.textProperty().bind(I18n.bind("idle.help"));

        getChildren().addAll(welcome, what, ways, start, help);
    }

    private static VBox wayCard(String iconPath, String key) {
        SVGPath glyph = new SVGPath();
        glyph.setContent(iconPath);
        glyph.setFillRule(FillRule.EVEN_ODD);
        glyph.getStyleClass().add("way-icon");
        StackPane icon = new StackPane(glyph);
        icon.setMinHeight(110);
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(I18n.bind(key));
        VBox card = new VBox(icon, text);
        card.getStyleClass().add("way-card");
        card.setPrefWidth(280);
        return card;
    }
}
