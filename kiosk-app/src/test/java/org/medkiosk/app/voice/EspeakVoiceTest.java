package org.medkiosk.app.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.device.link.testing.SystemRequirement;
import org.slf4j.LoggerFactory;

/**
 * The real espeak-ng writes WAV files that hold speech (checked by loudness over time, and the check itself is shown
 * to call silence silent); {@code say} hands the work to a background process that a newer utterance replaces, shown
 * with a stand-in espeak-ng that records its arguments and then speaks (sleeps) for 10 s, because this machine has no
 * sound card and the real one would return at once.
 */
class EspeakVoiceTest {
    private static final String CHINESE_ANNOUNCEMENT = "请插入身份证或扫描电子健康卡，然后按屏幕上的提示操作。";
    private static final String ENGLISH_ANNOUNCEMENT = "Please insert your ID card or scan your e-health card, then follow the screen.";
    private static final Locale CHINESE = KioskConfig.CHINESE;

    @TempDir
    Path dir;

    private static void requireEspeak() {
        SystemRequirement.require(SystemRequirement.findCommand(EspeakVoice.COMMAND) != null,
                "espeak-ng (the kiosk's voice; install it with apt-get install espeak-ng)");
    }

    private HeardSpeech synthesized(KioskConfig.Speech settings, String text, Locale language, String name)
            throws IOException {
        Path wav = dir.resolve(name + ".wav");
        try (EspeakVoice voice = new EspeakVoice(settings)) {
            voice.synthesize(text, language, wav);
        }
        return HeardSpeech.in(wav);
    }

    @Test
    void mandarinAnnouncementIsSpeech() throws IOException {
        requireEspeak();
        HeardSpeech heard = synthesized(KioskConfig.Speech.defaults(), CHINESE_ANNOUNCEMENT, CHINESE, "cmn");
        assertTrue(heard.isSpeech(), "Mandarin: " + heard);
    }

    @Test
    void englishAnnouncementIsSpeech() throws IOException {
        requireEspeak();
        HeardSpeech heard = synthesized(KioskConfig.Speech.defaults(), ENGLISH_ANNOUNCEMENT, Locale.ENGLISH, "en");
        assertTrue(heard.isSpeech(), "English: " + heard);
    }

    @Test
    void cantoneseAnnouncementIsSpeech() throws IOException {
        requireEspeak();
        HeardSpeech heard = synthesized(new KioskConfig.Speech(true, 80, KioskConfig.Speech.CANTONESE),
                CHINESE_ANNOUNCEMENT, CHINESE, "yue");
        assertTrue(heard.isSpeech(), "Cantonese: " + heard);
    }

    @Test
    void theCheckCallsSilenceSilent() throws Exception {
        requireEspeak();
        // the same announcement at volume 0: as long as speech, but nothing to hear
        HeardSpeech mute = synthesized(new KioskConfig.Speech(true, 0, KioskConfig.Speech.MANDARIN),
                CHINESE_ANNOUNCEMENT, CHINESE, "volume-0");
        assertTrue(mute.seconds() >= HeardSpeech.MIN_SECONDS, "volume 0 still lasts: " + mute);
        assertFalse(mute.isSpeech(), "volume 0: " + mute);
        // an utterance of spaces only
        HeardSpeech spaces = synthesized(KioskConfig.Speech.defaults(), "   ", Locale.ENGLISH, "spaces");
        assertFalse(spaces.isSpeech(), "spaces: " + spaces);
        // two seconds of digital silence, written by javax.sound itself
        Path silent = dir.resolve("silent.wav");
        AudioFormat format = new AudioFormat(22050, 16, 1, true, false);
        byte[] zeros = new byte[22050 * 2 * 2];
        AudioSystem.write(new AudioInputStream(new java.io.ByteArrayInputStream(zeros), format, zeros.length / 2),
                AudioFileFormat.Type.WAVE, silent.toFile());
        HeardSpeech nothing = HeardSpeech.in(silent);
        assertEquals(2.0, nothing.seconds(), 0.01);
        assertFalse(nothing.isSpeech(), "silence: " + nothing);
    }

    @Test
    void aSlowerPaceMakesLongerSpeech() throws IOException {
        requireEspeak();
        HeardSpeech normal = synthesized(KioskConfig.Speech.defaults(), ENGLISH_ANNOUNCEMENT, Locale.ENGLISH, "normal");
        HeardSpeech slow = synthesized(new KioskConfig.Speech(true, 80, KioskConfig.Speech.MANDARIN, 60),
                ENGLISH_ANNOUNCEMENT, Locale.ENGLISH, "slow");
        assertTrue(slow.seconds() > normal.seconds() * 1.3, "60% pace " + slow + " vs normal " + normal);
    }

