package org.medkiosk.app.voice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.device.link.testing.SystemRequirement;
import org.slf4j.LoggerFactory;

/** Which voice a kiosk gets: espeak-ng when wanted and working, else the silent voice with one line saying why. */
class VoicesTest {

    private static List<ILoggingEvent> logged(Supplier<Voice> make, Voice[] made) {
        Logger log = (Logger) LoggerFactory.getLogger(Voices.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        log.addAppender(events);
        try {
            made[0] = make.get();
        } finally {
            log.detachAppender(events);
        }
        return events.list;
    }

    @Test
    void mutedIsSilent() {
        Voice[] voice = new Voice[1];
        List<ILoggingEvent> lines = logged(() -> Voices.forSettings(KioskConfig.Speech.defaults().muted()), voice);
        assertSame(Voice.SILENT, voice[0]);
        assertFalse(voice[0].audible());
        assertTrue(lines.size() == 1 && lines.get(0).getFormattedMessage().contains("voice.enabled=false"),
                lines.toString());
    }

    @Test
    void withoutEspeakTheKioskIsSilentAndSaysHowToInstallIt(@TempDir Path dir) {
        Voice[] voice = new Voice[1];
        List<ILoggingEvent> lines = logged(
                () -> Voices.forSettings(KioskConfig.Speech.defaults(), dir.resolve("no/espeak-ng").toString()), voice);
        assertSame(Voice.SILENT, voice[0]);
        assertTrue(lines.size() == 1, lines.toString());
        String line = lines.get(0).getFormattedMessage();
        assertTrue(line.startsWith("voice is off: espeak-ng is not installed") && line.endsWith("apt-get install espeak-ng"),
                line);
    }

    @Test
    void anEspeakThatFailsItsVersionCheckIsSilent() {
        assertSame(Voice.SILENT, Voices.forSettings(KioskConfig.Speech.defaults(), "false"));
    }

    @Test
    void anInstalledEspeakSpeaks() {
        SystemRequirement.require(SystemRequirement.findCommand(EspeakVoice.COMMAND) != null,
                "espeak-ng (the kiosk's voice; install it with apt-get install espeak-ng)");
        Voice voice = Voices.forSettings(KioskConfig.Speech.defaults());
        try {
            assertInstanceOf(EspeakVoice.class, voice);
            assertTrue(voice.audible());
        } finally {
            voice.close();
        }
    }
}
