package org.medkiosk.app.voice;

import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * What a listener would hear in a WAV file, as far as a test can tell: how long it lasts and which share of its 20 ms
 * windows are clearly louder than silence (RMS above {@value #SILENCE_RMS} of full scale; espeak-ng's voiced sounds are
 * around 0.1-0.3, its pauses 0). Speech means at least {@value #MIN_SECONDS} s with at least
 * {@value #MIN_LOUD_SHARE} of the windows loud.
 */
record HeardSpeech(double seconds, int windows, int loudWindows) {
    static final double SILENCE_RMS = 0.02;
    static final double MIN_SECONDS = 0.5;
    static final double MIN_LOUD_SHARE = 0.2;

    double loudShare() {
        return windows == 0 ? 0 : (double) loudWindows / windows;
    }

    boolean isSpeech() {
        return seconds >= MIN_SECONDS && loudShare() >= MIN_LOUD_SHARE;
    }

    static HeardSpeech in(Path wav) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || f.getSampleSizeInBits() != 16) {
                throw new IOException("expected 16-bit signed PCM, got " + f);
            }
            byte[] bytes = in.readAllBytes();
            int channels = f.getChannels();
            int frameSize = f.getFrameSize();
            int frames = bytes.length / frameSize;
            int perWindow = Math.max(1, Math.round(f.getSampleRate() * 0.020f));
            int windows = 0;
            int loud = 0;
            for (int start = 0; start + perWindow <= frames; start += perWindow) {
                double sum = 0;
                for (int i = start; i < start + perWindow; i++) {
                    for (int c = 0; c < channels; c++) {
                        int at = i * frameSize + c * 2;
                        int sample = f.isBigEndian()
                                ? (short) ((bytes[at] << 8) | (bytes[at + 1] & 0xFF))
                                : (short) ((bytes[at + 1] << 8) | (bytes[at] & 0xFF));
                        double v = sample / 32768.0;
                        sum += v * v;
                    }
                }
                windows++;
                if (Math.sqrt(sum / (perWindow * channels)) > SILENCE_RMS) {
                    loud++;
                }
            }
            return new HeardSpeech(frames / (double) f.getSampleRate(), windows, loud);
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(wav + " is not a WAV file javax.sound can read", e);
        }
    }

    @Override
    public String toString() {
        return String.format("%.2f s, %d of %d 20-ms windows loud (%.0f%%)", seconds, loudWindows, windows,
                100 * loudShare());
    }
}
