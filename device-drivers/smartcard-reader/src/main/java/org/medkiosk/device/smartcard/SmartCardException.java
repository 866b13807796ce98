package org.medkiosk.device.smartcard;

/** Why a smart card could not be read, in words a technician can act on. No card data in messages. */
public final class SmartCardException extends Exception {

    public enum Reason {
        /** Not a social security card, a staff card or a contactless patient card; or a staff card with no number. */
        UNKNOWN_CARD,
        /** The card's file is blocked or invalidated (status 6283 / 6983 / 6984): also a deactivated staff card. */
        FILE_BLOCKED,
        /** This region's cards need a PIN (VERIFY) before the public data can be read (status 6982). */
        PIN_REQUIRED,
        /** The card left the reader during the read. */
        CARD_REMOVED,
        /** Reader or PC/SC communication failed. */
        COMMUNICATION
    }

    private final Reason reason;

    public SmartCardException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SmartCardException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
