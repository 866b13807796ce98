package org.medkiosk.app.bench;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * The launch benchmark's baseline: the least a JavaFX lobby screen can do, an empty undecorated 1080×1920 stage, timed
 * exactly like the kiosk (KioskApplication): JVM start → the first pulse after show (an AnimationTimer), reported at
 * the second pulse, then it exits. Like {@code org.medkiosk.app.Main} the entry point is not an {@link Application},
 * so JavaFX runs from the classpath. LaunchBenchmark starts it through {@code ./kiosk}, with the kiosk's JVM options.
 */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The empty window. */
    public static final class App extends Application {
        private long toolkitStarted;

        @Override
        public void init() {
            toolkitStarted = System.currentTimeMillis();
        }

        @Override
        public void start(Stage stage) {
            stage.initStyle(StageStyle.UNDECORATED);
            stage.setScene(new Scene(new Pane(), 1080, 1920));
            stage.show();
            long shown = System.currentTimeMillis();
            new AnimationTimer() {
                private long firstFrame;

                @Override
                public void handle(long now) {
                    if (firstFrame == 0) {
                        firstFrame = System.currentTimeMillis();
                        return;
                    }
                    long rendered = System.currentTimeMillis();
                    stop();
                    // The JVM's own creation time; read after the frames, so java.management is not in what is timed.
                    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("IDLE_READY_MS=" + (firstFrame - jvmStart));
                    System.out.println("PHASES fx-toolkit-started=" + (toolkitStarted - jvmStart) + " window-shown="
                            + (shown - jvmStart) + " first-frame=" + (firstFrame - jvmStart) + " first-frame-rendered="
                            + (rendered - jvmStart));
                    System.out.println("CPU_MS=" + (ManagementFactory.getOperatingSystemMXBean()
                            instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1_000_000 : -1));
                    System.out.flush();
                    Platform.exit();
                }
            }.start();
        }
    }
}
