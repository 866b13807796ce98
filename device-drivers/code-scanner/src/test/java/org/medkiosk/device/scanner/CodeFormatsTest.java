package org.medkiosk.device.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 9: a hospital's own code formats replace the defaults, one kind at a time; a bad regex is refused. */
class CodeFormatsTest {

    @Test
    void defaultsAreTodaysFormats() {
        CodeFormats d = CodeFormats.defaults();
        assertEquals("88\\d{8}", d.regex(CodeKind.PATIENT_CARD));
        assertEquals("\\d{12}", d.regex(CodeKind.LAB_SPECIMEN));
        assertEquals("MKAPT:[A-Za-z0-9._-]{1,64}", d.regex(CodeKind.APPOINTMENT));
        assertSame(d, new CodeClassifier().formats());
        assertEquals(CodeKind.PATIENT_CARD, new CodeClassifier(d).classify("8800000001"));
    }

    @Test
    void aHospitalsOwnPatientCardFormatChangesTheClassification() {
        CodeFormats own = CodeFormats.defaults().with(CodeKind.PATIENT_CARD, "PC\\d{8}");
        CodeClassifier classifier = new CodeClassifier(own);
        assertEquals(CodeKind.PATIENT_CARD, classifier.classify("PC12345678"));
        assertEquals(CodeKind.UNKNOWN, classifier.classify("8800000001"), "the default format no longer applies");
        assertEquals(CodeKind.UNKNOWN, new CodeClassifier().classify("PC12345678"));
        // the other kinds keep their formats, and payment codes are still recognised first
        assertEquals(CodeKind.LAB_SPECIMEN, classifier.classify("123456789012"));
        assertEquals(CodeKind.WECHAT_PAY_CODE, classifier.classify("134567890123456789"));
        assertEquals(own, CodeFormats.defaults().with(CodeKind.PATIENT_CARD, "PC\\d{8}"));
    }

    @Test
    void paymentCodesStayAheadOfAWideHospitalFormat() {
        CodeClassifier classifier = new CodeClassifier(CodeFormats.defaults().with(CodeKind.LAB_SPECIMEN, "\\d{10,20}"));
        assertEquals(CodeKind.WECHAT_PAY_CODE, classifier.classify("134567890123456789"));
        assertEquals(CodeKind.PATIENT_CARD, classifier.classify("8800000001"), "patient card is still tried first");
        assertEquals(CodeKind.LAB_SPECIMEN, classifier.classify("9912345678901"));
    }

    @Test
    void aBadRegexIsRefusedNamingTheKind() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CodeFormats.defaults().with(CodeKind.LAB_SPECIMEN, "\\d{12"));
        assertTrue(e.getMessage().startsWith("the LAB_SPECIMEN format is not a valid Java regex: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> CodeFormats.defaults().with(CodeKind.PATIENT_CARD, ""));
        assertTrue(empty.getMessage().contains("PATIENT_CARD"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CodeFormats.defaults().with(CodeKind.DRIVER_LICENCE, ".*"));
        assertThrows(IllegalArgumentException.class, () -> CodeFormats.defaults().regex(CodeKind.UNKNOWN));
    }
}
