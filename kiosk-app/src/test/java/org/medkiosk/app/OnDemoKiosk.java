package org.medkiosk.app;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.app.voice.Voice;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A TestFX test of the demo kiosk in a real window: the stage TestFX gives, the {@link DemoKiosk} a test shows on it
 * (a long session, so no test times out on the inactivity timer), closed after each test.
 */
@ExtendWith(ApplicationExtension.class)
abstract class OnDemoKiosk {
    DemoKiosk kiosk;
    Stage stage;

    /** TestFX's primary stage (its extension looks for {@code @Start} only in the test class itself, not here). */
    @BeforeEach
    void primaryStage() {
        this.stage = FxToolkit.toolkitContext().getRegisteredStage();
    }

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    /** The demo kiosk on the stage, at its idle screen. */
    void show(FxRobot robot) throws Exception {
        robot.interact(() -> kiosk = DemoKiosk.show(stage, Duration.ofSeconds(600), Duration.ofSeconds(10), Voice.SILENT));
        kiosk.awaitReady();
        NurseAssistedModeTest.waitFor(robot, "#idle-screen");
    }

    /** The same, once the department guide opens: its rules passed the check against the demo hospital's departments. */
    void showWithGuide(FxRobot robot) throws Exception {
        show(robot);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> KioskOnStage.onFx(
                () -> kiosk.viewModel().guideAvailableProperty().get()));
    }

    /** Scrolls a long screen (large text) so the node is in view, as the patient's finger would, then taps it. */
    static void tap(FxRobot robot, String query) throws Exception {
        NurseAssistedModeTest.waitFor(robot, query);
        KioskOnStage.reveal(robot, query);
        NurseAssistedModeTest.click(robot, query);
    }
}
