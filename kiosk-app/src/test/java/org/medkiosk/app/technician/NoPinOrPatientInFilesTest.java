package org.medkiosk.app.technician;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 11, acceptance 2: the technician's files (the PIN file, the overrides file) and what the technician code logs
 * hold no PIN in plain text in any encoding, and no patient name or ID number, after a realistic use: the PIN set by
 * the administrator, entered wrong and right, a patient typing their ID number on the PIN pad, devices and backend
 * changed from technician mode.
 */
class NoPinOrPatientInFilesTest {
    static final String PIN = "482915";
    static final String NEW_PIN = "605138";
    static final String WRONG_PIN = "739104";
    /** The demo hospital's first patient (DemoRoster): what a patient might type, or a careless screen might save. */
    static final String PATIENT_NAME = "张三明";
    static final String PATIENT_ID = "110101198503071235";
    static final Pattern RESIDENT_ID = Pattern.compile("(?<!\\d)\\d{17}[\\dX](?![\\dX])");

    @Test
    void neitherFileNorTheLogHoldsAPinOrAPatientsDetails(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path main = Files.writeString(dir.resolve("kiosk.properties"),
                "backend.url=https://his.example-hospital.cn/fhir\nstorage.data-folder=" + data + "\n");
        Logger log = (Logger) LoggerFactory.getLogger(TechnicianPin.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        Level level = log.getLevel();
        log.setLevel(Level.TRACE);
        log.addAppender(captured);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            TechnicianPinTest.MovableClock clock = new TechnicianPinTest.MovableClock();
            // The administrator sets the PIN (as `kiosk technician set-pin --data DIR` does, from standard input).
            assertEquals(0, TechnicianCommand.setPin(List.of("--data", data.toString()), new PrintStream(out, true),
                    new PrintStream(err, true), prompt -> PIN.toCharArray(), false));
            TechnicianPin pin = new TechnicianPin(data, clock, TechnicianPinTest.FAST);
            pin.check(WRONG_PIN.toCharArray());
            pin.check(PATIENT_ID.toCharArray()); // a patient who took the PIN pad for the ID-number pad
            pin.check(PIN.toCharArray());
            for (int i = 0; i < 6; i++) {
                pin.check(WRONG_PIN.toCharArray()); // into a lockout, logged
                clock.advance(Duration.ofHours(1));
            }
            pin.check(PIN.toCharArray());
            pin.set(NEW_PIN.toCharArray()); // the technician changes it
            pin.check(NEW_PIN.toCharArray());

            ConfigOverrides overrides = ConfigOverrides.of(main);
            overrides.setAll(Map.of("idcard.port", "/dev/serial/by-id/usb-SAM_Reader-if00", "idcard.baud", "9600",
                    "printer.receipt", "tcp://10.20.0.31:9100", "backend.timeout-ms", "10000"));
            overrides.set("session.timeout-seconds", "90");
        } finally {
            log.detachAppender(captured);
            log.setLevel(level);
        }

        List<String> logLines = new ArrayList<>();
        for (ILoggingEvent e : captured.list) {
            logLines.add(e.getFormattedMessage());
        }
        assertTrue(logLines.stream().anyMatch(l -> l.contains("locked")), "the lockout is logged: " + logLines);
        Map<String, byte[]> texts = new java.util.LinkedHashMap<>();
        texts.put(TechnicianPin.FILE_NAME, Files.readAllBytes(data.resolve(TechnicianPin.FILE_NAME)));
        texts.put("kiosk-overrides.properties", Files.readAllBytes(data.resolve("kiosk-overrides.properties")));
        texts.put("log", String.join("\n", logLines).getBytes(StandardCharsets.UTF_8));
        texts.put("set-pin output", (out + "\n" + err).getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(data)) {
            assertEquals(2, files.count(), "no other file in the data folder");
        }

        for (Map.Entry<String, byte[]> text : texts.entrySet()) {
            for (String secret : new String[] {PIN, NEW_PIN, WRONG_PIN, PATIENT_ID, PATIENT_NAME}) {
                for (byte[] encoded : encodings(secret)) {
                    assertFalse(contains(text.getValue(), encoded),
                            text.getKey() + " holds " + secret + " (" + encoded.length + " bytes)");
                }
            }
            // (the overrides file names the administrator's file, and JUnit's temporary folder has a long number)
            String s = new String(text.getValue(), StandardCharsets.UTF_8).replace(dir.toString(), "DIR");
            assertFalse(RESIDENT_ID.matcher(s).find(), text.getKey() + " holds something shaped like an ID number");
        }
    }

    /** The secret as UTF-8, UTF-16 (both orders), hex and Base64: a PIN "encoded" is still a PIN in plain text. */
    private static List<byte[]> encodings(String secret) {
        byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
        return List.of(utf8, secret.getBytes(StandardCharsets.UTF_16BE), secret.getBytes(StandardCharsets.UTF_16LE),
                HexFormat.of().formatHex(utf8).getBytes(StandardCharsets.US_ASCII),
                Base64.getEncoder().withoutPadding().encodeToString(utf8).getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
