package org.medkiosk.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void demoNeedsNoFileAndHasSaneDefaults() {
        KioskConfig c = KioskConfig.demo();
        assertEquals(Duration.ofSeconds(60), c.session().timeout());
        assertEquals(Duration.ofSeconds(15), c.session().countdown());
        assertEquals(Locale.SIMPLIFIED_CHINESE, c.screen().language());
        assertTrue(c.backend().url().isEmpty());
        assertEquals(115200, c.idCardReader().baud());
    }

    @Test
    void theShippedExampleParsesAndSetsEveryKey(@TempDir Path dir) throws Exception {
        Path example = Path.of("../installer/kiosk.properties.example");
        KioskConfig c = ConfigLoader.load(example);
        assertEquals("https://his.example-hospital.cn/fhir", c.backend().url().orElseThrow());
        assertEquals("/dev/ttyUSB0", c.idCardReader().port().orElseThrow());
        // every known key is documented in the example, so technicians see all of them
        String text = Files.readString(example);
        for (String key : ConfigLoader.KEYS) {
            assertTrue(text.contains(key + "="), "example does not document " + key);
        }
    }

    @Test
    void readsUtf8ChineseHospitalName(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("kiosk.properties");
        Files.writeString(f, "hospital.name.zh=北京协和示范医院\nsession.timeout-seconds=90\nscreen.language=en\n");
        KioskConfig c = ConfigLoader.load(f);
        assertEquals("北京协和示范医院", c.hospital().name().zh());
        assertEquals(Duration.ofSeconds(90), c.session().timeout());
        assertEquals(Locale.ENGLISH, c.screen().language());
    }

    @Test
    void badValueNamesKeyValueAndWhatIsAllowed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("kiosk.properties", "session.timeout-seconds=abc\n"));
        assertEquals("session.timeout-seconds", e.key());
        assertTrue(e.getMessage().contains("session.timeout-seconds"), e.getMessage());
        assertTrue(e.getMessage().contains("\"abc\""), e.getMessage());
        assertTrue(e.getMessage().contains("from 15 to 600"), e.getMessage());

        ConfigException range = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("k", "session.timeout-seconds=5\n"));
        assertTrue(range.getMessage().contains("\"5\""), range.getMessage());

        ConfigException choice = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("k", "screen.language=fr\n"));
        assertTrue(choice.getMessage().contains("[en, zh_CN]"), choice.getMessage());

        ConfigException baud = assertThrows(ConfigException.class, () -> ConfigLoader.parse("k", "idcard.baud=12345\n"));
        assertEquals("idcard.baud", baud.key());
    }

    @Test
    void misspeltKeyIsAnErrorNotSilentlyIgnored() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("k", "sesion.timeout-seconds=30\n"));
        assertTrue(e.getMessage().contains("sesion.timeout-seconds"), e.getMessage());
    }

    @Test
    void countdownMustBeShorterThanTimeout() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("k", "session.timeout-seconds=20\nsession.countdown-seconds=20\n"));
        assertEquals("session.countdown-seconds", e.key());
    }

    @Test
    void plainHttpBackendUrlMustBeAUrl() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("k", "backend.url=his-server\n"));
        assertEquals("backend.url", e.key());
        assertFalse(ConfigLoader.parse("k", "backend.url=http://127.0.0.1:8080/fhir\n").backend().url().isEmpty());
    }

    @Test
    void missingFileIsAClearError(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("nope.properties")));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }
}
