package org.medkiosk.app.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which keys are secrets, and how a properties file's lines are redacted whatever properties syntax they use. */
class DiagnosticsRedactionTest {
    final Redaction redaction = new Redaction(List.of("tok-abcdef-123", "x"));

    @Test
    void secretsAreDecidedByKeyName() {
        for (String key : List.of("backend.token", "backend.client-secret", "BACKEND.TOKEN", "db.password",
                "technician.pin", "keystore.key-pass", "bearerToken", "clientSecret")) {
            assertTrue(Redaction.isSecretKey(key), key);
        }
        for (String key : List.of("backend.url", "backend.token-url", "backend.client-id", "tokenUrl", "idcard.port",
                "printer.receipt.profile", "storage.data-folder")) {
            assertFalse(Redaction.isSecretKey(key), key);
        }
    }

    @Test
    void everyPropertiesSyntaxIsRedactedAndTheRestKeptLineForLine() {
        List<String> lines = List.of(
                "# comment",
                "backend.token=tok-abcdef-123",
                "  backend.client-secret : first-part-\\",
                "      second-part",
                "db.password another",
                "back\\end.token=escaped-key-value",
                "! backend.token = commented-out-value",
                "# the token is documented here, not set",
                "backend.url=https://user:pw-in-url@his.example.org/fhir",
                "empty.secret=",
                "idcard.port=/dev/ttyUSB0",
                "");
        RedactedProperties.Result r = RedactedProperties.of(lines, redaction);
        String text = String.join("\n", r.lines());
        for (String value : List.of("tok-abcdef-123", "first-part", "second-part", "another", "escaped-key-value",
                "commented-out-value", "pw-in-url")) {
            assertFalse(text.contains(value), value + " in\n" + text);
        }
        assertEquals(List.of(
                "# comment",
                "backend.token=<redacted>",
                "  backend.client-secret=<redacted>",
                "db.password=<redacted>",
                "back\\end.token=<redacted>",
                "! backend.token=<redacted>",
                "# the token is documented here, not set",
                "backend.url=https://<redacted>@his.example.org/fhir",
                "empty.secret=",
                "idcard.port=/dev/ttyUSB0",
                ""), r.lines());
        assertEquals(Set.of("backend.token", "backend.client-secret", "db.password"), r.redactedKeys());
    }

    @Test
    void knownSecretValuesAreScrubbedAnywhereButShortOnesAreIgnored() {
        assertEquals("sent <redacted> to x", redaction.scrub("sent tok-abcdef-123 to x"));
        assertEquals("张*明 1101**********1235", redaction.personal("张三明 110101198503071235"));
    }
}
