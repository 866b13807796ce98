package org.medkiosk.app;

import java.time.Clock;
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

    static void close(KioskWindow window, KioskAssembly kiosk) {
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> window.stop());
        kiosk.close();
    }
}
