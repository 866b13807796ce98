package org.medkiosk.device.link;

import java.io.IOException;

/**
 * A transport failure, with a reason a technician can act on. Messages name the port or host, never payload bytes.
 */
public class LinkException extends IOException {

    public enum Reason {
        /** The port path, device file or host does not exist / is not plugged in. */
        NOT_FOUND,
        /** The OS refused access (serial group / udev rule missing). */
        PERMISSION_DENIED,
        /** Another process holds the port. */
        BUSY,
        /** The link was open and the device went away (unplugged, peer closed). */
        DISCONNECTED,
        /** The link is not open. */
        CLOSED,
        /** The device did not answer in time. */
        TIMEOUT,
        /** Any other I/O failure. */
        IO
    }

    private final Reason reason;

    public LinkException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public LinkException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
