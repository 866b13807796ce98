package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.app.session.KioskScreen;
import org.medkiosk.app.viewmodel.RegistrationViewModel;
import org.medkiosk.device.idcard.DemoCards;
import org.medkiosk.journey.register.RegistrationState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13, the department guide on the real screens against the demo hospital: a red flag reaches the emergency
 * screen, with the emergency department's place, in one tap from its symptom list (Chinese and English, for a
 * visitor from the lobby); an ordinary symptom leads to suggestions with today's numbers left and, for an identified
 * patient, one tap into registration at that department.
 */
@ExtendWith(ApplicationExtension.class)
class GuideScreensTest extends OnDemoKiosk {

    static void click(FxRobot robot, String query) throws Exception {
        NurseAssistedModeTest.click(robot, query);
    }

    static String text(FxRobot robot, String query) {
        return KioskOnStage.text(robot, query);
    }

    /** From the lobby to the chest's symptom list; the red flags come first. */
    void toChestSymptoms(FxRobot robot, String openWith) throws Exception {
        click(robot, openWith);
        click(robot, "#guide-age-adult");
        click(robot, "#guide-region-chest");
        NurseAssistedModeTest.waitFor(robot, "#guide-symptom-chest-pain");
        int redFlag = KioskOnStage.onFx(() -> indexOf(robot, "#guide-symptom-chest-pain"));
        int ordinary = KioskOnStage.onFx(() -> indexOf(robot, "#guide-symptom-cough"));
        assertTrue(redFlag < ordinary, "red flags are listed first");
    }

    /** Position on screen, top to bottom. */
    private static int indexOf(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        return (int) n.localToScene(n.getBoundsInLocal()).getMinY();
    }

    @Test
    void aRedFlagGoesToTheEmergencyScreenInOneTapInChinese(FxRobot robot) throws Exception {
        showWithGuide(robot);
        toChestSymptoms(robot, "#idle-guide");
        assertTrue(KioskOnStage.onFx(() -> kiosk.viewModel().patient().isEmpty()), "a visitor, not identified");
        click(robot, "#guide-symptom-chest-pain");
        NurseAssistedModeTest.waitFor(robot, "#emergency-title");
        assertEquals("请立即前往急诊科", text(robot, "#emergency-title"));
        assertEquals("胸痛可能很严重。请立即前往急诊科。", text(robot, "#emergency-reason"));
        String place = text(robot, "#emergency-place");
        assertTrue(place.contains("1F") || place.contains("1"), place);
        NurseAssistedModeTest.waitFor(robot, "#floor-map-marker");
        assertFalse(KioskOnStage.onFx(() -> robot.lookup("#guide-suggest").tryQuery().isPresent()),
                "nothing else is asked on the emergency screen");
        // the visitor's way back is the lobby, with nothing kept
        click(robot, "#home-button");
        NurseAssistedModeTest.waitFor(robot, "#idle-screen");
    }

    @Test
    void aRedFlagGoesToTheEmergencyScreenInOneTapInEnglish(FxRobot robot) throws Exception {
        showWithGuide(robot);
        click(robot, "#language-switch");
        toChestSymptoms(robot, "#idle-guide");
        click(robot, "#guide-symptom-chest-pain");
        NurseAssistedModeTest.waitFor(robot, "#emergency-title");
        assertEquals("Go to the emergency department now", text(robot, "#emergency-title"));
        assertEquals("Chest pain can be serious. Go to the emergency department now.", text(robot, "#emergency-reason"));
        assertTrue(text(robot, "#emergency-place").contains("1F"), text(robot, "#emergency-place"));
    }

    @Test
    void anOrdinarySymptomLeadsToSuggestionsAndIntoRegistrationThere(FxRobot robot) throws Exception {
        showWithGuide(robot);
        kiosk.insertCard(DemoCards.ZHANG_SANMING);
        NurseAssistedModeTest.waitFor(robot, "#greeting");
        toChestSymptoms(robot, "#service-guide");
        click(robot, "#guide-symptom-cough");
        click(robot, "#guide-suggest");
        NurseAssistedModeTest.waitFor(robot, "#guide-suggestion-dept-im");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> text(robot, "#guide-left-dept-im").matches("今日余号：\\d+"));
        click(robot, "#guide-register-dept-im");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() ->
                kiosk.viewModel().screen() instanceof KioskScreen.InJourney j
                        && j.model() instanceof RegistrationViewModel r
                        && r.state() instanceof RegistrationState.Doctors));
        RegistrationState.Doctors doctors = KioskOnStage.onFx(() -> assertInstanceOf(RegistrationState.Doctors.class,
                ((KioskScreen.InJourney) kiosk.viewModel().screen()).model().state()));
        assertEquals("dept-im", doctors.department().id());
    }

    @Test
    void aVisitorIsToldToIdentifyToRegister(FxRobot robot) throws Exception {
        showWithGuide(robot);
        toChestSymptoms(robot, "#idle-guide");
        click(robot, "#guide-symptom-cough");
        click(robot, "#guide-suggest");
        NurseAssistedModeTest.waitFor(robot, "#guide-identify-dept-im");
        assertFalse(KioskOnStage.onFx(() -> robot.lookup("#guide-register-dept-im").tryQuery().isPresent()));
    }
}
