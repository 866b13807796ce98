package org.medkiosk.app.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Records print every component in toString: no configuration record may print a secret. */
class ConfigSecretsTest {
    static final String TOKEN = "s3cr3t-bearer-token-value";
    static final String SECRET = "client-secret-value-42";

    @Test
    void noConfigRecordPrintsATokenOrASecret() {
        KioskConfig withToken = ConfigLoader.parse("t", "backend.url=https://his.example.org/fhir\nbackend.token=" + TOKEN + "\n");
        KioskConfig withClient = ConfigLoader.parse("t", "backend.url=https://his.example.org/fhir\n"
                + "backend.token-url=https://his.example.org/token\nbackend.client-id=kiosk-7\nbackend.client-secret=" + SECRET + "\n");
        for (KioskConfig c : new KioskConfig[] {withToken, withClient}) {
            for (Object part : new Object[] {c, c.backend(), c.backend().clientCredentials().orElse(null), c.hospital(),
                    c.screen(), c.session(), c.idCardReader(), c.storage(), c.receiptPrinter(), c.journeys()}) {
                String text = String.valueOf(part);
                assertFalse(text.contains(TOKEN), "token in " + text);
                assertFalse(text.contains(SECRET), "client secret in " + text);
            }
        }
        assertTrue(withToken.backend().toString().contains("https://his.example.org/fhir"), "the URL is still useful in logs");
        assertTrue(withClient.toString().contains("kiosk-7"));
    }
}
