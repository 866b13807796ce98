package org.medkiosk.app.ui;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Line;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.Shape;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.journey.guide.BodyRegion;

/**
 * The guide's "where it hurts" drawing (issue 13): a front-view figure whose head, chest, belly, arms and legs are
 * buttons, and under it a small figure seen from behind for the back. A tap on a part does what the region's list
 * button does; the list stays beside the figure as the path for screen readers and for SKIN and WHOLE_BODY, which
 * have no one place on a drawing.
 *
 * <p>Each part is a {@link Button} so the accessibility audit measures it as a touch target: its transparent hit area
 * is a rectangle of at least the large-text minimum (100 px) in both modes, and neighbouring hit areas are
 * {@link JourneyView#TARGET_GAP} apart. The drawn shapes fill their hit areas up to those gaps, which is why the figure
 * is drawn in segments (like a body map), not as one silhouette. Sizes are fixed design pixels: the figure is a
 * drawing, and 404 × 670 leaves the list beside it enough room for large text.
 */
final class BodyOutline extends VBox {
    static final double WIDTH = 404;
    private static final double GAP = JourneyView.TARGET_GAP;

    // Hit areas of the front view, in the figure's coordinates: a torso column with the arms either side of it.
    private static final double ARM_W = 100;
    private static final double TORSO_X = ARM_W + GAP;
    private static final double TORSO_W = WIDTH - 2 * TORSO_X;
    private static final double HEAD_W = 120;
    private static final double HEAD_H = 120;
    private static final double CHEST_Y = HEAD_H + GAP;
    private static final double CHEST_H = 124;
    private static final double BELLY_Y = CHEST_Y + CHEST_H + GAP;
    private static final double BELLY_H = 116;
    private static final double LEGS_Y = BELLY_Y + BELLY_H + GAP;
    private static final double LEGS_H = 250;
    /** The arms hang beside the legs to mid-thigh: the legs' hit area is a gap to the side, not below. */
    private static final double ARM_H = 300;
    static final double FRONT_HEIGHT = LEGS_Y + LEGS_H;

    BodyOutline(Map<BodyRegion, LocalizedText> labels, Consumer<BodyRegion> choose) {
        super(GAP);
        setId("guide-body-outline");
        getStyleClass().add("body-outline");
        setAlignment(Pos.TOP_CENTER);
        setMinSize(WIDTH, USE_PREF_SIZE);
        setPrefWidth(WIDTH);
        setMaxSize(WIDTH, USE_PREF_SIZE);
        // A drawing says nothing to a screen reader by itself: say what it is and what a tap does.
        accessibleTextProperty().bind(I18n.bind("guide.body.outline"));

        Pane front = new Pane();
        front.setId("guide-body-front");
        front.setMinSize(WIDTH, FRONT_HEIGHT);
        front.setPrefSize(WIDTH, FRONT_HEIGHT);
        front.setMaxSize(WIDTH, FRONT_HEIGHT);
        front.getChildren().addAll(
                part("head", BodyRegion.HEAD, labels, choose, (WIDTH - HEAD_W) / 2, 0, HEAD_W, HEAD_H, head()),
                part("chest", BodyRegion.CHEST, labels, choose, TORSO_X, CHEST_Y, TORSO_W, CHEST_H, chest()),
                part("abdomen", BodyRegion.ABDOMEN, labels, choose, TORSO_X, BELLY_Y, TORSO_W, BELLY_H, belly()),
                part("legs", BodyRegion.LEGS, labels, choose, TORSO_X, LEGS_Y, TORSO_W, LEGS_H, legs()),
                // Two arms, one region: the patient's right arm is on the viewer's left of a front view.
                part("arms", BodyRegion.ARMS, labels, choose, 0, CHEST_Y, ARM_W, ARM_H, arm(false)),
                part("arms-left", BodyRegion.ARMS, labels, choose, WIDTH - ARM_W, CHEST_Y, ARM_W, ARM_H, arm(true)));

        getChildren().addAll(front, back(labels, choose));
    }

    /** One drawn part: a graphic-only button exactly the size of its hit area, with the drawing as its graphic. */
    private static Button part(String name, BodyRegion region, Map<BodyRegion, LocalizedText> labels,
            Consumer<BodyRegion> choose, double x, double y, double w, double h, Node... shapes) {
        Pane drawing = new Pane(shapes);
        drawing.setMinSize(w, h);
        drawing.setPrefSize(w, h);
        drawing.setMaxSize(w, h);
        drawing.setMouseTransparent(true);
        Button b = new Button(null, drawing);
        b.setId("guide-body-" + name);
        b.getStyleClass().add("body-part");
        b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        b.setAccessibleText(JourneyView.local(labels.get(region)));
        b.setMinSize(w, h);
        b.setPrefSize(w, h);
        b.setMaxSize(w, h);
        b.relocate(x, y);
        b.setOnAction(e -> choose.accept(region));
        return b;
    }

