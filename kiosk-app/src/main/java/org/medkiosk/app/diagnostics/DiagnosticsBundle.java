package org.medkiosk.app.diagnostics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.medkiosk.app.cli.Version;
import org.medkiosk.app.config.ConfigException;
import org.medkiosk.app.config.ConfigLoader;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.technician.SerialPorts;
import org.medkiosk.app.technician.TechnicianPin;
import org.medkiosk.journal.CrashPoint;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journal.Journal;
import org.medkiosk.journal.KioskStore;
import org.medkiosk.journal.PrintJob;
import org.medkiosk.journal.StaffAudit;

/**
 * Writes the diagnostics zip a technician sends to MedKiosk support (`kiosk diagnostics --out FILE.zip`): the
 * configuration files with every secret value {@value Redaction#MARKER}, the effective settings, the logs masked once
 * more, the devices, a journal summary and the versions. Never the technician PIN file, the SQLite journal, a token,
 * a secret or a patient's personal data: every line of every entry passes through {@link Redaction}.
 */
public final class DiagnosticsBundle {
    public static final String CONFIG_ENTRY = "config/kiosk.properties";
    public static final String OVERRIDES_ENTRY = "config/kiosk-overrides.properties";
    public static final String EFFECTIVE_ENTRY = "config/effective.txt";
    public static final String LOGS_FOLDER = "logs/";
    public static final String DEVICES_ENTRY = "devices.txt";
    public static final String JOURNAL_ENTRY = "journal.txt";
    public static final String VERSIONS_ENTRY = "versions.txt";
    public static final String README_ENTRY = "README.txt";
    /** The current log and at most this many rolled ones, the newest first. */
    public static final int ROLLED_LOGS = 3;

    /**
     * What goes into the bundle: the administrator's kiosk.properties (empty: none given), the kiosk's data folder
     * (journal, logs, overrides), the serial ports present, the clock the bundle's time and intent ages are taken from.
     */
    public record Sources(Optional<Path> configFile, Path dataFolder, Supplier<List<String>> serialPorts, Clock clock) {
        public Sources(Optional<Path> configFile, Path dataFolder) {
            this(configFile, dataFolder, SerialPorts::present, Clock.systemDefaultZone());
        }
    }

    /** The zip written and the names of its entries, in order. */
    public record Result(Path file, List<String> entries) {
    }

    private final Sources sources;
    private final Redaction redaction;
    private final Map<String, Set<String>> redactedKeys = new TreeMap<>();

    private DiagnosticsBundle(Sources sources) {
        this.sources = sources;
        this.redaction = new Redaction(secretValues(sources));
    }

    /** Writes the bundle to {@code zip} (through a temporary file next to it, so a failed write leaves no half zip). */
    public static Result write(Sources sources, Path zip) throws IOException {
        return new DiagnosticsBundle(sources).writeTo(zip);
    }