    @Test
    void argumentsMapVolumePaceAndLanguage() {
        try (EspeakVoice voice = new EspeakVoice(new KioskConfig.Speech(true, 80, KioskConfig.Speech.CANTONESE))) {
            assertEquals(List.of("espeak-ng", "-v", "yue", "-a", "160", "-s", "175", "-b", "1", "--stdin"),
                    voice.arguments(CHINESE));
            assertEquals(List.of("espeak-ng", "-v", "en", "-a", "160", "-s", "150", "-b", "1", "--stdin"),
                    voice.arguments(Locale.ENGLISH));
            assertEquals("cmn", new EspeakVoice(KioskConfig.Speech.defaults()).voiceFor(Locale.TRADITIONAL_CHINESE));
        }
        try (EspeakVoice loudSlow = new EspeakVoice(new KioskConfig.Speech(true, 100, KioskConfig.Speech.MANDARIN, 50))) {
            assertEquals(200, loudSlow.amplitude());
            assertEquals(80, loudSlow.wordsPerMinute(Locale.ENGLISH), "espeak-ng's slowest");
            assertEquals(88, loudSlow.wordsPerMinute(CHINESE));
        }
        try (EspeakVoice quiet = new EspeakVoice(new KioskConfig.Speech(true, 0, KioskConfig.Speech.MANDARIN))) {
            assertEquals(0, quiet.amplitude());
        }
    }

    @Test
    void toStringNamesTheVoiceAndSettings() {
        try (EspeakVoice voice = new EspeakVoice(new KioskConfig.Speech(true, 70, KioskConfig.Speech.CANTONESE, 90))) {
            String s = voice.toString();
            assertTrue(s.contains("yue") && s.contains("amplitude 140") && s.contains("volume 70")
                    && s.contains("90%") && s.contains("135 wpm"), s);
        }
    }

