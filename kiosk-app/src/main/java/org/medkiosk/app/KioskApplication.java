package org.medkiosk.app;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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

/**
 * The JavaFX application: assembles the kiosk for the launch's configuration and shows the lobby window.
 *
 * <p>Launch order, for a fast first frame (see LaunchBenchmark): while the JavaFX toolkit starts, a second thread
 * prepares everything else the idle screen needs (data folder, assembly, the CJK font) and a third configures logback;
 * {@link #init()} waits for the preparation on the launcher thread, so the FX thread never waits. Everything the idle
 * screen does not need (demo hospital, journal database, devices, voice, simulator panel) starts once its first frame
 * is on the screen.
 */
public final class KioskApplication extends Application {
    /** Set by the launch benchmark: print the time to an interactive idle screen, then exit. */
    public static final String BENCH_PROPERTY = "medkiosk.bench.exit-when-idle";

    private static volatile KioskConfig launchConfig;
    private static volatile boolean launchDemo;
    /** The administrator's file `kiosk run --config` loaded: technician mode saves its changes as overrides of it. */
    private static volatile java.nio.file.Path configFile;
    private static volatile CompletableFuture<Prepared> preparing;
    private static final AtomicBoolean LAUNCHED = new AtomicBoolean();

    private KioskPlatform platform;
    private KioskAssembly kiosk;
    private KioskWindow window;
    private volatile org.medkiosk.app.voice.Voice voiceInUse;
    private volatile boolean stopped;

    /** What the idle screen needs besides the toolkit: the platform and the assembled kiosk (the font is registered). */
    private record Prepared(KioskPlatform platform, KioskAssembly kiosk) {
    }

    /** `kiosk run --config FILE`: the file technician mode's configuration changes override (in its data folder). */
    public static void startedFrom(java.nio.file.Path file) {
        configFile = file;
    }

    static int launchAndWait(KioskConfig config, boolean demo) {
        launchConfig = config;
        launchDemo = demo;
        LAUNCHED.set(true);
        LaunchPhases.mark("launch");
        preparing = prepareInBackground(config, demo);
        Application.launch(KioskApplication.class);
        return 0;
    }

    static boolean wasLaunched() {
        return LAUNCHED.get();
    }

