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
        setCenter(new javafx.scene.layout.VBox(sessionNoticeBanner(), content));
        javafx.scene.layout.VBox.setVgrow(content, javafx.scene.layout.Priority.ALWAYS);
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
        } else if (screen instanceof KioskScreen.InJourney journey) {
            return journeyView(journey);
        }
        return new IdleView(vm, branding);
    }

    private Node journeyView(KioskScreen.InJourney journey) {
        Node view;
        if (journey.model() instanceof org.medkiosk.app.viewmodel.PayBillsViewModel pay) {
            view = new PayBillsView(vm, pay);
        } else if (journey.model() instanceof org.medkiosk.app.viewmodel.TopUpViewModel topUp) {
            view = new TopUpView(vm, topUp);
        } else if (journey.model() instanceof org.medkiosk.app.viewmodel.RegistrationViewModel reg) {
            view = new RegistrationView(vm, reg);
        } else if (journey.model() instanceof org.medkiosk.app.viewmodel.CancelBookingViewModel cancel) {
            view = new CancelBookingView(vm, cancel);
        } else if (journey.model() instanceof org.medkiosk.app.viewmodel.CheckInViewModel checkIn) {
            view = new CheckInView(vm, checkIn);
        } else if (journey.model() instanceof org.medkiosk.app.viewmodel.ReportsViewModel reports) {
            view = new ReportsView(vm, reports);
        } else if (journey.model() instanceof org.medkiosk.app.viewmodel.QueriesViewModel queries) {
            view = new QueriesView(vm, queries);
        } else {
            return new IdleView(vm, branding);
        }
        // Journey screens can be longer than the panel (many bills, many doctors): they scroll, never truncate.
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(view);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("journey-scroll");
        return scroll;
    }

    /** A word inside the session ("a different card was presented…"), with a button to dismiss it. */
    private Node sessionNoticeBanner() {
        Label text = new Label();
        text.setId("session-notice-text");
        text.setWrapText(true);
        text.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.sessionNoticeProperty().get() == null ? "" : I18n.tr(vm.sessionNoticeProperty().get()),
                I18n.localeProperty(), vm.sessionNoticeProperty()));
        javafx.scene.control.Button ok = new javafx.scene.control.Button();
        ok.setId("session-notice-dismiss");
        ok.getStyleClass().add("secondary-button");
        ok.textProperty().bind(I18n.bind("session.notice.ok"));
        ok.setOnAction(e -> vm.dismissSessionNotice());
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        HBox banner = new HBox(16, text, spacer, ok);
        banner.setId("session-notice");
        banner.getStyleClass().add("session-notice");
        banner.setAlignment(Pos.CENTER_LEFT);
        javafx.beans.binding.BooleanBinding shown = vm.sessionNoticeProperty().isNotNull();
        banner.visibleProperty().bind(shown);
        banner.managedProperty().bind(shown);
        return banner;
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
