package org.medkiosk.device.scanner;

/** Receives {@link ScannerEvent}s on the scanner's reader thread; do not block it. */
@FunctionalInterface
public interface ScannerListener {
    void onEvent(ScannerEvent event);
}
