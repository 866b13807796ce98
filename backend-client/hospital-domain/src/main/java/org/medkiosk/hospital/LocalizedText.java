package org.medkiosk.hospital;

import java.util.Locale;
import java.util.Objects;

/** A text the hospital gives in Chinese and English; every patient-facing string comes in both. */
public record LocalizedText(String zh, String en) {
    public LocalizedText {
        Objects.requireNonNull(zh, "zh");
        if (en == null || en.isBlank()) {
            en = zh;
        }
    }

    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    public static LocalizedText same(String text) {
        return new LocalizedText(text, text);
    }

    /** The text for a UI or print locale: Chinese for any zh locale, English otherwise. */
    public String in(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? zh : en;
    }
}
