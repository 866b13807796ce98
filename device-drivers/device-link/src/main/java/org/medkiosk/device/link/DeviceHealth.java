package org.medkiosk.device.link;

import java.util.Objects;

/**
 * What a driver says about its device: usable, usable with a problem, or not usable. Reasons are short,
 * technician-facing English text (no patient data).
 */
public sealed interface DeviceHealth permits DeviceHealth.Ready, DeviceHealth.Degraded, DeviceHealth.Offline {

    record Ready() implements DeviceHealth {
        @Override
        public String toString() {
            return "READY";
        }
    }

    record Degraded(String reason) implements DeviceHealth {
        public Degraded {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "DEGRADED(" + reason + ")";
        }
    }

    record Offline(String reason) implements DeviceHealth {
        public Offline {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "OFFLINE(" + reason + ")";
        }
    }

    static DeviceHealth ready() {
        return new Ready();
    }

    static DeviceHealth degraded(String reason) {
        return new Degraded(reason);
    }

    static DeviceHealth offline(String reason) {
        return new Offline(reason);
    }

    /** Ready or degraded: the device can still serve patients. */
    default boolean isUsable() {
        return !(this instanceof Offline);
    }
}
