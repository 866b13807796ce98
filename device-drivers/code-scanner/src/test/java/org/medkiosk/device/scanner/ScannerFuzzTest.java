package org.medkiosk.device.scanner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Scanner framing and code classification on arbitrary input: nothing may escape but {@link AamvaFormatException}
 * from the licence parser; payment codes must never show in masked text.
 * Seeds: src/test/resources/org/medkiosk/device/scanner/ScannerFuzzTestInputs/{framing,classify}/.
 */
class ScannerFuzzTest {

    private final CodeClassifier classifier = new CodeClassifier();

    @FuzzTest(maxDuration = "60s")
    void framing(FuzzedDataProvider data) {
        ScannerFraming.Suffix suffix = data.pickValue(ScannerFraming.Suffix.values());
        ScannerFraming framing = new ScannerFraming(data.consumeString(3), data.consumeBoolean(), suffix,
                StandardCharsets.UTF_8, data.consumeInt(1, 5000));
        ScanFrameDecoder decoder = new ScanFrameDecoder(framing);
        while (data.remainingBytes() > 0) {
            byte[] piece = data.consumeBytes(data.consumeInt(1, 64));
            for (ScanFrameDecoder.RawScan scan : decoder.feed(piece)) {
                assertTrue(scan.text().length() <= framing.maxLength());
                classify(scan.text());
            }
        }
        decoder.flush().forEach(s -> classify(s.text()));
    }

    @FuzzTest(maxDuration = "60s")
    void classify(FuzzedDataProvider data) {
        classify(data.consumeRemainingAsString());
    }

    private void classify(String text) {
        ScannedCode code = classifier.scanned(text, Symbology.UNKNOWN);
        String masked = code.maskedValue();
        code.toString();
        ScanCommand.toJson(code);
        if (code.kind().isPaymentCode()) {
            assertTrue(!masked.contains(text.substring(2)), "payment code shown unmasked");
        }
        CodeClassifier.appointmentId(text);
        try {
            AamvaLicence.parse(text).toString();
        } catch (AamvaFormatException expected) {
            // documented error
        }
    }
}
