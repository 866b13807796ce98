package org.medkiosk.app.logging;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Personal values of the patient currently at the kiosk (name, address…) that no pattern can recognise.
 * The log masker replaces any of them it sees; the session clears them when it ends.
 */
public final class SensitiveValues {
    private static final Set<String> VALUES = new CopyOnWriteArraySet<>();

    private SensitiveValues() {
    }

    public static void register(String value) {
        if (value != null && value.strip().length() >= 2) {
            VALUES.add(value.strip());
        }
    }

    public static Set<String> current() {
        return VALUES;
    }

    public static void clear() {
        VALUES.clear();
    }
}
