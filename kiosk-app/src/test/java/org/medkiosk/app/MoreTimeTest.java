package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import org.junit.jupiter.api.Test;
import org.medkiosk.app.a11y.AccessibilityAudit;
import org.medkiosk.app.a11y.AccessibilityAudit.Targets;
import org.medkiosk.device.idcard.DemoCards;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The countdown offers one tap to keep the session (JOURNEYS.md: no time pressure where it is not essential): the
 * banner and its button pass the accessibility audit in large text, it is said aloud, and the tap keeps the patient.
 */
class MoreTimeTest extends OnTheTour {

    @Test
    void oneTapOnMoreTimeKeepsTheSession(FxRobot robot) throws Exception {
        EveryScreenTest.Heard voice = new EveryScreenTest.Heard();
        tour = ScreenTour.start(stage, robot, voice, Duration.ofSeconds(20), Duration.ofSeconds(15));
        tour.choose(true, true, false);
        tour.kiosk.devices().idCardSimulator().orElseThrow().insert(DemoCards.ZHANG_SANMING);
        tour.waitFor("#greeting");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> KioskOnStage.onFx(() -> robot.lookup("#countdown-banner").query().isVisible()));
        WaitForAsyncUtils.waitForFxEvents();
        List<AccessibilityAudit.Violation> violations = KioskOnStage.onFx(() -> AccessibilityAudit.audit("countdown",
                (Parent) tour.window.scene().lookup("#kiosk-root"), Targets.LARGE));
        assertTrue(violations.isEmpty(), AccessibilityAudit.report(violations));
        assertTrue(KioskOnStage.onFx(() -> voice.said.get(voice.said.size() - 1).text()).contains("More time"),
                "the countdown is said aloud with its way out");

        tour.click("#more-time-button");
        assertFalse(KioskOnStage.onFx(() -> robot.lookup("#countdown-banner").query().isVisible()));
        assertTrue(tour.kiosk.viewModel().sessionOpen());
        assertEquals("Hello, 张*明", KioskOnStage.text(robot, "#greeting"), "the patient is still there");
    }
}
