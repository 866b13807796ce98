package org.medkiosk.app.diagnostics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medkiosk.app.logging.PersonalDataMasker;
import org.medkiosk.hospital.Masking;

/**
 * What the diagnostics bundle hides, and how: secrets by key name ({@link #isSecretKey}), the user-info of any URL,
 * every known secret value wherever it appears ({@link #scrub}), and personal data through the kiosk's one masker
 * ({@link PersonalDataMasker}; names, which have no shape, through {@link Masking#name} on runs of Chinese characters).
 */
final class Redaction {
    static final String MARKER = "<redacted>";

    /** Key names holding secrets however they are spelt in a properties file (lower case, dots and dashes kept). */
    private static final List<String> SECRET_WORDS = List.of("token", "secret", "password", "passwd", "pin",
            "key-pass", "keypass", "passphrase");
    /** The backend's secret keys by name, whatever the rule above says. */
    private static final Set<String> SECRET_KEYS = Set.of("backend.token", "backend.client-secret");
    /** scheme://user:pass@ — only the user-info is replaced. */
    private static final Pattern URL_USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/\\s@?#]+)@");
    /**
     * Runs of Chinese characters (with the middle dot of minority names): a name has no shape the masker can find
     * without the session's {@code SensitiveValues}, and the kiosk's log messages are English, so Chinese text in a
     * log line that leaves the hospital is treated as a name or an address. Should move into PersonalDataMasker.
     */

    private final List<String> secretValues;

    /** With the secret values to scrub from every line (the shortest ones, under 4 characters, are ignored). */
    Redaction(Collection<String> secretValues) {
        Set<String> values = new LinkedHashSet<>();
        for (String v : secretValues) {
            if (v != null && v.strip().length() >= 4) {
                values.add(v.strip());
            }
        }
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingInt(String::length).reversed()); // a longer secret before a part of it
        this.secretValues = List.copyOf(sorted);
    }

    /**
     * Whether a configuration key (or a record component name such as {@code bearerToken}) holds a secret: the backend
     * token and client secret, and any key naming a token, secret, password, PIN or key password. A key ending in
     * {@code url} (backend.token-url, the OAuth2 endpoint) is an address, not a secret: its user-info is redacted instead.
     */
    static boolean isSecretKey(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        if (SECRET_KEYS.contains(k)) {
            return true;
        }
        if (k.endsWith("url") || k.endsWith("uri")) {
            return false;
        }
        for (String word : SECRET_WORDS) {
            if (k.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** URL user-info replaced, then every known secret value. */
    String scrub(String line) {
        if (line == null || line.isEmpty()) {
            return line;
        }
        String out = URL_USER_INFO.matcher(line).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MARKER + "@"));
        for (String secret : secretValues) {
            if (out.contains(secret)) {
                out = out.replace(secret, MARKER);
            }
        }
        return out;
    }

    /** A line of a log or the journal: scrubbed, masked by the kiosk's masker, Chinese runs masked as names. */
    String personal(String line) {
        return PersonalDataMasker.maskForExport(scrub(line));
    }

    /** A line of a configuration file or setting: scrubbed and masked (no patient data belongs there, but who knows). */
    String setting(String line) {
        return PersonalDataMasker.mask(scrub(line));
    }
}
