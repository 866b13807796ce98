package org.medkiosk.app.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A properties file's lines as they are (comments, order, blank lines), with the value of every secret key
 * ({@link Redaction#isSecretKey}) replaced by {@value Redaction#MARKER}: on a {@code key=value} line, on its
 * continuation lines, and in a commented-out line such as {@code #backend.token=...}.
 */
final class RedactedProperties {
    /** The redacted lines and the secret keys whose values were replaced. */
    record Result(List<String> lines, Set<String> redactedKeys) {
    }

    private RedactedProperties() {
    }

    static Result of(List<String> physicalLines, Redaction redaction) {
        List<String> out = new ArrayList<>();
        Set<String> redacted = new TreeSet<>();
        int i = 0;
        while (i < physicalLines.size()) {
            String line = physicalLines.get(i);
            String trimmed = line.stripLeading();
            if (trimmed.isEmpty()) {
                out.add(line);
                i++;
                continue;
            }
            if (trimmed.charAt(0) == '#' || trimmed.charAt(0) == '!') {
                // A comment never continues; a commented-out secret is still a secret.
                String body = trimmed.substring(1);
                String prefix = line.substring(0, line.length() - trimmed.length()) + trimmed.charAt(0);
                KeyValue kv = KeyValue.parse(body);
                if (kv != null && kv.hasSeparator && Redaction.isSecretKey(kv.key)) {
                    redacted.add(kv.key);
                    out.add(prefix + body.substring(0, kv.keyEnd) + "=" + Redaction.MARKER);
                } else {
                    out.add(redaction.setting(line));
                }
                i++;
                continue;
            }
            // A logical line: this one and every line it continues onto (an odd number of trailing backslashes).
            int last = i;
            while (last < physicalLines.size() - 1 && continues(physicalLines.get(last))) {
                last++;
            }
            KeyValue kv = KeyValue.parse(trimmed);
            if (kv != null && Redaction.isSecretKey(kv.key)) {
                String lead = line.substring(0, line.length() - trimmed.length());
                boolean empty = logicalValue(physicalLines, i, last, kv).isBlank();
                if (!empty) {
                    redacted.add(kv.key);
                }
                out.add(lead + trimmed.substring(0, kv.keyEnd) + "=" + (empty ? "" : Redaction.MARKER));
            } else {
                for (int j = i; j <= last; j++) {
                    out.add(redaction.setting(physicalLines.get(j)));
                }
            }
            i = last + 1;
        }
        return new Result(List.copyOf(out), redacted);
    }

    private static boolean continues(String line) {
        int backslashes = 0;
        for (int k = line.length() - 1; k >= 0 && line.charAt(k) == '\\'; k--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String logicalValue(List<String> lines, int first, int last, KeyValue kv) {
        StringBuilder b = new StringBuilder(kv.value);
        for (int j = first + 1; j <= last; j++) {
            b.append(lines.get(j).strip());
        }
        return b.toString().replace("\\", "");
    }

    /** The key of a properties line (escapes removed) and where it ends, as java.util.Properties reads it. */
    private record KeyValue(String key, int keyEnd, boolean hasSeparator, String value) {
        static KeyValue parse(String text) {
            String s = text.stripLeading();
            int offset = text.length() - s.length();
            StringBuilder key = new StringBuilder();
            int k = 0;
            while (k < s.length()) {
                char c = s.charAt(k);
                if (c == '\\' && k + 1 < s.length()) {
                    key.append(s.charAt(k + 1));
                    k += 2;
                    continue;
                }
                if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') {
                    break;
                }
                key.append(c);
                k++;
            }
            if (key.length() == 0) {
                return null;
            }
            int v = k;
            while (v < s.length() && (s.charAt(v) == ' ' || s.charAt(v) == '\t' || s.charAt(v) == '\f')) {
                v++;
            }
            boolean separator = v < s.length() && (s.charAt(v) == '=' || s.charAt(v) == ':');
            if (separator) {
                v++;
                while (v < s.length() && (s.charAt(v) == ' ' || s.charAt(v) == '\t' || s.charAt(v) == '\f')) {
                    v++;
                }
            }
            // hasSeparator: '=' or ':' (a comment "# the token is..." is prose); whitespace alone also separates a value.
            return new KeyValue(key.toString(), offset + k, separator, s.substring(Math.min(v, s.length())));
        }
    }
}
