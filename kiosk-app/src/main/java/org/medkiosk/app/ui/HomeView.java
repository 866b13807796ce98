package org.medkiosk.app.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskScreen;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.session.Service;

/** The patient's home: a greeting with the masked name and a tile per service. */
final class HomeView extends VBox {

    HomeView(KioskViewModel vm, KioskScreen.Home home, boolean portrait) {
        getStyleClass().add("screen");
        setId("home-screen");
        Label greeting = new Label();
        greeting.setId("greeting");
        greeting.getStyleClass().add("title");
        greeting.textProperty().bind(I18n.bind("home.greeting", home.maskedName()));

        Label prompt = new Label();
        prompt.getStyleClass().add("subtitle");
        prompt.textProperty().bind(I18n.bind("home.prompt"));

        int columns = portrait ? 2 : 3;
        GridPane tiles = new GridPane();
        tiles.setHgap(24);
        tiles.setVgap(24);
        int i = 0;
        for (Service service : home.services()) {
            Button tile = new Button();
            tile.setId("service-" + service.name().toLowerCase().replace('_', '-'));
            tile.getStyleClass().add("service-tile");
            tile.textProperty().bind(Bindings.createStringBinding(() -> service.available()
                    ? I18n.tr(service.titleKey())
                    : I18n.tr("home.service.unavailable", I18n.tr(service.titleKey())), I18n.localeProperty()));
            tile.setDisable(!service.available());
            tile.setOnAction(e -> vm.openService(service));
            tile.setMaxWidth(Double.MAX_VALUE);
            tile.setMaxHeight(Double.MAX_VALUE);
            tile.setPrefSize(portrait ? 440 : 520, 200);
            GridPane.setHgrow(tile, Priority.ALWAYS);
            tiles.add(tile, i % columns, i / columns);
            i++;
        }
        tiles.setAlignment(Pos.CENTER);

        Button finish = new Button();
        finish.setId("finish-button");
        finish.getStyleClass().add("secondary-button");
        finish.textProperty().bind(I18n.bind("home.finish"));
        finish.setOnAction(e -> vm.endSession());

        getChildren().addAll(greeting, prompt, tiles, finish);
    }
}
