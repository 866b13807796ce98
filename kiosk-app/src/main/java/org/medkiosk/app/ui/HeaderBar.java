package org.medkiosk.app.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskViewModel;

/** Top bar on every screen: logo, hospital name, clock, and the language and large-text switches. */
final class HeaderBar extends HBox {

    HeaderBar(KioskViewModel vm, HospitalBranding branding, ReadOnlyStringProperty clockText, boolean demo) {
        getStyleClass().add("header");
        branding.logo().ifPresent(image -> {
            ImageView logo = new ImageView(image);
            logo.setFitHeight(64);
            logo.setPreserveRatio(true);
            getChildren().add(logo);
        });
        Label name = new Label();
        name.getStyleClass().add("hospital-name");
        name.textProperty().bind(branding.nameBinding());
        getChildren().add(name);
        if (demo) {
            Label badge = new Label();
            badge.getStyleClass().add("demo-badge");
            badge.textProperty().bind(I18n.bind("header.demo"));
            getChildren().add(badge);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label clock = new Label();
        clock.getStyleClass().add("clock");
        clock.textProperty().bind(clockText);

        // The language switch always names the OTHER language, in that language, so anyone can find it.
        ToggleButton language = new ToggleButton();
        language.setId("language-switch");
        language.getStyleClass().setAll("toggle");
        language.textProperty().bind(I18n.bind("header.switch-language"));
        language.setOnAction(e -> {
            vm.switchLanguage();
            language.setSelected(false);
        });

        ToggleButton large = new ToggleButton();
        large.setId("large-text-switch");
        large.getStyleClass().setAll("toggle");
        large.textProperty().bind(I18n.bind("header.large-text"));
        large.selectedProperty().bindBidirectional(vm.largeTextProperty());
        large.setOnAction(e -> vm.touch());

        getChildren().addAll(spacer, clock, language, large);
    }
}
