package org.medkiosk.app;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.ui.KioskWindow;
import org.testfx.util.WaitForAsyncUtils;

/** The demo kiosk's portrait window on a TestFX stage, started and stopped as KioskApplication does. */
final class KioskOnStage {
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
    static boolean onFx(Callable<Boolean> check) {
        try {
            return WaitForAsyncUtils.asyncFx(check).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a scene check failed on the FX thread", e.getCause() == null ? e : e.getCause());
        }
    }

    static void close(KioskWindow window, KioskAssembly kiosk) {
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> window.stop());
        kiosk.close();
    }
}