    /** The back, seen from behind, over the region's own words (a figure's back is hard to read on its own). */
    private static Button back(Map<BodyRegion, LocalizedText> labels, Consumer<BodyRegion> choose) {
        Pane drawing = new Pane(
                muted(limb(22, 60, 10, 14, 128, 7, false)), muted(limb(22, 60, 10, 14, 128, 7, true)),
                muted(new Circle(60, 20, 17)),
                shape("M 30,46 L 90,46 C 102,46 108,54 108,66 L 100,148 L 20,148 L 12,66 C 12,54 18,46 30,46 Z"),
                // The spine and shoulder blades: what makes it a back and not a chest.
                detail(new Line(60, 56, 60, 138)),
                detail(path("M 34,66 Q 40,88 52,80")), detail(path("M 86,66 Q 80,88 68,80")));
        drawing.setMinSize(120, 156);
        drawing.setPrefSize(120, 156);
        drawing.setMaxSize(120, 156);
        drawing.setMouseTransparent(true);
        String words = JourneyView.local(labels.get(BodyRegion.BACK));
        Button b = new Button(words, drawing);
        b.setId("guide-body-back");
        b.setAccessibleText(words);
        b.getStyleClass().addAll("choice-button", "body-part", "body-back");
        b.setContentDisplay(ContentDisplay.TOP);
        b.setWrapText(true);
        b.setMinHeight(Region.USE_PREF_SIZE);
        b.setMinWidth(WIDTH);
        b.setPrefWidth(WIDTH);
        b.setMaxWidth(WIDTH);
        b.setOnAction(e -> choose.accept(BodyRegion.BACK));
        return b;
    }

    // ---- the drawing, each part in its own hit area's coordinates ----

    private static Node head() {
        // Head and neck as one outline: two strokes where they meet would read as a collar.
        Shape head = Shape.union(new Circle(HEAD_W / 2, 50, 46), path("M 46,80 L 74,80 L 76,112 C 68,117 52,117 44,112 Z"));
        head.getStyleClass().add("body-shape");
        return head;
    }

    private static Node[] chest() {
        // Rounded shoulders and a neckline, narrowing a little to the waist.
        return new Node[] {shape("M 4,46 C 4,18 20,6 46,6 L 60,6 Q 82,28 104,6 L 118,6 C 144,6 160,18 160,46 "
                + "L 154,120 L 10,120 Z")};
    }

    private static Node[] belly() {
        return new Node[] {shape("M 10,4 L 154,4 L 158,84 C 159,102 148,112 132,112 L 32,112 C 16,112 5,102 6,84 Z"),
            detail(new Circle(TORSO_W / 2, 52, 5))};
    }

    private static Node[] legs() {
        return new Node[] {shape(leg(false)), shape(leg(true))};
    }

    /** A leg from the hip to a foot turned outwards; mirrored for the other leg. */
    private static String leg(boolean mirror) {
        double[][] p = {{6, 4}, {78, 4}, {74, 120}, {68, 210}, {68, 230}, {62, 244}, {48, 244}, {20, 244}, {10, 244},
            {8, 234}, {16, 226}, {28, 208}, {14, 120}};
        return String.format(Locale.ROOT, "M %s L %s L %s L %s C %s %s %s L %s C %s %s %s L %s L %s Z",
                pt(p[0], mirror, TORSO_W), pt(p[1], mirror, TORSO_W), pt(p[2], mirror, TORSO_W),
                pt(p[3], mirror, TORSO_W), pt(p[4], mirror, TORSO_W), pt(p[5], mirror, TORSO_W),
                pt(p[6], mirror, TORSO_W), pt(p[7], mirror, TORSO_W), pt(p[8], mirror, TORSO_W),
                pt(p[9], mirror, TORSO_W), pt(p[10], mirror, TORSO_W), pt(p[11], mirror, TORSO_W),
                pt(p[12], mirror, TORSO_W));
    }

    /** An arm hanging a little away from the body, with a hand; the viewer's right arm is the mirror image. */
    private static Node arm(boolean mirror) {
        Shape arm = Shape.union(limb(72, 30, 24, 49, 242, 17, false), new Ellipse(46, 266, 20, 27));
        if (mirror) {
            // Mirrored about the hit area's centre line, so the arm still hangs next to the torso.
            arm.setScaleX(-1);
            arm.setTranslateX(ARM_W - 2 * arm.getBoundsInLocal().getCenterX());
        }
        arm.getStyleClass().add("body-shape");
        return arm;
    }

    /**
     * A limb from a round end of radius r1 at (x1, y1) to one of radius r2 at (x2, y2); mirrored about x = 60 for the
     * back view's other arm. The sides join the ends at right angles to the axis: with radii this close the kink is
     * under a degree.
     */
    private static SVGPath limb(double x1, double y1, double r1, double x2, double y2, double r2, boolean mirror) {
        if (mirror) {
            x1 = 120 - x1;
            x2 = 120 - x2;
        }
        double len = Math.hypot(x2 - x1, y2 - y1);
        double ux = (y2 - y1) / len;
        double uy = -(x2 - x1) / len;
        // Around the far end and back around the near one: both arcs bulge outwards.
        return path(String.format(Locale.ROOT, "M %.2f,%.2f L %.2f,%.2f A %.2f %.2f 0 0 0 %.2f,%.2f L %.2f,%.2f "
                        + "A %.2f %.2f 0 0 0 %.2f,%.2f Z", x1 - ux * r1, y1 - uy * r1, x2 - ux * r2, y2 - uy * r2, r2, r2,
                x2 + ux * r2, y2 + uy * r2, x1 + ux * r1, y1 + uy * r1, r1, r1, x1 - ux * r1, y1 - uy * r1));
    }

    private static String pt(double[] p, boolean mirror, double width) {
        return String.format(Locale.ROOT, "%.1f,%.1f", mirror ? width - p[0] : p[0], p[1]);
    }

    private static SVGPath path(String svg) {
        SVGPath p = new SVGPath();
        p.setContent(svg);
        return p;
    }

    private static Shape shape(String svg) {
        SVGPath p = path(svg);
        p.getStyleClass().add("body-shape");
        return p;
    }

    private static Shape detail(Shape s) {
        s.getStyleClass().add("body-detail");
        return s;
    }

    private static Shape muted(Shape s) {
        s.getStyleClass().add("body-muted");
        return s;
    }
}
