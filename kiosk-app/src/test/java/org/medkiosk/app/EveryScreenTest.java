package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Parent;
import org.junit.jupiter.api.Test;
import org.medkiosk.app.a11y.AccessibilityAudit;
import org.medkiosk.app.a11y.AccessibilityAudit.Targets;
import org.medkiosk.app.a11y.AccessibilityAudit.Violation;
import org.medkiosk.app.voice.Voice;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen of every journey (the {@link ScreenTour}: error, pending and notice screens included), in Chinese and
 * English, normal and large text, and high contrast: each is measured against JOURNEYS.md's accessibility table
 * (text size, touch targets and their spacing, contrast against the actual background, nothing truncated or
 * overlapping) and must have announced itself through the Voice port in the screen's language. The test lists every
 * violation with its screen and node, and passes with none.
 */
class EveryScreenTest extends OnTheTour {

    @Test
    void chinese(FxRobot robot) throws Exception {
        walk(robot, "zh", false, false, false);
    }

    @Test
    void english(FxRobot robot) throws Exception {
        walk(robot, "en", true, false, false);
    }

    @Test
    void chineseLargeText(FxRobot robot) throws Exception {
        walk(robot, "zh-large", false, true, false);
    }

    @Test
    void englishLargeText(FxRobot robot) throws Exception {
        walk(robot, "en-large", true, true, false);
    }

    @Test
    void englishLargeTextHighContrast(FxRobot robot) throws Exception {
        walk(robot, "en-large-contrast", true, true, true);
    }

    private void walk(FxRobot robot, String tag, boolean english, boolean large, boolean contrast) throws Exception {
        Heard voice = new Heard();
        tour = ScreenTour.start(stage, robot, voice);
        tour.choose(english, large, contrast);
        Targets targets = Targets.of(large, contrast);
        List<Violation> violations = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        int[] heardBefore = {0};
        tour.walk(screen -> {
            WaitForAsyncUtils.waitForFxEvents();
            String name = tag + "/" + screen;
            violations.addAll(KioskOnStage.onFx(() -> AccessibilityAudit.audit(name,
                    (Parent) tour.window.scene().lookup("#kiosk-root"), targets)));
            List<Heard.Said> said = KioskOnStage.onFx(() -> List.copyOf(voice.said));
            if (said.size() <= heardBefore[0]) {
                silent.add(name + ": said nothing");
            } else {
                Heard.Said last = said.get(said.size() - 1);
                if (!inLanguage(last.text(), english) || !last.language().getLanguage().equals(english ? "en" : "zh")) {
                    silent.add(name + ": said \"" + last.text() + "\" in " + last.language());
                }
            }
            heardBefore[0] = said.size();
        });
        assertTrue(violations.isEmpty(), violations.size() + " accessibility violations:\n" + AccessibilityAudit.report(violations));
        assertTrue(silent.isEmpty(), "screens that did not announce themselves in their language:\n" + String.join("\n", silent));
    }

    /** Chinese: mostly CJK characters; English: words of Latin letters and at most a masked name in CJK. */
    private static boolean inLanguage(String text, boolean english) {
        long cjk = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        long latin = text.codePoints().filter(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')).count();
        return english ? latin > 3 * cjk && latin >= 6 : cjk >= 2 && cjk * 2 >= latin;
    }

    /** A voice that writes down what it was asked to say, on the FX thread. */
    static final class Heard implements Voice {
        record Said(String text, Locale language) {
        }

        final List<Said> said = new ArrayList<>();

        @Override
        public void say(String text, Locale language) {
            said.add(new Said(text, language));
        }

        @Override
        public void hush() {
        }

        @Override
        public boolean audible() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
