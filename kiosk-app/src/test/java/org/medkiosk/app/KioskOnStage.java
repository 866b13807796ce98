package org.medkiosk.app;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.ui.KioskWindow;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The demo kiosk's portrait window on a TestFX stage, started and stopped as KioskApplication does. */
public final class KioskOnStage {
    private KioskOnStage() {
    }

    /** Shows the window, then starts what runs after the idle screen (demo hospital, journal, devices). */
    static KioskWindow show(Stage stage, KioskAssembly kiosk, KioskConfig config) {
        KioskWindow window = KioskWindow.create(kiosk.viewModel(), config, Clock.systemDefaultZone(), true, true);
        stage.setScene(window.scene());
        stage.show();
        kiosk.startInBackground();
        return window;
    }

    /**
     * Evaluates a scene-graph check on the FX thread. Looking nodes up from the test thread while the FX thread
     * replaces a screen's children races (an IndexOutOfBoundsException inside Parent.lookupAll, seen in CI).
     */
    public static <T> T onFx(Callable<T> check) {
        try {
            return WaitForAsyncUtils.asyncFx(check).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the scene", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a scene check failed on the FX thread", e.getCause() == null ? e : e.getCause());
        }
    }

    /** The text of the labeled node the query finds, read on the FX thread. */
    /** Scrolls the screen's scroll pane so the node is in view (a long screen in large text), as a finger would. */
    static void reveal(FxRobot robot, String query) {
        onFx(() -> {
            javafx.scene.Node n = robot.lookup(query).query();
            for (javafx.scene.Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                    double content = sp.getContent().getLayoutBounds().getHeight();
                    double view = sp.getViewportBounds().getHeight();
                    double y = sp.getContent().sceneToLocal(n.localToScene(n.getLayoutBounds())).getMinY();
                    if (content > view) {
                        sp.setVvalue(Math.max(0, Math.min(1, (y - 20) / (content - view))));
                    }
                    break;
                }
            }
            return null;
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryLabeled().getText());
    }

    static void close(KioskWindow window, KioskAssembly kiosk) {
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> window.stop());
        kiosk.close();
    }
}
