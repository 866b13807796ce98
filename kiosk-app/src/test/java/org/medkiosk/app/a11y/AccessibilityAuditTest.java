package org.medkiosk.app.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.app.a11y.AccessibilityAudit.Rule;
import org.medkiosk.app.a11y.AccessibilityAudit.Targets;
import org.medkiosk.app.a11y.AccessibilityAudit.Violation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The audit checker itself: small scenes that each break one rule once, and one that breaks none. Each assertion
 * names the exact rules found, so the checker is shown to fail where it should and not to over-report.
 */
@ExtendWith(ApplicationExtension.class)
class AccessibilityAuditTest {
    private static final String DARK = "#1d2a33";

    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.show();
    }

    @Test
    void textBelow28PxFailsNormal(FxRobot robot) {
        List<Violation> found = audit(robot, "small-text", screen(label("Twenty pixels", 20)), Targets.NORMAL);
        assertRules(EnumSet.of(Rule.TEXT_SIZE), found);
        assertEquals(1, found.size(), AccessibilityAudit.report(found));
        assertEquals(20, found.get(0).measured(), 0.01);
        assertEquals(28, found.get(0).required(), 0.01);
        assertTrue(found.get(0).node().contains("Label") && found.get(0).node().contains("\"Twenty pixels\""),
                found.get(0).node());
        assertTrue(AccessibilityAudit.report(found).startsWith("[small-text] text-size: Label"), AccessibilityAudit.report(found));
    }

    @Test
    void text30PxPassesNormalButFailsLarge(FxRobot robot) {
        Parent root = screen(label("Thirty pixels", 30));
        assertRules(EnumSet.noneOf(Rule.class), audit(robot, "thirty", root, Targets.NORMAL));
        List<Violation> large = onFx(() -> AccessibilityAudit.audit("thirty", root, Targets.LARGE));
        assertRules(EnumSet.of(Rule.TEXT_SIZE), large);
        assertEquals(1, large.size(), AccessibilityAudit.report(large));
        assertEquals(40, large.get(0).required(), 0.01);
    }

    @Test
    void labelCutToAnEllipsisIsTruncated(FxRobot robot) {
        Label cut = label("A label far too long for its narrow maximum width", 30);
        cut.setMaxWidth(200);
        List<Violation> found = audit(robot, "truncated", screen(cut), Targets.NORMAL);
        assertRules(EnumSet.of(Rule.TRUNCATED), found);
        assertEquals(1, found.size(), AccessibilityAudit.report(found));
        assertTrue(found.get(0).detail().contains(cut.getEllipsisString() + "\" of \"A label far too long"),
                found.get(0).detail());
        assertTrue(found.get(0).measured() > 100, "most of the text is hidden: " + found.get(0));
    }

    @Test
    void plainTextPastTheRightEdgeIsTruncated(FxRobot robot) {
        Text past = new Text("runs off the right edge of the screen");
        past.setFont(Font.font(30));
        past.relocate(300, 40);
        Pane root = pane(400, 200, past);
        List<Violation> found = audit(robot, "off-screen", root, 400, 200, Targets.NORMAL);
        assertRules(EnumSet.of(Rule.TRUNCATED), found);
        assertEquals(1, found.size(), AccessibilityAudit.report(found));
    }

    @Test
    void overlappingLabelsOverlap(FxRobot robot) {
        Label first = label("First label", 30);
        Label second = label("Second label", 30);
        first.relocate(20, 20);
        second.relocate(40, 30);
        List<Violation> found = audit(robot, "overlap", pane(600, 400, first, second), 600, 400, Targets.NORMAL);
        assertRules(EnumSet.of(Rule.OVERLAP), found);
        assertEquals(1, found.size(), "one pair, reported once: " + AccessibilityAudit.report(found));
        assertTrue(found.get(0).node().contains("First label") && found.get(0).detail().contains("Second label"),
                found.get(0).toString());
    }

    @Test
    void a50PxButtonIsTooSmall(FxRobot robot) {
        Button small = button("+", 50, 50, 30);
        List<Violation> found = audit(robot, "small-button", screen(small), Targets.NORMAL);
        assertRules(EnumSet.of(Rule.TARGET_SIZE), found);
        assertEquals(1, found.size(), AccessibilityAudit.report(found));
        assertEquals(50, found.get(0).measured(), 0.01);
        assertEquals(72, found.get(0).required(), 0.01);
    }

    @Test
    void aClickableRegionIsATargetToo(FxRobot robot) {
        Region dot = new Region();
        dot.setStyle("-fx-background-color: #0b6e99;");
        dot.setMinSize(40, 40);
        dot.setMaxSize(40, 40);
        dot.setOnMouseClicked(e -> { });
        List<Violation> found = audit(robot, "clickable-region", screen(label("Tap the dot", 30), dot), Targets.NORMAL);
        assertRules(EnumSet.of(Rule.TARGET_SIZE), found);
        assertEquals(1, found.size(), AccessibilityAudit.report(found));
        assertTrue(found.get(0).node().startsWith("Region"), found.get(0).node());
    }

    @Test
    void buttons4PxApartAreTooClose(FxRobot robot) {
        HBox row = new HBox(4, button("Yes", 100, 100), button("No", 100, 100));
        List<Violation> found = audit(robot, "close-buttons", screen(row), Targets.LARGE);
        assertRules(EnumSet.of(Rule.TARGET_SPACING), found);
        assertEquals(1, found.size(), "one pair, reported once: " + AccessibilityAudit.report(found));
        assertEquals(4, found.get(0).measured(), 0.01);
        assertEquals(16, found.get(0).required(), 0.01);
    }

    @Test
    void grey999OnWhiteFailsContrast(FxRobot robot) {
        List<Violation> found = audit(robot, "grey", screen(label("Light grey words", 30, "#999999")), Targets.NORMAL);
        assertRules(EnumSet.of(Rule.CONTRAST), found);
        assertEquals(1, found.size(), AccessibilityAudit.report(found));
        assertEquals(2.85, found.get(0).measured(), 0.01);
        assertTrue(found.get(0).detail().contains("#999999 on #ffffff"), found.get(0).detail());
    }

    @Test
    void contrastEdgesAt4Point5And7(FxRobot robot) {
        Parent dark = screen(label("Dark grey words", 30, "#595959"));
        assertRules(EnumSet.noneOf(Rule.class), audit(robot, "595959", dark, Targets.NORMAL));
        assertRules(EnumSet.noneOf(Rule.class), onFx(() -> AccessibilityAudit.audit("595959", dark, Targets.HIGH_CONTRAST)));

        Parent mid = screen(label("Mid grey words", 30, "#767676"));
        assertRules(EnumSet.noneOf(Rule.class), audit(robot, "767676", mid, Targets.NORMAL));
        List<Violation> high = onFx(() -> AccessibilityAudit.audit("767676", mid, Targets.NORMAL.withContrast(7.0)));
        assertRules(EnumSet.of(Rule.CONTRAST), high);
        assertEquals(1, high.size(), AccessibilityAudit.report(high));
        assertEquals(4.54, high.get(0).measured(), 0.01);
        assertEquals(7.0, high.get(0).required(), 0.0);
    }

    @Test
    void disabledGroupOpacityIsCompositedAsAGroup(FxRobot robot) {
        // A disabled "button" (primary colour, white words) faded by opacity 0.55, as a flat style would do it.
        Label words = label("Not available", 30, "white");
        VBox faded = new VBox(words);
        faded.setStyle("-fx-background-color: #0b6e99; -fx-padding: 20;");
        faded.setOpacity(0.55);
        faded.setDisable(true);
        Parent root = screen(faded);
        List<Violation> found = audit(robot, "disabled", root, Targets.NORMAL);
        double labelOpacity = onFx(words::getOpacity);
        assertEquals(0.4, labelOpacity, 1e-9, "modena's .label:disabled fades the label itself too");

        // By hand, per channel (0–255), white page W = 255, group background C = #0b6e99 = (11, 110, 153):
        //   background = 0.55·C + 0.45·W                       = (120.80, 175.25, 198.90)
        //   text       = 0.55·(0.4·W + 0.6·C) + 0.45·W          = (174.48, 207.15, 221.34)
        // (multiplying alphas instead would give text 0.22·W + 0.78·background = (150.3, 192.8, 211.2), ratio 1.24).
        double[] background = {0.55 * 11 + 0.45 * 255, 0.55 * 110 + 0.45 * 255, 0.55 * 153 + 0.45 * 255};
        double[] text = new double[3];
        int[] c = {11, 110, 153};
        for (int i = 0; i < 3; i++) {
            text[i] = 0.55 * (0.4 * 255 + 0.6 * c[i]) + 0.45 * 255;
        }
        double expected = wcagRatio(text, background);
        assertEquals(1.457, expected, 0.001);

        assertRules(EnumSet.of(Rule.CONTRAST), found);
        assertEquals(1, found.size(), "disabled controls are still read, so still checked: " + AccessibilityAudit.report(found));
        assertEquals(expected, found.get(0).measured(), 0.005, found.get(0).toString());
        assertTrue(found.get(0).detail().contains("#aecfdd (fill #ffffff) on #79afc7"), found.get(0).detail());
    }

    @Test
    void textScrolledUnderTheHeaderIsClippedNotOverlapping(FxRobot robot) {
        Label header = label("Screen header", 30);
        VBox rows = new VBox();
        for (int i = 0; i < 30; i++) {
            rows.getChildren().add(label("Row " + i, 30));
        }
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefHeight(300);
        VBox root = new VBox(header, scroll);
        root.setStyle("-fx-background-color: white;");
        show(robot, root, 600, 400);
        robot.interact(() -> scroll.setVvalue(1.0));
        WaitForAsyncUtils.waitForFxEvents();

        boolean underHeader = onFx(() -> {
            Bounds h = root.sceneToLocal(header.localToScene(header.getLayoutBounds()));
            return rows.getChildren().stream().anyMatch(row -> {
                Bounds r = root.sceneToLocal(row.localToScene(row.getLayoutBounds()));
                return Math.min(r.getMaxX(), h.getMaxX()) - Math.max(r.getMinX(), h.getMinX()) > 2
                        && Math.min(r.getMaxY(), h.getMaxY()) - Math.max(r.getMinY(), h.getMinY()) > 2;
            });
        });
        assertTrue(underHeader, "premise: a scrolled-out row lies under the header");
        List<Violation> found = onFx(() -> AccessibilityAudit.audit("scrolled", root, Targets.NORMAL));
        assertRules(EnumSet.noneOf(Rule.class), found);
    }

    /** A text field's text sits inside a clip of its own: scrolled out of the viewport, it is out all the same. */
    @Test
    void aTextFieldScrolledUnderTheHeaderIsNotOverlapping(FxRobot robot) {
        Label header = label("Screen header", 30);
        javafx.scene.control.TextField field = new javafx.scene.control.TextField("Words typed into the field");
        field.setStyle("-fx-font-size: 30px;");
        VBox rows = new VBox(field);
        for (int i = 0; i < 30; i++) {
            rows.getChildren().add(label("Row " + i, 30));
        }
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefHeight(300);
        VBox root = new VBox(header, scroll);
        root.setStyle("-fx-background-color: white;");
        show(robot, root, 600, 400);
        // scrolled just past the field: it lies wholly above the viewport, in the header's rows
        robot.interact(() -> scroll.setVvalue((field.getHeight() + 10)
                / (rows.getHeight() - scroll.getViewportBounds().getHeight())));
        WaitForAsyncUtils.waitForFxEvents();
        boolean underHeader = onFx(() -> {
            Bounds h = root.sceneToLocal(header.localToScene(header.getLayoutBounds()));
            Bounds f = root.sceneToLocal(field.localToScene(field.getLayoutBounds()));
            return f.getMaxY() <= root.sceneToLocal(scroll.localToScene(scroll.getLayoutBounds())).getMinY()
                    && Math.min(f.getMaxY(), h.getMaxY()) - Math.max(f.getMinY(), h.getMinY()) > 2;
        });
        assertTrue(underHeader, "premise: the field is scrolled out, under the header");
        List<Violation> found = onFx(() -> AccessibilityAudit.audit("scrolled field", root, Targets.NORMAL));
        assertRules(EnumSet.noneOf(Rule.class), found);
    }

    @Test
    void textScrolledOutOfViewIsStillChecked(FxRobot robot) {
        VBox rows = new VBox(label("Small print at the top", 20), label("Cut at the top, far too long to fit", 30));
        ((Label) rows.getChildren().get(1)).setMaxWidth(200);
        for (int i = 0; i < 30; i++) {
            rows.getChildren().add(label("Row " + i, 30));
        }
        rows.getChildren().add(label("Pale words at the bottom", 30, "#999999"));
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefHeight(300);
        VBox root = screen(scroll);
        show(robot, root, 600, 400);
        robot.interact(() -> scroll.setVvalue(0.5));
        WaitForAsyncUtils.waitForFxEvents();
        List<Violation> found = onFx(() -> AccessibilityAudit.audit("scrolled", root, Targets.NORMAL));
        assertRules(EnumSet.of(Rule.TEXT_SIZE, Rule.TRUNCATED, Rule.CONTRAST), found);
        assertEquals(3, found.size(), AccessibilityAudit.report(found));
        assertTrue(found.get(0).node().contains("Small print"), found.get(0).node());
        assertTrue(found.get(1).node().contains("Cut at the top"), found.get(1).node());
        assertTrue(found.get(2).node().contains("Pale words"), found.get(2).node());
        // Measured as if scrolled into view: against the viewport's modena background (#f4f4f4), not the white page.
        assertTrue(found.get(2).detail().contains("#999999 on #f4f4f4"), found.get(2).detail());
        assertEquals(2.59, found.get(2).measured(), 0.01);
    }

    @Test
    void aCleanScreenHasNoViolationsInEitherMode(FxRobot robot) {
        Label title = label("Check in for your appointment", 48);
        Label body = label("Scan the code on your booking slip, or type your ID number below. "
                + "The kiosk prints a queue ticket.", 40);
        body.setWrapText(true);
        TextField id = new TextField("110101199003070000");
        id.setStyle("-fx-font-size: 40px;");
        HBox actions = new HBox(24, button("Check in", 260, 110), button("Back", 200, 110));
        Label hint = label("Ask at the service desk if you need help", 40, "#3c5666");
        hint.setWrapText(true);
        VBox root = screen(title, body, id, actions, hint);
        List<Violation> normal = audit(robot, "clean", root, 1000, 900, Targets.NORMAL);
        assertRules(EnumSet.noneOf(Rule.class), normal);
        assertRules(EnumSet.noneOf(Rule.class), onFx(() -> AccessibilityAudit.audit("clean", root, Targets.LARGE)));
        assertEquals("no accessibility violations", AccessibilityAudit.report(normal));
    }

    @Test
    void theAuditRefusesToRunOffTheFxThread(FxRobot robot) {
        Parent root = screen(label("Thirty pixels", 30));
        show(robot, root, 600, 400);
        assertThrows(IllegalStateException.class, () -> AccessibilityAudit.audit("off-thread", root, Targets.NORMAL));
    }

    // ---- helpers ----

    private List<Violation> audit(FxRobot robot, String name, Parent root, Targets targets) {
        return audit(robot, name, root, 600, 400, targets);
    }

    private List<Violation> audit(FxRobot robot, String name, Parent root, double width, double height, Targets targets) {
        show(robot, root, width, height);
        return onFx(() -> AccessibilityAudit.audit(name, root, targets));
    }

    private void show(FxRobot robot, Parent root, double width, double height) {
        robot.interact(() -> {
            stage.setScene(new Scene(root, width, height));
            stage.sizeToScene();
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> check) {
        try {
            return WaitForAsyncUtils.asyncFx(check).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the check failed on the FX thread", e.getCause() == null ? e : e.getCause());
        }
    }

    private static void assertRules(Set<Rule> expected, List<Violation> found) {
        Set<Rule> rules = found.stream().map(Violation::rule).collect(Collectors.toCollection(() -> EnumSet.noneOf(Rule.class)));
        assertEquals(expected, rules, AccessibilityAudit.report(found));
    }

    /** A white screen laying its children out top to bottom. */
    private static VBox screen(Node... children) {
        VBox root = new VBox(24, children);
        root.setStyle("-fx-background-color: white; -fx-padding: 24;");
        return root;
    }

    private static Pane pane(double width, double height, Node... children) {
        Pane root = new Pane(children);
        root.setStyle("-fx-background-color: white;");
        root.setPrefSize(width, height);
        return root;
    }

    private static Label label(String text, double px) {
        return label(text, px, DARK);
    }

    private static Label label(String text, double px, String colour) {
        Label label = new Label(text);
        label.setStyle("-fx-font-size: " + px + "px; -fx-text-fill: " + colour + ";");
        return label;
    }

    /** A flat kiosk-style button (primary colour, white words: 5.7:1) of a fixed size. */
    private static Button button(String text, double width, double height) {
        return button(text, width, height, 40);
    }

    private static Button button(String text, double width, double height, double fontPx) {
        Button button = new Button(text);
        button.setStyle("-fx-font-size: " + fontPx + "px; -fx-padding: 0; -fx-background-color: #0b6e99; -fx-text-fill: white;");
        button.setMinSize(width, height);
        button.setPrefSize(width, height);
        button.setMaxSize(width, height);
        return button;
    }

    /** WCAG 2.x contrast of two sRGB pixels given as 0–255 channels, written out here independently of the audit. */
    private static double wcagRatio(double[] a, double[] b) {
        double la = relativeLuminance(a);
        double lb = relativeLuminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double relativeLuminance(double[] rgb) {
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = rgb[i] / 255;
            linear[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }
}
