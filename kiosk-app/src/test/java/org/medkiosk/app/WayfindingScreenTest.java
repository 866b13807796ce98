package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.app.voice.Voice;
import org.medkiosk.device.idcard.DemoCards;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 13, wayfinding: after check-in the done screen says the floor and room of the ticket's consulting room and
 * shows a floor map (the drawn schematic: the demo configures no images) with the destination marked.
 */
@ExtendWith(ApplicationExtension.class)
class WayfindingScreenTest {
    DemoKiosk kiosk;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    @Test
    void afterCheckInTheFloorRoomAndAMarkedMapShow(FxRobot robot) throws Exception {
        robot.interact(() -> kiosk = DemoKiosk.show(stage, Duration.ofSeconds(600), Duration.ofSeconds(10), Voice.SILENT));
        kiosk.awaitReady();
        NurseAssistedModeTest.waitFor(robot, "#idle-screen");
        kiosk.insertCard(DemoCards.ZHANG_SANMING);
        NurseAssistedModeTest.click(robot, "#task-card");
        NurseAssistedModeTest.waitFor(robot, "#checked-in-title");
        NurseAssistedModeTest.waitFor(robot, "#wayfinding-place");
        String where = KioskOnStage.text(robot, "#wayfinding-place");
        String room = KioskOnStage.text(robot, "#floor-map-room");
        assertTrue(where.startsWith("请前往：") && where.matches(".*\\dF.*") && where.contains(room), where + " / " + room);
        assertTrue(KioskOnStage.text(robot, "#queue-room").contains(room), KioskOnStage.text(robot, "#queue-room"));
        NurseAssistedModeTest.waitFor(robot, "#floor-map-schematic");
        Circle marker = KioskOnStage.onFx(() -> (Circle) robot.lookup("#floor-map-marker").query());
        assertTrue(KioskOnStage.onFx(marker::isVisible));
        assertTrue(KioskOnStage.onFx(() -> marker.getCenterX() > 0 && marker.getCenterY() > 0));
        assertTrue(KioskOnStage.text(robot, "#floor-map-caption").contains("示意图"));
        assertEquals(1, KioskOnStage.onFx(() -> robot.lookup("#floor-map").queryAll().size()));
    }
}
