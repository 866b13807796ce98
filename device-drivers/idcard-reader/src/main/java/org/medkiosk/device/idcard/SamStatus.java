package org.medkiosk.device.idcard;

/** SW3 status byte of a SAM answer (DEVICES.md §1), each with a reason a technician can read. */
public enum SamStatus {
    SUCCESS(0x90, "success"),
    FIND_CARD_SUCCESS(0x9F, "card found"),
    CHECKSUM_ERROR(0x10, "reader saw a checksum error in the command"),
    LENGTH_ERROR(0x11, "reader saw a length error in the command"),
    COMMAND_ERROR(0x21, "command or parameter error"),
    UNAUTHORIZED(0x23, "operation not authorized"),
    UNRECOGNIZED_COMMAND(0x24, "command not recognized"),
    CARD_FAILED_TO_AUTHENTICATE_SAM(0x31, "card failed to authenticate the SAM"),
    SAM_FAILED_TO_AUTHENTICATE_CARD(0x32, "SAM failed to authenticate the card"),
    VERIFY_ERROR(0x33, "verify error"),
    UNKNOWN_CARD_TYPE(0x40, "unknown card type"),
    READ_FAILED(0x41, "card read failed"),
    RANDOM_NUMBER_FAILURE(0x47, "random-number failure"),
    SAM_SELF_TEST_FAILED(0x60, "SAM self-test failed"),
    SAM_NOT_AUTHORIZED(0x66, "SAM not authorized"),
    FIND_CARD_FAILED(0x80, "no card found"),
    SELECT_CARD_FAILED(0x81, "card select failed"),
    NO_CONTENT(0x91, "item has no content"),
    COMMUNICATION_FAULT(0xFF, "communication fault"),
    /** A code not in the table; the raw byte is kept in {@link SamAnswer#sw3()}. */
    UNDOCUMENTED(-1, "undocumented status code");

    private final int code;
    private final String reason;

    SamStatus(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    /** True for failures of the SAM module itself (the reader needs service), as opposed to a card problem. */
    public boolean isSamFault() {
        return this == SAM_SELF_TEST_FAILED || this == SAM_NOT_AUTHORIZED || this == COMMUNICATION_FAULT
                || this == RANDOM_NUMBER_FAILURE;
    }

    public static SamStatus fromCode(int sw3) {
        int b = sw3 & 0xFF;
        for (SamStatus s : values()) {
            if (s.code == b) {
                return s;
            }
        }
        return UNDOCUMENTED;
    }
}
