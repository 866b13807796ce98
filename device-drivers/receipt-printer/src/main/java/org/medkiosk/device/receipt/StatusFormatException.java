package org.medkiosk.device.receipt;

/** A byte that cannot be a DLE EOT answer (its fixed bits are wrong): line noise or another device. */
public final class StatusFormatException extends Exception {
    public StatusFormatException(String message) {
        super(message);
    }
}
