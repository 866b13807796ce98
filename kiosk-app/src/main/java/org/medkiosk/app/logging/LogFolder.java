package org.medkiosk.app.logging;

import java.nio.file.Path;

/**
 * Points logback's rolling file at the kiosk's data folder. Must run before the first logger is created,
 * because logback reads ${medkiosk.log.dir} when it configures itself.
 */
public final class LogFolder {
    public static final String PROPERTY = "medkiosk.log.dir";

    private LogFolder() {
    }

    public static void use(Path dataFolder) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, dataFolder.resolve("logs").toString());
        }
    }
}
