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
    private final ScreenAnnouncer announcer;

    MainView(KioskViewModel vm, HospitalBranding branding, ReadOnlyStringProperty clockText, boolean portrait,
             boolean demo, ScreenAnnouncer announcer) {
        this.vm = vm;
        this.branding = branding;
        this.portrait = portrait;
        this.announcer = announcer;
        setId("kiosk-root");
        getStyleClass().add("kiosk-root");
        setTop(new HeaderBar(vm, branding, clockText, demo, announcer));
        setCenter(new javafx.scene.layout.VBox(new ActingForBanner(vm), sessionNoticeBanner(), content));
        javafx.scene.layout.VBox.setVgrow(content, javafx.scene.layout.Priority.ALWAYS);
        setBottom(countdownBanner());
        vm.screenProperty().addListener((obs, old, now) -> show(now));
        // The home card arrives after the home screen: it is the likeliest next action, so it is said too.
        vm.pendingTaskProperty().addListener((obs, old, now) -> {
            if (vm.screen() instanceof KioskScreen.Home && now.isPresent()) {
                javafx.application.Platform.runLater(this::announceContent);
            }
        });
        // The same screen in the other language is said again in that language.
        I18n.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(reannounce));
        show(vm.screen());
    }

    // Later: the words of every label follow the new language first.
    private final javafx.beans.InvalidationListener reannounce = o -> javafx.application.Platform.runLater(this::announceContent);

    private void show(KioskScreen screen) {
        content.getChildren().setAll(viewFor(screen));
        announceContent();
        if (screen instanceof KioskScreen.InJourney) {
            vm.feedback().ifPresent(this::listenToFeedback);
        }
    }

    /** The journey whose feedback keyboard is listened to (one listener per journey, however often it is shown). */
    private org.medkiosk.app.viewmodel.FeedbackViewModel feedbackHeard;

    /** Opening the feedback row's keyboard changes the screen without a new one: say what to do with it. */
    private void listenToFeedback(org.medkiosk.app.viewmodel.FeedbackViewModel feedback) {
        if (feedback == feedbackHeard) {
            return;
        }
        feedbackHeard = feedback;
        feedback.writingProperty().addListener((o, was, now) -> {
            if (now) {
                announcer.say(I18n.tr("feedback.keyboard.hint"));
            }
        });
    }

    private void announceContent() {
        if (!content.getChildren().isEmpty()) {
            announcer.announce(content.getChildren().get(0));
        }
    }

    private Node viewFor(KioskScreen screen) {
        if (screen instanceof KioskScreen.Home home) {
            return scrolling(new HomeView(vm, home, portrait));
        } else if (screen instanceof KioskScreen.LookingUp lookingUp) {
            return new LookingUpView(lookingUp.source());
        } else if (screen instanceof KioskScreen.Notice notice) {
            return new NoticeView(vm, notice);
        } else if (screen instanceof KioskScreen.InJourney journey) {
            return journeyView(journey);
        } else if (screen instanceof KioskScreen.TakeYourCard takeCard) {
            return new TakeYourCardView(vm, takeCard);
        } else if (screen instanceof KioskScreen.Technician technician) {
            return scrolling(new TechnicianView(vm, technician.model()));
        } else if (screen instanceof KioskScreen.Staff staff) {
            StaffDeskView desk = new StaffDeskView(vm, staff.model());
            // Each state of the desk (sign-in, search, results) is a new screen to announce.
            staff.model().stateProperty().addListener((o, was, now) -> announceContent());
            staff.model().wayProperty().addListener((o, was, now) -> announceContent());
            return scrolling(desk);
        } else if (screen instanceof KioskScreen.Guide guide) {
            GuideView view = new GuideView(guide.model());
            // Each step of the guide is a new screen to announce (the emergency screen above all).
            guide.model().stateProperty().addListener((o, was, now) -> announceContent());
            return scrolling(view);
        } else if (screen instanceof KioskScreen.Prices prices) {
            return scrolling(new PriceLookupView(prices.model()));
        } else if (screen instanceof KioskScreen.HospitalInfo info) {
            HospitalInfoView view = new HospitalInfoView(info.model());
            // A department or the notices is a new screen to announce.
            info.model().stateProperty().addListener((o, was, now) -> announceContent());
            return scrolling(view);
        }
        // Scrolls like every screen: with large text the lobby's guidance buttons may not fit the panel.
        return scrolling(new IdleView(vm, branding, this::announceContent));
    }

    private Node journeyView(KioskScreen.InJourney journey) {
        javafx.scene.layout.Region view;
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
            return new IdleView(vm, branding, this::announceContent);
        }
        // Each new state of the journey is a new screen to announce (the view re-rendered it first: its listener
        // was added before this one).
        journey.model().stateProperty().addListener((o, was, now) -> announceContent());
        return scrolling(view);
    }

    /**
     * Screens can be longer than the panel (many bills, many doctors, large text): they scroll, never truncate; a
     * short screen is stretched to the panel's height, so it fills the portrait screen.
     */
    private static Node scrolling(javafx.scene.layout.Region view) {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(view);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPannable(true);
        scroll.getStyleClass().add("journey-scroll");
        view.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> scroll.getViewportBounds().getHeight(), scroll.viewportBoundsProperty()));
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
        ok.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        HBox banner = new HBox(16, text, spacer, ok);
        banner.setId("session-notice");
        banner.getStyleClass().add("session-notice");
        banner.setAlignment(Pos.CENTER_LEFT);
        vm.sessionNoticeProperty().addListener((o, was, now) -> {
            if (now != null) {
                announcer.say(I18n.tr(now));
            }
        });
        javafx.beans.binding.BooleanBinding shown = vm.sessionNoticeProperty().isNotNull();
        banner.visibleProperty().bind(shown);
        banner.managedProperty().bind(shown);
        return banner;
    }

    private Node countdownBanner() {
        Label text = new Label();
        text.setId("countdown-text");
        text.setWrapText(true);
        text.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> I18n.tr("session.countdown", vm.countdownSecondsProperty().get()),
                I18n.localeProperty(), vm.countdownSecondsProperty()));
        // One tap keeps the session: no time pressure where it is not essential.
        javafx.scene.control.Button more = new javafx.scene.control.Button();
        more.setId("more-time-button");
        more.setWrapText(true);
        more.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        more.textProperty().bind(I18n.bind("session.more-time"));
        more.setOnAction(e -> vm.moreTime());
        HBox banner = new HBox(text, more);
        vm.countdownVisibleProperty().addListener((o, was, now) -> {
            if (now) {
                announcer.say(I18n.tr("voice.countdown", vm.countdownSecondsProperty().get(), more.getText()));
            }
        });
        banner.setId("countdown-banner");
        banner.getStyleClass().add("countdown-banner");
        banner.setAlignment(Pos.CENTER);
        banner.visibleProperty().bind(vm.countdownVisibleProperty());
        banner.managedProperty().bind(vm.countdownVisibleProperty());
        return banner;
    }
}
