package org.medkiosk.app.platform;

import java.nio.file.Path;

/**
 * What the kiosk needs from the machine it runs on: where to keep its data, how big the screen is, and a
 * hook for orderly shutdown. Backed by Gluon Attach's desktop services ({@link AttachPlatform}).
 */
public interface KioskPlatform {

    /** Private, writable folder for the journal database and logs. */
    Path dataFolder();

    /** The primary screen in pixels; call only once the JavaFX toolkit runs. */
    ScreenSize screenSize();

    /** Runs when the platform asks the app to stop (systemd stop, window-manager quit). */
    void onShutdown(Runnable action);

    record ScreenSize(double width, double height) {
        public boolean portrait() {
            return height > width;
        }
    }
}
