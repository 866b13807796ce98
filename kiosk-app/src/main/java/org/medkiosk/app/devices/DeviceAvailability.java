package org.medkiosk.app.devices;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.medkiosk.device.link.DeviceHealth;

/**
 * Which ways to identify work right now, from each driver's health: the idle screen invites only those and names
 * the ones that work when a device is out of order. Lives on the UI thread (drivers' health events are handed to it
 * there). A device the kiosk does not have is {@link State#NOT_INSTALLED}; one just opened and not yet answering is
 * {@link State#STARTING} and still invited, so a booting kiosk does not flash "out of order".
 */
public final class DeviceAvailability {

    /** The identity devices of a kiosk. */
    public enum Device { ID_CARD_READER, SCANNER, SMART_CARD_READER }

    public enum State {
        NOT_INSTALLED, STARTING, READY, OUT_OF_ORDER;

        /** Whether the idle screen invites patients to use the device. */
        public boolean invited() {
            return this == STARTING || this == READY;
        }
    }

    private final Map<Device, SimpleObjectProperty<State>> states = new EnumMap<>(Device.class);
    private final Map<Device, String> reasons = new EnumMap<>(Device.class);

    public DeviceAvailability() {
        for (Device d : Device.values()) {
            states.put(d, new SimpleObjectProperty<>(State.NOT_INSTALLED));
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty(Device device) {
        return states.get(device);
    }

    public State state(Device device) {
        return states.get(device).get();
    }

    /** The kiosk has this device and has just started its driver. */
    public void installed(Device device) {
        if (state(device) == State.NOT_INSTALLED) {
            states.get(device).set(State.STARTING);
        }
    }

    /** A driver's health: ready or degraded serve patients, offline does not. */
    public void health(Device device, DeviceHealth health) {
        reasons.put(device, health.toString());
        states.get(device).set(health.isUsable() ? State.READY : State.OUT_OF_ORDER);
    }

    /** Technician text of the last health (no patient data), for the log. */
    public String reason(Device device) {
        return reasons.getOrDefault(device, state(device).name());
    }
}
