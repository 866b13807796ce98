package org.medkiosk.app.session;

/** The readers a patient puts a card into, and may forget it in. */
public enum CardSlot {
    /** The resident ID-card reader (SAM). */
    ID_CARD_READER,
    /** The PC/SC reader of insurance and patient cards. */
    SMART_CARD_READER
}
