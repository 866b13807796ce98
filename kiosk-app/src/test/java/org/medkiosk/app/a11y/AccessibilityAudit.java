package org.medkiosk.app.a11y;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Checks a live scene graph against the kiosk's accessibility targets (JOURNEYS.md, "Accessibility targets"):
 * text size, truncation, overlapping text, touch-target size and spacing, and text contrast.
 *
 * <p><b>Contract:</b> call {@link #audit} on the JavaFX application thread (it throws otherwise), with a root that is
 * in a {@link Scene}. The audit applies CSS and lays the root out first, then measures every node in the coordinates
 * of that root — the kiosk's design pixels when the root is the fixed-size {@code MainView} the window scales.
 *
 * <p>Only nodes inside the root whose whole parent chain is visible with non-zero opacity are checked. Text scrolled
 * out of a {@link ScrollPane}'s viewport (or cut off by any other clip) is still checked for size, truncation and
 * contrast; overlap, out-of-root and target-spacing use only the part of a node inside its clips.
 */
public final class AccessibilityAudit {
    /** Layout rounding allowed before text counts as sticking out of its label or the screen. */
    static final double TRUNCATION_TOLERANCE_PX = 1;
    /** Two texts may touch (descenders, rounding); they overlap when they share more than this in both axes. */
    static final double OVERLAP_TOLERANCE_PX = 2;
    private static final double EPSILON = 0.01;
    private static final int DESCRIBED_TEXT_CHARS = 30;

    private AccessibilityAudit() {
    }

    /** What a violation breaks; {@link #id()} is the name used in reports and JOURNEYS.md. */
    public enum Rule {
        TEXT_SIZE("text-size", "≥", " px"),
        TRUNCATED("truncated", "≤", " px"),
        OVERLAP("overlap", "≤", " px"),
        TARGET_SIZE("target-size", "≥", " px"),
        TARGET_SPACING("target-spacing", "≥", " px"),
        CONTRAST("contrast", "≥", ":1");

        private final String id;
        private final String comparator;
        private final String unit;

        Rule(String id, String comparator, String unit) {
            this.id = id;
            this.comparator = comparator;
            this.unit = unit;
        }

        public String id() {
            return id;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /**
     * The numbers one screen mode must meet, in design pixels.
     *
     * @param minTextPx     smallest font size of any visible text
     * @param minTargetPx   smallest width and height of a touch target
     * @param minTargetGapPx smallest gap between two touch targets
     * @param minContrast   smallest WCAG 2.x contrast ratio of text against what is behind it
     */
    public record Targets(String name, double minTextPx, double minTargetPx, double minTargetGapPx, double minContrast) {
        public static final Targets NORMAL = new Targets("normal", 28, 72, 16, 4.5);
        public static final Targets LARGE = new Targets("large text", 40, 100, 16, 4.5);
        public static final Targets HIGH_CONTRAST = NORMAL.withContrast(7.0);
        public static final Targets LARGE_HIGH_CONTRAST = LARGE.withContrast(7.0);

        public Targets {
            Objects.requireNonNull(name, "name");
        }

        /** The same targets with another minimum contrast ratio (7.0 for the high-contrast theme). */
        public Targets withContrast(double ratio) {
            return new Targets(name + ", contrast " + format(ratio) + ":1", minTextPx, minTargetPx, minTargetGapPx, ratio);
        }

        /** The targets for the kiosk's current modes. */
        public static Targets of(boolean largeText, boolean highContrast) {
            Targets base = largeText ? LARGE : NORMAL;
            return highContrast ? base.withContrast(7.0) : base;
        }
    }

    /**
     * One broken target.
     *
     * @param screen   the screen name given to {@link #audit}
     * @param node     class, id, style classes and the start of the text of the offending node
     * @param measured what was measured, in the rule's unit: font px (text-size); px the text is cut off by or sticks
     *                 out by (truncated); px two texts share (overlap); the smaller side in px (target-size); the gap
     *                 in px, negative when two targets overlap (target-spacing); the ratio (contrast)
     * @param required the limit the measurement must meet
     * @param detail   what a person needs to find and judge it (the other node, the colours, the shown text)
     */
    public record Violation(String screen, Rule rule, String node, double measured, double required, String detail) {
        @Override
        public String toString() {
            return "[" + screen + "] " + rule.id + ": " + node + " — measured " + format(measured) + rule.unit
                    + ", required " + rule.comparator + " " + format(required) + rule.unit
                    + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    /** One line per violation, or "no accessibility violations". */
    public static String report(List<Violation> violations) {
        if (violations.isEmpty()) {
            return "no accessibility violations";
        }
        StringBuilder out = new StringBuilder();
        for (Violation v : violations) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(v);
        }
        return out.toString();
    }

    /**
     * Audits everything visible under {@code root}. Must run on the FX application thread; {@code root} must be in a
     * scene. The list is in rule order (text-size, truncated, overlap, target-size, target-spacing, contrast), each rule
     * in scene-graph order.
     */
    public static List<Violation> audit(String screen, Parent root, Targets targets) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("AccessibilityAudit.audit must run on the JavaFX application thread, not "
                    + Thread.currentThread().getName());
        }
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(targets, "targets");
        if (root.getScene() == null) {
            throw new IllegalArgumentException("the audited root is not in a scene (no CSS, no skins): " + describe(root));
        }
        root.applyCss();
        root.layout();
        Walk walk = new Walk(screen, root, targets);
        if (walk.rootChainShowing()) {
            walk.collect(root, null, null);
            walk.checkTextSize();
            walk.checkTruncation();
            walk.checkOverlap();
            walk.checkTargetSize();
            walk.checkTargetSpacing();
            walk.checkContrast();
        }
        return List.copyOf(walk.violations);
    }

    /** WCAG 2.x contrast ratio of two opaque colours (alpha is ignored), from 1 to 21. */
    public static double contrastRatio(Color a, Color b) {
        double la = luminance(a.getRed(), a.getGreen(), a.getBlue());
        double lb = luminance(b.getRed(), b.getGreen(), b.getBlue());
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(double r, double g, double b) {
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    }

    private static double linear(double c) {
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** A visible text node: its bounds in root coordinates, the part inside its clips, the Labeled etc. it belongs to. */
    private record TextInfo(Text text, Bounds bounds, Bounds visible, Node owner) {
    }

    /** A visible, enabled touch target. */
    private record Target(Node node, Bounds bounds, Bounds visible) {
    }

    private static final class Walk {
        final String screen;
        final Parent root;
        final Targets targets;
        final Bounds rootBounds;
        final List<TextInfo> texts = new ArrayList<>();
        final Map<Text, TextInfo> textInfo = new IdentityHashMap<>();
        final List<Labeled> labeleds = new ArrayList<>();
        final List<Target> touchTargets = new ArrayList<>();
        final List<Violation> violations = new ArrayList<>();

        Walk(String screen, Parent root, Targets targets) {
            this.screen = screen;
            this.root = root;
            this.targets = targets;
            this.rootBounds = root.getLayoutBounds();
        }

        boolean rootChainShowing() {
            for (Node n = root; n != null; n = n.getParent()) {
                if (!showing(n)) {
                    return false;
                }
            }
            return true;
        }

        /** Collects visible texts, labeleds and targets; {@code clip} is the visible area in root coordinates. */
        void collect(Node node, Bounds clip, Node owner) {
            if (!showing(node)) {
                return;
            }
            Bounds bounds = inRoot(node, node.getLayoutBounds());
            Bounds ownClip = clip;
            if (node.getClip() != null) {
                ownClip = narrow(ownClip, inRoot(node, node.getClip().getBoundsInParent()));
            }
            Node ownOwner = owner == null && ownsItsTexts(node) ? node : owner;
            if (node instanceof Text t && hasText(t.getText())) {
                TextInfo info = new TextInfo(t, bounds, intersect(ownClip, bounds), ownOwner);
                texts.add(info);
                textInfo.put(t, info);
            }
            if (node instanceof Labeled l) {
                labeleds.add(l);
            }
            if (isTouchTarget(node) && !node.isDisabled()) {
                touchTargets.add(new Target(node, bounds, intersect(ownClip, bounds)));
            }
            if (node instanceof Parent p) {
                Bounds childClip = node instanceof ScrollPane ? narrow(ownClip, bounds) : ownClip;
                for (Node child : p.getChildrenUnmodifiable()) {
                    collect(child, childClip, ownOwner);
                }
            }
        }

        void checkTextSize() {
            for (TextInfo info : texts) {
                Text t = info.text;
                double size = t.getFont().getSize() * verticalScale(t);
                if (size < targets.minTextPx - EPSILON) {
                    add(Rule.TEXT_SIZE, describeText(t), size, targets.minTextPx, "font " + t.getFont().getName());
                }
            }
        }

        void checkTruncation() {
            Set<Text> labeledTexts = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Labeled l : labeleds) {
                Text shown = labeledText(l);
                if (shown == null) {
                    continue;
                }
                labeledTexts.add(shown);
                TextInfo info = textInfo.get(shown);
                String full = l.getText();
                if (info == null || !hasText(full)) {
                    continue;
                }
                String displayed = shown.getText();
                if (!displayed.equals(full) && !(l.isMnemonicParsing() && displayed.equals(stripMnemonic(full)))) {
                    add(Rule.TRUNCATED, describe(l), hiddenPx(shown, full), TRUNCATION_TOLERANCE_PX,
                            "shows \"" + abbreviate(displayed) + "\" of \"" + abbreviate(full) + "\"");
                    continue;
                }
                Bounds lb = inRoot(l, l.getLayoutBounds());
                double out = Math.max(Math.max(lb.getMinX() - info.bounds.getMinX(), info.bounds.getMaxX() - lb.getMaxX()),
                        Math.max(lb.getMinY() - info.bounds.getMinY(), info.bounds.getMaxY() - lb.getMaxY()));
                if (out > TRUNCATION_TOLERANCE_PX) {
                    add(Rule.TRUNCATED, describe(l), out, TRUNCATION_TOLERANCE_PX,
                            "text " + size(info.bounds) + " sticks out of its " + size(lb) + " " + simpleName(l));
                    continue;
                }
                checkInsideRootWidth(info, describe(l));
            }
            for (TextInfo info : texts) {
                if (!labeledTexts.contains(info.text)) {
                    checkInsideRootWidth(info, describeText(info.text));
                }
            }
        }

        private void checkInsideRootWidth(TextInfo info, String description) {
            if (info.visible == null) {
                return;
            }
            double out = Math.max(rootBounds.getMinX() - info.visible.getMinX(), info.visible.getMaxX() - rootBounds.getMaxX());
            if (out > TRUNCATION_TOLERANCE_PX) {
                add(Rule.TRUNCATED, description, out, TRUNCATION_TOLERANCE_PX, "text x " + format(info.visible.getMinX())
                        + "…" + format(info.visible.getMaxX()) + " is outside the screen's " + format(rootBounds.getMinX())
                        + "…" + format(rootBounds.getMaxX()));
            }
        }

        void checkOverlap() {
            for (int i = 0; i < texts.size(); i++) {
                TextInfo a = texts.get(i);
                if (a.visible == null) {
                    continue;
                }
                for (int j = i + 1; j < texts.size(); j++) {
                    TextInfo b = texts.get(j);
                    if (b.visible == null || (a.owner != null && a.owner == b.owner)) {
                        continue;
                    }
                    double w = Math.min(a.visible.getMaxX(), b.visible.getMaxX()) - Math.max(a.visible.getMinX(), b.visible.getMinX());
                    double h = Math.min(a.visible.getMaxY(), b.visible.getMaxY()) - Math.max(a.visible.getMinY(), b.visible.getMinY());
                    if (w > OVERLAP_TOLERANCE_PX && h > OVERLAP_TOLERANCE_PX) {
                        add(Rule.OVERLAP, describeText(a.text), Math.min(w, h), OVERLAP_TOLERANCE_PX,
                                "overlaps " + describeText(b.text) + " by " + format(w) + " × " + format(h));
                    }
                }
            }
        }

        void checkTargetSize() {
            for (Target t : touchTargets) {
                double side = Math.min(t.bounds.getWidth(), t.bounds.getHeight());
                if (side < targets.minTargetPx - EPSILON) {
                    add(Rule.TARGET_SIZE, describe(t.node), side, targets.minTargetPx, size(t.bounds));
                }
            }
        }

        void checkTargetSpacing() {
            for (int i = 0; i < touchTargets.size(); i++) {
                Target a = touchTargets.get(i);
                if (a.visible == null) {
                    continue;
                }
                for (int j = i + 1; j < touchTargets.size(); j++) {
                    Target b = touchTargets.get(j);
                    if (b.visible == null || nested(a, b)) {
                        continue;
                    }
                    double hGap = Math.max(b.visible.getMinX() - a.visible.getMaxX(), a.visible.getMinX() - b.visible.getMaxX());
                    double vGap = Math.max(b.visible.getMinY() - a.visible.getMaxY(), a.visible.getMinY() - b.visible.getMaxY());
                    if (hGap < -EPSILON && vGap < -EPSILON) {
                        add(Rule.TARGET_SPACING, describe(a.node), Math.max(hGap, vGap), targets.minTargetGapPx,
                                "overlaps " + describe(b.node));
                    } else {
                        double gap = Math.max(hGap, vGap);
                        if (gap < targets.minTargetGapPx - EPSILON) {
                            add(Rule.TARGET_SPACING, describe(a.node), gap, targets.minTargetGapPx, "from " + describe(b.node));
                        }
                    }
                }
            }
        }

        void checkContrast() {
            for (TextInfo info : texts) {
                Text t = info.text;
                if (!(t.getFill() instanceof Color fill)) {
                    continue; // a gradient or image text fill has no single colour to compare
                }
                Composite c = Composite.at(t, fill);
                double ratio = contrastRatio(c.text, c.background);
                if (ratio < targets.minContrast - 1e-9) {
                    add(Rule.CONTRAST, describeText(t), ratio, targets.minContrast,
                            "text " + hex(c.text) + (hex(c.text).equals(hex(fill)) ? "" : " (fill " + hex(fill) + ")")
                                    + " on " + hex(c.background)
                                    + (c.ignored == null ? "" : "; ignored the " + c.ignored + " behind it"));
                }
            }
        }

        private boolean nested(Target a, Target b) {
            return isAncestor(a.node, b.node) || isAncestor(b.node, a.node)
                    || contains(a.visible, b.visible) || contains(b.visible, a.visible);
        }

        private double verticalScale(Node n) {
            Point2D p0 = root.sceneToLocal(n.localToScene(0, 0));
            Point2D p1 = root.sceneToLocal(n.localToScene(0, 1));
            return p0.distance(p1);
        }

        private Bounds inRoot(Node n, Bounds local) {
            return root.sceneToLocal(n.localToScene(local));
        }

        private void add(Rule rule, String node, double measured, double required, String detail) {
            violations.add(new Violation(screen, rule, node, measured, required, detail));
        }
    }

    /**
     * The two pixels a text makes at its centre: the text's fill and the background next to it, each composited from
     * the scene fill (white when none or not a colour) down through the colour fills of every ancestor that contain
     * that point, with each node's opacity as group opacity: a node paints its subtree over what is below it, then
     * {@code pixel = a·inner + (1−a)·below}. Fills of other (sibling) nodes painted underneath are not seen.
     */
    private static final class Composite {
        final Color text;
        final Color background;
        final String ignored;

        private Composite(Color text, Color background, String ignored) {
            this.text = text;
            this.background = background;
            this.ignored = ignored;
        }

        static Composite at(Text t, Color fill) {
            List<Node> chain = new ArrayList<>();
            for (Node n = t.getParent(); n != null; n = n.getParent()) {
                chain.add(0, n);
            }
            Bounds lb = t.getLayoutBounds();
            Point2D p = t.localToScene((lb.getMinX() + lb.getMaxX()) / 2, (lb.getMinY() + lb.getMaxY()) / 2);
            // Content scrolled out of a viewport is measured as it would look scrolled in: nodes at and above a clip
            // see the text's centre moved to the nearest point inside the clip.
            Point2D[] local = new Point2D[chain.size()];
            for (int i = chain.size() - 1; i >= 0; i--) {
                Node n = chain.get(i);
                if (n.getClip() != null) {
                    p = clamp(p, n.localToScene(n.getClip().getBoundsInParent()));
                }
                local[i] = n.sceneToLocal(p);
            }
            double[] base = {1, 1, 1};
            Scene scene = t.getScene();
            if (scene != null && scene.getFill() instanceof Color sceneFill) {
                base = over(sceneFill, base);
            }
            String[] ignored = new String[1];
            double[] background = paint(chain, local, 0, base, null, t, ignored);
            double[] text = paint(chain, local, 0, base, fill, t, new String[1]);
            return new Composite(color(text), color(background), ignored[0]);
        }

        /** Node {@code chain[i]}'s subtree at the point, as a group over {@code below}; the text last when filled. */
        private static double[] paint(List<Node> chain, Point2D[] local, int i, double[] below, Color textFill, Text t,
                String[] ignored) {
            if (i == chain.size()) {
                if (textFill == null) {
                    return below;
                }
                return group(t.getOpacity(), over(textFill, below), below);
            }
            Node n = chain.get(i);
            double[] inner = below;
            if (n instanceof Region r && r.getBackground() != null) {
                Background bg = r.getBackground();
                for (BackgroundFill f : bg.getFills()) {
                    if (!inside(r, f.getInsets(), local[i])) {
                        continue;
                    }
                    Paint paint = f.getFill();
                    if (paint instanceof Color c) {
                        inner = over(c, inner);
                        if (c.getOpacity() > 0) {
                            ignored[0] = null;
                        }
                    } else if (paint != null) {
                        ignored[0] = paint.getClass().getSimpleName() + " fill of " + describe(n);
                    }
                }
                if (!bg.getImages().isEmpty() && inside(r, Insets.EMPTY, local[i])) {
                    ignored[0] = "background image of " + describe(n);
                }
            }
            inner = paint(chain, local, i + 1, inner, textFill, t, ignored);
            return group(n.getOpacity(), inner, below);
        }

        private static boolean inside(Region r, Insets insets, Point2D p) {
            double minX = insets.getLeft();
            double minY = insets.getTop();
            double maxX = r.getWidth() - insets.getRight();
            double maxY = r.getHeight() - insets.getBottom();
            return p.getX() >= minX && p.getX() <= maxX && p.getY() >= minY && p.getY() <= maxY;
        }

        private static Point2D clamp(Point2D p, Bounds b) {
            if (b.isEmpty()) {
                return p;
            }
            double inset = Math.min(0.5, Math.min(b.getWidth(), b.getHeight()) / 2);
            double x = Math.max(b.getMinX() + inset, Math.min(b.getMaxX() - inset, p.getX()));
            double y = Math.max(b.getMinY() + inset, Math.min(b.getMaxY() - inset, p.getY()));
            return new Point2D(x, y);
        }

        /** Source-over of a colour with alpha onto an opaque pixel. */
        private static double[] over(Color c, double[] below) {
            double a = c.getOpacity();
            return new double[] {a * c.getRed() + (1 - a) * below[0], a * c.getGreen() + (1 - a) * below[1],
                a * c.getBlue() + (1 - a) * below[2]};
        }

        /** Group opacity: the subtree composited as {@code inner}, blended with what was below it. */
        private static double[] group(double opacity, double[] inner, double[] below) {
            double a = Math.max(0, Math.min(1, opacity));
            if (a == 1) {
                return inner;
            }
            return new double[] {a * inner[0] + (1 - a) * below[0], a * inner[1] + (1 - a) * below[1],
                a * inner[2] + (1 - a) * below[2]};
        }

        private static Color color(double[] rgb) {
            return Color.color(clamp01(rgb[0]), clamp01(rgb[1]), clamp01(rgb[2]));
        }

        private static double clamp01(double v) {
            return Math.max(0, Math.min(1, v));
        }
    }

    // ---- scene-graph helpers ----

    private static boolean showing(Node n) {
        return n.isVisible() && n.getOpacity() > 0;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    /** Texts inside one of these are laid out together by its skin, so they are not checked against each other. */
    private static boolean ownsItsTexts(Node n) {
        return (n instanceof Labeled && !(n instanceof TitledPane)) || n instanceof TextFlow || n instanceof TextInputControl;
    }

    private static boolean isTouchTarget(Node n) {
        return n instanceof ButtonBase || n instanceof ComboBoxBase || n instanceof ChoiceBox
                || setByApplication(n.getOnMouseClicked()) || setByApplication(n.getOnMousePressed())
                || setByApplication(n.getOnTouchPressed());
    }

    /** A handler a control skin put on its own parts (scroll bar thumbs, viewports) does not make a touch target. */
    private static boolean setByApplication(EventHandler<?> handler) {
        if (handler == null) {
            return false;
        }
        String name = handler.getClass().getName();
        return !name.startsWith("javafx.") && !name.startsWith("com.sun.javafx.");
    }

    /** The Text a Labeled's skin shows its text in (LabeledText, style class "text"), or null. */
    private static Text labeledText(Labeled l) {
        Parent holder = l;
        if (l instanceof TitledPane) {
            holder = null;
            for (Node child : l.getChildrenUnmodifiable()) {
                if (child instanceof Parent p && child.getStyleClass().contains("title")) {
                    holder = p;
                }
            }
            if (holder == null) {
                return null;
            }
        }
        Text fallback = null;
        for (Node child : holder.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child != l.getGraphic()) {
                if (child.getStyleClass().contains("text")) {
                    return t;
                }
                if (fallback == null) {
                    fallback = t;
                }
            }
        }
        return fallback;
    }

    /** The text with its mnemonic marker removed, as a Labeled with mnemonic parsing shows it. */
    private static String stripMnemonic(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean found = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_' && i + 1 < s.length()) {
                if (s.charAt(i + 1) == '_') {
                    out.append('_');
                    i++;
                    continue;
                }
                if (!found) {
                    found = true;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** How much of the full text does not fit: natural width (or height, when wrapping) minus what is shown. */
    private static double hiddenPx(Text shown, String full) {
        Text natural = new Text(full);
        natural.setFont(shown.getFont());
        natural.setLineSpacing(shown.getLineSpacing());
        if (shown.getWrappingWidth() > 0) {
            natural.setWrappingWidth(shown.getWrappingWidth());
            return Math.max(0, natural.getLayoutBounds().getHeight() - shown.getLayoutBounds().getHeight());
        }
        return Math.max(0, natural.getLayoutBounds().getWidth() - shown.getLayoutBounds().getWidth());
    }

    private static boolean isAncestor(Node ancestor, Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        return inner.getMinX() >= outer.getMinX() - EPSILON && inner.getMaxX() <= outer.getMaxX() + EPSILON
                && inner.getMinY() >= outer.getMinY() - EPSILON && inner.getMaxY() <= outer.getMaxY() + EPSILON;
    }

    /**
     * The clip of what lies wholly outside its clips (scrolled out of a viewport): inside it nothing is visible, not
     * even the part of a node inside a clip of its own (a text field's text), which a null clip would let through.
     */
    private static final Bounds NOWHERE = new BoundingBox(0, 0, -1, -1);

    /** A clip narrowed to {@code area}: {@link #NOWHERE} when nothing of it is left. */
    private static Bounds narrow(Bounds clip, Bounds area) {
        Bounds left = intersect(clip, area);
        return left == null ? NOWHERE : left;
    }

    /** The part of {@code b} inside {@code clip}, or null when none; a null {@code clip} means no clip. */
    private static Bounds intersect(Bounds clip, Bounds b) {
        if (b == null || clip == NOWHERE) {
            return null;
        }
        if (clip == null) {
            return b;
        }
        double minX = Math.max(clip.getMinX(), b.getMinX());
        double minY = Math.max(clip.getMinY(), b.getMinY());
        double maxX = Math.min(clip.getMaxX(), b.getMaxX());
        double maxY = Math.min(clip.getMaxY(), b.getMaxY());
        if (maxX <= minX || maxY <= minY) {
            return null;
        }
        return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    // ---- descriptions ----

    /** A text as a person finds it: the Labeled or text field it belongs to, else the Text itself. */
    private static String describeText(Text t) {
        for (Node p = t.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.Control control) {
                if (control instanceof Labeled l && labeledText(l) == t) {
                    return describe(l);
                }
                if (control instanceof TextInputControl) {
                    return "Text \"" + abbreviate(t.getText()) + "\" in " + describe(control);
                }
                break;
            }
        }
        return describe(t);
    }

    /** Class, #id, .style-classes and the first ~30 characters of the text; without an id, the nearest one above. */
    static String describe(Node n) {
        StringBuilder out = new StringBuilder(simpleName(n));
        if (n.getId() != null && !n.getId().isEmpty()) {
            out.append('#').append(n.getId());
        }
        for (String styleClass : n.getStyleClass()) {
            out.append('.').append(styleClass);
        }
        String text = textOf(n);
        if (hasText(text)) {
            out.append(" \"").append(abbreviate(text)).append('"');
        }
        if (n.getId() == null || n.getId().isEmpty()) {
            for (Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p.getId() != null && !p.getId().isEmpty()) {
                    out.append(" in ").append(simpleName(p)).append('#').append(p.getId());
                    break;
                }
            }
        }
        return out.toString();
    }

    private static String textOf(Node n) {
        if (n instanceof Labeled l) {
            return l.getText();
        }
        if (n instanceof Text t) {
            return t.getText();
        }
        if (n instanceof TextInputControl t) {
            return hasText(t.getText()) ? t.getText() : t.getPromptText();
        }
        return null;
    }

    private static String simpleName(Node n) {
        Class<?> c = n.getClass();
        while (c.getSimpleName().isEmpty()) {
            c = c.getSuperclass();
        }
        return c.getSimpleName();
    }

    private static String abbreviate(String s) {
        String oneLine = s.replace('\n', ' ');
        return oneLine.length() <= DESCRIBED_TEXT_CHARS ? oneLine : oneLine.substring(0, DESCRIBED_TEXT_CHARS) + "…";
    }

    private static String size(Bounds b) {
        return format(b.getWidth()) + " × " + format(b.getHeight());
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "?";
        }
        double rounded = Math.round(v * 100) / 100.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }
}
