package org.medkiosk.device.link;

/**
 * Two connected in-memory links: what the host writes the device reads, and the other way round.
 *
 * @param host   the end a driver uses (where the kiosk sits)
 * @param device the end a simulator uses (where the device sits)
 */
public record LinkPair(InMemoryLink host, InMemoryLink device, Cable cable) {

    /** The imaginary cable between both ends; pulling it fails both ends until it is plugged back in. */
    public static final class Cable {
        private volatile boolean pluggedIn = true;
        private final ByteQueue toDevice;
        private final ByteQueue toHost;

        Cable(ByteQueue toDevice, ByteQueue toHost) {
            this.toDevice = toDevice;
            this.toHost = toHost;
        }

        public boolean pluggedIn() {
            return pluggedIn;
        }
    }

    static LinkPair create(String name) {
        ByteQueue toDevice = new ByteQueue();
        ByteQueue toHost = new ByteQueue();
        Cable cable = new Cable(toDevice, toHost);
        InMemoryLink host = new InMemoryLink("memory:" + name + "/host", toHost, toDevice, cable);
        InMemoryLink device = new InMemoryLink("memory:" + name + "/device", toDevice, toHost, cable);
        return new LinkPair(host, device, cable);
    }

    /** Pulls the cable: pending and later reads/writes on both ends fail with DISCONNECTED, open() with NOT_FOUND. */
    public void unplug() {
        cable.pluggedIn = false;
        cable.toDevice.breakQueue();
        cable.toHost.breakQueue();
    }

    /** Plugs the cable back in (bytes in flight are lost, as on a real cable); both ends must be reopened. */
    public void plugIn() {
        cable.toDevice.repair();
        cable.toHost.repair();
        cable.pluggedIn = true;
    }
}
