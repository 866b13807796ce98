package org.medkiosk.app.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.app.technician.ConfigOverrides;
import org.medkiosk.app.technician.TechnicianPin;
import org.medkiosk.hospital.Money;
import org.medkiosk.journal.CrashPoint;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journal.Journal;
import org.medkiosk.journal.KioskStore;
import org.medkiosk.journal.PrintJob;
import org.medkiosk.journal.StaffAudit;

/**
 * `kiosk diagnostics --out FILE.zip` on a realistic kiosk: secrets in both configuration files, a technician PIN, a
 * journal with a patient's intents, a staff audit entry, and logs that (as a careless old log might) hold a patient's
 * ID number, name, phone and payment code. The zip holds every entry and none of those values.
 */
class DiagnosticsCommandTest {
    static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.kioskBearer7f3a9c";
    static final String CLIENT_SECRET = "s3cr3t-Client-9b41e2";
    static final String OVERRIDE_TOKEN = "override-token-5d2c71aa";
    static final String URL_PASSWORD = "hunter2pass";
    static final String PIN = "482915";
    static final String ID_NUMBER = "110101198503071235";
    static final String NAME = "张三明";
    static final String PHONE = "13800000001";
    static final String PAYMENT_CODE = "134567890123456710";
    static final String STAFF_NUMBER = "200101";

