package org.medkiosk.device.link;

/** Receives what a {@link LinkReader} reads, on the reader's own thread. Implementations must not block long. */
public interface LinkListener {

    /** Bytes as they arrived; the array is the listener's to keep. */
    void onBytes(byte[] bytes);

    /** The link is open (first time or after a reconnect). */
    default void onOpened() {
    }

    /** The link could not be opened or was lost; the reader keeps retrying every reopen interval. */
    default void onLost(LinkException reason) {
    }
}
