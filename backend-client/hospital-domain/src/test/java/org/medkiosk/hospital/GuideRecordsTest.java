package org.medkiosk.hospital;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The guidance records: feedback is validated and keeps its comment out of logs; places and notices keep their rules. */
class GuideRecordsTest {
    static Feedback feedback(int satisfaction, String journey, String comment) {
        return new Feedback(satisfaction, Optional.ofNullable(journey), Optional.ofNullable(comment), Instant.EPOCH, "kiosk-1");
    }

    @Test
    void satisfactionIsOneToFive() {
        assertThrows(IllegalArgumentException.class, () -> feedback(0, null, null));
        assertThrows(IllegalArgumentException.class, () -> feedback(6, null, null));
        assertEquals(1, feedback(1, null, null).satisfaction());
        assertEquals(5, feedback(5, null, null).satisfaction());
    }

    @Test
    void theCommentIsAtMost500CharactersAndABlankOneIsNone() {
        assertThrows(IllegalArgumentException.class, () -> feedback(3, null, "a".repeat(501)));
        assertEquals(Optional.empty(), feedback(3, null, "   ").comment());
        assertEquals(Optional.of("ok"), feedback(3, null, " ok ").comment());
        assertThrows(IllegalArgumentException.class, () -> feedback(3, "check in", null), "a journey is a name");
        assertThrows(IllegalArgumentException.class, () -> new Feedback(3, Optional.empty(), Optional.empty(), Instant.EPOCH, " "));
        assertThrows(NullPointerException.class, () -> new Feedback(3, Optional.empty(), Optional.empty(), null, "k"));
    }

    @Test
    void toStringPrintsTheCommentsLengthOnly() {
        String s = feedback(2, "PAY", "王芳 13800000001 排队太久").toString();
        assertFalse(s.contains("王芳") || s.contains("13800000001") || s.contains("排队"), s);
        assertTrue(s.contains("19 chars") && s.contains("PAY") && s.contains("satisfaction=2"), s);
    }

    @Test
    void aPlaceIsOnItsMap() {
        LocalizedText name = LocalizedText.same("急诊科");
        assertThrows(IllegalArgumentException.class, () -> new HospitalPlace("er", name, null, "1F", "", Optional.of("F1"), 1.2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new HospitalPlace("er", name, null, "1F", "", Optional.of("F1"), Double.NaN, 0.5));
        assertEquals("", new HospitalPlace("er", name, null, null, null, null, 0, 0).room());
    }

    @Test
    void aNoticeShowsFromItsFirstToItsLastDay() {
        HospitalNotice n = new HospitalNotice("n", LocalizedText.same("t"), null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 3));
        assertFalse(n.showsOn(LocalDate.of(2025, 12, 31)));
        assertTrue(n.showsOn(LocalDate.of(2026, 1, 1)) && n.showsOn(LocalDate.of(2026, 1, 3)));
        assertFalse(n.showsOn(LocalDate.of(2026, 1, 4)));
        assertTrue(new HospitalNotice("n", LocalizedText.same("t"), null, LocalDate.of(2026, 1, 1), null)
                .showsOn(LocalDate.of(2099, 1, 1)));
    }

    @Test
    void pinyinInitialsAreLowerCase() {
        PriceItem p = new PriceItem("LAB-CBC", LocalizedText.of("血常规", "CBC"), "XCG", PriceCategory.LAB_TEST,
                Money.ofYuan("25"), null, null);
        assertEquals("xcg", p.pinyinInitials());
        assertEquals("", p.notes().zh());
    }
}
