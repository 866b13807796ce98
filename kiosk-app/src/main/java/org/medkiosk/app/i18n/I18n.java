package org.medkiosk.app.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The one entry point for every text the kiosk shows (Scene Builder's I18N idea). Keys are string
 * literals at the call site (I18n.tr with a quoted key) so that LocalizationConsistencyTest can find
 * them and fail the build on a missing or unused key.
 */
public final class I18n {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    static final String BUNDLE = "org.medkiosk.app.i18n.messages";

    private static final ObjectProperty<Locale> LOCALE = new SimpleObjectProperty<>(CHINESE);

    private I18n() {
    }

    public static ObjectProperty<Locale> localeProperty() {
        return LOCALE;
    }

    public static Locale locale() {
        return LOCALE.get();
    }

    public static void setLocale(Locale locale) {
        LOCALE.set("zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH);
    }

    public static boolean isChinese() {
        return "zh".equals(LOCALE.get().getLanguage());
    }

    /** The text for key in the current language, with {0}-style arguments. */
    public static String tr(String key, Object... args) {
        return tr(LOCALE.get(), key, args);
    }

    public static String tr(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            // Visible but not fatal in production; the consistency test keeps this from shipping.
            return "!" + key + "!";
        }
        // Always through MessageFormat, so the apostrophe rule (write '') is the same for every message.
        return new MessageFormat(pattern, locale).format(args);
    }

    /** A binding that follows language switches, for labels and buttons. */
    public static StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> tr(key, args), LOCALE);
    }

    /** Marks a key used later (e.g. kept in a state record); returns it unchanged. */
    public static String key(String key) {
        return key;
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
