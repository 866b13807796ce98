package org.medkiosk.device.scanner;

import java.nio.charset.StandardCharsets;

/**
 * Commands that start and stop scanning for scanners in command-trigger mode (DEVICES.md §3). Scanners in presentation
 * (auto-sense) mode need none: {@link #PRESENTATION}.
 */
public enum TriggerProfile {
    /** Auto-sense: the scanner decodes whatever is shown to it. */
    PRESENTATION(new byte[0], new byte[0], new byte[0]),
    /** Honeywell serial trigger: SYN T CR / SYN U CR. */
    HONEYWELL(new byte[] {0x16, 0x54, 0x0D}, new byte[] {0x16, 0x55, 0x0D}, new byte[0]),
    /** Zebra SSI START_DECODE / STOP_DECODE; the scanner acknowledges each with CMD_ACK. */
    ZEBRA_SSI(ssi(0xE4), ssi(0xE5), new byte[] {0x04, (byte) 0xD0, 0x00, 0x00, (byte) 0xFF, 0x2C}),
    /** Newland serial command {@code ~<SOH>0000#SCNTRG1;<ETX>} / {@code SCNTRG0} [unverified command names]. */
    NEWLAND(newland("SCNTRG1"), newland("SCNTRG0"), new byte[0]);

    private final byte[] start;
    private final byte[] stop;
    private final byte[] acknowledgement;

    TriggerProfile(byte[] start, byte[] stop, byte[] acknowledgement) {
        this.start = start;
        this.stop = stop;
        this.acknowledgement = acknowledgement;
    }

    public byte[] startCommand() {
        return start.clone();
    }

    public byte[] stopCommand() {
        return stop.clone();
    }

    /** What the scanner answers to a command, to be removed from the code stream (empty: nothing). */
    public byte[] acknowledgement() {
        return acknowledgement.clone();
    }

    public boolean needsTrigger() {
        return start.length > 0;
    }

    /** SSI packet from host: length, opcode, source 04 (host), status 00, 16-bit two's-complement checksum. */
    static byte[] ssi(int opcode) {
        int[] body = {0x04, opcode, 0x04, 0x00};
        int sum = 0;
        for (int b : body) {
            sum += b;
        }
        int chk = (0x10000 - sum) & 0xFFFF;
        return new byte[] {(byte) body[0], (byte) body[1], (byte) body[2], (byte) body[3], (byte) (chk >> 8),
            (byte) chk};
    }

    private static byte[] newland(String command) {
        byte[] cmd = command.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[6 + 1 + cmd.length + 2];
        byte[] head = {0x7E, 0x01, 0x30, 0x30, 0x30, 0x30, 0x23};
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(cmd, 0, out, head.length, cmd.length);
        out[head.length + cmd.length] = 0x3B;
        out[head.length + cmd.length + 1] = 0x03;
        return out;
    }

    /** Parses a CLI / configuration name: presentation|none, honeywell, zebra|zebra-ssi, newland. */
    public static TriggerProfile parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "presentation", "none", "auto" -> PRESENTATION;
            case "honeywell" -> HONEYWELL;
            case "zebra", "zebra-ssi", "ssi" -> ZEBRA_SSI;
            case "newland" -> NEWLAND;
            default -> throw new IllegalArgumentException("unknown trigger profile: " + name);
        };
    }
}
