package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.device.idcard.DemoCards;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13, price lookup on the real screen against the demo hospital's price list: pinyin initials on the kiosk's
 * own letter keys ("XCG" → 血常规), Chinese typed into the field from a keyboard, and English.
 */
@ExtendWith(ApplicationExtension.class)
class PriceLookupScreenTest extends OnDemoKiosk {

    void awaitCbc(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> KioskOnStage.onFx(
                () -> robot.lookup("#price-name-LAB-CBC").tryQuery().isPresent()));
        assertEquals(name, KioskOnStage.text(robot, "#price-name-LAB-CBC"));
        assertTrue(KioskOnStage.text(robot, "#price-amount-LAB-CBC").contains("25"),
                KioskOnStage.text(robot, "#price-amount-LAB-CBC"));
    }

    @Test
    void pinyinInitialsOnTheLetterKeysFindTheBloodCount(FxRobot robot) throws Exception {
        show(robot);
        NurseAssistedModeTest.click(robot, "#idle-prices");
        for (String key : new String[] {"X", "C", "G"}) {
            NurseAssistedModeTest.click(robot, "#price-key-" + key);
        }
        assertEquals("XCG", KioskOnStage.onFx(() ->
                ((javafx.scene.control.TextField) robot.lookup("#price-query").query()).getText()));
        awaitCbc(robot, "血常规");
        NurseAssistedModeTest.click(robot, "#price-key-delete");
        assertEquals("XC", KioskOnStage.onFx(() ->
                ((javafx.scene.control.TextField) robot.lookup("#price-query").query()).getText()));
        NurseAssistedModeTest.click(robot, "#price-key-clear");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> KioskOnStage.onFx(
                () -> robot.lookup("#price-name-LAB-CBC").tryQuery().isEmpty()));
    }

    @Test
    void chineseTypedOnAKeyboardFindsIt(FxRobot robot) throws Exception {
        show(robot);
        kiosk.insertCard(DemoCards.ZHANG_SANMING); // from home too
        NurseAssistedModeTest.click(robot, "#service-prices");
        NurseAssistedModeTest.click(robot, "#price-query");
        robot.write("血常规");
        awaitCbc(robot, "血常规");
    }

    @Test
    void englishFindsItInEnglish(FxRobot robot) throws Exception {
        show(robot);
        NurseAssistedModeTest.click(robot, "#language-switch");
        NurseAssistedModeTest.click(robot, "#idle-prices");
        NurseAssistedModeTest.click(robot, "#price-query");
        robot.write("blood");
        awaitCbc(robot, "Complete blood count (CBC)");
    }
}
