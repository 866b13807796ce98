package org.medkiosk.device.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CodeClassifierTest {

    private final CodeClassifier classifier = new CodeClassifier();

    @ParameterizedTest
    @CsvSource({
        "134567890123456789, WECHAT_PAY_CODE",
        "104567890123456789, WECHAT_PAY_CODE",
        "281234567890123456, ALIPAY_CODE",
        "3012345678901234567890, ALIPAY_CODE",
        "251234567890123456789012, ALIPAY_CODE",
        "6212345678901234567, UNIONPAY_CODE",
        "8800000001, PATIENT_CARD",
        "8800000010, PATIENT_CARD",
        "123456789012, LAB_SPECIMEN",
        "MKAPT:APT-000123, APPOINTMENT",
        "YBPZ00000000000000000001, INSURANCE_E_VOUCHER",
        "164567890123456789, UNKNOWN",
        "2412345678901234, UNKNOWN",
        "62123456789012345678, UNKNOWN",
        "8800000001X, UNKNOWN",
        "12345678901, UNKNOWN",
        "MKAPT:, UNKNOWN",
        "https://example.org/x, UNKNOWN"
    })
    void codesAreToldApart(String code, CodeKind expected) {
        assertEquals(expected, classifier.classify(code));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 10})
    void rosterEHealthCardTokensAreRecognised(int patient) throws Exception {
        byte[] sha = MessageDigest.getInstance("SHA-256")
                .digest(("medkiosk-demo-ehc-" + patient).getBytes(StandardCharsets.US_ASCII));
        String token = HexFormat.of().withUpperCase().formatHex(sha) + ":1";
        assertEquals(CodeKind.E_HEALTH_CARD, classifier.classify(token));
        assertEquals(CodeKind.UNKNOWN, classifier.classify(token.toLowerCase()), "shape is uppercase hex");
        assertEquals(CodeKind.UNKNOWN, classifier.classify(token.replace(":1", ":2")));
    }

    @Test
    void paymentCodesAreMaskedWhereverShown() {
        ScannedCode pay = classifier.scanned("134567890123456789", Symbology.QR_CODE);
        assertTrue(pay.kind().isPaymentCode());
        assertEquals("13****************", pay.maskedValue());
        assertFalse(pay.toString().contains("4567890123456789"));
        assertFalse(ScanCommand.toJson(pay).contains("4567890123456789"));
        ScannedCode card = classifier.scanned("8800000001", Symbology.CODE_128);
        assertFalse(card.kind().isPaymentCode());
        assertEquals("88******01", card.maskedValue());
        assertTrue(ScanCommand.toJson(card).contains("\"value\":\"8800000001\""));
    }

    @Test
    void appointmentIdIsTakenFromTheSlipQr() {
        assertEquals("APT-42", CodeClassifier.appointmentId("MKAPT:APT-42"));
        assertNull(CodeClassifier.appointmentId("MKAPT:"));
        assertNull(CodeClassifier.appointmentId(null));
    }

    @Test
    void nothingIsUnknownRatherThanAnError() {
        assertEquals(CodeKind.UNKNOWN, classifier.classify(""));
        assertEquals(CodeKind.UNKNOWN, classifier.classify(null));
    }
}
