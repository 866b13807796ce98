package org.medkiosk.app.ui;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.Pane;
import javafx.scene.text.Font;
import javafx.scene.transform.Scale;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.voice.Voice;
import org.medkiosk.print.fonts.KioskFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the lobby window. The screen is laid out at its design size (1080×1920 portrait or 1920×1080
 * landscape) and scaled to the window, so the demo in a desktop window looks like the lobby terminal.
 */
public final class KioskWindow {
    private static final Logger LOG = LoggerFactory.getLogger(KioskWindow.class);
    /**
     * In the demo this chord quits; in hospital mode it opens the technician PIN pad (as five taps on the hospital
     * name do), and the kiosk quits only from technician mode. A patient will not press it by accident.
     */
    public static final KeyCombination TECHNICIAN_EXIT = KeyCombination.keyCombination("Ctrl+Alt+Shift+Q");

    private final Scene scene;
    private ScreenAnnouncer announcer;
    private final Timeline ticker;
    /** Held here so the weak listener on the global locale lives exactly as long as this window. */
    private final InvalidationListener relabelClock;
    private final WeakInvalidationListener weakRelabel;

    private KioskWindow(Scene scene, Timeline ticker, InvalidationListener relabelClock,
                        WeakInvalidationListener weakRelabel) {
        this.scene = scene;
        this.ticker = ticker;
        this.relabelClock = relabelClock;
        this.weakRelabel = weakRelabel;
    }

    /** Loads the shipped CJK font: a fresh machine has none, and Chinese would show as boxes. */
    public static void loadFonts() {
        try (var in = KioskFont.open()) {
            Font font = Font.loadFont(in, 26);
            if (font == null) {
                LOG.warn("the kiosk font could not be loaded; Chinese may not display");
            }
        } catch (Exception e) {
            LOG.warn("the kiosk font could not be loaded: {}", e.toString());
        }
    }

    /** A window without a voice (tests, and kiosks whose voice is off). */
    public static KioskWindow create(KioskViewModel vm, KioskConfig config, Clock clock, boolean portrait, boolean demo) {
        return create(vm, config, clock, portrait, demo, Voice.SILENT);
    }

    public static KioskWindow create(KioskViewModel vm, KioskConfig config, Clock clock, boolean portrait, boolean demo,
                                     Voice voice) {
        double designWidth = portrait ? Math.min(config.screen().width(), config.screen().height())
                : Math.max(config.screen().width(), config.screen().height());
        double designHeight = portrait ? Math.max(config.screen().width(), config.screen().height())
                : Math.min(config.screen().width(), config.screen().height());

        StringProperty clockText = new SimpleStringProperty();
        ScreenAnnouncer announcer = new ScreenAnnouncer(voice);
        MainView main = new MainView(vm, HospitalBranding.load(config.hospital()), clockText, portrait, demo, announcer);
        // Fixed design size: Pane would otherwise shrink the screen to its preferred height.
        main.setMinSize(designWidth, designHeight);
        main.setPrefSize(designWidth, designHeight);
        main.setMaxSize(designWidth, designHeight);
        Pane viewport = new Pane(main);
        viewport.setStyle("-fx-background-color: #0b3d52;");
        Scale scale = new Scale(1, 1, 0, 0);
        main.getTransforms().add(scale);
        Runnable fit = () -> {
            double s = Math.min(viewport.getWidth() / designWidth, viewport.getHeight() / designHeight);
            if (s <= 0 || Double.isNaN(s)) {
                return;
            }
            scale.setX(s);
            scale.setY(s);
            main.relocate((viewport.getWidth() - designWidth * s) / 2, (viewport.getHeight() - designHeight * s) / 2);
        };
        viewport.widthProperty().addListener(o -> fit.run());
        viewport.heightProperty().addListener(o -> fit.run());

        Scene scene = new Scene(viewport, designWidth, designHeight);
        scene.getStylesheets().add(KioskWindow.class.getResource("/org/medkiosk/app/ui/kiosk.css").toExternalForm());
        vm.largeTextProperty().addListener((o, was, large) -> styleClass(main, "large-text", large));
        styleClass(main, "large-text", vm.largeTextProperty().get());
        vm.highContrastProperty().addListener((o, was, high) -> styleClass(main, "high-contrast", high));
        styleClass(main, "high-contrast", vm.highContrastProperty().get());

        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> vm.touch());
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, e -> vm.touch());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (TECHNICIAN_EXIT.match(e)) {
                e.consume();
                if (demo) {
                    LOG.info("technician exit requested (demo)");
                    Platform.exit();
                } else {
                    LOG.info("technician chord: technician PIN pad requested");
                    vm.requestTechnician();
                }
                return;
            }
            vm.touch();
        });

        Runnable showTime = () -> clockText.set(DateTimeFormatter.ofPattern(I18n.tr("header.clock-pattern"), I18n.locale())
                .format(ZonedDateTime.now(clock)));
        showTime.run();
        // Weak: I18n's locale is global, a closed window must not stay reachable through it.
        InvalidationListener relabelClock = o -> showTime.run();
        WeakInvalidationListener weakRelabel = new WeakInvalidationListener(relabelClock);
        I18n.localeProperty().addListener(weakRelabel);
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            showTime.run();
            vm.tick();
        }));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        KioskWindow window = new KioskWindow(scene, ticker, relabelClock, weakRelabel);
        window.announcer = announcer;
        return window;
    }

    /** The kiosk's voice, once found (on the FX thread); every later screen is said aloud through it. */
    public void useVoice(Voice voice) {
        announcer.use(voice);
    }

    private static void styleClass(MainView main, String styleClass, boolean on) {
        if (on) {
            if (!main.getStyleClass().contains(styleClass)) {
                main.getStyleClass().add(styleClass);
            }
        } else {
            main.getStyleClass().remove(styleClass);
        }
    }

    public Scene scene() {
        return scene;
    }

    /** Shows the window as a kiosk: undecorated, full screen, not closable by a patient. */
    public void showOn(Stage stage, KioskConfig config, boolean demo) {
        stage.initStyle(StageStyle.UNDECORATED);
        stage.setTitle("MedKiosk");
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> e.consume());
        if (config.screen().fullScreen() && !demo) {
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
        } else {
            // Demo on a developer's desktop: the terminal at a size that fits beside the simulator panel.
            var bounds = javafx.stage.Screen.getPrimary().getVisualBounds();
            double s = Math.min(1.0, Math.min(bounds.getHeight() * 0.95 / scene.getHeight(),
                    bounds.getWidth() * 0.6 / scene.getWidth()));
            stage.setWidth(scene.getWidth() * s);
            stage.setHeight(scene.getHeight() * s);
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
        }
        stage.show();
    }

    public void stop() {
        ticker.stop();
        announcer.hush();
        I18n.localeProperty().removeListener(weakRelabel);
    }
}
