package org.medkiosk.app.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskViewModel;

/**
 * Top bar on every screen: logo, hospital name, clock, and the language and large-text switches. In large text the
 * bar takes two rows (name above, clock and switches below), so nothing in it is cut off: a patient who cannot read
 * the large-text switch cannot turn it off.
 */
final class HeaderBar extends VBox {
    private final HBox brand = new HBox();
    private final HBox controls = new HBox();

    HeaderBar(KioskViewModel vm, HospitalBranding branding, ReadOnlyStringProperty clockText, boolean demo) {
        getStyleClass().add("header");
        brand.setAlignment(Pos.CENTER_LEFT);
        controls.setAlignment(Pos.CENTER_LEFT);
        brand.spacingProperty().bind(spacingProperty());
        controls.spacingProperty().bind(spacingProperty());
        branding.logo().ifPresent(image -> {
            ImageView logo = new ImageView(image);
            logo.setFitHeight(64);
            logo.setPreserveRatio(true);
            brand.getChildren().add(logo);
        });
        Label name = new Label();
        name.getStyleClass().add("hospital-name");
        name.textProperty().bind(branding.nameBinding());
        name.setWrapText(true);
        brand.getChildren().add(name);
        if (demo) {
            Label badge = new Label();
            badge.getStyleClass().add("demo-badge");
            badge.textProperty().bind(I18n.bind("header.demo"));
            badge.setMinWidth(Region.USE_PREF_SIZE);
            brand.getChildren().add(badge);
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

        for (Region r : new Region[]{clock, language, large}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        controls.getChildren().addAll(spacer, clock, language, large);
        HBox.setHgrow(brand, Priority.SOMETIMES);
        HBox.setHgrow(controls, Priority.ALWAYS);
        layOut(vm.largeTextProperty().get());
        vm.largeTextProperty().addListener((obs, was, now) -> layOut(now));
    }

    /** One row normally; two rows in large text. */
    private void layOut(boolean twoRows) {
        getChildren().clear();
        if (twoRows) {
            getChildren().addAll(brand, controls);
        } else {
            HBox row = new HBox(brand, controls);
            row.setAlignment(Pos.CENTER_LEFT);
            row.spacingProperty().bind(spacingProperty());
            getChildren().add(row);
        }
    }
}
