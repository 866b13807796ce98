package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Shape;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.app.a11y.AccessibilityAudit;
import org.medkiosk.app.a11y.AccessibilityAudit.Targets;
import org.medkiosk.app.session.KioskScreen;
import org.medkiosk.app.viewmodel.GuideViewModel;
import org.medkiosk.journey.guide.AgeGroup;
import org.medkiosk.journey.guide.BodyRegion;
import org.medkiosk.journey.guide.GuideRules;
import org.medkiosk.journey.guide.GuideState;
import org.medkiosk.journey.guide.Symptom;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13, the guide's body outline on the real screens against the demo hospital: a tap on each drawn part of the
 * figure opens that region's symptoms (exactly those the default rules offer an adult there), in Chinese and English;
 * the chest on the figure, then a red flag, still reaches the emergency screen. The region step with the figure
 * passes the accessibility audit in large text and high contrast, and is written to target/body-outline-*.png to be
 * looked at.
 */
@ExtendWith(ApplicationExtension.class)
class BodyOutlineTest extends OnDemoKiosk {
    /** Each drawn part and the region it stands for (both arms are ARMS). */
    private static final Map<String, BodyRegion> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("head", BodyRegion.HEAD);
        PARTS.put("chest", BodyRegion.CHEST);
        PARTS.put("abdomen", BodyRegion.ABDOMEN);
        PARTS.put("arms", BodyRegion.ARMS);
        PARTS.put("arms-left", BodyRegion.ARMS);
        PARTS.put("legs", BodyRegion.LEGS);
        PARTS.put("back", BodyRegion.BACK);
    }

    private static final GuideRules RULES = GuideRules.loadDefault();

    /** From the lobby, as a visitor, to "where is the problem?" for an adult. */
    private void toRegions(FxRobot robot) throws Exception {
        tap(robot, "#idle-guide");
        tap(robot, "#guide-age-adult");
        NurseAssistedModeTest.waitFor(robot, "#guide-body-chest");
    }

    private GuideState state() {
        return KioskOnStage.onFx(() -> {
            KioskScreen.Guide guide = assertInstanceOf(KioskScreen.Guide.class, kiosk.viewModel().screen());
            GuideViewModel model = guide.model();
            return model.state();
        });
    }

    @Test
    void eachDrawnPartOpensItsRegionsSymptomsInChinese(FxRobot robot) throws Exception {
        showWithGuide(robot);
        everyPart(robot, false);
    }

    @Test
    void eachDrawnPartOpensItsRegionsSymptomsInEnglish(FxRobot robot) throws Exception {
        showWithGuide(robot);
        tap(robot, "#language-switch");
        everyPart(robot, true);
    }

    private void everyPart(FxRobot robot, boolean english) throws Exception {
        toRegions(robot);
        // the list stays: it is the accessible path, and the only way to SKIN and WHOLE_BODY
        for (BodyRegion r : BodyRegion.values()) {
            String id = "#guide-region-" + r.name().toLowerCase().replace('_', '-');
            assertTrue(KioskOnStage.onFx(() -> robot.lookup(id).tryQuery().isPresent()), id);
        }
        for (Map.Entry<String, BodyRegion> part : PARTS.entrySet()) {
            BodyRegion region = part.getValue();
            String partId = "#guide-body-" + part.getKey();
            String label = english ? RULES.regions().get(region).en() : RULES.regions().get(region).zh();
            assertEquals(label, KioskOnStage.onFx(() -> robot.lookup(partId).queryButton().getAccessibleText()),
                    partId + " tells a screen reader its region");
            tap(robot, partId);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> state() instanceof GuideState.ChooseSymptoms);
            GuideState.ChooseSymptoms symptoms = (GuideState.ChooseSymptoms) state();
            assertEquals(region, symptoms.region(), partId);
            List<String> offered = symptoms.offered().stream().map(Symptom::id).collect(Collectors.toList());
            List<String> expected = RULES.offered(AgeGroup.ADULT, region).stream().map(Symptom::id)
                    .collect(Collectors.toList());
            assertFalse(offered.isEmpty(), partId);
            assertEquals(expected.stream().sorted().collect(Collectors.toList()),
                    offered.stream().sorted().collect(Collectors.toList()),
                    partId + ": the symptoms the default rules offer an adult for " + region);
            for (Symptom s : symptoms.offered()) {
                assertTrue(s.regions().contains(region), s.id() + " belongs to " + region);
                String button = "#guide-symptom-" + s.id();
                String shown = KioskOnStage.onFx(() -> robot.lookup(button).queryButton().getText());
                String words = english ? s.text().en() : s.text().zh();
                assertTrue(shown.endsWith(words), button + " shows \"" + shown + "\", not \"" + words + "\"");
            }
            tap(robot, "#back-button");
            NurseAssistedModeTest.waitFor(robot, "#guide-body-chest");
            assertInstanceOf(GuideState.ChooseRegion.class, state());
        }
    }

    @Test
    void theChestOnTheFigureThenARedFlagReachesTheEmergencyScreen(FxRobot robot) throws Exception {
        showWithGuide(robot);
        toRegions(robot);
        tap(robot, "#guide-body-chest");
        tap(robot, "#guide-symptom-chest-pain");
        NurseAssistedModeTest.waitFor(robot, "#emergency-title");
        assertEquals("请立即前往急诊科", KioskOnStage.text(robot, "#emergency-title"));
        assertEquals("胸痛可能很严重。请立即前往急诊科。", KioskOnStage.text(robot, "#emergency-reason"));
    }

    @Test
    void aPartHighlightsUnderTheFinger(FxRobot robot) throws Exception {
        showWithGuide(robot);
        toRegions(robot);
        Paint resting = KioskOnStage.onFx(() -> shapeFill(robot, "#guide-body-head"));
        Node head = KioskOnStage.onFx(() -> robot.lookup("#guide-body-head").query());
        robot.moveTo(head);
        WaitForAsyncUtils.waitForFxEvents();
        Paint hovered = KioskOnStage.onFx(() -> shapeFill(robot, "#guide-body-head"));
        assertNotEquals(resting, hovered, "the head fills when a finger is on it");
        robot.press(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Paint pressed = KioskOnStage.onFx(() -> shapeFill(robot, "#guide-body-head"));
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
        assertNotEquals(resting, pressed, "the head fills while pressed");
        assertNotEquals(hovered, pressed, "pressed is not hover");
    }

    private static Paint shapeFill(FxRobot robot, String part) {
        Parent button = robot.lookup(part).query();
        return ((Shape) button.lookup(".body-shape")).getFill();
    }

    /**
     * The region step in each mode a patient can choose: no accessibility violation (the list and the figure fit the
     * panel side by side, each part a full-size touch target), and a picture of it to look at.
     */
    @Test
    void theRegionStepPassesTheAuditAndIsPhotographed(FxRobot robot) throws Exception {
        showWithGuide(robot);
        Path out = Path.of("target");
        Files.createDirectories(out);
        List<AccessibilityAudit.Violation> violations = new java.util.ArrayList<>();
        boolean[][] modes = {{false, false, false}, {true, false, false}, {false, true, false}, {true, true, false},
            {true, true, true}};
        for (boolean[] mode : modes) {
            boolean english = mode[0];
            boolean large = mode[1];
            boolean contrast = mode[2];
            String tag = (english ? "en" : "zh") + (large ? "-large" : "") + (contrast ? "-contrast" : "");
            // with the header's switches, as a patient chooses (each visit ends in the kiosk's defaults)
            if (english) {
                tap(robot, "#language-switch");
            }
            if (large) {
                tap(robot, "#large-text-switch");
            }
            if (contrast) {
                tap(robot, "#high-contrast-switch");
            }
            toRegions(robot);
            violations.addAll(KioskOnStage.onFx(() -> AccessibilityAudit.audit("body-outline/" + tag,
                    (Parent) kiosk.window().scene().lookup("#kiosk-root"), Targets.of(large, contrast))));
            // The whole step on the panel at once, Back and Home included: nothing to scroll to find.
            KioskOnStage.onFx(() -> {
                Node screen = kiosk.window().scene().lookup("#guide-screen");
                javafx.scene.control.ScrollPane scroll = null;
                for (Node p = screen.getParent(); p != null && scroll == null; p = p.getParent()) {
                    if (p instanceof javafx.scene.control.ScrollPane sp) {
                        scroll = sp;
                    }
                }
                double content = scroll.getContent().getLayoutBounds().getHeight();
                double view = scroll.getViewportBounds().getHeight();
                assertTrue(content <= view + 0.5, tag + ": the region step is " + content + " px high, the panel shows "
                        + view + " px");
                Parent root = (Parent) kiosk.window().scene().lookup("#kiosk-root");
                Node list = root.lookup("#guide-region-whole-body");
                Node figure = root.lookup("#guide-body-outline");
                Bounds l = root.sceneToLocal(list.localToScene(list.getLayoutBounds()));
                Bounds f = root.sceneToLocal(figure.localToScene(figure.getLayoutBounds()));
                assertTrue(f.getMaxX() + 16 <= l.getMinX(), tag + ": the figure is beside the list, not over it");
                // What is drawn is what can be tapped: every shape of a part lies inside its button's hit area.
                for (Node part : root.lookupAll(".body-part")) {
                    Bounds hit = part.getLayoutBounds();
                    for (Node shape : part.lookupAll(".body-shape")) {
                        Bounds drawn = part.sceneToLocal(shape.localToScene(shape.getBoundsInLocal()));
                        assertTrue(drawn.getMinX() >= hit.getMinX() - 0.5 && drawn.getMaxX() <= hit.getMaxX() + 0.5
                                && drawn.getMinY() >= hit.getMinY() - 0.5 && drawn.getMaxY() <= hit.getMaxY() + 0.5,
                                tag + ": " + part.getId() + " draws " + drawn + " outside its hit area " + hit);
                    }
                }
                return null;
            });
            WritableImage image = KioskOnStage.onFx(() -> kiosk.window().scene().snapshot(null));
            BufferedImage png = SwingFXUtils.fromFXImage(image, null);
            ImageIO.write(png, "png", out.resolve("body-outline-" + tag + ".png").toFile());
            tap(robot, "#home-button");
            NurseAssistedModeTest.waitFor(robot, "#idle-screen");
        }
        assertTrue(violations.isEmpty(), violations.size() + " accessibility violations:\n"
                + AccessibilityAudit.report(violations));
    }
}
