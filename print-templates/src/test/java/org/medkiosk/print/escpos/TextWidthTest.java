package org.medkiosk.print.escpos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextWidthTest {
    @Test
    void chineseCharactersAreTwoColumns() {
        assertEquals(4, TextWidth.columns("内科"));
        assertEquals(6, TextWidth.columns("A023内"));
        assertEquals(2, TextWidth.columns("￥"));
    }

    @Test
    void wrapsChineseAtAnyCharacterAndLatinAtSpaces() {
        assertEquals(List.of("心血管内", "科"), TextWidth.wrap("心血管内科", 8));
        assertEquals(List.of("Outpatient", "Building"), TextWidth.wrap("Outpatient Building", 12));
        // a CJK character never straddles the margin: 7 columns hold three, not three and a half
        assertEquals(List.of("AB心", "血管"), TextWidth.wrap("AB心血管", 5));
    }

    @Test
    void printableRemovesCommandsBidiAndEmoji() {
        String hostile = "张\u001B@\u001DV\u0000三\u202E明😀\u0007";
        String p = TextWidth.printable(hostile);
        assertFalse(p.chars().anyMatch(c -> c < 0x20 || c == 0x7f), p);
        assertFalse(p.contains("\u202E"));
        assertEquals("张@V三明?", p);
        assertEquals("￥12", TextWidth.printable("¥12"));
        assertTrue(TextWidth.encode(p).length > 0);
    }

    @Test
    void truncateKeepsWidth() {
        String t = TextWidth.truncate("心血管内科门诊部", 9);
        assertTrue(TextWidth.columns(t) <= 9, t);
        assertTrue(t.endsWith(".."));
    }
}
