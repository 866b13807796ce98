package org.medkiosk.device.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdCardTextTest {

    @Test
    void everyDemoCardSurvivesEncodeAndParse() throws Exception {
        for (DemoCards.DemoCard demo : DemoCards.all()) {
            IdCard card = demo.card();
            byte[] text = IdCardText.encode(card);
            assertEquals(256, text.length);
            assertEquals(card, IdCardText.parse(text, card.photo()), demo.rosterNumber());
        }
    }

    @Test
    void residentLayoutPutsFieldsAtTheDocumentedOffsets() throws Exception {
        byte[] text = IdCardText.encode(DemoCards.ZHANG_SANMING);
        assertEquals("张三明", new String(text, 0, 6, StandardCharsets.UTF_16LE));
        assertEquals("1", new String(text, 30, 2, StandardCharsets.UTF_16LE));
        assertEquals("01", new String(text, 32, 4, StandardCharsets.UTF_16LE));
        assertEquals("19850307", new String(text, 36, 16, StandardCharsets.UTF_16LE));
        assertEquals("110101198503071235", new String(text, 122, 36, StandardCharsets.UTF_16LE));
        assertEquals("20350307", new String(text, 204, 16, StandardCharsets.UTF_16LE));
        assertEquals(' ', (char) text[248]);
    }

    @Test
    void cardTypesAreToldByTheMarkerAtOffset248() throws Exception {
        assertEquals('J', (char) IdCardText.encode(DemoCards.WONG_CHI_KEUNG)[248]);
        assertEquals('I', (char) IdCardText.encode(DemoCards.JOHN_SMITH)[248]);
        assertEquals('Y', (char) IdCardText.encode(DemoCards.MARIA_GARCIA)[248]);

        IdCard j = IdCardText.parse(IdCardText.encode(DemoCards.WONG_CHI_KEUNG), CardPhoto.none());
        assertEquals(CardType.HK_MACAU_TAIWAN_RESIDENCE_PERMIT, j.cardType());
        assertEquals("H12345678", j.passNumber());
        assertEquals("01", j.issueCount());
        assertEquals(null, j.nation());

        IdCard i = IdCardText.parse(IdCardText.encode(DemoCards.JOHN_SMITH), CardPhoto.none());
        assertEquals(CardType.FOREIGN_PERMANENT_RESIDENCE_OLD, i.cardType());
        assertEquals("SMITH, JOHN", i.englishName());
        assertEquals("USA310075031501", i.idNumber());
        assertEquals("USA", i.nationality());
        assertEquals("公安部", i.authority());
        assertEquals(IdNumberCheck.NOT_APPLICABLE, i.idNumberCheck());

        IdCard y = IdCardText.parse(IdCardText.encode(DemoCards.MARIA_GARCIA), CardPhoto.none());
        assertEquals(CardType.FOREIGN_PERMANENT_RESIDENCE_2023, y.cardType());
        assertEquals("GARCIA, MARIA", y.englishName());
        assertEquals("ESP", y.nationality());
        assertEquals(Sex.FEMALE, y.sex());
    }

    @Test
    void longEnglishNamesOfYCardsContinueInTheirSecondField() throws Exception {
        String longName = "VAN DER BERG-HOLLANDER, MARIA ALEXANDRA";
        IdCard card = IdCard.foreignPermanentResidence2023("玛丽亚", longName, Sex.FEMALE, "19870606",
                "911724198706060015", "NLD", "20230606", "20330606");
        assertEquals(longName, IdCardText.parse(IdCardText.encode(card), CardPhoto.none()).englishName());
    }

    @Test
    void unknownMarkerAndWrongSizeAreFormatErrors() {
        byte[] text = IdCardText.encode(DemoCards.ZHANG_SANMING);
        text[248] = 'Q';
        assertThrows(IdCardFormatException.class, () -> IdCardText.parse(text, CardPhoto.none()));
        assertThrows(IdCardFormatException.class, () -> IdCardText.parse(new byte[255], CardPhoto.none()));
    }

    @Test
    void rosterIdNumbersHaveValidCheckDigitsAndAlteredOnesDoNot() {
        for (DemoCards.DemoCard d : DemoCards.all()) {
            if (d.card().idNumber().length() == 18) {
                assertEquals(IdNumberCheck.VALID, d.card().idNumberCheck(), d.rosterNumber());
            }
        }
        assertEquals(IdNumberCheck.INVALID, IdNumberCheck.of("110101198503071234"));
        assertEquals(IdNumberCheck.INVALID, IdNumberCheck.of("11010119850307123X"));
        assertEquals('X', IdNumberCheck.checkDigit("11010519491231002"));
        assertEquals(IdNumberCheck.VALID, IdNumberCheck.of("11010519491231002x"));
        assertEquals(IdNumberCheck.INVALID, IdNumberCheck.of("1101011985030A1235"));
    }

    @Test
    void expiryFollowsTheValidToDateAndLongTermNeverExpires() {
        LocalDate today = LocalDate.of(2026, 1, 1);
        assertTrue(DemoCards.LIU_YANG.isExpired(today));
        assertFalse(DemoCards.ZHANG_SANMING.isExpired(today));
        assertFalse(DemoCards.LI_XIUYING.isExpired(today));
        assertTrue(DemoCards.LI_XIUYING.isLongTerm());
        assertFalse(DemoCards.LIU_YANG.isExpired(LocalDate.of(2024, 10, 1)), "valid through its last day");
        assertTrue(DemoCards.LIU_YANG.isExpired(LocalDate.of(2024, 10, 2)));
    }

    @Test
    void toStringAndMasksHideTheIdentity() {
        String s = DemoCards.ZHANG_SANMING.toString();
        assertFalse(s.contains("110101198503071235"));
        assertFalse(s.contains("张三明"));
        assertTrue(s.contains("1101**********1235"));
        assertTrue(s.contains("张*明"));
        assertEquals("刘*", IdCard.maskName("刘洋"));
        assertEquals("USA3*******1501", IdCard.maskIdNumber("USA310075031501"));
        assertEquals("回", DemoCards.ZHAO_MIN.nationName().orElseThrow());
        assertEquals("基诺", Nations.name("56").orElseThrow());
        assertTrue(Nations.name("57").isEmpty());
    }
}