    private static CompletableFuture<Prepared> prepareInBackground(KioskConfig config, boolean demo) {
        CompletableFuture<Prepared> prepared = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                prepared.complete(prepare(config, demo));
            } catch (Throwable t) {
                prepared.completeExceptionally(t);
            }
        }, "kiosk-prepare");
        thread.setDaemon(true);
        thread.start();
        return prepared;
    }

    /** Off the FX thread, while the toolkit starts: the data folder, logging, the kiosk's parts, the CJK font. */
    private static Prepared prepare(KioskConfig config, boolean demo) throws InterruptedException {
        KioskPlatform platform = new AttachPlatform(config.storage().dataFolder());
        // Before any logger: logback reads ${medkiosk.log.dir} when it configures itself.
        LogFolder.use(platform.dataFolder());
        LaunchPhases.mark("data-folder");
        configureLoggingInBackground();
        // The 3 MB CJK font loads while the kiosk is assembled; it must be registered before the scene's CSS.
        Thread fontLoader = new Thread(() -> {
            KioskWindow.loadFonts();
            LaunchPhases.mark("font-loaded");
        }, "font-loader");
        fontLoader.setDaemon(true);
        fontLoader.start();
        KioskAssembly kiosk = demo ? KioskAssembly.demo(config, platform, Platform::runLater)
                : KioskAssembly.hospital(config, platform, Platform::runLater);
        java.nio.file.Path file = configFile;
        if (!demo && file != null) {
            kiosk.useConfigOverrides(org.medkiosk.app.technician.ConfigOverrides.of(file));
        }
        LaunchPhases.mark("assembled");
        fontLoader.join();
        return new Prepared(platform, kiosk);
    }

    /**
     * Configures logback (~100 ms of CPU: logback.xml, the rolling file appender) on a thread of its own. Until it is
     * done SLF4J hands every other thread substitute loggers and replays what they logged, so nothing waits for it. That
     * thread gets a head start: were another thread first into SLF4J, that one would configure logback itself (correct,
     * only slower).
     */
    private static void configureLoggingInBackground() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Thread logging = new Thread(() -> {
            started.countDown();
            LoggerFactory.getILoggerFactory();
            LaunchPhases.mark("logging-configured");
        }, "logging-init");
        logging.setDaemon(true);
        logging.start();
        started.await();
        TimeUnit.MILLISECONDS.sleep(1);
    }

    /** On the JavaFX launcher thread once the toolkit runs: waits for the preparation, so the FX thread does not. */
    @Override
    public void init() throws Exception {
        LaunchPhases.mark("fx-toolkit-started");
        CompletableFuture<Prepared> prepared = preparing != null ? preparing
                : prepareInBackground(config(), launchDemo);
        try {
            Prepared ready = prepared.get();
            platform = ready.platform();
            kiosk = ready.kiosk();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
        LaunchPhases.mark("prepared");
    }

    private static KioskConfig config() {
        return launchConfig != null ? launchConfig : KioskConfig.demo();
    }

    @Override
    public void start(Stage stage) {
        KioskConfig config = config();
        boolean portrait = switch (config.screen().orientation()) {
            case PORTRAIT -> true;
            case LANDSCAPE -> false;
            case AUTO -> launchDemo || platform.screenSize().portrait();
        };
        window = KioskWindow.create(kiosk.viewModel(), config, Clock.systemDefaultZone(), portrait, launchDemo);
        LaunchPhases.mark("window-created");
        window.showOn(stage, config, launchDemo);
        LaunchPhases.mark("window-shown");
        afterFirstFrame(() -> {
            if (Boolean.getBoolean(BENCH_PROPERTY)) {
                reportIdleReadyAndExit();
            } else {
                startAfterIdle(stage, config);
            }
        });
    }

    /**
     * Runs once the idle screen's first frame is on the screen: the first pulse after show renders it (the benchmark's
     * "first frame"), the second one starts after that rendering.
     */
    private void afterFirstFrame(Runnable then) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 1) {
                    LaunchPhases.mark("first-frame");
                    return;
                }
                stop();
                LaunchPhases.mark("first-frame-rendered");
                if (!stopped) {
                    then.run();
                }
            }
        }.start();
    }

    /** What the idle screen does not need: journal, demo hospital, devices, voice, the demo's simulator panel. */
    private void startAfterIdle(Stage stage, KioskConfig config) {
        Logger log = LoggerFactory.getLogger(KioskApplication.class);
        kiosk.startInBackground();
        // Finding espeak-ng starts a process: after the idle screen, off the FX thread.
        CompletableFuture.supplyAsync(() -> org.medkiosk.app.voice.Voices.forSettings(config.speech()))
                .thenAcceptAsync(voice -> {
                    voiceInUse = voice;
                    window.useVoice(voice);
                }, Platform::runLater);
        if (launchDemo) {
            kiosk.showSimulatorPanel(stage);
        }
        platform.onShutdown(() -> log.info("platform asked the kiosk to stop"));
        log.info("kiosk started ({} mode)", launchDemo ? "demo" : "hospital");
    }

    /** The benchmark's measurement: JVM start to the first frame of the interactive idle screen; then it exits. */
    private static void reportIdleReadyAndExit() {
        System.out.println("IDLE_READY_MS=" + LaunchPhases.sinceJvmStart("first-frame"));
        System.out.println("PHASES " + LaunchPhases.report());
        System.out.println("CPU_MS=" + LaunchPhases.processCpuMillis());
        System.out.flush();
        Platform.exit();
    }

    @Override
    public void stop() {
        stopped = true;
        if (window != null) {
            window.stop();
        }
        if (voiceInUse != null) {
            voiceInUse.close();
        }
        if (kiosk != null) {
            kiosk.close();
        }
    }
}
