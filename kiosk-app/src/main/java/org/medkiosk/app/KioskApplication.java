package org.medkiosk.app;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.logging.LogFolder;
import org.medkiosk.app.platform.AttachPlatform;
import org.medkiosk.app.platform.KioskPlatform;
import org.medkiosk.app.ui.KioskWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: assembles the kiosk for the launch's configuration and shows the lobby window. */
public final class KioskApplication extends Application {
    /** Set by the launch benchmark: print the time to an interactive idle screen, then exit. */
    public static final String BENCH_PROPERTY = "medkiosk.bench.exit-when-idle";

    private static volatile KioskConfig launchConfig;
    private static volatile boolean launchDemo;
    private static final AtomicBoolean LAUNCHED = new AtomicBoolean();

    private KioskAssembly kiosk;
    private KioskWindow window;

    static int launchAndWait(KioskConfig config, boolean demo) {
        launchConfig = config;
        launchDemo = demo;
        KioskPlatform platform = new AttachPlatform(config.storage().dataFolder());
        LogFolder.use(platform.dataFolder());
        LAUNCHED.set(true);
        Application.launch(KioskApplication.class);
        return 0;
    }

    static boolean wasLaunched() {
        return LAUNCHED.get();
    }

    @Override
    public void start(Stage stage) {
        LaunchPhases.mark("fx-toolkit-started");
        Logger log = LoggerFactory.getLogger(KioskApplication.class);
        KioskConfig config = launchConfig != null ? launchConfig : KioskConfig.demo();
        KioskPlatform platform = new AttachPlatform(config.storage().dataFolder());
        // The 3 MB CJK font loads while the kiosk is assembled; it must be registered before the scene's CSS.
        Thread fontLoader = new Thread(KioskWindow::loadFonts, "font-loader");
        fontLoader.start();
        kiosk = launchDemo ? KioskAssembly.demo(config, platform, Platform::runLater)
                : KioskAssembly.hospital(config, platform, Platform::runLater);
        LaunchPhases.mark("assembled");
        try {
            fontLoader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LaunchPhases.mark("font-loaded");
        boolean portrait = switch (config.screen().orientation()) {
            case PORTRAIT -> true;
            case LANDSCAPE -> false;
            case AUTO -> launchDemo || platform.screenSize().portrait();
        };
        window = KioskWindow.create(kiosk.viewModel(), config, Clock.systemDefaultZone(), portrait, launchDemo);
        window.showOn(stage, config, launchDemo);
        LaunchPhases.mark("window-shown");
        if (Boolean.getBoolean(BENCH_PROPERTY)) {
            reportIdleReadyAndExit();
        }
        kiosk.startInBackground();
        if (launchDemo) {
            kiosk.showSimulatorPanel(stage);
        }
        platform.onShutdown(() -> log.info("platform asked the kiosk to stop"));
        log.info("kiosk started ({} mode)", launchDemo ? "demo" : "hospital");
    }

    /** The idle screen is interactive once the first frame after show has been rendered. */
    private static void reportIdleReadyAndExit() {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                LaunchPhases.mark("first-frame");
                System.out.println("IDLE_READY_MS=" + LaunchPhases.sinceJvmStart());
                System.out.println("PHASES " + LaunchPhases.report());
                System.out.flush();
                Platform.exit();
            }
        }.start();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.stop();
        }
        if (kiosk != null) {
            kiosk.close();
        }
    }
}
