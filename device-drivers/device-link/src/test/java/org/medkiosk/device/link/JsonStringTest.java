package org.medkiosk.device.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonStringTest {
    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("null", JsonString.quote(null));
        assertEquals("\"张三明\"", JsonString.quote("张三明"));
        assertEquals("\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u007f\"", JsonString.quote("a\"b\\c\n\r\t\u0001\u007f"));
    }
}