    /** A stand-in espeak-ng: writes its arguments and its standard input to files named by its pid, then sleeps. */
    private Path standInEspeak(String then) throws IOException {
        Path script = dir.resolve("espeak-ng");
        Files.writeString(script, "#!/bin/sh\n"
                + "printf '%s\\n' \"$@\" > '" + dir + "'/args.$$\n"
                + "cat > '" + dir + "'/text.$$\n"
                + then + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void sayReturnsAtOnceAndANewUtteranceReplacesTheOneBeingSpoken() throws Exception {
        Path script = standInEspeak("exec sleep 10");
        try (EspeakVoice voice = new EspeakVoice(KioskConfig.Speech.defaults(), script.toString())) {
            long t0 = System.nanoTime();
            voice.say(CHINESE_ANNOUNCEMENT.repeat(4), CHINESE);
            long firstSay = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(firstSay < 500, "say took " + firstSay + " ms for a 10 s utterance");
            await(() -> voice.speakingNow().isPresent(), "the first utterance is being spoken");
            ProcessHandle first = voice.speakingNow().orElseThrow();
            await(() -> Files.exists(dir.resolve("text." + first.pid())), "the stand-in read its text");

            long t1 = System.nanoTime();
            voice.say(ENGLISH_ANNOUNCEMENT, Locale.ENGLISH);
            long secondSay = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1);
            assertTrue(secondSay < 500, "say took " + secondSay + " ms while another utterance was spoken");

            first.onExit().get(5, TimeUnit.SECONDS);
            assertFalse(first.isAlive(), "the first utterance was stopped");
            await(() -> voice.speakingNow().filter(p -> p.pid() != first.pid()).isPresent(),
                    "the second utterance is being spoken");
            ProcessHandle second = voice.speakingNow().orElseThrow();
            assertTrue(second.isAlive());
            assertEquals(2, voice.processesStarted());
            assertEquals(1, voice.processesCut());

            // the text goes on standard input, never in the arguments (no shell, not in the process list)
            Path args = dir.resolve("args." + second.pid());
            Path text = dir.resolve("text." + second.pid());
            await(() -> Files.exists(text) && Files.exists(args), "the stand-in read the second text");
            assertEquals(List.of("-v", "en", "-a", "160", "-s", "150", "-b", "1", "--stdin"), Files.readAllLines(args));
            await(() -> {
                try {
                    return Files.readString(text, StandardCharsets.UTF_8).equals(ENGLISH_ANNOUNCEMENT);
                } catch (IOException e) {
                    return false;
                }
            }, "the stand-in got the English text on stdin");
            assertEquals(CHINESE_ANNOUNCEMENT.repeat(4),
                    Files.readString(dir.resolve("text." + first.pid()), StandardCharsets.UTF_8));

            voice.hush();
            second.onExit().get(5, TimeUnit.SECONDS);
            assertTrue(voice.speakingNow().isEmpty());
            assertEquals(2, voice.processesCut());
        }
    }

    @Test
    void closeStopsTheUtteranceAndLaterSaysAreIgnored() throws Exception {
        Path script = standInEspeak("exec sleep 10");
        EspeakVoice voice = new EspeakVoice(KioskConfig.Speech.defaults(), script.toString());
        voice.say(ENGLISH_ANNOUNCEMENT, Locale.ENGLISH);
        await(() -> voice.speakingNow().isPresent(), "speaking");
        ProcessHandle speaking = voice.speakingNow().orElseThrow();
        voice.close();
        speaking.onExit().get(5, TimeUnit.SECONDS);
        voice.say(ENGLISH_ANNOUNCEMENT, Locale.ENGLISH);
        Thread.sleep(300);
        assertEquals(1, voice.processesStarted());
        assertTrue(voice.speakingNow().isEmpty());
    }

    @Test
    void blankTextSaysNothingButHushes() throws Exception {
        Path script = standInEspeak("exec sleep 10");
        try (EspeakVoice voice = new EspeakVoice(KioskConfig.Speech.defaults(), script.toString())) {
            voice.say(ENGLISH_ANNOUNCEMENT, Locale.ENGLISH);
            await(() -> voice.speakingNow().isPresent(), "speaking");
            ProcessHandle speaking = voice.speakingNow().orElseThrow();
            voice.say("  ", Locale.ENGLISH);
            voice.say(null, null);
            speaking.onExit().get(5, TimeUnit.SECONDS);
            Thread.sleep(300);
            assertEquals(1, voice.processesStarted());
        }
    }

    @Test
    void failuresAreLoggedOnceWithoutTheTextAndNeverThrown() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(EspeakVoice.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        Level level = log.getLevel();
        log.setLevel(Level.DEBUG);
        log.addAppender(events);
        String name = "张*明";
        try (EspeakVoice broken = new EspeakVoice(KioskConfig.Speech.defaults(), standInEspeak("exit 3").toString());
             EspeakVoice missing = new EspeakVoice(KioskConfig.Speech.defaults(), dir.resolve("no-such-espeak").toString())) {
            String text = name + "，请到三号窗口";
            broken.say(text, CHINESE);
            await(() -> events.list.size() >= 1, "the first failure is logged");
            broken.say(text, CHINESE);
            await(() -> events.list.size() >= 2, "the second failure is logged");
            assertEquals(Level.WARN, events.list.get(0).getLevel());
            assertEquals(Level.DEBUG, events.list.get(1).getLevel(), "a repeat is not another WARN");
            String warn = events.list.get(0).getFormattedMessage();
            assertTrue(warn.contains("exited with 3") && warn.contains(text.length() + " characters"), warn);

            missing.say(text, CHINESE);
            await(() -> events.list.size() >= 3, "the missing command is logged");
            ILoggingEvent cannotStart = events.list.get(2);
            assertEquals(Level.WARN, cannotStart.getLevel());
            assertTrue(cannotStart.getFormattedMessage().contains("cannot start"), cannotStart.getFormattedMessage());
            for (ILoggingEvent e : events.list) {
                assertFalse(e.getFormattedMessage().contains(name), e.getFormattedMessage());
                assertTrue(e.getThrowableProxy() == null, "no stack trace");
            }
            assertThrows(IOException.class, () -> missing.synthesize(text, CHINESE, dir.resolve("x.wav")));
        } finally {
            log.detachAppender(events);
            log.setLevel(level);
        }
    }

    @Test
    void theRealEspeakSpeaksInTheBackgroundWithoutASoundCardToo() throws Exception {
        requireEspeak();
        try (EspeakVoice voice = new EspeakVoice(KioskConfig.Speech.defaults())) {
            long t0 = System.nanoTime();
            voice.say(CHINESE_ANNOUNCEMENT, CHINESE);
            voice.say(ENGLISH_ANNOUNCEMENT, Locale.ENGLISH);
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 500);
            await(() -> voice.processesStarted() >= 1, "espeak-ng started");
            assertNotEquals(0, voice.processesStarted());
        }
    }
}
