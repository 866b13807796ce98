package org.medkiosk.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.medkiosk.hospital.LocalizedText;

/**
 * Everything a technician can set for one kiosk. Demo mode uses {@link #demo()} and needs no file.
 * Loaded and validated by {@link ConfigLoader}; documented in installer/kiosk.properties.example.
 */
public record KioskConfig(
        Hospital hospital,
        Screen screen,
        Session session,
        Backend backend,
        IdCardReader idCardReader,
        Storage storage) {

    /** The hospital as shown on the idle screen and printed on paper. */
    public record Hospital(LocalizedText name, Optional<Path> logo, LocalizedText footer) {
    }

    public enum Orientation { AUTO, PORTRAIT, LANDSCAPE }

    public record Screen(Locale language, boolean largeText, boolean fullScreen, Orientation orientation,
                         int width, int height) {
    }

    /** How long an untouched screen keeps a patient's data; the countdown shows in the last seconds. */
    public record Session(Duration timeout, Duration countdown) {
    }

    /** The hospital backend; an empty url in demo mode means "start the embedded demo hospital". */
    public record Backend(Optional<String> url, Optional<String> bearerToken, Duration timeout,
                          Optional<Path> trustedCertificates, Optional<ClientCredentials> clientCredentials) {
    }

    /** OAuth2 client-credentials grant for hospitals that issue kiosk tokens; the secret is never logged. */
    public record ClientCredentials(String tokenUrl, String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "ClientCredentials[" + tokenUrl + ", " + clientId + ", secret=****]";
        }
    }

    /** The SAM ID-card reader; an empty port means none is attached (or the simulator in demo mode). */
    public record IdCardReader(Optional<String> port, int baud, Duration pollInterval) {
    }

    /** Where the journal and logs live; empty means the platform's private storage. */
    public record Storage(Optional<Path> dataFolder) {
    }

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    public static KioskConfig demo() {
        return ConfigLoader.defaults();
    }
}
