package org.medkiosk.app.voice;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.medkiosk.app.config.KioskConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's voice through the {@code espeak-ng} command (Debian package espeak-ng), one process per utterance.
 *
 * <p>Chinese text is spoken with the configured Chinese voice ({@code cmn} Mandarin or {@code yue} Cantonese),
 * everything else with {@code en}. The text goes to the process on its standard input ({@code --stdin}), never
 * through a shell and never in its arguments, so a patient's (masked) name does not show in the process list and
 * text starting with '-' is never read as an option.
 *
 * <p>Loudness: the kiosk's volume 0-100 is espeak-ng's amplitude {@code -a} 0-200, linearly (volume × 2), so volume
 * 50 is espeak-ng's own default of 100 and the default volume 80 is amplitude 160.
 *
 * <p>Pace: espeak-ng speaks English at 175 words a minute by default, a brisk newsreader's pace; the kiosk speaks it
 * at {@value #ENGLISH_WPM} at the normal pace, because many of a hospital lobby's patients are elderly, some hard of
 * hearing, and a slower voice is understood more often in a noisy hall. espeak-ng's Mandarin and Cantonese at its
 * default 175 already come to about 2.5 syllables a second (slower than a hospital announcer), so Chinese keeps
 * {@value #CHINESE_WPM}. The configured pace (percent) scales both; espeak-ng's slowest is 80.
 *
 * <p>{@link #say} returns at once: one daemon thread starts and waits on the process. A new {@code say} destroys the
 * process that is speaking (latest wins), {@link #hush} destroys it, {@link #close} stops the thread. A process that
 * cannot start or ends with a non-zero exit is logged at WARN once (until the voice works again; repeats go to
 * DEBUG), naming the voice and the length of the text, never the text; nothing is thrown to the screens.
 */
public final class EspeakVoice implements Voice {
    /** The command, found on the PATH. */
    public static final String COMMAND = "espeak-ng";
    static final int ENGLISH_WPM = 150;
    static final int CHINESE_WPM = 175;
    static final String ENGLISH_VOICE = "en";
    private static final int SLOWEST_WPM = 80;
    private static final Logger LOG = LoggerFactory.getLogger(EspeakVoice.class);

    private final String command;
    private final KioskConfig.Speech settings;
    private final ExecutorService speaker;
    private final Object lock = new Object();
    // guarded by lock
    private Process speaking;
    private long latest;
    private boolean closed;
    private boolean failing;
    private int started;
    private int cut;

    /** The configured voice through espeak-ng on the PATH (see {@link Voices#forSettings} for the checked one). */
    public EspeakVoice(KioskConfig.Speech settings) {
        this(settings, COMMAND);
    }

    /** The configured voice through this espeak-ng executable (a path, or a name looked up on the PATH). */
    public EspeakVoice(KioskConfig.Speech settings, String command) {
        this.settings = settings;
        this.command = command;
        this.speaker = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "kiosk-voice");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void say(String text, Locale language) {
        String words = text == null ? "" : text.strip();
        long utterance;
        synchronized (lock) {
            if (closed) {
                return;
            }
            utterance = ++latest;
            stopSpeakingLocked();
            if (words.isEmpty()) {
                return;
            }
        }
        try {
            speaker.execute(() -> speak(utterance, words, language));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile: nothing to say
        }
    }

    @Override
    public void hush() {
        synchronized (lock) {
            latest++;
            stopSpeakingLocked();
        }
    }

    @Override
    public boolean audible() {
        return true;
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            latest++;
            stopSpeakingLocked();
        }
        speaker.shutdownNow();
    }

    /**
     * Writes the utterance to a WAV file instead of the loudspeaker ({@code -w FILE}) and waits for espeak-ng: for
     * tests and for a technician checking the voice on a kiosk without speakers.
     *
     * @throws IOException when espeak-ng cannot start, fails, or takes longer than a minute
     */
    public void synthesize(String text, Locale language, Path wav) throws IOException {
        List<String> argv = arguments(language);
        argv.add("-w");
        argv.add(wav.toAbsolutePath().toString());
        Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            feed(p, text == null ? "" : text);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(COMMAND + " took longer than 60 s to write " + wav + " (" + describe(text, language) + ")");
            }
            if (p.exitValue() != 0) {
                throw new IOException(COMMAND + " exited with " + p.exitValue() + " writing " + wav + " ("
                        + describe(text, language) + ")");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + COMMAND + " was writing " + wav);
        }
    }

    /** The espeak-ng voice for text in this language: the configured Chinese voice for Chinese, else en. */
    String voiceFor(Locale language) {
        return language == null || "zh".equals(language.getLanguage()) ? settings.chineseVoice() : ENGLISH_VOICE;
    }

    /** espeak-ng's amplitude (-a, 0-200) for the configured volume (0-100). */
    int amplitude() {
        return settings.volume() * 2;
    }

    /** espeak-ng's speed (-s, words a minute) for text in this language at the configured pace. */
    int wordsPerMinute(Locale language) {
        int normal = ENGLISH_VOICE.equals(voiceFor(language)) ? ENGLISH_WPM : CHINESE_WPM;
        return Math.max(SLOWEST_WPM, Math.round(normal * settings.ratePercent() / 100f));
    }

    /** The arguments before the output option; the text always follows on standard input. */
    List<String> arguments(Locale language) {
        List<String> argv = new ArrayList<>();
        argv.add(command);
        argv.add("-v");
        argv.add(voiceFor(language));
        argv.add("-a");
        argv.add(String.valueOf(amplitude()));
        argv.add("-s");
        argv.add(String.valueOf(wordsPerMinute(language)));
        argv.add("-b");
        argv.add("1"); // UTF-8
        argv.add("--stdin");
        return argv;
    }

    /** The process speaking now, if any (for tests). */
    Optional<ProcessHandle> speakingNow() {
        synchronized (lock) {
            return speaking == null ? Optional.empty() : Optional.of(speaking.toHandle());
        }
    }

    /** How many espeak-ng processes were started for {@link #say}. */
    int processesStarted() {
        synchronized (lock) {
            return started;
        }
    }

    /** How many were destroyed while still speaking (replaced by a newer utterance, hushed or closed). */
    int processesCut() {
        synchronized (lock) {
            return cut;
        }
    }

    /** On the voice thread: speaks one utterance unless a newer one (or a hush) came first. */
    private void speak(long utterance, String text, Locale language) {
        synchronized (lock) {
            if (utterance != latest) {
                return;
            }
        }
        Process p;
        try {
            // Output is discarded: espeak-ng's and ALSA's chatter is no use in the kiosk's log, and a full pipe
            // would stall the process.
            p = new ProcessBuilder(arguments(language)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            failed("cannot start " + command + " (" + e.getMessage() + ")", text, language);
            return;
        }
        synchronized (lock) {
            started++;
            if (utterance != latest) {
                cut++;
                p.destroy();
                return;
            }
            speaking = p;
        }
        try {
            feed(p, text);
            int exit = p.waitFor();
            boolean natural;
            synchronized (lock) {
                natural = speaking == p;
                if (natural) {
                    speaking = null;
                }
            }
            if (!natural) {
                return; // destroyed on purpose: its exit code says nothing
            }
            if (exit != 0) {
                failed(command + " exited with " + exit, text, language);
            } else {
                synchronized (lock) {
                    failing = false;
                }
            }
        } catch (IOException e) {
            // the process died before reading its text (destroyed, or espeak-ng broke); its exit tells which
            try {
                int exit = p.waitFor();
                boolean natural;
                synchronized (lock) {
                    natural = speaking == p;
                    if (natural) {
                        speaking = null;
                    }
                }
                if (natural) {
                    failed(command + " did not take the text (exit " + exit + ")", text, language);
                }
            } catch (InterruptedException interrupted) {
                p.destroy();
                Thread.currentThread().interrupt();
            }
        } catch (InterruptedException e) {
            p.destroy(); // closed
            Thread.currentThread().interrupt();
        }
    }

    private static void feed(Process p, String text) throws IOException {
        try (OutputStream in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void stopSpeakingLocked() {
        if (speaking != null) {
            if (speaking.isAlive()) {
                cut++;
            }
            speaking.destroy();
            speaking = null;
        }
    }

    private void failed(String why, String text, Locale language) {
        boolean first;
        synchronized (lock) {
            first = !failing;
            failing = true;
        }
        String message = "voice: " + why + " speaking " + describe(text, language) + "; the kiosk stays silent";
        if (first) {
            LOG.warn("{} (further failures until it speaks again are logged at DEBUG)", message);
        } else {
            LOG.debug(message);
        }
    }

    /** What may be logged about an utterance: its voice and length, never its text (it may hold a patient's name). */
    private String describe(String text, Locale language) {
        return "voice " + voiceFor(language) + ", " + (text == null ? 0 : text.length()) + " characters";
    }

    @Override
    public String toString() {
        return "espeak-ng voice[" + command + ", Chinese " + settings.chineseVoice() + " at "
                + wordsPerMinute(KioskConfig.CHINESE) + " wpm, English " + ENGLISH_VOICE + " at "
                + wordsPerMinute(Locale.ENGLISH) + " wpm, amplitude " + amplitude() + " (volume " + settings.volume()
                + "), pace " + settings.ratePercent() + "%]";
    }
}
