package org.medkiosk.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Fails the build on a key used but missing from a bundle, a key in a bundle nobody uses, or bundles that differ. */
class LocalizationConsistencyTest {
    private static final Pattern USE = Pattern.compile("\\b(?:tr|bind|key)\\(\\s*\"([a-z0-9][a-z0-9._-]*)\"");

    static Set<String> keysUsedInSources() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = USE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        return used;
    }

    static Set<String> keysOf(Locale locale) {
        return new TreeSet<>(I18n.bundle(locale).keySet());
    }

    @Test
    void everyUsedKeyExistsInBothLanguages() throws IOException {
        Set<String> used = keysUsedInSources();
        assertFalse(used.isEmpty(), "the scan found no keys: the pattern is broken");
        for (Locale locale : new Locale[] {I18n.CHINESE, I18n.ENGLISH}) {
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(keysOf(locale));
            assertTrue(missing.isEmpty(), "keys used in code but missing from the " + locale + " bundle: " + missing);
        }
    }

    @Test
    void noBundleHoldsUnusedKeys() throws IOException {
        Set<String> used = keysUsedInSources();
        for (Locale locale : new Locale[] {I18n.CHINESE, I18n.ENGLISH}) {
            Set<String> unused = keysOf(locale);
            unused.removeAll(used);
            assertTrue(unused.isEmpty(), "keys in the " + locale + " bundle that no code uses: " + unused);
        }
    }

    @Test
    void bothBundlesHaveTheSameKeysAndNoEmptyText() {
        assertEquals(keysOf(I18n.CHINESE), keysOf(I18n.ENGLISH));
        for (Locale locale : new Locale[] {I18n.CHINESE, I18n.ENGLISH}) {
            ResourceBundle b = I18n.bundle(locale);
            for (String k : b.keySet()) {
                assertFalse(b.getString(k).isBlank(), locale + " " + k + " is empty");
            }
        }
    }

    @Test
    void chineseBundleIsActuallyChineseAndArgumentsFormat() {
        assertEquals("开始", I18n.tr(I18n.CHINESE, "idle.start"));
        assertEquals("Start", I18n.tr(I18n.ENGLISH, "idle.start"));
        assertEquals("您好，张*明", I18n.tr(I18n.CHINESE, "home.greeting", "张*明"));
        assertEquals("!no.such.key!", I18n.tr(I18n.ENGLISH, "no.such.key"));
    }
}
