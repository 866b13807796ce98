package org.medkiosk.device.idcard;

/** The only error of {@link IdCardText#parse}: the text block is not a card layout we know. No personal data inside. */
public final class IdCardFormatException extends Exception {
    public IdCardFormatException(String message) {
        super(message);
    }
}