    private Result writeTo(Path zip) throws IOException {
        Path target = zip.toAbsolutePath();
        Path folder = target.getParent();
        Path temp = Files.createTempFile(folder, target.getFileName().toString(), ".tmp");
        List<String> names = new ArrayList<>();
        try {
            try (OutputStream file = Files.newOutputStream(temp); ZipOutputStream out = new ZipOutputStream(file)) {
                Entries entries = new Entries(out, names);
                Path overrides = ConfigLoader.overridesFileIn(sources.dataFolder());
                entries.add(CONFIG_ENTRY, configFileLines(sources.configFile(), CONFIG_ENTRY));
                entries.add(OVERRIDES_ENTRY, configFileLines(Optional.of(overrides), OVERRIDES_ENTRY));
                Loaded loaded = load(overrides);
                entries.add(EFFECTIVE_ENTRY, effective(loaded));
                for (Path log : logs()) {
                    entries.addLog(LOGS_FOLDER + logName(log), log);
                }
                entries.add(DEVICES_ENTRY, devices(loaded));
                entries.add(JOURNAL_ENTRY, journal());
                entries.add(VERSIONS_ENTRY, versions());
                entries.add(README_ENTRY, readme(names));
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return new Result(target, List.copyOf(names));
    }

    /** Writes entries, each line passed through the one function given (nothing reaches the zip unredacted). */
    private final class Entries {
        private final ZipOutputStream out;
        private final List<String> names;

        Entries(ZipOutputStream out, List<String> names) {
            this.out = out;
            this.names = names;
        }

        /** Lines already redacted by the code that made them (scrubbed once more here). */
        void add(String name, List<String> lines) throws IOException {
            begin(name);
            for (String line : lines) {
                writeLine(redaction.scrub(line));
            }
            out.closeEntry();
        }

        /** A log, gunzipped when rolled, each line masked on the way in. */
        void addLog(String name, Path log) throws IOException {
            begin(name);
            try (InputStream raw = Files.newInputStream(log);
                 InputStream in = log.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8
                         .newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                         .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    writeLine(redaction.personal(line));
                }
            } catch (IOException e) {
                // A torn rolled log (the kiosk killed mid-roll) must not lose the rest of the bundle.
                writeLine("(the rest of this log cannot be read: " + redaction.scrub(e.toString()) + ")");
            }
            out.closeEntry();
        }

        private void begin(String name) throws IOException {
            ZipEntry entry = new ZipEntry(name);
            entry.setLastModifiedTime(FileTime.from(sources.clock().instant()));
            out.putNextEntry(entry);
            names.add(name);
        }

        private void writeLine(String line) throws IOException {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    // --- configuration ---------------------------------------------------------------------------------------

    private List<String> configFileLines(Optional<Path> file, String entry) {
        if (file.isEmpty()) {
            return List.of("# no kiosk.properties: `kiosk diagnostics` was given no --config FILE");
        }
        List<String> lines;
        try {
            lines = readLines(file.get());
        } catch (NoSuchFileException e) {
            return List.of("# there is no " + file.get());
        } catch (IOException | UncheckedIOException e) {
            return List.of("# " + file.get() + " cannot be read: " + e.getMessage());
        }
        RedactedProperties.Result redacted = RedactedProperties.of(lines, redaction);
        redactedKeys.put(entry, redacted.redactedKeys());
        List<String> out = new ArrayList<>();
        out.add("# " + file.get() + " (values of secret keys replaced by " + Redaction.MARKER + ")");
        out.addAll(redacted.lines());
        return out;
    }

    /** The configuration as the kiosk would load it, or the loader's one line. */
    private record Loaded(Optional<KioskConfig> config, String source, Optional<String> error) {
    }

    private Loaded load(Path overrides) {
        String source;
        try {
            if (sources.configFile().isPresent()) {
                source = sources.configFile().get() + " with " + overrides + " on top";
                return new Loaded(Optional.of(ConfigLoader.load(sources.configFile().get(), overrides)), source,
                        Optional.empty());
            }
            if (Files.isRegularFile(overrides)) {
                source = "MedKiosk's defaults (no --config FILE given) with " + overrides + " on top";
                return new Loaded(Optional.of(ConfigLoader.parse("(defaults)", "", overrides.toString(),
                        Files.readString(overrides, StandardCharsets.UTF_8))), source, Optional.empty());
            }
            source = "MedKiosk's defaults (no --config FILE given, no overrides file)";
            return new Loaded(Optional.of(KioskConfig.demo()), source, Optional.empty());
        } catch (ConfigException e) {
            return new Loaded(Optional.empty(), "", Optional.of("the configuration does not load: " + e.getMessage()));
        } catch (IOException | RuntimeException e) {
            return new Loaded(Optional.empty(), "", Optional.of("the configuration cannot be read: " + e));
        }
    }

    private List<String> effective(Loaded loaded) {
        List<String> out = new ArrayList<>();
        if (loaded.error().isPresent()) {
            out.add(redaction.setting(loaded.error().get()));
            return out;
        }
        out.add("# the effective configuration: " + loaded.source());
        out.add("# secrets show only whether they are set (" + Redaction.MARKER + " or (none))");
        for (String line : EffectiveSettings.of(loaded.config().get())) {
            out.add(redaction.setting(line));
        }
        return out;
    }

    // --- logs ------------------------------------------------------------------------------------------------

    /** kiosk.log and the newest {@value #ROLLED_LOGS} rolled kiosk.*.log.gz in the data folder's logs. */
    private List<Path> logs() throws IOException {
        Path folder = sources.dataFolder().resolve("logs");
        List<Path> logs = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return logs;
        }
        Path current = folder.resolve("kiosk.log");
        if (Files.isRegularFile(current)) {
            logs.add(current);
        }
        List<Path> rolled = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, "kiosk.*.log.gz")) {
            for (Path p : found) {
                if (Files.isRegularFile(p)) {
                    rolled.add(p);
                }
            }
        }
        rolled.sort(Comparator.comparing(DiagnosticsBundle::modified).thenComparing(Path::toString).reversed());
        logs.addAll(rolled.subList(0, Math.min(ROLLED_LOGS, rolled.size())));
        return logs;
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static String logName(Path log) {
        String name = log.getFileName().toString();
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    // --- devices ---------------------------------------------------------------------------------------------

    private List<String> devices(Loaded loaded) {
        List<String> out = new ArrayList<>();
        out.add("# configured devices");
        if (loaded.config().isEmpty()) {
            out.add("(unknown: " + redaction.setting(loaded.error().orElse("the configuration does not load")) + ")");
        } else {
            KioskConfig c = loaded.config().get();
            KioskConfig.IdCardReader id = c.idCardReader();
            out.add("idcard: " + id.port().map(p -> "idcard.port=" + p + ", idcard.baud=" + id.baud()
                    + ", idcard.poll-ms=" + id.pollInterval().toMillis()).orElse("none configured"));
            KioskConfig.Scanner sc = c.scanner();
            out.add("scanner: " + sc.port().map(p -> "scanner.port=" + p + ", scanner.baud=" + sc.baud()
                    + ", scanner.trigger=" + sc.trigger() + ", scanner.suffix=" + sc.suffix()
                    + ", scanner.aim-id=" + sc.aimId() + ", scanner.prefix=\"" + sc.prefix() + "\"")
                    .orElse("none configured"));
            KioskConfig.SmartCardReader smart = c.smartCardReader();
            out.add("smartcard: " + smart.reader().map(r -> "smartcard.reader=" + r
                    + smart.library().map(l -> ", smartcard.library=" + l).orElse("")).orElse("none configured"));
            out.add("receipt-printer: " + c.receiptPrinter().spec().map(s -> "printer.receipt=" + s + ", ").orElse("none configured, ")
                    + "printer.receipt.profile=" + c.receiptPrinter().profile());
            out.add("report-printer: " + c.reportPrinter().queue().map(q -> "printer.report=" + q).orElse("none configured"));
        }
        out.add("");
        out.add("# serial ports present");
        List<String> ports;
        try {
            ports = sources.serialPorts().get();
        } catch (RuntimeException e) {
            ports = List.of("(cannot be listed: " + e + ")");
        }
        if (ports.isEmpty()) {
            out.add("(none)");
        }
        ports.forEach(p -> out.add(redaction.setting(p)));
        return out;
    }

    // --- journal ---------------------------------------------------------------------------------------------

    private List<String> journal() {
        List<String> out = new ArrayList<>();
        Path folder = sources.dataFolder();
        Instant now = sources.clock().instant();
        if (!Files.isRegularFile(folder.resolve(KioskStore.FILE_NAME))) {
            out.add("no journal in " + folder + " (no " + KioskStore.FILE_NAME + ")");
        } else {
            try (KioskStore store = KioskStore.open(folder)) {
                Journal journal = new Journal(store, sources.clock(), CrashPoint.none());
                List<Intent> all = journal.all();
                out.add("# intents by kind and state (" + all.size() + " in all)");
                Map<IntentKind, Map<IntentState, Integer>> counts = new EnumMap<>(IntentKind.class);
                for (Intent i : all) {
                    counts.computeIfAbsent(i.kind(), k -> new EnumMap<>(IntentState.class)).merge(i.state(), 1, Integer::sum);
                }
                counts.forEach((kind, states) -> states.forEach((state, n) -> out.add(kind + " " + state + ": " + n)));
                List<Intent> open = journal.open();
                out.add("");
                out.add("# open intents (" + open.size() + "): kind, state, age, patient (masked), idempotency key");
                for (Intent i : open) {
                    Instant since = i.createdAt() == null ? now : i.createdAt();
                    out.add(redaction.personal(i.kind() + " " + i.state() + " age=" + age(Duration.between(since, now))
                            + " patient=" + i.maskedPatientId() + " key=" + i.idempotencyKey()));
                }
                List<PrintJob> jobs = journal.printJobs();
                out.add("");
                out.add("# print jobs by printer and state (" + jobs.size() + " in all)");
                Map<String, Integer> byState = new TreeMap<>();
                for (PrintJob j : jobs) {
                    byState.merge(j.printer() + " " + j.state(), 1, Integer::sum);
                }
                byState.forEach((k, n) -> out.add(k + ": " + n));
            } catch (RuntimeException e) {
                out.add("the journal in " + folder + " cannot be read: " + redaction.personal(String.valueOf(e.getMessage())));
            }
        }
        out.add("");
        StaffAudit audit = new StaffAudit(folder);
        if (!Files.isRegularFile(audit.file())) {
            out.add("# staff audit: none (no " + StaffAudit.FILE_NAME + ")");
            return out;
        }
        try {
            List<StaffAudit.Entry> entries = audit.entries();
            out.add("# staff audit entries by action (" + entries.size() + " in all; no staff or patient named)");
            Map<StaffAudit.Action, Integer> byAction = new EnumMap<>(StaffAudit.Action.class);
            for (StaffAudit.Entry e : entries) {
                byAction.merge(e.action(), 1, Integer::sum);
            }
            byAction.forEach((action, n) -> out.add(action + ": " + n));
        } catch (RuntimeException e) {
            out.add("# staff audit cannot be read: " + e.getClass().getSimpleName());
        }
        return out;
    }

    private static String age(Duration d) {
        if (d.isNegative()) {
            return "0s";
        }
        long s = d.getSeconds();
        if (s < 120) {
            return s + "s";
        }
        if (s < 7200) {
            return s / 60 + "min";
        }
        if (s < 172800) {
            return s / 3600 + "h";
        }
        return s / 86400 + "d";
    }

    /** To the second: a timestamp's digits are no place for a PIN to turn up by chance. */
    private Instant made() {
        return sources.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    // --- versions and README ----------------------------------------------------------------------------------

    private List<String> versions() {
        List<String> out = new ArrayList<>();
        out.add("medkiosk=" + Version.current());
        out.add("java.version=" + System.getProperty("java.version"));
        out.add("java.vendor=" + System.getProperty("java.vendor"));
        out.add("java.vm=" + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        out.add("os=" + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        out.add("javafx=" + javaFxVersion().orElse("(not on the classpath)"));
        out.add("data-folder=" + sources.dataFolder().toAbsolutePath());
        out.add("config-file=" + sources.configFile().map(p -> p.toAbsolutePath().toString()).orElse("(none given)"));
        out.add("bundle-made=" + made());
        return out;
    }

    /** javafx.version from the JavaFX runtime (its version.properties, else VersionInfo), when JavaFX is on the classpath. */
    static Optional<String> javaFxVersion() {
        ClassLoader loader = DiagnosticsBundle.class.getClassLoader();
        try (InputStream in = loader == null ? null
                : loader.getResourceAsStream("com/sun/javafx/runtime/resources/version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("javafx.version");
                if (v != null && !v.isBlank()) {
                    return Optional.of(v.strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // JavaFX is optional here: fall through.
        }
        try {
            // JavaFX 21 keeps it in VersionInfo (no version.properties); public, but only reachable on the classpath.
            Object v = Class.forName("com.sun.javafx.runtime.VersionInfo").getMethod("getRuntimeVersion").invoke(null);
            if (v != null && !v.toString().isBlank()) {
                return Optional.of(v.toString().strip());
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // Not on the classpath, or not exported to us: skipped.
        }
        return Optional.ofNullable(System.getProperty("javafx.version"));
    }

    private List<String> readme(List<String> names) {
        List<String> out = new ArrayList<>();
        out.add("MedKiosk diagnostics bundle, made " + made() + " by `kiosk diagnostics`.");
        out.add("");
        out.add("Entries:");
        out.add("  " + CONFIG_ENTRY + "  the administrator's kiosk.properties, line for line, secrets redacted");
        out.add("  " + OVERRIDES_ENTRY + "  the technician's overrides from the data folder, secrets redacted");
        out.add("  " + EFFECTIVE_ENTRY + "  the configuration as the kiosk loads it (or the loader's error), one setting a line");
        out.add("  " + LOGS_FOLDER + "  kiosk.log and the newest " + ROLLED_LOGS + " rolled logs (unzipped), masked again");
        out.add("  " + DEVICES_ENTRY + "  the configured devices and the serial ports present");
        out.add("  " + JOURNAL_ENTRY + "  intents by kind and state, open intents, print jobs by state, staff audit by action");
        out.add("  " + VERSIONS_ENTRY + "  MedKiosk, Java, OS and JavaFX versions, the data folder, when this was made");
        out.add("");
        out.add("Included here: " + String.join(", ", names) + ", " + README_ENTRY);
        out.add("");
        out.add("Redacted (" + Redaction.MARKER + "):");
        out.add("  - the value of every secret key: backend.token, backend.client-secret and any key naming a token,");
        out.add("    secret, password, PIN or key password (keys ending in -url keep their value, user-info removed)");
        redactedKeys.forEach((entry, keys) -> out.add("    in " + entry + ": "
                + (keys.isEmpty() ? "no secret value was set" : String.join(", ", keys))));
        out.add("  - the user-info of every URL (the user name and password before the @ of the host)");
        out.add("  - every secret value found in the configuration files, wherever else it appears (logs included)");
        out.add("Masked: ID numbers, phone numbers, payment codes and long digit runs (as the kiosk masks its logs),");
        out.add("  Chinese names and addresses in logs (every run of Chinese characters), patient ids in the journal.");
        out.add("Never included: " + TechnicianPin.FILE_NAME + " (the PIN's hash and salt), the journal database "
                + KioskStore.FILE_NAME + ", receipts or reports, staff names or numbers.");
        return out;
    }

    // --- secrets to scrub everywhere ---------------------------------------------------------------------------

    /** The values of the secret keys of both configuration files and the PIN file's hash and salt. */
    private static Set<String> secretValues(Sources sources) {
        Set<String> values = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        sources.configFile().ifPresent(files::add);
        files.add(ConfigLoader.overridesFileIn(sources.dataFolder()));
        for (Path file : files) {
            Properties p = properties(file);
            for (String key : p.stringPropertyNames()) {
                if (Redaction.isSecretKey(key)) {
                    values.add(p.getProperty(key));
                }
            }
        }
        // Read only to make sure its values appear nowhere; the file itself is never put in the bundle.
        Properties pin = properties(sources.dataFolder().resolve(TechnicianPin.FILE_NAME));
        for (String key : new TreeSet<>(pin.stringPropertyNames())) {
            if (key.equals("salt") || key.equals("hash")) {
                values.add(pin.getProperty(key));
            }
        }
        return values;
    }

    private static Properties properties(Path file) {
        Properties p = new Properties();
        if (!Files.isRegularFile(file)) {
            return p;
        }
        try (Reader in = new StringReader(Files.readString(file, StandardCharsets.UTF_8))) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            // A file that does not parse is redacted line by line anyway.
        }
        return p;
    }

    private static List<String> readLines(Path file) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
            return lines;
        }
    }
}
