package org.medkiosk.device.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AamvaLicenceTest {

    /** AAMVA 2016-style sample (fictional person, issuer 636014 = California). */
    static final String US_SAMPLE = "@\n\u001e\rANSI 636014080102DL00410279ZC03200024DLDAQD1234562\nDCSSAMPLE\n"
            + "DDEN\nDACJOHN\nDDFN\nDADNONE\nDDGN\nDCAC\nDCBNONE\nDCDNONE\nDBD08312013\nDBB08311977\nDBA08312030\n"
            + "DBC1\nDAU069 IN\nDAYBRO\nDAG2570 24TH STREET\nDAIANYTOWN\nDAJCA\nDAK958250000  \nDCF00/00/0000NNNAN/ANFD/YY\n"
            + "DCGUSA\nDCUNONE\r";
    static final String CA_SAMPLE = "@\n\u001e\rANSI 636012070001DL00310190DLDAQM12345678901234\nDCSMARTIN\n"
            + "DACMARIE\nDBB19850307\nDBA20300307\nDCGCAN\r";

    @Test
    void usLicenceFieldsAndMmddccyyDates() throws Exception {
        AamvaLicence l = AamvaLicence.parse(US_SAMPLE);
        assertEquals("636014", l.issuerId());
        assertEquals(8, l.aamvaVersion());
        assertEquals("D1234562", l.licenceNumber());
        assertEquals("SAMPLE", l.familyName());
        assertEquals("JOHN", l.givenName());
        assertEquals(LocalDate.of(1977, 8, 31), l.birthDate());
        assertEquals(LocalDate.of(2030, 8, 31), l.expiryDate());
        assertFalse(l.isExpired(LocalDate.of(2026, 1, 1)));
        assertFalse(l.toString().contains("D1234562"));
        assertFalse(l.toString().contains("SAMPLE"));
    }

    @Test
    void canadianLicenceUsesCcyymmdd() throws Exception {
        AamvaLicence l = AamvaLicence.parse(CA_SAMPLE);
        assertEquals(LocalDate.of(1985, 3, 7), l.birthDate());
        assertEquals(LocalDate.of(2030, 3, 7), l.expiryDate());
        assertEquals("CAN", l.country());
    }

    @Test
    void dateOrderIsGuessedWhenTheCountryIsMissing() {
        assertEquals(LocalDate.of(1985, 3, 7), AamvaLicence.date("03071985", null));
        assertEquals(LocalDate.of(1985, 3, 7), AamvaLicence.date("19850307", null));
        assertEquals(null, AamvaLicence.date("1985030", null));
        assertEquals(null, AamvaLicence.date("99999999", null));
    }

    @Test
    void classifierKnowsLicencesAndParserRejectsOthers() {
        assertEquals(CodeKind.DRIVER_LICENCE, new CodeClassifier().classify(US_SAMPLE));
        assertTrue(AamvaLicence.looksLikeAamva(CA_SAMPLE));
        assertThrows(AamvaFormatException.class, () -> AamvaLicence.parse("8800000001"));
        assertThrows(AamvaFormatException.class,
                () -> AamvaLicence.parse("@\n\u001e\rANSI 636014080102DL00410279DLDCSONLYNAME\r"));
    }
}
