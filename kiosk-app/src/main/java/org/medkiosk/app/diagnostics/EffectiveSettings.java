package org.medkiosk.app.diagnostics;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medkiosk.app.config.KioskConfig;

/**
 * The loaded configuration, one {@code section.component=value} line per setting, walked over the records of
 * {@link KioskConfig} so that a setting added later is listed too; a component whose name is a secret's
 * ({@link Redaction#isSecretKey}: bearerToken, clientSecret…) shows only whether it is set.
 */
final class EffectiveSettings {
    private EffectiveSettings() {
    }

    static List<String> of(KioskConfig config) {
        List<String> lines = new ArrayList<>();
        walk("", config, lines, 0);
        return lines;
    }

    private static void walk(String prefix, Object value, List<String> lines, int depth) {
        if (value instanceof Optional<?> optional) {
            if (optional.isEmpty()) {
                lines.add(prefix + "=(none)");
                return;
            }
            value = optional.get();
        }
        if (value != null && value.getClass().isRecord() && depth < 6) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                String name = prefix.isEmpty() ? component.getName() : prefix + "." + component.getName();
                Object child;
                try {
                    child = component.getAccessor().invoke(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    lines.add(name + "=(cannot be read: " + e.getClass().getSimpleName() + ")");
                    continue;
                }
                if (Redaction.isSecretKey(component.getName())) {
                    boolean set = child instanceof Optional<?> o ? o.isPresent() : child != null;
                    lines.add(name + "=" + (set ? Redaction.MARKER : "(none)"));
                } else {
                    walk(name, child, lines, depth + 1);
                }
            }
            return;
        }
        lines.add(prefix + "=" + value);
    }
}
