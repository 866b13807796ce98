package org.medkiosk.print.escpos;

/** ESC/POS command bytes (DEVICES.md §2). One place, so the builder, the previewer and the docs agree. */
public final class EscPos {
    public static final byte ESC = 0x1B;
    public static final byte GS = 0x1D;
    public static final byte FS = 0x1C;
    public static final byte DLE = 0x10;
    public static final byte EOT = 0x04;
    public static final byte LF = 0x0A;

    public static final byte[] INITIALIZE = {ESC, '@'};
    public static final byte[] CHINESE_ON = {FS, '&'};
    public static final byte[] CHINESE_OFF = {FS, '.'};
    public static final byte[] CUT_FULL = {GS, 'V', 0x00};
    public static final byte[] CUT_PARTIAL = {GS, 'V', 0x01};

    private EscPos() {
    }

    /** {@code DLE EOT n}: real-time status request, n = 1..4. */
    public static byte[] statusRequest(int n) {
        return new byte[] {DLE, EOT, (byte) n};
    }
}
