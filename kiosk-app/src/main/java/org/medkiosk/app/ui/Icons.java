package org.medkiosk.app.ui;

/**
 * Line icons as SVG paths (48×48 box). Drawn, not emoji: the shipped font has no emoji and a lobby
 * screen must not show tofu boxes.
 */
final class Icons {
    /** A card with a photo square and text lines. */
    static final String ID_CARD = "M4 10 h40 a3 3 0 0 1 3 3 v22 a3 3 0 0 1 -3 3 h-40 a3 3 0 0 1 -3 -3 v-22 a3 3 0 0 1 3 -3 z"
            + " M8 16 v14 h11 v-14 z M24 18 h18 v3 h-18 z M24 24 h18 v3 h-18 z M24 30 h12 v3 h-12 z";
    /** Three finder squares and modules of a QR code. */
    static final String QR_CODE = "M4 4 h16 v16 h-16 z M8 8 v8 h8 v-8 z M28 4 h16 v16 h-16 z M32 8 v8 h8 v-8 z"
            + " M4 28 h16 v16 h-16 z M8 32 v8 h8 v-8 z M28 28 h6 v6 h-6 z M38 28 h6 v6 h-6 z M28 38 h6 v6 h-6 z"
            + " M38 38 h6 v6 h-6 z M33 33 h6 v6 h-6 z";
    /** A smart card with its contact chip. */
    static final String CHIP_CARD = "M4 8 h40 a3 3 0 0 1 3 3 v26 a3 3 0 0 1 -3 3 h-40 a3 3 0 0 1 -3 -3 v-26 a3 3 0 0 1 3 -3 z"
            + " M10 18 h12 v10 h-12 z M30 32 h12 v3 h-12 z";

    /** A loudspeaker with two sound waves (listen again). */
    static final String SPEAKER = "M4 18 h8 l10 -9 v30 l-10 -9 h-8 z M28 16 a10 10 0 0 1 0 16 l-2 -3 a6 6 0 0 0 0 -10 z"
            + " M33 10 a17 17 0 0 1 0 28 l-2 -3 a13 13 0 0 0 0 -22 z";
    /** A clipboard with a plus: register. */
    static final String REGISTER = "M16 4 h16 v7 h-16 z M10 7 h4 v6 h20 v-6 h4 a2 2 0 0 1 2 2 v34 a2 2 0 0 1 -2 2 h-28"
            + " a2 2 0 0 1 -2 -2 v-34 a2 2 0 0 1 2 -2 z M22 20 h4 v7 h7 v4 h-7 v7 h-4 v-7 h-7 v-4 h7 z";
    /** A calendar page: my bookings. */
    static final String CALENDAR = "M6 10 h36 a2 2 0 0 1 2 2 v30 a2 2 0 0 1 -2 2 h-36 a2 2 0 0 1 -2 -2 v-30 a2 2 0 0 1 2 -2 z"
            + " M8 18 v22 h32 v-22 z M13 3 h4 v7 h-4 z M31 3 h4 v7 h-4 z M13 23 h6 v6 h-6 z M23 23 h6 v6 h-6 z M13 32 h6 v6 h-6 z";
    /** A tick in a circle: check in. */
    static final String CHECK = "M24 4 a20 20 0 1 0 0.01 0 z M13 24 l4 -4 l5 5 l10 -10 l4 4 l-14 14 z";
    /** A coin with the yuan sign: pay bills. */
    static final String YUAN = "M24 4 a20 20 0 1 0 0.01 0 z M15 12 h5 l4 7 l4 -7 h5 l-6 10 h5 v3 h-6 v2 h6 v3 h-6 v7 h-4"
            + " v-7 h-6 v-3 h6 v-2 h-6 v-3 h5 z";
    /** A plus in a circle: top up. */
    static final String TOP_UP = "M24 4 a20 20 0 1 0 0.01 0 z M22 13 h4 v9 h9 v4 h-9 v9 h-4 v-9 h-9 v-4 h9 z";
    /** A printer with its paper: print reports. */
    static final String PRINTER = "M14 4 h20 v10 h-20 z M6 16 h36 a2 2 0 0 1 2 2 v16 h-8 v-6 h-24 v6 h-8 v-16 a2 2 0 0 1 2 -2 z"
            + " M14 31 h20 v13 h-20 z";
    /** A magnifying glass: enquiries. */
    static final String SEARCH = "M20 4 a16 16 0 1 0 0.01 0 z M20 9 a11 11 0 1 1 -0.01 0 z M32 29 l3 -3 l10 10 l-3 3 z";

    /** An icon drawn from a path: even-odd filled (the holes are holes), scaled, centred in a square box. */
    static javafx.scene.layout.StackPane glyph(String path, String styleClass, double scale, double boxPx) {
        javafx.scene.shape.SVGPath glyph = new javafx.scene.shape.SVGPath();
        glyph.setContent(path);
        glyph.setFillRule(javafx.scene.shape.FillRule.EVEN_ODD);
        glyph.getStyleClass().add(styleClass);
        glyph.setScaleX(scale);
        glyph.setScaleY(scale);
        javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane(glyph);
        box.setMinSize(boxPx, boxPx);
        box.setPrefSize(boxPx, boxPx);
        return box;
    }

    private Icons() {
    }
}
