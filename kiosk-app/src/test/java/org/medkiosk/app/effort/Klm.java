package org.medkiosk.app.effort;

import java.util.List;

/**
 * A keystroke-level-model (Card, Moran &amp; Newell 1980, "The keystroke-level model for user performance time with
 * interactive systems", CACM 23(7)) estimate of a patient's time for one walk, adapted to a touch kiosk:
 *
 * <pre>
 *   patient  = M · settled screens + (P + tap) · taps + words / wpm + characters / cpm
 *   estimate = factor · patient + scan · scans + software time
 * </pre>
 *
 * <p>M is the mental preparation before acting on (or taking in) a screen; P is pointing at a target (here a finger
 * moving to a large touch target) and tap is the touch itself, taken as CMN's K for an average user. The factor scales
 * the patient's own operators for elderly patients; the scan operator and the kiosk's software time are not scaled.
 */
record Klm(double mentalSeconds, double pointSeconds, double tapSeconds, double englishWordsPerMinute,
           double chineseCharactersPerMinute, double scanSeconds, double factor) {

    /** An adult patient with the operator times of the brief. */
    static final Klm ADULT = new Klm(1.35, 1.1, 0.2, 200, 300, 4.0, 1.0);
    /** The same operators, the patient's own ones 1.5 times slower. */
    static final Klm ELDERLY = ADULT.scaled(1.5);

    Klm scaled(double f) {
        return new Klm(mentalSeconds, pointSeconds, tapSeconds, englishWordsPerMinute, chineseCharactersPerMinute,
                scanSeconds, f);
    }

    double readingSeconds(PatientEffort.Reading r) {
        return r.words() * 60.0 / englishWordsPerMinute + r.cjkCharacters() * 60.0 / chineseCharactersPerMinute;
    }

    /** The patient's own time for the walk (thinking, reaching and tapping, reading), before the factor. */
    double patientSeconds(PatientEffort.Measure m) {
        return mentalSeconds * m.settledScreens().size() + (pointSeconds + tapSeconds) * m.taps().size()
                + readingSeconds(m.toRead());
    }

    /** The estimate with a given software time (e.g. a median over runs). */
    double seconds(PatientEffort.Measure m, double softwareSeconds) {
        return factor * patientSeconds(m) + scanSeconds * m.scans() + softwareSeconds;
    }

    /** The assumptions, one line each, for printing under a table. */
    List<String> assumptions() {
        return List.of(
                String.format("M (mental preparation) %.2f s per settled screen the patient acts on or reads, the home screen "
                        + "and the done screen included (Card, Moran & Newell 1980).", mentalSeconds),
                String.format("P + tap %.1f s + %.1f s per tap: P is CMN's pointing time, used for a finger reaching a "
                        + "≥ 72 px kiosk target; tap is CMN's K for an average user (touch variants of KLM keep these "
                        + "orders of magnitude).", pointSeconds, tapSeconds),
                String.format("Reading %.0f English words/min and %.0f Chinese characters/min (rule-of-thumb adult "
                        + "rates); numbers and Latin words on a Chinese screen are read at the word rate; every visible "
                        + "word of every settled screen is read once (an upper bound: patients skim).",
                        englishWordsPerMinute, chineseCharactersPerMinute),
                String.format("Scan %.0f s per wallet-code scan (take out the phone, open the payment code, hold it to "
                        + "the reader), a fixed operator, not scaled.", scanSeconds),
                "Software time: measured on the demo kiosk (see PatientEffort), not scaled.",
                "Elderly: M, P + tap and reading times ×1.5, an assumption (older adults point and read more slowly; "
                        + "the factor is not a measurement of this kiosk's patients).");
    }
}
