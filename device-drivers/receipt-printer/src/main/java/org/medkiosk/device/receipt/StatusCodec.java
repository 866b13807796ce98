package org.medkiosk.device.receipt;

/**
 * DLE EOT answers ↔ {@link PrinterStatus} (DEVICES.md §2): pure, no I/O. Every answer byte has bit 1 and
 * bit 4 set and bits 0 and 7 clear; anything else is rejected with {@link StatusFormatException}.
 */
public final class StatusCodec {
    private static final int FIXED_MASK = 0x93;  // bits 7, 4, 1, 0
    private static final int FIXED_VALUE = 0x12; // bits 4 and 1 set

    private StatusCodec() {
    }

    /** The request for status n (1 printer, 2 offline cause, 3 error cause, 4 roll paper). */
    public static byte[] request(int n) {
        if (n < 1 || n > 4) {
            throw new IllegalArgumentException("DLE EOT n is 1..4");
        }
        return new byte[] {0x10, 0x04, (byte) n};
    }

    public static boolean isStatusByte(int b) {
        return (b & FIXED_MASK) == FIXED_VALUE;
    }

    /**
     * Decodes the four answers, in request order n = 1, 2, 3, 4.
     *
     * @throws StatusFormatException when there are not four bytes or one is not a status answer
     */
    public static PrinterStatus decode(byte[] answers) throws StatusFormatException {
        if (answers == null || answers.length != 4) {
            throw new StatusFormatException("expected 4 status bytes, got " + (answers == null ? 0 : answers.length));
        }
        for (int i = 0; i < 4; i++) {
            if (!isStatusByte(answers[i] & 0xff)) {
                throw new StatusFormatException(String.format("byte %d (0x%02X) is not a DLE EOT %d answer", i, answers[i] & 0xff, i + 1));
            }
        }
        int printer = answers[0] & 0xff;
        int offline = answers[1] & 0xff;
        int error = answers[2] & 0xff;
        int paper = answers[3] & 0xff;
        return new PrinterStatus(
                bit(printer, 3), bit(printer, 5), bit(printer, 6),
                bit(offline, 2), bit(offline, 3), bit(offline, 5), bit(offline, 6),
                bit(error, 3), bit(error, 5), bit(error, 6),
                bit(paper, 2) || bit(paper, 3),
                bit(paper, 5) || bit(paper, 6));
    }

    /** The four answer bytes a printer in this state sends (the simulator's side of {@link #decode}). */
    public static byte[] encode(PrinterStatus s) {
        int printer = FIXED_VALUE | (s.offline() ? 1 << 3 : 0) | (s.waitingForRecovery() ? 1 << 5 : 0) | (s.feedButtonPressed() ? 1 << 6 : 0);
        int offline = FIXED_VALUE | (s.coverOpen() ? 1 << 2 : 0) | (s.feedingByButton() ? 1 << 3 : 0)
                | (s.stoppedByPaperEnd() ? 1 << 5 : 0) | (s.errorOccurred() ? 1 << 6 : 0);
        int error = FIXED_VALUE | (s.cutterError() ? 1 << 3 : 0) | (s.unrecoverableError() ? 1 << 5 : 0)
                | (s.autoRecoverableError() ? 1 << 6 : 0);
        int paper = FIXED_VALUE | (s.paperNearEnd() ? 0x0C : 0) | (s.paperEnd() ? 0x60 : 0);
        return new byte[] {(byte) printer, (byte) offline, (byte) error, (byte) paper};
    }

    private static boolean bit(int b, int n) {
        return (b & (1 << n)) != 0;
    }
}
