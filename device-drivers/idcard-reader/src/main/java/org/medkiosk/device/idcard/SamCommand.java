package org.medkiosk.device.idcard;

/** Host → reader commands (DEVICES.md §1): command byte and parameter byte. */
public enum SamCommand {
    RESET_SAM(0x10, 0xFF),
    SAM_STATUS(0x11, 0xFF),
    READ_SAM_ID(0x12, 0xFF),
    FIND_CARD(0x20, 0x01),
    SELECT_CARD(0x20, 0x02),
    READ_TEXT_AND_PHOTO(0x30, 0x01),
    READ_TEXT_PHOTO_AND_FINGERPRINT(0x30, 0x10),
    /** [unverified in DEVICES.md] */
    READ_APPENDED_ADDRESS(0x30, 0x03);

    private final int cmd;
    private final int para;

    SamCommand(int cmd, int para) {
        this.cmd = cmd;
        this.para = para;
    }

    public int cmd() {
        return cmd;
    }

    public int para() {
        return para;
    }

    /** The command for a request frame body, or null when the reader does not know it. */
    public static SamCommand of(int cmd, int para) {
        for (SamCommand c : values()) {
            if (c.cmd == (cmd & 0xFF) && c.para == (para & 0xFF)) {
                return c;
            }
        }
        return null;
    }
}
