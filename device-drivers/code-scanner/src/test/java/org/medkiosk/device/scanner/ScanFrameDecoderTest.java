package org.medkiosk.device.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanFrameDecoderTest {

    private static List<ScanFrameDecoder.RawScan> feedInPieces(ScanFrameDecoder d, byte[] bytes, int piece) {
        List<ScanFrameDecoder.RawScan> all = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += piece) {
            all.addAll(d.feed(bytes, i, Math.min(piece, bytes.length - i)));
        }
        return all;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void anyLineEndSplitsOnCrLfAndCrlfAcrossPieces() {
        ScanFrameDecoder d = new ScanFrameDecoder(ScannerFraming.defaults());
        List<ScanFrameDecoder.RawScan> scans = feedInPieces(d, ascii("8800000001\r\nMKAPT:A-17\r123456789012\n"), 3);
        assertEquals(List.of("8800000001", "MKAPT:A-17", "123456789012"), scans.stream().map(ScanFrameDecoder.RawScan::text).toList());
    }

    @Test
    void crlfFramingKeepsALoneCrInsideTheData() {
        ScanFrameDecoder d = new ScanFrameDecoder(ScannerFraming.defaults().withSuffix(ScannerFraming.Suffix.CRLF));
        List<ScanFrameDecoder.RawScan> scans = d.feed(ascii("A\rB\r\n"));
        assertEquals(1, scans.size());
        assertEquals("A\rB", scans.get(0).text());
    }

    @Test
    void tabSuffixAllowsLineBreaksInTheCode() {
        ScanFrameDecoder d = new ScanFrameDecoder(ScannerFraming.defaults().withSuffix(ScannerFraming.Suffix.TAB));
        assertEquals("line1\nline2", d.feed(ascii("line1\nline2\t")).get(0).text());
    }

    @Test
    void prefixAndAimIdAreStrippedAndTheSymbologyKept() {
        ScannerFraming f = ScannerFraming.defaults().withPrefix("K1").withAimId(true);
        ScanFrameDecoder d = new ScanFrameDecoder(f);
        List<ScanFrameDecoder.RawScan> scans = d.feed(f.frame("MKAPT:9", Symbology.QR_CODE));
        assertEquals(1, scans.size());
        assertEquals("MKAPT:9", scans.get(0).text());
        assertEquals(Symbology.QR_CODE, scans.get(0).symbology());
        assertEquals(Symbology.CODE_128, d.feed(ascii("K1]C08800000001\r")).get(0).symbology());
        assertTrue(d.feed(ascii("garbage without prefix\r")).isEmpty(), "lines without the prefix are noise");
    }

    @Test
    void overlongRunsWithoutASuffixAreDroppedUntilTheNextEnd() {
        ScannerFraming f = new ScannerFraming("", false, ScannerFraming.Suffix.CR, StandardCharsets.UTF_8, 16);
        ScanFrameDecoder d = new ScanFrameDecoder(f);
        assertTrue(d.feed(ascii("x".repeat(100) + "\r")).isEmpty());
        assertEquals("ok", d.feed(ascii("ok\r")).get(0).text());
    }

    @Test
    void noSuffixCodesEndWhenFlushedAfterAnIdleGap() {
        ScanFrameDecoder d = new ScanFrameDecoder(ScannerFraming.defaults().withSuffix(ScannerFraming.Suffix.NONE));
        assertTrue(d.feed(ascii("@\n\u001e\rANSI 6360")).isEmpty());
        List<ScanFrameDecoder.RawScan> scans = d.flush();
        assertEquals("@\n\u001e\rANSI 6360", scans.get(0).text());
        assertTrue(d.flush().isEmpty());
    }

    @Test
    void chineseTextIsDecodedInTheScannersCharset() {
        ScannerFraming f = ScannerFraming.defaults().withCharset(Charset.forName("GB18030"));
        ScanFrameDecoder d = new ScanFrameDecoder(f);
        assertEquals("挂号单", d.feed(f.frame("挂号单", Symbology.UNKNOWN)).get(0).text());
    }
}
