package org.medkiosk.app;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A test that walks the {@link ScreenTour}: holds the TestFX stage and closes the tour's kiosk after each test. */
@ExtendWith(ApplicationExtension.class)
abstract class OnTheTour {
    Stage stage;
    ScreenTour tour;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (tour != null) {
            tour.close();
        }
    }
}
