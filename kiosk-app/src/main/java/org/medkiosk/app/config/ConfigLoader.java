package org.medkiosk.app.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.medkiosk.device.scanner.CodeFormats;
import org.medkiosk.device.scanner.CodeKind;
import org.medkiosk.device.scanner.ScannerFraming;
import org.medkiosk.fhir.FhirSettings;
import org.medkiosk.fhir.IdentifierSystems;
import org.medkiosk.device.scanner.TriggerProfile;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.hospital.Money;

/**
 * Reads kiosk.properties (UTF-8, Java properties syntax, # comments). Every key is validated and an unknown
 * key is an error too, because a misspelt key silently ignored is a kiosk misconfigured in a lobby.
 */
public final class ConfigLoader {
    static final Set<String> KEYS = Set.of(
            "hospital.name.zh", "hospital.name.en", "hospital.logo", "hospital.footer.zh", "hospital.footer.en",
            "screen.language", "screen.large-text", "screen.high-contrast", "screen.full-screen", "screen.orientation",
            "screen.width", "screen.height",
            "voice.enabled", "voice.volume", "voice.chinese", "voice.rate",
            "session.timeout-seconds", "session.countdown-seconds",
            "backend.url", "backend.token", "backend.timeout-ms", "backend.trusted-certificates",
            "backend.token-url", "backend.client-id", "backend.client-secret",
            "backend.identifier-system.resident-id", "backend.identifier-system.foreign-permanent-residence",
            "backend.identifier-system.insurance-card", "backend.identifier-system.insurance-voucher",
            "backend.identifier-system.patient-card", "backend.identifier-system.patient-card-uid",
            "backend.identifier-system.mrn", "backend.identifier-system.ehealth-card",
            "backend.identifier-system.queue-number", "backend.identifier-system.specimen",
            "idcard.port", "idcard.baud", "idcard.poll-ms",
            "scanner.port", "scanner.baud", "scanner.trigger", "scanner.prefix", "scanner.suffix", "scanner.aim-id",
            "scanner.format.wechat-pay", "scanner.format.unionpay", "scanner.format.alipay",
            "scanner.format.ehealth-card", "scanner.format.insurance-voucher", "scanner.format.patient-card",
            "scanner.format.lab-specimen", "scanner.format.appointment",
            "smartcard.reader", "smartcard.library", "smartcard.poll-ms",
            "storage.data-folder",
            "printer.receipt", "printer.receipt.profile", "printer.report",
            "topup.presets", "topup.min-yuan", "topup.max-yuan",
            "payment.poll-seconds", "payment.pending-bound-seconds",
            "registration.book-ahead-days", "checkin.opens-minutes-before", "checkin.closes-minutes-after-end",
            "receipts.reprints-per-day", "receipts.reprint-days",
            "metrics.port", "metrics.address",
            "guide.rules", "wayfinding.map.F1", "wayfinding.map.F2", "wayfinding.map.F3", "wayfinding.map.F4",
            "wayfinding.map.F5");

    /** The technician's changes, in the kiosk's data folder, applied on top of the administrator's file. */
    public static final String OVERRIDES_FILE_NAME = "kiosk-overrides.properties";

    /** Keys only the administrator's file may set: the overrides file lives in the data folder it names. */
    static final Set<String> NOT_OVERRIDABLE = Set.of("storage.data-folder");

    private final String source;
    private final Properties values;
    private final String overridesSource;
    private final Set<String> overridden;

    private ConfigLoader(String source, Properties values, String overridesSource, Set<String> overridden) {
        this.source = source;
        this.values = values;
        this.overridesSource = overridesSource;
        this.overridden = overridden;
    }

    /**
     * The kiosk's configuration: {@code file} (the administrator's, read-only to the kiosk) and, on top of it, the
     * technician's changes in {@value #OVERRIDES_FILE_NAME} in the kiosk's data folder ({@code storage.data-folder},
     * else the platform's private storage) when that file exists. A bad value names the file it is in.
     */
    public static KioskConfig load(Path file) {
        Properties main = read(file);
        return build(file.toString(), main, overridesFileFor(file, main));
    }

    /** {@code file} with the overrides in {@code overrides} on top (none when that file does not exist). */
    public static KioskConfig load(Path file, Path overrides) {
        return build(file.toString(), read(file), overrides);
    }

