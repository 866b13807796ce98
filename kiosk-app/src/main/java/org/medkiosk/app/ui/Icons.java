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

    private Icons() {
    }
}