    @TempDir
    Path dir;
    Path data;
    Path config;
    Path zip;
    String pinHash;
    String pinSalt;
    String openKey;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void kiosk() throws Exception {
        data = Files.createDirectories(dir.resolve("data"));
        config = dir.resolve("kiosk.properties");
        zip = dir.resolve("bundle.zip");
        Files.writeString(config, String.join("\n",
                "# MedKiosk configuration of lobby kiosk 3",
                "hospital.name.zh=示范医院",
                "backend.url=https://his.example.org/fhir",
                "backend.token = " + TOKEN,
                "backend.token-url=https://his.example.org/oauth2/token",
                "backend.client-id=kiosk-3",
                "backend.client-secret:" + CLIENT_SECRET,
                "# the old server, kept for reference: https://kiosk:" + URL_PASSWORD + "@his-old.example.org/fhir",
                "#backend.token=" + TOKEN,
                "idcard.port=/dev/ttyUSB0",
                "scanner.port=/dev/ttyACM0",
                "scanner.trigger=honeywell",
                "printer.receipt=serial:/dev/ttyUSB1@115200",
                "printer.receipt.profile=generic-80",
                "storage.data-folder=" + data.toString().replace("\\", "\\\\"),
                ""), StandardCharsets.UTF_8);
        ConfigOverrides.in(data, config).setAll(Map.of("screen.large-text", "true", "backend.token", OVERRIDE_TOKEN));
        TechnicianPin.in(data).set(PIN.toCharArray());
        Properties pinFile = new Properties();
        try (var in = Files.newBufferedReader(data.resolve(TechnicianPin.FILE_NAME), StandardCharsets.UTF_8)) {
            pinFile.load(in);
        }
        pinHash = pinFile.getProperty("hash");
        pinSalt = pinFile.getProperty("salt");
        assertTrue(pinHash.length() > 20 && pinSalt.length() > 10, "the PIN file has a hash and a salt");

        try (KioskStore store = KioskStore.open(data)) {
            Journal journal = new Journal(store, Clock.systemUTC(), CrashPoint.none());
            // A hospital whose patient ids are ID numbers: the journal shows them masked only.
            Intent open = journal.intend("journey-a", IntentKind.PAY, Money.ofYuan("30"), ID_NUMBER,
                    Map.of("invoices", "inv-1", "method", "WECHAT_PAY"));
            openKey = open.idempotencyKey();
            Intent done = journal.intend("journey-b", IntentKind.TOP_UP, Money.ofYuan("50"), "pat-1",
                    Map.of("account", "acct-1", "method", "WECHAT_PAY"));
            journal.sent(done.idempotencyKey());
            journal.finish(done.idempotencyKey(), IntentState.SUCCEEDED, "WX123", null);
            PrintJob job = journal.queuePrint("journey-b", done.idempotencyKey(), "pat-1", PrintJob.Printer.RECEIPT,
                    "TOP_UP_RECEIPT", "WX123", new byte[] {1, 2});
            journal.printOutcome(job.id(), PrintJob.State.PRINTED, null);
        }
        new StaffAudit(data).record(new StaffAudit.Entry(Instant.parse("2026-12-01T01:00:00Z"), "staff-" + STAFF_NUMBER,
                STAFF_NUMBER, StaffAudit.Action.SIGNED_IN, null, null, null));
        new StaffAudit(data).record(new StaffAudit.Entry(Instant.parse("2026-12-01T01:01:00Z"), "staff-" + STAFF_NUMBER,
                STAFF_NUMBER, StaffAudit.Action.JOURNEY, "CHECK_IN", "CheckedIn", "pat-1"));

        Path logs = Files.createDirectories(data.resolve("logs"));
        Files.writeString(logs.resolve("kiosk.log"), String.join("\n",
                "2026-12-01 09:00:00.000 INFO  [main] o.m.app.Kiosk - kiosk started",
                "2026-12-01 09:01:00.000 INFO  [fx] o.m.journey.CheckIn - ID card read: " + ID_NUMBER + " name=" + NAME
                        + " phone=" + PHONE,
                "2026-12-01 09:02:00.000 INFO  [fx] o.m.journey.Pay - scanned payment code " + PAYMENT_CODE + " for bills",
                "2026-12-01 09:03:00.000 WARN  [io] o.m.fhir.Client - retrying https://kiosk:" + URL_PASSWORD
                        + "@his-old.example.org/fhir with token " + TOKEN,
                ""), StandardCharsets.UTF_8);
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(logs.resolve("kiosk.2026-11-30.0.log.gz")))) {
            gz.write(("2026-11-30 17:00:00.000 INFO  [fx] o.m.journey.Register - registered " + NAME + " by phone "
                    + PHONE + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    int run(String... args) {
        out.reset();
        err.reset();
        return DiagnosticsCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    static Map<String, String> entries(Path zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void theBundleHoldsEveryEntryAndNoSecretOrPersonalData() throws Exception {
        assertEquals(0, run("--out", zip.toString(), "--config", config.toString()),
                err.toString(StandardCharsets.UTF_8));
        Map<String, String> entries = entries(zip);
        List<String> expected = List.of(DiagnosticsBundle.CONFIG_ENTRY, DiagnosticsBundle.OVERRIDES_ENTRY,
                DiagnosticsBundle.EFFECTIVE_ENTRY, "logs/kiosk.log", "logs/kiosk.2026-11-30.0.log",
                DiagnosticsBundle.DEVICES_ENTRY, DiagnosticsBundle.JOURNAL_ENTRY, DiagnosticsBundle.VERSIONS_ENTRY,
                DiagnosticsBundle.README_ENTRY);
        assertEquals(expected, List.copyOf(entries.keySet()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(zip.toAbsolutePath() + " (" + expected.size() + " entries)"),
                out.toString(StandardCharsets.UTF_8));
        entries.forEach((name, text) -> assertFalse(text.isBlank(), name + " is empty"));

        for (Map.Entry<String, String> e : entries.entrySet()) {
            String text = e.getValue();
            for (String secret : List.of(TOKEN, CLIENT_SECRET, OVERRIDE_TOKEN, URL_PASSWORD, PIN, pinHash, pinSalt,
                    ID_NUMBER, NAME, PHONE, PAYMENT_CODE, STAFF_NUMBER)) {
                assertFalse(text.contains(secret), e.getKey() + " contains " + secret + ":\n" + text);
            }
        }
        assertFalse(entries.keySet().stream().anyMatch(n -> n.contains("technician-pin") || n.contains(KioskStore.FILE_NAME)));

        String main = entries.get(DiagnosticsBundle.CONFIG_ENTRY);
        assertTrue(main.contains("backend.token=<redacted>"), main);
        assertTrue(main.contains("backend.client-secret=<redacted>"), main);
        assertTrue(main.contains("#backend.token=<redacted>"), "a commented-out secret is redacted too:\n" + main);
        assertTrue(main.contains("https://<redacted>@his-old.example.org/fhir"), main);
        assertTrue(main.contains("backend.url=https://his.example.org/fhir"), main);
        assertTrue(main.contains("backend.token-url=https://his.example.org/oauth2/token"), main);
        assertTrue(main.contains("backend.client-id=kiosk-3"), main);
        assertTrue(main.contains("idcard.port=/dev/ttyUSB0"), main);
        String overrides = entries.get(DiagnosticsBundle.OVERRIDES_ENTRY);
        assertTrue(overrides.contains("backend.token=<redacted>"), overrides);
        assertTrue(overrides.contains("screen.large-text=true"), overrides);

        String effective = entries.get(DiagnosticsBundle.EFFECTIVE_ENTRY);
        assertTrue(effective.contains("backend.url=https://his.example.org/fhir"), effective);
        assertTrue(effective.contains("backend.bearerToken=<redacted>"), effective);
        assertTrue(effective.contains("backend.clientCredentials.clientSecret=<redacted>"), effective);
        assertTrue(effective.contains("backend.clientCredentials.clientId=kiosk-3"), effective);
        assertTrue(effective.contains("screen.largeText=true"), "the override applies:\n" + effective);

        // Masked, not dropped: the rest of each line is still there for support to read.
        String log = entries.get("logs/kiosk.log");
        assertTrue(log.contains("kiosk started"), log);
        assertTrue(log.contains("ID card read: " + "1101**********1235" + " name=张*明 phone=138****0001"), log);
        assertTrue(log.contains("scanned payment code ") && log.contains("6710 for bills"), log);
        assertTrue(log.contains("retrying https://<redacted>@his-old.example.org/fhir with token <redacted>"), log);
        String rolled = entries.get("logs/kiosk.2026-11-30.0.log");
        assertTrue(rolled.contains("registered 张*明 by phone 138****0001"), rolled);

        String devices = entries.get(DiagnosticsBundle.DEVICES_ENTRY);
        assertTrue(devices.contains("idcard.port=/dev/ttyUSB0, idcard.baud=115200"), devices);
        assertTrue(devices.contains("scanner.port=/dev/ttyACM0"), devices);
        assertTrue(devices.contains("printer.receipt=serial:/dev/ttyUSB1@115200, printer.receipt.profile=generic-80"), devices);
        assertTrue(devices.contains("# serial ports present"), devices);

        String journal = entries.get(DiagnosticsBundle.JOURNAL_ENTRY);
        assertTrue(journal.contains("PAY INTENDED: 1"), journal);
        assertTrue(journal.contains("TOP_UP SUCCEEDED: 1"), journal);
        assertTrue(journal.contains("# open intents (1)"), journal);
        assertTrue(journal.contains("PAY INTENDED age=") && journal.contains("patient=1101**********1235 key=" + openKey),
                journal);
        assertTrue(journal.contains("RECEIPT PRINTED: 1"), journal);
        assertTrue(journal.contains("SIGNED_IN: 1") && journal.contains("JOURNEY: 1"), journal);

        String versions = entries.get(DiagnosticsBundle.VERSIONS_ENTRY);
        assertTrue(versions.contains("java.version=" + System.getProperty("java.version")), versions);
        assertTrue(versions.contains("medkiosk="), versions);
        assertTrue(versions.contains("javafx="), versions);
        assertFalse(versions.contains("javafx=(not on the classpath)"), "JavaFX is on the test classpath:\n" + versions);
        assertTrue(versions.contains("data-folder=" + data.toAbsolutePath()), versions);
        assertTrue(versions.contains("bundle-made="), versions);

        String readme = entries.get(DiagnosticsBundle.README_ENTRY);
        assertTrue(readme.contains("backend.client-secret, backend.token"), readme);
        assertTrue(readme.contains(TechnicianPin.FILE_NAME), readme);
    }

    @Test
    void withDataOnlyTheOverridesAreShownOnTheDefaults() throws Exception {
        assertEquals(0, run("--data", data.toString(), "--out", zip.toString()),
                err.toString(StandardCharsets.UTF_8));
        Map<String, String> entries = entries(zip);
        assertTrue(entries.get(DiagnosticsBundle.CONFIG_ENTRY).contains("no --config FILE"));
        assertTrue(entries.get(DiagnosticsBundle.EFFECTIVE_ENTRY).contains("backend.bearerToken=<redacted>"));
        assertTrue(entries.get(DiagnosticsBundle.EFFECTIVE_ENTRY).contains("screen.largeText=true"));
        entries.values().forEach(text -> {
            assertFalse(text.contains(OVERRIDE_TOKEN));
            assertFalse(text.contains(ID_NUMBER));
            assertFalse(text.contains(NAME));
        });
    }

    @Test
    void aConfigurationThatDoesNotLoadGivesTheLoadersLineAndStillNoSecret() throws Exception {
        Files.writeString(config, Files.readString(config, StandardCharsets.UTF_8) + "backend.tokn=" + TOKEN + "\n");
        assertEquals(0, run("--out", zip.toString(), "--config", config.toString()));
        Map<String, String> entries = entries(zip);
        assertTrue(entries.get(DiagnosticsBundle.EFFECTIVE_ENTRY).contains("does not load"),
                entries.get(DiagnosticsBundle.EFFECTIVE_ENTRY));
        assertTrue(entries.get(DiagnosticsBundle.EFFECTIVE_ENTRY).contains("backend.tokn"));
        entries.forEach((name, text) -> assertFalse(text.contains(TOKEN), name + ":\n" + text));
    }

    @Test
    void usageErrorsExitTwoAndAnUnwritableZipOne() {
        assertEquals(2, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("needs --out"));
        assertEquals(2, run("--out"));
        assertEquals(2, run("--out", zip.toString(), "--verbose"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option '--verbose'"));
        assertEquals(2, run("--out", zip.toString(), "--out", zip.toString()));
        assertEquals(2, run("--data", data.toString()));
        assertFalse(Files.exists(zip));

        assertEquals(1, run("--out", dir.resolve("no-such-folder/b.zip").toString(), "--data",
                data.toString()));
        assertEquals(1, run("--out", zip.toString(), "--config", dir.resolve("none.properties").toString()));
        assertFalse(Files.exists(zip));
    }
}
