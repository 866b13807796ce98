package org.medkiosk.device.link;

import java.time.Duration;

/**
 * A byte transport to one device: a serial port, a TCP socket, a device file, or one end of an in-memory pair.
 *
 * <p>Threading: one thread may read while another writes; concurrent readers (or concurrent writers) are not
 * supported. A link that failed with {@link LinkException.Reason#DISCONNECTED} is closed; calling {@link #open()}
 * again reopens it (this is how a device unplugged and plugged back in is recovered without restarting the app).
 */
public interface Link extends AutoCloseable {

    /** Where this link goes, for diagnostics and health reasons, e.g. {@code serial:/dev/ttyUSB0@115200/8N1}. */
    String address();

    /** Opens the link, or reopens it after a failure. Does nothing when already open. */
    void open() throws LinkException;

    boolean isOpen();

    /** Writes all bytes, blocking until they were handed to the transport. */
    void write(byte[] data, int offset, int length) throws LinkException;

    default void write(byte[] data) throws LinkException {
        write(data, 0, data.length);
    }

    /**
     * Reads what has arrived, up to {@code length} bytes, waiting at most {@code timeout} for the first byte.
     *
     * @return the number of bytes read; 0 when the timeout passed with nothing received
     * @throws LinkException with reason DISCONNECTED when the device went away (the link is then closed)
     */
    int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException;

    /** Throws away bytes received but not yet read (stale answers, line noise). */
    void discardInput() throws LinkException;

    /** Closes the link; safe to call more than once. A later {@link #open()} reopens it. */
    @Override
    void close();

    /**
     * Creates (does not open) a link from a configuration address; see {@link LinkAddress} for the forms.
     */
    static Link forAddress(String address) {
        return LinkAddress.parse(address).newLink();
    }
}
