package org.medkiosk.app.voice;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.medkiosk.app.config.KioskConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which voice a kiosk has: espeak-ng when the configuration wants speech and espeak-ng runs, else silence. */
public final class Voices {
    private static final Logger LOG = LoggerFactory.getLogger(Voices.class);
    private static final long VERSION_CHECK_SECONDS = 5;

    private Voices() {
    }

    /** The voice for these settings ({@code voice.*}) through espeak-ng on the PATH. */
    public static Voice forSettings(KioskConfig.Speech settings) {
        return forSettings(settings, EspeakVoice.COMMAND);
    }

    /**
     * The voice for these settings through this espeak-ng executable: an {@link EspeakVoice} when speech is enabled
     * and {@code COMMAND --version} succeeds, else {@link Voice#SILENT}, saying why in one INFO line.
     */
    public static Voice forSettings(KioskConfig.Speech settings, String command) {
        if (!settings.enabled()) {
            LOG.info("voice is off: voice.enabled=false");
            return Voice.SILENT;
        }
        String problem = versionProblem(command);
        if (problem != null) {
            LOG.info("voice is off: {} — apt-get install espeak-ng", problem);
            return Voice.SILENT;
        }
        EspeakVoice voice = new EspeakVoice(settings, command);
        LOG.info("voice is on: {}", voice);
        return voice;
    }

    /** Null when {@code command --version} runs and exits 0, else why not. */
    private static String versionProblem(String command) {
        Process p;
        try {
            p = new ProcessBuilder(command, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return EspeakVoice.COMMAND + " is not installed (" + command + " cannot be run: " + e.getMessage() + ")";
        }
        try {
            if (!p.waitFor(VERSION_CHECK_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return command + " --version did not answer within " + VERSION_CHECK_SECONDS + " s";
            }
            return p.exitValue() == 0 ? null : command + " --version exited with " + p.exitValue();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return "interrupted while checking " + command;
        }
    }
}
