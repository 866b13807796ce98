package org.medkiosk.app.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskViewModel;

/**
 * Top bar on every screen: logo and hospital name on the first row; the clock and the patient's switches (language,
 * large text, high contrast, listen again) on the second, which wraps rather than cut anything off — a patient who
 * cannot read the large-text switch cannot turn it off.
 */
final class HeaderBar extends VBox {

    HeaderBar(KioskViewModel vm, HospitalBranding branding, ReadOnlyStringProperty clockText, boolean demo,
              ScreenAnnouncer announcer) {
        getStyleClass().add("header");
        setId("header");
        HBox brand = new HBox();
        brand.setAlignment(Pos.CENTER_LEFT);
        brand.spacingProperty().bind(spacingProperty().multiply(3));
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
        name.setId("hospital-name");
        // The hidden way into technician mode: five taps on the hospital name within three seconds.
        name.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> vm.technicianTap());
        brand.getChildren().add(name);
        if (demo) {
            Label badge = new Label();
            badge.getStyleClass().add("demo-badge");
            badge.textProperty().bind(I18n.bind("header.demo"));
            badge.setMinWidth(Region.USE_PREF_SIZE);
            brand.getChildren().add(badge);
        }

        Label clock = new Label();
        clock.getStyleClass().add("clock");
        clock.textProperty().bind(clockText);

        // The language switch always names the OTHER language, in that language, so anyone can find it.
        ToggleButton language = toggle("language-switch", I18n.key("header.switch-language"));
        language.setOnAction(e -> {
            vm.switchLanguage();
            language.setSelected(false);
        });
        ToggleButton large = toggle("large-text-switch", I18n.key("header.large-text"));
        large.selectedProperty().bindBidirectional(vm.largeTextProperty());
        large.setOnAction(e -> vm.touch());
        ToggleButton contrast = toggle("high-contrast-switch", I18n.key("header.high-contrast"));
        contrast.selectedProperty().bindBidirectional(vm.highContrastProperty());
        contrast.setOnAction(e -> vm.touch());

        // "Listen" again: shown only once the kiosk has a voice that makes sound.
        ToggleButton listen = toggle("listen-again", I18n.key("header.listen-again"));
        SVGPath speaker = new SVGPath();
        speaker.setContent(Icons.SPEAKER);
        speaker.getStyleClass().add("toggle-icon");
        listen.setGraphic(speaker);
        listen.setOnAction(e -> {
            listen.setSelected(false);
            vm.touch();
            announcer.replay();
        });
        listen.visibleProperty().bind(announcer.audibleProperty());
        listen.managedProperty().bind(announcer.audibleProperty());
        FlowPane controls = new FlowPane(clock, language, large, contrast, listen);
        controls.setAlignment(Pos.CENTER_RIGHT);
        controls.setHgap(24);
        controls.setVgap(20);
        controls.prefWrapLengthProperty().bind(widthProperty());
        getChildren().addAll(brand, controls);
    }

    private static ToggleButton toggle(String id, String key) {
        ToggleButton t = new ToggleButton();
        t.setId(id);
        t.getStyleClass().setAll("toggle");
        t.textProperty().bind(I18n.bind(key));
        t.setMinWidth(Region.USE_PREF_SIZE);
        return t;
    }
}
