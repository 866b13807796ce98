package org.medkiosk.app.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.medkiosk.fhir.FhirSettings;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.hospital.Money;

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
        Storage storage,
        ReceiptPrinter receiptPrinter,
        Journeys journeys,
        Scanner scanner,
        SmartCardReader smartCardReader,
        ReportPrinter reportPrinter,
        Speech speech,
        Metrics metrics,
        Guidance guidance) {

    public KioskConfig {
        speech = speech == null ? Speech.defaults() : speech;
        metrics = metrics == null ? Metrics.off() : metrics;
        guidance = guidance == null ? Guidance.defaults() : guidance;
    }

    /** The configuration with the default guidance settings ({@link Guidance#defaults()}). */
    public KioskConfig(Hospital hospital, Screen screen, Session session, Backend backend, IdCardReader idCardReader,
                       Storage storage, ReceiptPrinter receiptPrinter, Journeys journeys, Scanner scanner,
                       SmartCardReader smartCardReader, ReportPrinter reportPrinter, Speech speech, Metrics metrics) {
        this(hospital, screen, session, backend, idCardReader, storage, receiptPrinter, journeys, scanner,
                smartCardReader, reportPrinter, speech, metrics, Guidance.defaults());
    }

    /**
     * The guidance screens (issue 13): {@code guide.rules}, the department guide's rules file (empty: the built-in
     * default; checked when the configuration is read), and {@code wayfinding.map.F1}…{@code F5}, a floor map image
     * per floor map id (absent: a drawn schematic).
     */
    public record Guidance(Optional<Path> guideRules, java.util.Map<String, Path> floorMaps) {
        public static final List<String> MAP_IDS = List.of("F1", "F2", "F3", "F4", "F5");

        public Guidance {
            guideRules = guideRules == null ? Optional.empty() : guideRules;
            floorMaps = floorMaps == null ? java.util.Map.of() : java.util.Map.copyOf(floorMaps);
        }

        public static Guidance defaults() {
            return new Guidance(Optional.empty(), java.util.Map.of());
        }

        /** The configured image of a floor map id, if any. */
        public Optional<Path> floorMap(String mapId) {
            return Optional.ofNullable(floorMaps.get(mapId));
        }
    }

    /** The configuration without the metrics endpoint ({@link Metrics#off()}). */
    public KioskConfig(Hospital hospital, Screen screen, Session session, Backend backend, IdCardReader idCardReader,
                       Storage storage, ReceiptPrinter receiptPrinter, Journeys journeys, Scanner scanner,
                       SmartCardReader smartCardReader, ReportPrinter reportPrinter, Speech speech) {
        this(hospital, screen, session, backend, idCardReader, storage, receiptPrinter, journeys, scanner,
                smartCardReader, reportPrinter, speech, Metrics.off());
    }

    /** The configuration with the default voice ({@link Speech#defaults()}). */
    public KioskConfig(Hospital hospital, Screen screen, Session session, Backend backend, IdCardReader idCardReader,
                       Storage storage, ReceiptPrinter receiptPrinter, Journeys journeys, Scanner scanner,
                       SmartCardReader smartCardReader, ReportPrinter reportPrinter) {
        this(hospital, screen, session, backend, idCardReader, storage, receiptPrinter, journeys, scanner,
                smartCardReader, reportPrinter, Speech.defaults());
    }

    /** The configuration without an A4 report printer. */
    public KioskConfig(Hospital hospital, Screen screen, Session session, Backend backend, IdCardReader idCardReader,
                       Storage storage, ReceiptPrinter receiptPrinter, Journeys journeys, Scanner scanner,
                       SmartCardReader smartCardReader) {
        this(hospital, screen, session, backend, idCardReader, storage, receiptPrinter, journeys, scanner,
                smartCardReader, ReportPrinter.none());
    }

    /** The configuration without a receipt printer and with the default journey settings. */
    public KioskConfig(Hospital hospital, Screen screen, Session session, Backend backend, IdCardReader idCardReader,
                       Storage storage) {
        this(hospital, screen, session, backend, idCardReader, storage, ReceiptPrinter.none(), Journeys.defaults());
    }

    /** The configuration without a scanner or smart-card reader (demo mode simulates both anyway). */
    public KioskConfig(Hospital hospital, Screen screen, Session session, Backend backend, IdCardReader idCardReader,
                       Storage storage, ReceiptPrinter receiptPrinter, Journeys journeys) {
        this(hospital, screen, session, backend, idCardReader, storage, receiptPrinter, journeys, Scanner.none(),
                SmartCardReader.none());
    }

    /** The same configuration with another backend (e.g. `kiosk demo --backend URL`). */
    public KioskConfig withBackend(Backend other) {
        return new KioskConfig(hospital, screen, session, other, idCardReader, storage, receiptPrinter, journeys,
                scanner, smartCardReader, reportPrinter, speech, metrics, guidance);
    }

    /**
     * The fleet-monitoring endpoint ({@code metrics.*}): Prometheus metrics at {@code /metrics} and a JSON health at
     * {@code /health} on {@code address:port}. Port 0 (the default, and the demo's) means off. No patient data is
     * ever exported.
     */
    public record Metrics(int port, String address) {
        public static final String LOOPBACK = "127.0.0.1";

        public Metrics {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535: " + port);
            }
            address = address == null || address.isBlank() ? LOOPBACK : address;
        }

        public static Metrics off() {
            return new Metrics(0, LOOPBACK);
        }

        public boolean enabled() {
            return port > 0;
        }
    }

    /** The hospital as shown on the idle screen and printed on paper. */
    public record Hospital(LocalizedText name, Optional<Path> logo, LocalizedText footer) {
    }

    public enum Orientation { AUTO, PORTRAIT, LANDSCAPE }

    /**
     * The screen ({@code screen.*}): language, largeText and highContrast are what every new session starts with
     * (each patient can switch them); width and height are the layout's design size in pixels.
     */
    public record Screen(Locale language, boolean largeText, boolean fullScreen, Orientation orientation,
                         int width, int height, boolean highContrast) {

        /** A screen that starts every session in the normal (not high-contrast) theme. */
        public Screen(Locale language, boolean largeText, boolean fullScreen, Orientation orientation,
                      int width, int height) {
            this(language, largeText, fullScreen, orientation, width, height, false);
        }
    }

    /**
     * The kiosk's voice ({@code voice.*}), spoken by espeak-ng when it is installed. enabled false mutes the kiosk;
     * volume is 0-100 (espeak-ng's amplitude 0-200, see {@code EspeakVoice}); chineseVoice is the espeak-ng voice for
     * Chinese text, {@value #MANDARIN} (Mandarin) or {@value #CANTONESE} (Cantonese, for hospitals in Guangdong);
     * ratePercent is the pace, 100 the kiosk's normal pace (slower than espeak-ng's English default, for elderly
     * listeners), from 50 (half) to 150.
     * Named Speech, not Voice, so that it never reads as the {@code org.medkiosk.app.voice.Voice} that speaks it.
     */
    public record Speech(boolean enabled, int volume, String chineseVoice, int ratePercent) {
        public static final String MANDARIN = "cmn";
        public static final String CANTONESE = "yue";

        public Speech {
            if (volume < 0 || volume > 100) {
                throw new IllegalArgumentException("volume must be 0-100: " + volume);
            }
            if (!MANDARIN.equals(chineseVoice) && !CANTONESE.equals(chineseVoice)) {
                throw new IllegalArgumentException("chineseVoice must be cmn or yue: " + chineseVoice);
            }
            if (ratePercent < 50 || ratePercent > 150) {
                throw new IllegalArgumentException("ratePercent must be 50-150: " + ratePercent);
            }
        }

        /** At the normal pace. */
        public Speech(boolean enabled, int volume, String chineseVoice) {
            this(enabled, volume, chineseVoice, 100);
        }

        /** On, volume 80, Mandarin, the normal pace. */
        public static Speech defaults() {
            return new Speech(true, 80, MANDARIN, 100);
        }

        /** The same voice, muted. */
        public Speech muted() {
            return new Speech(false, volume, chineseVoice, ratePercent);
        }
    }

    /** How long an untouched screen keeps a patient's data; the countdown shows in the last seconds. */
    public record Session(Duration timeout, Duration countdown) {
    }

    /** The hospital backend; an empty url in demo mode means "start the embedded demo hospital". */
    public record Backend(Optional<String> url, Optional<String> bearerToken, Duration timeout,
                          Optional<Path> trustedCertificates, Optional<ClientCredentials> clientCredentials,
                          org.medkiosk.fhir.IdentifierSystems identifierSystems) {
        public Backend {
            identifierSystems = identifierSystems == null ? org.medkiosk.fhir.IdentifierSystems.DEFAULTS : identifierSystems;
        }

        /** A backend with MedKiosk's default identifier systems. */
        public Backend(Optional<String> url, Optional<String> bearerToken, Duration timeout,
                       Optional<Path> trustedCertificates, Optional<ClientCredentials> clientCredentials) {
            this(url, bearerToken, timeout, trustedCertificates, clientCredentials, null);
        }

        /**
         * The FHIR client's settings for this backend (url required): timeouts, token or client credentials, trust,
         * and the hospital's identifier systems ({@code backend.identifier-system.*}).
         */
        public FhirSettings fhirSettings() {
            FhirSettings settings = FhirSettings.of(url.orElseThrow()).withAllTimeouts(timeout)
                    .withIdentifierSystems(identifierSystems);
            if (bearerToken.isPresent()) {
                settings = settings.withBearerToken(bearerToken.get());
            }
            if (trustedCertificates.isPresent()) {
                settings = settings.withTrustedCertificates(trustedCertificates.get());
            }
            if (clientCredentials.isPresent()) {
                ClientCredentials c = clientCredentials.get();
                settings = settings.withClientCredentials(
                        new FhirSettings.ClientCredentials(URI.create(c.tokenUrl()), c.clientId(), c.clientSecret(), null));
            }
            return settings;
        }

        /** Records print every component: the token must never reach a log or a stack trace. */
        @Override
        public String toString() {
            return "Backend[url=" + url.orElse("(embedded demo)") + ", token=" + (bearerToken.isPresent() ? "****" : "none")
                    + ", timeout=" + timeout + ", trustedCertificates=" + trustedCertificates.map(Path::toString).orElse("system")
                    + ", clientCredentials=" + clientCredentials.map(ClientCredentials::toString).orElse("none")
                    + ", identifierSystems=" + identifierSystems + "]";
        }
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

    /**
     * The serial QR/barcode scanner ({@code scanner.*}); an empty port means none is attached (or the simulator in
     * demo mode). prefix is the fixed text the scanner sends before each code (empty: none), aimId whether it sends
     * an AIM identifier ({@code ]Q1}) first, suffix what ends each code, trigger how scanning is started, codeFormats
     * which scanned text is which kind of code ({@code scanner.format.*}; null: MedKiosk's defaults).
     */
    public record Scanner(Optional<String> port, int baud, org.medkiosk.device.scanner.TriggerProfile trigger,
                          String prefix, boolean aimId, org.medkiosk.device.scanner.ScannerFraming.Suffix suffix,
                          org.medkiosk.device.scanner.CodeFormats codeFormats) {
        public Scanner {
            codeFormats = codeFormats == null ? org.medkiosk.device.scanner.CodeFormats.defaults() : codeFormats;
        }

        /** A scanner with MedKiosk's default code formats. */
        public Scanner(Optional<String> port, int baud, org.medkiosk.device.scanner.TriggerProfile trigger,
                       String prefix, boolean aimId, org.medkiosk.device.scanner.ScannerFraming.Suffix suffix) {
            this(port, baud, trigger, prefix, aimId, suffix, null);
        }

        public static Scanner none() {
            return new Scanner(Optional.empty(), 9600, org.medkiosk.device.scanner.TriggerProfile.PRESENTATION, "", false,
                    org.medkiosk.device.scanner.ScannerFraming.Suffix.ANY_LINE_END);
        }

        /** How the driver frames codes from this scanner. */
        public org.medkiosk.device.scanner.ScannerFraming framing() {
            return org.medkiosk.device.scanner.ScannerFraming.defaults().withPrefix(prefix).withAimId(aimId)
                    .withSuffix(suffix);
        }
    }

    /**
     * The PC/SC smart-card reader ({@code smartcard.*}) for social security cards and contactless patient cards.
     * reader is empty for none, {@code auto} for whichever reader holds a card, or one reader's PC/SC name; library
     * is the libpcsclite the JDK should load (empty: found by the driver).
     */
    public record SmartCardReader(Optional<String> reader, Optional<Path> library, Duration pollInterval) {
        public static final String AUTO = "auto";

        public static SmartCardReader none() {
            return new SmartCardReader(Optional.empty(), Optional.empty(), Duration.ofMillis(300));
        }

        /** One named reader, or empty for any reader (auto). */
        public Optional<String> onlyReader() {
            return reader.filter(r -> !AUTO.equals(r));
        }
    }

    /**
     * The receipt printer ({@code printer.receipt}): {@code serial:PATH[@BAUD]}, {@code tcp://HOST:PORT} or
     * {@code file:PATH}; empty means none (the demo prints on its simulated printer). profile is a
     * {@code PrinterProfile} name (epson-80, generic-80, generic-58).
     */
    public record ReceiptPrinter(Optional<String> spec, String profile) {
        public static ReceiptPrinter none() {
            return new ReceiptPrinter(Optional.empty(), "epson-80");
        }
    }

    /**
     * What the journeys may do: top-up presets and limits (whole yuan), how a pending payment is polled
     * ({@code payment.poll-seconds}) and for how long ({@code payment.pending-bound-seconds}; the $pay call's own
     * timeout is {@code backend.timeout-ms}), and how many days ahead a patient may book.
     */
    /**
     * What the hospital sets for the journeys. The check-in window opens {@code checkInOpensBefore} before the
     * period starts and closes {@code checkInClosesAfterEnd} after it ends; a receipt may be printed again
     * {@code reprintsPerDay} times a day within {@code reprintDays} days.
     */
    public record Journeys(List<Money> topUpPresets, Money topUpMin, Money topUpMax, Duration paymentPollEvery,
                           Duration paymentPendingBound, int bookAheadDays, Duration checkInOpensBefore,
                           Duration checkInClosesAfterEnd, int reprintsPerDay, int reprintDays) {
        public Journeys {
            topUpPresets = List.copyOf(topUpPresets);
        }

        /** With the default check-in window and reprint limit. */
        public Journeys(List<Money> topUpPresets, Money topUpMin, Money topUpMax, Duration paymentPollEvery,
                        Duration paymentPendingBound, int bookAheadDays) {
            this(topUpPresets, topUpMin, topUpMax, paymentPollEvery, paymentPendingBound, bookAheadDays,
                    Duration.ofMinutes(60), Duration.ZERO, 1, 7);
        }

        public static Journeys defaults() {
            return new Journeys(List.of(Money.ofYuan("50"), Money.ofYuan("100"), Money.ofYuan("200"), Money.ofYuan("500")),
                    Money.ofYuan("1"), Money.ofYuan("5000"), Duration.ofSeconds(3), Duration.ofSeconds(30), 7);
        }
    }

    /**
     * The A4 report printer ({@code printer.report}): the name of a CUPS queue; empty means none (the reports screen
     * sends patients to the report desk; the demo prints on its simulated A4 printer).
     */
    public record ReportPrinter(Optional<String> queue) {
        public static ReportPrinter none() {
            return new ReportPrinter(Optional.empty());
        }
    }

    /** Where the journal and logs live; empty means the platform's private storage. */
    public record Storage(Optional<Path> dataFolder) {
    }

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    public static KioskConfig demo() {
        return ConfigLoader.defaults();
    }
}
