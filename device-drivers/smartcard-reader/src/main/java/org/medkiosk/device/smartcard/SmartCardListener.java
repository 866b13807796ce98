package org.medkiosk.device.smartcard;

/** Receives {@link SmartCardEvent}s on the reader thread; do not block it. */
@FunctionalInterface
public interface SmartCardListener {
    void onEvent(SmartCardEvent event);
}
