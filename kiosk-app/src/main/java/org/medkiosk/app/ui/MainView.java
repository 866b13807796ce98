package org.medkiosk.app.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskScreen;
import org.medkiosk.app.session.KioskViewModel;

/**
 * The whole lobby screen: header, the current screen, and the inactivity countdown banner. Screens are
 * rebuilt from the view model's state on every change, so a screen that is left takes its data with it.
 */
public final class MainView extends BorderPane {
    private final KioskViewModel vm;
    private final HospitalBranding branding;
    private final boolean portrait;
    private final StackPane content = new StackPane();

    MainView(KioskViewModel vm, HospitalBranding branding, ReadOnlyStringProperty clockText, boolean portrait,
             boolean demo) {
        this.vm = vm;
        this.branding = branding;
        this.portrait = portrait;
        setId("kiosk-root");
        getStyleClass().add("kiosk-root");
        setTop(new HeaderBar(vm, branding, clockText, demo));
        setCenter(content);
        setBottom(countdownBanner());
        vm.screenProperty().addListener((obs, old, now) -> show(now));
        show(vm.screen());
    }

    private void show(KioskScreen screen) {
        content.getChildren().setAll(viewFor(screen));
    }

    private Node viewFor(KioskScreen screen) {
        if (screen instanceof KioskScreen.Home home) {
            return new HomeView(vm, home, portrait);
        } else if (screen instanceof KioskScreen.LookingUp lookingUp) {
            return new LookingUpView(lookingUp.source());
        } else if (screen instanceof KioskScreen.Notice notice) {
            return new NoticeView(vm, notice);
        }
        return new IdleView(vm, branding);
    }

    private Node countdownBanner() {
        Label text = new Label();
        text.setId("countdown-text");
        text.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> I18n.tr("session.countdown", vm.countdownSecondsProperty().get()),
                I18n.localeProperty(), vm.countdownSecondsProperty()));
        HBox banner = new HBox(text);
        banner.setId("countdown-banner");
        banner.getStyleClass().add("countdown-banner");
        banner.setAlignment(Pos.CENTER);
        banner.visibleProperty().bind(vm.countdownVisibleProperty());
        banner.managedProperty().bind(vm.countdownVisibleProperty());
        return banner;
    }
}
