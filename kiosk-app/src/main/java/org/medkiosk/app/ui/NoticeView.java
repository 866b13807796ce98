package org.medkiosk.app.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskScreen;
import org.medkiosk.app.session.KioskViewModel;

/** A message with what to do next, in plain words, and a way back. */
final class NoticeView extends VBox {

    NoticeView(KioskViewModel vm, KioskScreen.Notice notice) {
        getStyleClass().add("screen");
        setId("notice-screen");
        Label icon = new Label("\u24D8");
        icon.getStyleClass().add("notice-icon");
        Label title = new Label();
        title.setId("notice-title");
        title.getStyleClass().add("title");
        title.setWrapText(true);
        title.textProperty().bind(I18n.bind(notice.titleKey()));
        Label advice = new Label();
        advice.setId("notice-advice");
        advice.getStyleClass().add("subtitle");
        advice.setWrapText(true);
        advice.textProperty().bind(I18n.bind(notice.adviceKey()));
        Button back = new Button();
        back.setId("back-button");
        back.getStyleClass().add("primary-button");
        back.textProperty().bind(I18n.bind("notice.back"));
        back.setOnAction(e -> vm.endSession());
        getChildren().addAll(icon, title, advice, back);
    }
}
