package org.medkiosk.device.link;

import java.time.Duration;

/**
 * One end of an in-process byte pipe. Demo mode puts a device simulator on the {@link LinkPair#device()} end and the
 * real driver on the {@link LinkPair#host()} end, so the driver runs exactly the code it runs against hardware.
 *
 * <p>{@link LinkPair#unplug()} / {@link LinkPair#plugIn()} imitate a cable being pulled and reconnected.
 */
public final class InMemoryLink implements Link {

    private final String address;
    private final ByteQueue inbound;
    private final ByteQueue outbound;
    private final LinkPair.Cable cable;
    private volatile boolean open;

    InMemoryLink(String address, ByteQueue inbound, ByteQueue outbound, LinkPair.Cable cable) {
        this.address = address;
        this.inbound = inbound;
        this.outbound = outbound;
        this.cable = cable;
    }

    /** A connected pair; both ends start closed and are opened by whoever uses them. */
    public static LinkPair pair(String name) {
        return LinkPair.create(name);
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public void open() throws LinkException {
        if (!cable.pluggedIn()) {
            throw new LinkException(LinkException.Reason.NOT_FOUND, address + " is unplugged");
        }
        open = true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws LinkException {
        checkUsable();
        outbound.put(data, offset, length);
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException {
        checkUsable();
        try {
            int n = inbound.take(buffer, offset, length, ByteQueue.nanos(timeout));
            if (n < 0 || !cable.pluggedIn()) {
                open = false;
                throw new LinkException(LinkException.Reason.DISCONNECTED, address + " was unplugged");
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException(LinkException.Reason.IO, "interrupted while reading " + address, e);
        }
    }

    @Override
    public void discardInput() throws LinkException {
        checkUsable();
        inbound.clear();
    }

    @Override
    public void close() {
        open = false;
    }

    private void checkUsable() throws LinkException {
        if (!cable.pluggedIn()) {
            open = false;
            throw new LinkException(LinkException.Reason.DISCONNECTED, address + " was unplugged");
        }
        if (!open) {
            throw new LinkException(LinkException.Reason.CLOSED, address + " is not open");
        }
    }
}