    /** Where {@link #load(Path)} looks for the technician's overrides of {@code file}. */
    public static Path overridesFileFor(Path file) {
        return overridesFileFor(file, read(file));
    }

    /** The overrides file in a data folder. */
    public static Path overridesFileIn(Path dataFolder) {
        return dataFolder.resolve(OVERRIDES_FILE_NAME);
    }

    public static KioskConfig parse(String source, String text) {
        return parse(source, new StringReader(text));
    }

    /**
     * {@code text} with {@code overridesText} on top, validated exactly as {@link #load(Path, Path)} validates the two
     * files: what the technician mode checks an edit with before it saves it.
     */
    public static KioskConfig parse(String source, String text, String overridesSource, String overridesText) {
        Properties main = properties(source, new StringReader(text));
        Properties overrides = properties(overridesSource, new StringReader(overridesText));
        return merged(source, main, overridesSource, overrides);
    }

    static KioskConfig defaults() {
        return parse("defaults", "");
    }

    private static KioskConfig parse(String source, Reader in) {
        return new ConfigLoader(source, properties(source, in), source, Set.of()).build();
    }

    private static Properties read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return properties(file.toString(), in);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException("configuration file not found: " + file);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
    }

    private static KioskConfig build(String source, Properties main, Path overridesFile) {
        if (!Files.exists(overridesFile)) {
            return new ConfigLoader(source, main, source, Set.of()).build();
        }
        String text;
        try {
            text = Files.readString(overridesFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Never silently without them: the kiosk would run with settings the technician believes are changed.
            throw new ConfigException("cannot read the technician's overrides file " + overridesFile + ": " + e);
        }
        Properties overrides = properties(overridesFile.toString(), new StringReader(text));
        return merged(source, main, overridesFile.toString(), overrides);
    }

    private static KioskConfig merged(String source, Properties main, String overridesSource, Properties overrides) {
        for (String key : NOT_OVERRIDABLE) {
            if (overrides.containsKey(key)) {
                throw new ConfigException(overridesSource, key, overrides.getProperty(key),
                        "no value here: " + key + " is set only in the administrator's file (" + source + ")");
            }
        }
        Properties merged = new Properties();
        merged.putAll(main);
        merged.putAll(overrides);
        Set<String> overridden = new TreeSet<>(overrides.stringPropertyNames());
        return new ConfigLoader(source, merged, overridesSource, overridden).build();
    }

    /** The data folder named by {@code storage.data-folder}, else the platform's, and the overrides file in it. */
    private static Path overridesFileFor(Path file, Properties main) {
        String configured = main.getProperty("storage.data-folder", "").trim();
        Optional<Path> folder;
        try {
            folder = configured.isEmpty() ? Optional.empty() : Optional.of(Path.of(configured));
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigException(file.toString(), "storage.data-folder", configured, "a folder path, e.g. /var/lib/medkiosk");
        }
        return overridesFileIn(new org.medkiosk.app.platform.AttachPlatform(folder).dataFolder());
    }

    /** Java properties, every key a known one. */
    private static Properties properties(String source, Reader in) {
        Properties p = new Properties();
        try {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(source + ": not a valid properties file: " + e.getMessage());
        }
        Set<String> unknown = new TreeSet<>();
        for (Object k : p.keySet()) {
            if (!KEYS.contains(k.toString())) {
                unknown.add(k.toString());
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException(source + ": unknown key(s) " + unknown + "; known keys are " + new TreeSet<>(KEYS));
        }
        return p;
    }

    /** The file a key's value came from: the overrides file when the technician set it there. */
    private String source(String key) {
        return overridden.contains(key) ? overridesSource : source;
    }

    private KioskConfig build() {
        var hospital = new KioskConfig.Hospital(
                new LocalizedText(text("hospital.name.zh", "MedKiosk 示范医院"), text("hospital.name.en", "MedKiosk Demo Hospital")),
                optional("hospital.logo").map(Path::of),
                new LocalizedText(text("hospital.footer.zh", "祝您早日康复"), text("hospital.footer.en", "Wishing you a speedy recovery")));
        var screen = new KioskConfig.Screen(
                choice("screen.language", "zh_CN", Map.of("zh_CN", KioskConfig.CHINESE, "en", Locale.ENGLISH)),
                bool("screen.large-text", false),
                bool("screen.full-screen", true),
                choice("screen.orientation", "auto", Map.of("auto", KioskConfig.Orientation.AUTO,
                        "portrait", KioskConfig.Orientation.PORTRAIT, "landscape", KioskConfig.Orientation.LANDSCAPE)),
                integer("screen.width", 1080, 640, 7680, "a width in pixels from 640 to 7680"),
                integer("screen.height", 1920, 480, 7680, "a height in pixels from 480 to 7680"),
                bool("screen.high-contrast", false));
        int timeout = integer("session.timeout-seconds", 60, 15, 600, "a whole number of seconds from 15 to 600");
        int countdown = integer("session.countdown-seconds", 15, 5, 60, "a whole number of seconds from 5 to 60");
        if (countdown >= timeout) {
            throw new ConfigException(source("session.countdown-seconds"), "session.countdown-seconds", String.valueOf(countdown),
                    "fewer seconds than session.timeout-seconds (" + timeout + ")");
        }
        var session = new KioskConfig.Session(Duration.ofSeconds(timeout), Duration.ofSeconds(countdown));
        var backend = backend();
        var idcard = new KioskConfig.IdCardReader(optional("idcard.port"),
                choice("idcard.baud", "115200", BAUDS),
                Duration.ofMillis(integer("idcard.poll-ms", 300, 50, 5000, "milliseconds from 50 to 5000")));
        var storage = new KioskConfig.Storage(optional("storage.data-folder").map(Path::of));
        return new KioskConfig(hospital, screen, session, backend, idcard, storage, receiptPrinter(), journeys(),
                scanner(), smartCardReader(), reportPrinter(), speech(), metrics(), guidance());
    }

    /**
     * guide.rules and wayfinding.map.*: the rules file is read and checked here, so a rules file the guide cannot
     * use stops the kiosk at start-up with the rules' own one-line message (the department check waits for the
     * hospital: see KioskAssembly).
     */
    private KioskConfig.Guidance guidance() {
        Optional<Path> rules = optional("guide.rules").map(raw -> path("guide.rules", raw,
                "the path of a department guide rules file (YAML), e.g. /etc/medkiosk/guide-rules.yaml"));
        rules.ifPresent(file -> {
            try {
                org.medkiosk.journey.guide.GuideRules.load(file);
            } catch (org.medkiosk.journey.guide.GuideRulesException e) {
                throw new ConfigException(e.getMessage());
            }
        });
        Map<String, Path> maps = new java.util.LinkedHashMap<>();
        for (String id : KioskConfig.Guidance.MAP_IDS) {
            String key = "wayfinding.map." + id;
            optional(key).ifPresent(raw -> maps.put(id, path(key, raw, "the path of a PNG or JPEG image of floor " + id)));
        }
        return new KioskConfig.Guidance(rules, maps);
    }

    private Path path(String key, String raw, String allowed) {
        try {
            return Path.of(raw);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigException(source(key), key, raw, allowed);
        }
    }

    /**
     * metrics.*: the local Prometheus/health endpoint, off unless a port is set; bound to loopback unless an address
     * (a literal IPv4 or IPv6 address of this machine, e.g. the kiosk's management interface) is set.
     */
    private KioskConfig.Metrics metrics() {
        int port = integer("metrics.port", 0, 0, 65535,
                "a TCP port from 1024 to 65535 for /metrics and /health (0 or empty: off), e.g. 9464");
        if (port != 0 && port < 1024) {
            throw new ConfigException(source("metrics.port"), "metrics.port", String.valueOf(port),
                    "a TCP port from 1024 to 65535 for /metrics and /health (0 or empty: off), e.g. 9464");
        }
        Optional<String> address = optional("metrics.address");
        address.ifPresent(a -> {
            String allowed = "a literal IP address of this machine to listen on, e.g. 127.0.0.1 (the default) or 10.0.8.21";
            boolean literal = a.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                    ? java.util.Arrays.stream(a.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255)
                    : a.contains(":") && a.matches("[0-9A-Fa-f:.]+");
            if (!literal) {
                throw new ConfigException(source("metrics.address"), "metrics.address", a, allowed);
            }
            try {
                java.net.InetAddress.getByName(a); // a literal: parsed, never looked up
            } catch (java.net.UnknownHostException e) {
                throw new ConfigException(source("metrics.address"), "metrics.address", a, allowed);
            }
        });
        return new KioskConfig.Metrics(port, address.orElse(KioskConfig.Metrics.LOOPBACK));
    }

    /**
     * backend.*: checked here for everything the FHIR client would otherwise refuse only when the kiosk starts (plain
     * http off loopback, a certificate file it cannot read), so `kiosk run` says one line instead of a stack trace.
     */
    private KioskConfig.Backend backend() {
        Optional<String> url = optional("backend.url");
        url.ifPresent(u -> {
            String allowed = "an https:// URL of the FHIR base, e.g. https://his.example.org/fhir (plain http:// only on "
                    + "loopback: localhost, 127.0.0.1 or [::1])";
            if (!u.matches("https?://[^\\s/]+(/\\S*)?")) {
                throw new ConfigException(source("backend.url"), "backend.url", u, allowed);
            }
            checkReachableUrl("backend.url", u, allowed, () -> FhirSettings.of(u));
        });
        Optional<KioskConfig.ClientCredentials> credentials = Optional.empty();
        if (optional("backend.client-id").isPresent() || optional("backend.token-url").isPresent()) {
            String tokenUrl = required("backend.token-url", "the OAuth2 token endpoint URL (with backend.client-id)");
            String allowed = "the https:// URL of the OAuth2 token endpoint, e.g. https://his.example.org/oauth2/token "
                    + "(plain http:// only on loopback)";
            if (!tokenUrl.matches("https?://[^\\s/]+(/\\S*)?")) {
                throw new ConfigException(source("backend.token-url"), "backend.token-url", tokenUrl, allowed);
            }
            // The client's own rule for the token endpoint, on a stand-in base URL.
            checkReachableUrl("backend.token-url", tokenUrl, allowed, () -> FhirSettings.of("https://localhost")
                    .withClientCredentials(new FhirSettings.ClientCredentials(URI.create(tokenUrl), "-", "-", null)));
            credentials = Optional.of(new KioskConfig.ClientCredentials(tokenUrl,
                    required("backend.client-id", "the OAuth2 client id (with backend.token-url)"),
                    required("backend.client-secret", "the OAuth2 client secret (with backend.client-id)")));
        }
        Optional<Path> certificates = optional("backend.trusted-certificates").map(Path::of);
        certificates.ifPresent(this::checkTrustedCertificates);
        var backend = new KioskConfig.Backend(url, optional("backend.token"),
                Duration.ofMillis(integer("backend.timeout-ms", 8000, 500, 120000, "milliseconds from 500 to 120000")),
                certificates, credentials, identifierSystems());
        if (url.isPresent()) {
            try {
                backend.fhirSettings();
            } catch (RuntimeException e) {
                // A safety net for a rule of the client's this loader does not know yet: still one line.
                throw new ConfigException(source + ": the backend settings cannot be used: " + oneLine(e.getMessage()));
            }
        }
        return backend;
    }

    /** A URL the FHIR client accepts: {@code settings} builds the client's settings with it (and throws if it would not). */
    private void checkReachableUrl(String key, String url, String allowed, java.util.function.Supplier<FhirSettings> settings) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException(source(key), key, url, allowed + " (" + oneLine(e.getMessage()) + ")");
        }
        if (uri.getHost() == null) {
            throw new ConfigException(source(key), key, url, allowed + " (the host is not a valid name or address)");
        }
        try {
            settings.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source(key), key, url, allowed);
        }
    }

    /**
     * backend.trusted-certificates: read as the FHIR client reads it when it connects (X.509, PEM or DER, at least one
     * certificate), so an unreadable or wrong file stops `kiosk run` with one line, not the first TLS connection.
     */
    private void checkTrustedCertificates(Path pem) {
        String allowed = "a PEM file the kiosk can read, with the hospital's CA or the HIS server's certificate "
                + "(empty: the system trust store)";
        String problem;
        if (Files.isDirectory(pem)) {
            problem = "it is a folder";
        } else {
            try (java.io.InputStream in = Files.newInputStream(pem)) {
                var certificates = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in);
                problem = certificates.isEmpty() ? "it holds no certificate" : null;
            } catch (java.nio.file.NoSuchFileException e) {
                problem = "there is no such file";
            } catch (java.nio.file.AccessDeniedException e) {
                problem = "the kiosk's user may not read it";
            } catch (IOException e) {
                problem = "it cannot be read: " + oneLine(String.valueOf(e.getMessage()));
            } catch (java.security.cert.CertificateException e) {
                problem = "it holds no certificate the kiosk can read: " + oneLine(String.valueOf(e.getMessage()));
            }
        }
        if (problem != null) {
            throw new ConfigException(source("backend.trusted-certificates"), "backend.trusted-certificates",
                    pem.toString(), allowed + "; " + problem);
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }

    /** voice.*: whether the kiosk speaks (when espeak-ng is installed), how loud, which Chinese, how fast. */
    private KioskConfig.Speech speech() {
        boolean enabled = bool("voice.enabled", true);
        int volume = integer("voice.volume", 80, 0, 100, "a volume from 0 (silent) to 100 (loudest)");
        String chinese = choice("voice.chinese", KioskConfig.Speech.MANDARIN, Map.of(
                KioskConfig.Speech.MANDARIN, KioskConfig.Speech.MANDARIN,
                KioskConfig.Speech.CANTONESE, KioskConfig.Speech.CANTONESE));
        int rate = integer("voice.rate", 100, 50, 150,
                "a pace in percent from 50 (half as fast) to 150, 100 being the kiosk's normal pace");
        return new KioskConfig.Speech(enabled, volume, chinese, rate);
    }

    /** backend.identifier-system.*: the hospital's own FHIR identifier systems; each unset one keeps MedKiosk's default. */
    private IdentifierSystems identifierSystems() {
        IdentifierSystems systems = IdentifierSystems.DEFAULTS;
        systems = system(systems, "resident-id", IdentifierSystems::withResidentId);
        systems = system(systems, "foreign-permanent-residence", IdentifierSystems::withForeignPermanentResidence);
        systems = system(systems, "insurance-card", IdentifierSystems::withInsuranceCard);
        systems = system(systems, "insurance-voucher", IdentifierSystems::withInsuranceVoucher);
        systems = system(systems, "patient-card", IdentifierSystems::withPatientCard);
        systems = system(systems, "patient-card-uid", IdentifierSystems::withPatientCardUid);
        systems = system(systems, "mrn", IdentifierSystems::withMedicalRecordNumber);
        systems = system(systems, "ehealth-card", IdentifierSystems::withEhealthCard);
        systems = system(systems, "queue-number", IdentifierSystems::withQueueNumber);
        systems = system(systems, "specimen", IdentifierSystems::withSpecimen);
        return systems;
    }

    private IdentifierSystems system(IdentifierSystems systems, String name,
                                     java.util.function.BiFunction<IdentifierSystems, String, IdentifierSystems> with) {
        String key = "backend.identifier-system." + name;
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return systems;
        }
        try {
            return with.apply(systems, value.get());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source(key), key, value.get(), "an absolute URI without '|' (a valid OID after urn:oid:),"
                    + " e.g. urn:oid:2.16.156.10011.1.3 or https://his.example.org/id/patient-card");
        }
    }

    private static final Map<String, Integer> BAUDS = Map.of("9600", 9600, "19200", 19200, "38400", 38400,
            "57600", 57600, "115200", 115200);

    private KioskConfig.Scanner scanner() {
        Optional<String> port = optional("scanner.port");
        int baud = choice("scanner.baud", "9600", BAUDS);
        TriggerProfile trigger = choice("scanner.trigger", "presentation", Map.of(
                "presentation", TriggerProfile.PRESENTATION, "honeywell", TriggerProfile.HONEYWELL,
                "zebra", TriggerProfile.ZEBRA_SSI, "newland", TriggerProfile.NEWLAND));
        // Not trimmed-away: a prefix is matched byte for byte, but surrounding blanks in the file are never meant.
        String prefix = optional("scanner.prefix").orElse("");
        if (prefix.length() > 16 || prefix.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new ConfigException(source("scanner.prefix"), "scanner.prefix", prefix,
                    "up to 16 printable characters the scanner sends before each code (empty: none)");
        }
        ScannerFraming.Suffix suffix = choice("scanner.suffix", "any", Map.of("cr", ScannerFraming.Suffix.CR,
                "lf", ScannerFraming.Suffix.LF, "crlf", ScannerFraming.Suffix.CRLF, "tab", ScannerFraming.Suffix.TAB,
                "any", ScannerFraming.Suffix.ANY_LINE_END, "none", ScannerFraming.Suffix.NONE));
        boolean aimId = bool("scanner.aim-id", false);
        return new KioskConfig.Scanner(port, baud, trigger, prefix, aimId, suffix, codeFormats());
    }

    /** scanner.format.KIND: the config name of each kind the scanner tells by pattern, in classification order. */
    static final Map<String, CodeKind> FORMAT_KINDS;

    static {
        Map<String, CodeKind> kinds = new java.util.LinkedHashMap<>();
        kinds.put("wechat-pay", CodeKind.WECHAT_PAY_CODE);
        kinds.put("unionpay", CodeKind.UNIONPAY_CODE);
        kinds.put("alipay", CodeKind.ALIPAY_CODE);
        kinds.put("ehealth-card", CodeKind.E_HEALTH_CARD);
        kinds.put("insurance-voucher", CodeKind.INSURANCE_E_VOUCHER);
        kinds.put("patient-card", CodeKind.PATIENT_CARD);
        kinds.put("lab-specimen", CodeKind.LAB_SPECIMEN);
        kinds.put("appointment", CodeKind.APPOINTMENT);
        FORMAT_KINDS = java.util.Collections.unmodifiableMap(kinds);
    }

    /** scanner.format.*: the hospital's own code formats (issue 9); each unset one keeps MedKiosk's default. */
    private CodeFormats codeFormats() {
        CodeFormats formats = CodeFormats.defaults();
        for (Map.Entry<String, CodeKind> kind : FORMAT_KINDS.entrySet()) {
            String key = "scanner.format." + kind.getKey();
            Optional<String> regex = optional(key);
            if (regex.isPresent()) {
                try {
                    formats = formats.with(kind.getValue(), regex.get());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(source(key), key, regex.get(), "a Java regex matched against the whole scanned "
                            + "text, e.g. " + CodeFormats.defaults().regex(kind.getValue()) + " (" + e.getMessage() + ")");
                }
            }
        }
        return formats;
    }

    private KioskConfig.SmartCardReader smartCardReader() {
        Optional<String> reader = optional("smartcard.reader");
        Optional<Path> library = optional("smartcard.library").map(Path::of);
        library.ifPresent(lib -> {
            if (!Files.isRegularFile(lib)) {
                throw new ConfigException(source("smartcard.library"), "smartcard.library", lib.toString(),
                        "the path of an existing libpcsclite, e.g. /usr/lib/x86_64-linux-gnu/libpcsclite.so.1 "
                                + "(empty: found automatically)");
            }
        });
        Duration poll = Duration.ofMillis(integer("smartcard.poll-ms", 300, 50, 5000, "milliseconds from 50 to 5000"));
        return new KioskConfig.SmartCardReader(reader, library, poll);
    }

    private KioskConfig.ReceiptPrinter receiptPrinter() {
        Optional<String> spec = optional("printer.receipt");
        spec.ifPresent(s -> {
            try {
                org.medkiosk.device.receipt.PrinterAddress.parse(s);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(source("printer.receipt"), "printer.receipt", s,
                        "serial:PATH[@BAUD], tcp://HOST:PORT or file:PATH, e.g. serial:/dev/ttyUSB1@115200");
            }
        });
        String profile = choice("printer.receipt.profile", "epson-80",
                Map.of("epson-80", "epson-80", "generic-80", "generic-80", "generic-58", "generic-58"));
        return new KioskConfig.ReceiptPrinter(spec, profile);
    }

    /** printer.report: a CUPS queue name (as lpstat -p lists it); whether the queue exists is checked at start-up. */
    private KioskConfig.ReportPrinter reportPrinter() {
        Optional<String> queue = optional("printer.report");
        queue.ifPresent(q -> {
            if (!q.matches("[^\\s/#'\"\\\\]{1,127}")) {
                throw new ConfigException(source("printer.report"), "printer.report", q,
                        "the name of a CUPS queue (no spaces, '/', '#' or quotes; at most 127 characters), e.g. Report_A4");
            }
        });
        return new KioskConfig.ReportPrinter(queue);
    }

    private KioskConfig.Journeys journeys() {
        int min = integer("topup.min-yuan", 1, 1, 100000, "whole yuan from 1 to 100000");
        int max = integer("topup.max-yuan", 5000, 1, 100000, "whole yuan from 1 to 100000");
        if (max < min) {
            throw new ConfigException(source("topup.max-yuan"), "topup.max-yuan", String.valueOf(max),
                    "at least topup.min-yuan (" + min + ")");
        }
        String rawPresets = optional("topup.presets").orElse("50,100,200,500");
        java.util.List<Money> presets = new java.util.ArrayList<>();
        String allowed = "1 to 8 whole-yuan amounts separated by commas, each from topup.min-yuan (" + min
                + ") to topup.max-yuan (" + max + "), e.g. 50,100,200,500";
        String[] parts = rawPresets.split(",");
        if (parts.length > 8) {
            throw new ConfigException(source("topup.presets"), "topup.presets", rawPresets, allowed);
        }
        for (String part : parts) {
            try {
                int yuan = Integer.parseInt(part.trim());
                if (yuan < min || yuan > max) {
                    throw new ConfigException(source("topup.presets"), "topup.presets", rawPresets, allowed);
                }
                Money m = Money.ofYuan(String.valueOf(yuan));
                if (!presets.contains(m)) {
                    presets.add(m);
                }
            } catch (NumberFormatException e) {
                throw new ConfigException(source("topup.presets"), "topup.presets", rawPresets, allowed);
            }
        }
        int poll = integer("payment.poll-seconds", 3, 1, 10, "a whole number of seconds from 1 to 10");
        int bound = integer("payment.pending-bound-seconds", 30, 5, 300, "a whole number of seconds from 5 to 300");
        if (bound <= poll) {
            throw new ConfigException(source("payment.pending-bound-seconds"), "payment.pending-bound-seconds", String.valueOf(bound),
                    "more seconds than payment.poll-seconds (" + poll + ")");
        }
        int ahead = integer("registration.book-ahead-days", 7, 0, 30, "a whole number of days from 0 to 30");
        int opens = integer("checkin.opens-minutes-before", 60, 0, 240, "a whole number of minutes from 0 to 240");
        int closes = integer("checkin.closes-minutes-after-end", 0, 0, 240, "a whole number of minutes from 0 to 240");
        int reprints = integer("receipts.reprints-per-day", 1, 0, 5, "a whole number from 0 (no reprints) to 5");
        int reprintDays = integer("receipts.reprint-days", 7, 1, 30, "a whole number of days from 1 to 30");
        return new KioskConfig.Journeys(presets, Money.ofYuan(String.valueOf(min)), Money.ofYuan(String.valueOf(max)),
                Duration.ofSeconds(poll), Duration.ofSeconds(bound), ahead, Duration.ofMinutes(opens),
                Duration.ofMinutes(closes), reprints, reprintDays);
    }

    private Optional<String> optional(String key) {
        String v = values.getProperty(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private String required(String key, String allowed) {
        return optional(key).orElseThrow(() -> new ConfigException(source(key), key, "", allowed));
    }

    private String text(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    private boolean bool(String key, boolean fallback) {
        return choice(key, String.valueOf(fallback), Map.of("true", true, "false", false));
    }

    private int integer(String key, int fallback, int min, int max, String allowed) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.get());
            if (v < min || v > max) {
                throw new ConfigException(source(key), key, raw.get(), allowed);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigException(source(key), key, raw.get(), allowed);
        }
    }

    private <T> T choice(String key, String fallback, Map<String, T> allowed) {
        String raw = optional(key).orElse(fallback);
        T v = allowed.get(raw);
        if (v == null) {
            throw new ConfigException(source(key), key, raw, "one of " + new TreeSet<>(allowed.keySet()));
        }
        return v;
    }

}
