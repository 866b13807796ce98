package org.medkiosk.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** voice.* (the kiosk's espeak-ng voice) and screen.high-contrast. */
class VoiceConfigTest {

    @Test
    void absentMeansTheDefaults() {
        KioskConfig c = ConfigLoader.parse("t", "");
        assertEquals(new KioskConfig.Speech(true, 80, "cmn", 100), c.speech());
        assertEquals(KioskConfig.Speech.defaults(), c.speech());
        assertEquals(KioskConfig.Speech.defaults(), KioskConfig.demo().speech());
        assertFalse(c.screen().highContrast());
    }

    @Test
    void valuesAreRead() {
        KioskConfig c = ConfigLoader.parse("t", "voice.enabled=false\nvoice.volume=35\nvoice.chinese=yue\nvoice.rate=80\n"
                + "screen.high-contrast=true\n");
        assertEquals(new KioskConfig.Speech(false, 35, KioskConfig.Speech.CANTONESE, 80), c.speech());
        assertTrue(c.screen().highContrast());
        assertEquals(0, ConfigLoader.parse("t", "voice.volume=0\n").speech().volume());
        assertEquals(100, ConfigLoader.parse("t", "voice.volume=100\n").speech().volume());
        assertEquals(150, ConfigLoader.parse("t", "voice.rate=150\n").speech().ratePercent());
    }

    @Test
    void theShippedExampleSetsTheDefaults() {
        KioskConfig c = ConfigLoader.load(Path.of("../installer/kiosk.properties.example"));
        assertEquals(KioskConfig.Speech.defaults(), c.speech());
        assertFalse(c.screen().highContrast());
    }

    @Test
    void badValuesNameTheKeyAndWhatIsAllowed() {
        ConfigException volume = assertThrows(ConfigException.class, () -> ConfigLoader.parse("k", "voice.volume=101\n"));
        assertEquals("voice.volume", volume.key());
        assertEquals("k: voice.volume = \"101\" is not valid: expected a volume from 0 (silent) to 100 (loudest)",
                volume.getMessage());
        assertEquals("voice.volume", assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("k", "voice.volume=loud\n")).key());

        ConfigException chinese = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("k", "voice.chinese=zh\n"));
        assertEquals("voice.chinese", chinese.key());
        assertTrue(chinese.getMessage().contains("\"zh\"") && chinese.getMessage().contains("[cmn, yue]"),
                chinese.getMessage());

        ConfigException enabled = assertThrows(ConfigException.class, () -> ConfigLoader.parse("k", "voice.enabled=yes\n"));
        assertTrue(enabled.getMessage().contains("[false, true]"), enabled.getMessage());

        ConfigException rate = assertThrows(ConfigException.class, () -> ConfigLoader.parse("k", "voice.rate=40\n"));
        assertEquals("voice.rate", rate.key());
        assertTrue(rate.getMessage().contains("from 50"), rate.getMessage());

        ConfigException contrast = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("k", "screen.high-contrast=on\n"));
        assertEquals("screen.high-contrast", contrast.key());
    }

    @Test
    void theSpeechRecordRefusesWhatEspeakCannotDo() {
        assertThrows(IllegalArgumentException.class, () -> new KioskConfig.Speech(true, -1, "cmn"));
        assertThrows(IllegalArgumentException.class, () -> new KioskConfig.Speech(true, 80, "en"));
        assertThrows(IllegalArgumentException.class, () -> new KioskConfig.Speech(true, 80, "cmn", 200));
        assertEquals(100, new KioskConfig.Speech(true, 80, "yue").ratePercent());
        assertFalse(KioskConfig.Speech.defaults().muted().enabled());
    }

    @Test
    void olderConstructorsKeepWorkingWithTheDefaults() {
        KioskConfig demo = KioskConfig.demo();
        KioskConfig.Screen sixArguments = new KioskConfig.Screen(Locale.ENGLISH, true, false,
                KioskConfig.Orientation.PORTRAIT, 1080, 1920);
        assertFalse(sixArguments.highContrast());
        KioskConfig eleven = new KioskConfig(demo.hospital(), sixArguments, demo.session(), demo.backend(),
                demo.idCardReader(), demo.storage(), demo.receiptPrinter(), demo.journeys(), demo.scanner(),
                demo.smartCardReader(), demo.reportPrinter());
        assertEquals(KioskConfig.Speech.defaults(), eleven.speech());
        assertEquals(KioskConfig.Speech.defaults(), new KioskConfig(demo.hospital(), demo.screen(), demo.session(),
                demo.backend(), demo.idCardReader(), demo.storage()).speech());
    }

    @Test
    void withBackendKeepsTheVoice() {
        KioskConfig c = ConfigLoader.parse("t", "voice.chinese=yue\nvoice.volume=50\n");
        KioskConfig other = c.withBackend(new KioskConfig.Backend(Optional.of("http://127.0.0.1:8080/fhir"),
                Optional.empty(), Duration.ofSeconds(5), Optional.empty(), Optional.empty()));
        assertEquals(c.speech(), other.speech());
        assertEquals("http://127.0.0.1:8080/fhir", other.backend().url().orElseThrow());
    }
}
