package org.medkiosk.device.idcard;

/** Receives {@link IdCardEvent}s on the reader thread; hand work off to another thread rather than block. */
@FunctionalInterface
public interface IdCardListener {
    void onEvent(IdCardEvent event);
}
