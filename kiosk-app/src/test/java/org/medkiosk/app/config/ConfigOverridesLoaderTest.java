package org.medkiosk.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The technician's overrides file, loaded on top of the administrator's kiosk.properties (issue 11). */
class ConfigOverridesLoaderTest {

    @Test
    void loadAppliesTheOverridesInTheConfiguredDataFolder(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path main = Files.writeString(dir.resolve("kiosk.properties"), "# the administrator's comment\n"
                + "backend.url=https://his.example.org/fhir\nidcard.port=/dev/ttyUSB0\nidcard.baud=115200\n"
                + "printer.receipt=serial:/dev/ttyUSB1@115200\nstorage.data-folder=" + data + "\n");
        assertEquals(data.resolve(ConfigLoader.OVERRIDES_FILE_NAME), ConfigLoader.overridesFileFor(main));
        assertEquals(Optional.of("/dev/ttyUSB0"), ConfigLoader.load(main).idCardReader().port(), "no overrides yet");

        Files.writeString(data.resolve(ConfigLoader.OVERRIDES_FILE_NAME),
                "idcard.port=/dev/medkiosk-idcard\nsession.timeout-seconds=90\nprinter.receipt=\n");
        KioskConfig c = ConfigLoader.load(main);
        assertEquals(Optional.of("/dev/medkiosk-idcard"), c.idCardReader().port(), "overridden");
        assertEquals(115200, c.idCardReader().baud(), "kept from the administrator's file");
        assertEquals(Duration.ofSeconds(90), c.session().timeout(), "a key only in the overrides");
        assertTrue(c.receiptPrinter().spec().isEmpty(), "an empty override means none / the default");
        assertEquals("https://his.example.org/fhir", c.backend().url().orElseThrow());
    }

    @Test
    void theOverridesAreValidatedAsTheMainFileIsAndNamedInTheMessage(@TempDir Path dir) throws Exception {
        Path main = Files.writeString(dir.resolve("kiosk.properties"), "session.timeout-seconds=60\n");
        Path overrides = dir.resolve(ConfigLoader.OVERRIDES_FILE_NAME);

        Files.writeString(overrides, "idcard.baud=12345\n");
        ConfigException bad = assertThrows(ConfigException.class, () -> ConfigLoader.load(main, overrides));
        assertEquals(overrides + ": idcard.baud = \"12345\" is not valid: expected one of [115200, 19200, 38400, 57600, 9600]",
                bad.getMessage());

        Files.writeString(overrides, "idcard.bud=9600\n");
        ConfigException unknown = assertThrows(ConfigException.class, () -> ConfigLoader.load(main, overrides));
        assertTrue(unknown.getMessage().startsWith(overrides + ": unknown key(s) [idcard.bud]"), unknown.getMessage());

        // A rule across keys: the countdown in the overrides against the timeout in the main file.
        Files.writeString(overrides, "session.countdown-seconds=60\n");
        ConfigException across = assertThrows(ConfigException.class, () -> ConfigLoader.load(main, overrides));
        assertTrue(across.getMessage().startsWith(overrides + ": session.countdown-seconds = \"60\""), across.getMessage());

        // …and a bad value left in the main file still names the main file.
        Path badMain = Files.writeString(dir.resolve("bad.properties"), "voice.volume=loud\n");
        Files.writeString(overrides, "voice.rate=80\n");
        ConfigException mainBad = assertThrows(ConfigException.class, () -> ConfigLoader.load(badMain, overrides));
        assertTrue(mainBad.getMessage().startsWith(badMain + ": voice.volume = \"loud\""), mainBad.getMessage());
    }

    @Test
    void theDataFolderCannotBeOverridden(@TempDir Path dir) throws Exception {
        Path main = Files.writeString(dir.resolve("kiosk.properties"), "");
        Path overrides = Files.writeString(dir.resolve(ConfigLoader.OVERRIDES_FILE_NAME), "storage.data-folder=/tmp/x\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(main, overrides));
        assertEquals("storage.data-folder", e.key());
        assertTrue(e.getMessage().startsWith(overrides + ": storage.data-folder = \"/tmp/x\" is not valid: expected "),
                e.getMessage());
    }

    @Test
    void parseWithOverridesIsLoadWithoutFiles() {
        KioskConfig c = ConfigLoader.parse("kiosk.properties", "voice.volume=40\n", "overrides", "voice.volume=70\n");
        assertEquals(70, c.speech().volume());
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("kiosk.properties", "", "overrides", "voice.volume=700\n"));
        assertTrue(e.getMessage().startsWith("overrides: voice.volume = \"700\""), e.getMessage());
    }

    @Test
    void anUnreadableOverridesFileStopsTheKioskRatherThanSilentlyDroppingTheChanges(@TempDir Path dir) throws Exception {
        Path main = Files.writeString(dir.resolve("kiosk.properties"), "");
        Path overrides = Files.createDirectories(dir.resolve(ConfigLoader.OVERRIDES_FILE_NAME)); // a folder: unreadable
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(main, overrides));
        assertTrue(e.getMessage().startsWith("cannot read the technician's overrides file " + overrides), e.getMessage());
    }
}
