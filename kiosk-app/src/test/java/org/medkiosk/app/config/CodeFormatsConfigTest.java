package org.medkiosk.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.device.scanner.CodeClassifier;
import org.medkiosk.device.scanner.CodeFormats;
import org.medkiosk.device.scanner.CodeKind;

/** scanner.format.*: a hospital's own code formats (issue 9), defaults, and the loader's one-line error. */
class CodeFormatsConfigTest {

    @Test
    void unsetFormatsAreTodaysAndTheShippedExampleSpellsThemOut() {
        assertEquals(CodeFormats.defaults(), ConfigLoader.parse("t", "").scanner().codeFormats());
        assertEquals(CodeFormats.defaults(), KioskConfig.Scanner.none().codeFormats());
        assertEquals(CodeFormats.defaults(),
                ConfigLoader.load(Path.of("../installer/kiosk.properties.example")).scanner().codeFormats());
        assertEquals(CodeFormats.defaults(), ConfigLoader.parse("t", "scanner.format.patient-card=\n").scanner().codeFormats(),
                "an empty value keeps the default");
    }

    @Test
    void aHospitalsPatientCardFormatReachesTheClassifier(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kiosk.properties");
        Files.writeString(file, "scanner.format.patient-card = PC\\\\d{8}\n");
        KioskConfig c = ConfigLoader.load(file);
        assertEquals("PC\\d{8}", c.scanner().codeFormats().regex(CodeKind.PATIENT_CARD));
        CodeClassifier classifier = new CodeClassifier(c.scanner().codeFormats());
        assertEquals(CodeKind.PATIENT_CARD, classifier.classify("PC12345678"));
        assertEquals(CodeKind.UNKNOWN, classifier.classify("8800000001"));
        assertEquals(CodeKind.LAB_SPECIMEN, classifier.classify("123456789012"), "other kinds keep their format");
    }

    @Test
    void everyPatternKindHasAKey() {
        for (CodeKind kind : CodeFormats.KINDS) {
            assertTrue(ConfigLoader.FORMAT_KINDS.containsValue(kind), "no scanner.format key for " + kind);
        }
        for (String name : ConfigLoader.FORMAT_KINDS.keySet()) {
            assertTrue(ConfigLoader.KEYS.contains("scanner.format." + name), name);
        }
        KioskConfig c = ConfigLoader.parse("t", "scanner.format.lab-specimen=LAB\\\\d{6}\n"
                + "scanner.format.appointment=APT-\\\\d+\n");
        CodeClassifier classifier = new CodeClassifier(c.scanner().codeFormats());
        assertEquals(CodeKind.LAB_SPECIMEN, classifier.classify("LAB123456"));
        assertEquals(CodeKind.APPOINTMENT, classifier.classify("APT-42"));
    }

    @Test
    void aBadRegexStopsTheKioskWithOneLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("kiosk.properties", "scanner.format.patient-card=PC\\\\d{8\n"));
        assertEquals("scanner.format.patient-card", e.key());
        assertTrue(e.getMessage().startsWith("kiosk.properties: scanner.format.patient-card = \"PC\\d{8\" is not valid: "
                + "expected a Java regex matched against the whole scanned text, e.g. 88\\d{8}"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("t", "scanner.format.patient=88\\\\d{8}\n"));
        assertTrue(unknown.getMessage().contains("unknown key(s) [scanner.format.patient]"), unknown.getMessage());
    }
}
