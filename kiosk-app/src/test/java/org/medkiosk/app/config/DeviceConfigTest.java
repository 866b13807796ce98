package org.medkiosk.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medkiosk.device.scanner.ScannerFraming;
import org.medkiosk.device.scanner.TriggerProfile;

/** scanner.* and smartcard.*: defaults, every allowed value, and one-line errors naming key, value and what is allowed. */
class DeviceConfigTest {

    @Test
    void noScannerAndNoSmartCardReaderByDefault() {
        KioskConfig c = ConfigLoader.parse("t", "");
        assertTrue(c.scanner().port().isEmpty());
        assertEquals(9600, c.scanner().baud());
        assertEquals(TriggerProfile.PRESENTATION, c.scanner().trigger());
        assertEquals(ScannerFraming.Suffix.ANY_LINE_END, c.scanner().suffix());
        assertEquals("", c.scanner().prefix());
        assertFalse(c.scanner().aimId());
        assertTrue(c.smartCardReader().reader().isEmpty());
        assertTrue(c.smartCardReader().library().isEmpty());
        assertEquals(Duration.ofMillis(300), c.smartCardReader().pollInterval());
    }

    @Test
    void scannerKeys() {
        KioskConfig c = ConfigLoader.parse("t", "scanner.port=/dev/medkiosk-scanner\nscanner.baud=115200\n"
                + "scanner.trigger=zebra\nscanner.prefix=MK\nscanner.suffix=crlf\nscanner.aim-id=true\n");
        assertEquals(Optional.of("/dev/medkiosk-scanner"), c.scanner().port());
        assertEquals(115200, c.scanner().baud());
        assertEquals(TriggerProfile.ZEBRA_SSI, c.scanner().trigger());
        assertEquals(ScannerFraming.defaults().withPrefix("MK").withAimId(true).withSuffix(ScannerFraming.Suffix.CRLF),
                c.scanner().framing());
        for (String t : new String[] {"presentation", "honeywell", "zebra", "newland"}) {
            assertEquals(TriggerProfile.parse(t), ConfigLoader.parse("t", "scanner.trigger=" + t).scanner().trigger());
        }
    }

    @Test
    void smartCardKeys() throws Exception {
        KioskConfig auto = ConfigLoader.parse("t", "smartcard.reader=auto\n");
        assertEquals(Optional.of("auto"), auto.smartCardReader().reader());
        assertTrue(auto.smartCardReader().onlyReader().isEmpty(), "auto: any reader");
        KioskConfig named = ConfigLoader.parse("t", "smartcard.reader=Virtual PCD 00 00\nsmartcard.poll-ms=100\n");
        assertEquals(Optional.of("Virtual PCD 00 00"), named.smartCardReader().onlyReader());
        assertEquals(Duration.ofMillis(100), named.smartCardReader().pollInterval());
        Path lib = Files.createTempFile("libpcsclite", ".so.1");
        assertEquals(Optional.of(lib), ConfigLoader.parse("t", "smartcard.library=" + lib).smartCardReader().library());
    }

    @Test
    void badValuesStopTheKioskWithOneLineNamingKeyValueAndWhatIsAllowed() {
        assertError("scanner.trigger=symbol", "t: scanner.trigger = \"symbol\" is not valid: expected one of [honeywell, newland, presentation, zebra]");
        assertError("scanner.baud=4800", "t: scanner.baud = \"4800\" is not valid: expected one of [115200, 19200, 38400, 57600, 9600]");
        assertError("scanner.suffix=semicolon", "t: scanner.suffix = \"semicolon\" is not valid: expected one of [any, cr, crlf, lf, none, tab]");
        assertError("scanner.aim-id=yes", "t: scanner.aim-id = \"yes\" is not valid: expected one of [false, true]");
        assertError("scanner.prefix=" + "P".repeat(17), "t: scanner.prefix = \"" + "P".repeat(17)
                + "\" is not valid: expected up to 16 printable characters the scanner sends before each code (empty: none)");
        assertError("smartcard.poll-ms=10", "t: smartcard.poll-ms = \"10\" is not valid: expected milliseconds from 50 to 5000");
        assertError("smartcard.library=/no/such/libpcsclite.so.1", "t: smartcard.library = \"/no/such/libpcsclite.so.1\" "
                + "is not valid: expected the path of an existing libpcsclite, e.g. /usr/lib/x86_64-linux-gnu/libpcsclite.so.1 "
                + "(empty: found automatically)");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("t", "scaner.port=/dev/ttyACM0"));
        assertTrue(e.getMessage().contains("unknown key(s) [scaner.port]"), e.getMessage());
    }

    private static void assertError(String line, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("t", line));
        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void identifierSystemsReachTheFhirClient() {
        KioskConfig c = ConfigLoader.parse("t", "backend.url=https://his.example.org/fhir\n"
                + "backend.identifier-system.patient-card=https://his.example.org/id/card\n"
                + "backend.identifier-system.insurance-voucher=urn:oid:1.2.156.112604.1.3\n");
        org.medkiosk.fhir.IdentifierSystems systems = c.backend().fhirSettings().identifierSystems();
        assertEquals("https://his.example.org/id/card", systems.patientCard());
        assertEquals("urn:oid:1.2.156.112604.1.3", systems.insuranceVoucher());
        assertEquals(org.medkiosk.fhir.IdentifierSystems.DEFAULTS.residentId(), systems.residentId());
        assertEquals(org.medkiosk.fhir.IdentifierSystems.DEFAULTS,
                ConfigLoader.parse("t", "backend.url=https://his.example.org/fhir").backend().fhirSettings().identifierSystems());
        assertError("backend.identifier-system.mrn=mrn|1", "t: backend.identifier-system.mrn = \"mrn|1\" is not valid: "
                + "expected an absolute URI without '|' (a valid OID after urn:oid:), e.g. urn:oid:2.16.156.10011.1.3 or "
                + "https://his.example.org/id/patient-card");
        assertError("backend.identifier-system.resident-id=urn:oid:2.16.abc", "t: backend.identifier-system.resident-id = "
                + "\"urn:oid:2.16.abc\" is not valid: expected an absolute URI without '|' (a valid OID after urn:oid:), "
                + "e.g. urn:oid:2.16.156.10011.1.3 or https://his.example.org/id/patient-card");
    }
}
