package org.medkiosk.app.voice;

import java.util.Locale;

/**
 * The kiosk's voice: each screen says what it is and what to do next (JOURNEYS.md, accessibility). A port, so the
 * screens do not care whether espeak-ng is installed; without it the kiosk is silent, never broken.
 * Implementations return at once (the FX thread never waits on a speech process) and a new utterance replaces the
 * one being spoken, so a patient who taps on never hears a stale screen.
 *
 * <p>{@link Voices#forSettings} picks the kiosk's voice from {@code voice.*}: an {@link EspeakVoice} when speech is
 * enabled and espeak-ng runs, else {@link #SILENT}. Implementations never throw from {@code say} or {@code hush} and
 * never log what they say (a screen's text may hold a patient's masked name).
 */
public interface Voice extends AutoCloseable {

    /** Says the text in the language (Chinese or English), replacing whatever is being said; returns at once. */
    void say(String text, Locale language);

    /** Stops speaking now (a session ended, the patient muted it). */
    void hush();

    /** True when this voice actually makes sound (false for the silent voice). */
    boolean audible();

    @Override
    void close();

    /** The voice of a kiosk without speech: says nothing. */
    Voice SILENT = new Voice() {
        @Override
        public void say(String text, Locale language) {
        }

        @Override
        public void hush() {
        }

        @Override
        public boolean audible() {
            return false;
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return "silent voice";
        }
    };
}
