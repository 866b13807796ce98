package org.medkiosk.app;

import org.medkiosk.app.config.KioskConfig;

/** Starts the kiosk UI and returns its exit code when it ends. */
@FunctionalInterface
public interface KioskLauncher {
    int launch(KioskConfig config, boolean demo);
}
