package org.medkiosk.app.technician;

import java.util.Map;

/**
 * Java properties text as the kiosk writes it: a comment header, then one {@code key=value} line per entry in the
 * map's order, escaped so that {@link java.util.Properties#load(java.io.Reader)} reads back exactly the same values.
 * Unlike {@link java.util.Properties#store} it writes no timestamp and keeps the order, so the same values always make
 * the same bytes (and non-ASCII text stays readable in the UTF-8 file).
 */
final class PropertiesText {
    private PropertiesText() {
    }

    static String render(String header, Map<String, String> entries) {
        StringBuilder text = new StringBuilder();
        for (String line : header.split("\n", -1)) {
            text.append("# ").append(line).append('\n');
        }
        for (Map.Entry<String, String> e : entries.entrySet()) {
            text.append(escape(e.getKey(), true)).append('=').append(escape(e.getValue(), false)).append('\n');
        }
        return text.toString();
    }

    static String escape(String s, boolean key) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                case '=', ':', '#', '!' -> out.append(key ? "\\" + c : String.valueOf(c));
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
