package org.medkiosk.device.scanner;

import org.medkiosk.device.link.DeviceHealth;

/** What a {@link SerialScanner} tells the app, on its reader thread. */
public sealed interface ScannerEvent permits ScannerEvent.CodeScanned, ScannerEvent.HealthChanged {

    /** A code was read and classified. Its {@code toString()} is masked. */
    record CodeScanned(ScannedCode code) implements ScannerEvent {
    }

    record HealthChanged(DeviceHealth health) implements ScannerEvent {
    }
}
