package org.medkiosk.device.link;

/**
 * A JSON string literal for the technicians' device commands, which print one JSON object per line without a
 * JSON library. Device text (card fields, scanned codes) may hold any character, control characters included.
 */
public final class JsonString {
    private JsonString() {
    }

    /** {@code "…"} with quotes, backslashes and control characters escaped; {@code null} for null. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20 || ch == 0x7F) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
