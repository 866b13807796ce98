package org.medkiosk.device.scanner;

/** The only error of {@link AamvaLicence#parse}: not an AAMVA licence we can read. No licence data in the message. */
public final class AamvaFormatException extends Exception {
    public AamvaFormatException(String message) {
        super(message);
    }
}
