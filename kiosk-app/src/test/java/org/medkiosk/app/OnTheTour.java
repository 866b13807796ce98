package org.medkiosk.app;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** A test that walks the {@link ScreenTour}: holds the TestFX stage and closes the tour's kiosk after each test. */
@ExtendWith(ApplicationExtension.class)
abstract class OnTheTour {
    Stage stage;
    ScreenTour tour;

    /**
     * TestFX's primary stage. Not a {@code @Start} method: ApplicationExtension only looks for one on the test class
     * itself, not on a superclass.
     */
    @BeforeEach
    void stage() throws java.util.concurrent.TimeoutException {
        this.stage = org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        if (tour != null) {
            tour.close();
        }
    }
}
