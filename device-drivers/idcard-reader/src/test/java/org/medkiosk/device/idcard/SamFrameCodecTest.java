package org.medkiosk.device.idcard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamFrameCodecTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    @Test
    void commandFramesMatchTheDocumentedBytes() {
        Map<SamCommand, String> documented = Map.of(
                SamCommand.RESET_SAM, "AA AA AA 96 69 00 03 10 FF EC",
                SamCommand.SAM_STATUS, "AA AA AA 96 69 00 03 11 FF ED",
                SamCommand.READ_SAM_ID, "AA AA AA 96 69 00 03 12 FF EE",
                SamCommand.FIND_CARD, "AA AA AA 96 69 00 03 20 01 22",
                SamCommand.SELECT_CARD, "AA AA AA 96 69 00 03 20 02 21",
                SamCommand.READ_TEXT_AND_PHOTO, "AA AA AA 96 69 00 03 30 01 32",
                SamCommand.READ_TEXT_PHOTO_AND_FINGERPRINT, "AA AA AA 96 69 00 03 30 10 23",
                SamCommand.READ_APPENDED_ADDRESS, "AA AA AA 96 69 00 03 30 03 30");
        documented.forEach((cmd, bytes) -> assertEquals(bytes, HEX.formatHex(SamFrameCodec.encode(cmd)), cmd::name));
    }

    @Test
    void documentedAnswersDecodeToTheirStatus() throws Exception {
        Map<String, SamStatus> answers = Map.of(
                "AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97", SamStatus.FIND_CARD_SUCCESS,
                "AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C", SamStatus.SUCCESS,
                "AA AA AA 96 69 00 04 00 00 80 84", SamStatus.FIND_CARD_FAILED,
                "AA AA AA 96 69 00 04 00 00 81 85", SamStatus.SELECT_CARD_FAILED,
                "AA AA AA 96 69 00 04 00 00 41 45", SamStatus.READ_FAILED);
        for (var e : answers.entrySet()) {
            SamFrameCodec.Decoder d = new SamFrameCodec.Decoder();
            d.feed(hex(e.getKey()));
            assertEquals(e.getValue(), SamAnswer.of(d.next()).status(), e.getKey());
            assertNull(d.next());
        }
    }

    @Test
    void aFullReadAnswerIs1295BytesAndSurvivesOneByteAtATime() throws Exception {
        IdCard card = DemoCards.ZHANG_SANMING;
        byte[] data = new CardReadout(IdCardText.encode(card), card.photo().encoded(), new byte[0]).encode(false);
        byte[] frame = SamFrameCodec.encodeAnswer(0x90, data);
        assertEquals(1295, frame.length);
        assertEquals("AA AA AA 96 69 05 08 00 00 90 01 00 04 00", HEX.formatHex(frame, 0, 14));
        SamFrameCodec.Decoder d = new SamFrameCodec.Decoder();
        for (int i = 0; i < frame.length - 1; i++) {
            d.feed(frame, i, 1);
            assertNull(d.next(), "frame complete too early at byte " + i);
        }
        d.feed(frame, frame.length - 1, 1);
        SamAnswer a = SamAnswer.of(d.next());
        CardReadout r = CardReadout.parse(a.data());
        assertEquals(card, IdCardText.parse(r.text(), new CardPhoto(r.photo())));
    }

    @Test
    void garbageBeforeThePreambleIsSkipped() throws Exception {
        SamFrameCodec.Decoder d = new SamFrameCodec.Decoder();
        d.feed(hex("00 13 AA AA 96 AA AA AA AA 96 69 00 04 00 00 80 84"));
        assertEquals(SamStatus.FIND_CARD_FAILED, SamAnswer.of(d.next()).status());
        assertEquals(0, d.buffered());
    }

    @Test
    void badChecksumIsRejectedAndTheDecoderRecovers() throws Exception {
        SamFrameCodec.Decoder d = new SamFrameCodec.Decoder();
        d.feed(hex("AA AA AA 96 69 00 04 00 00 80 85 AA AA AA 96 69 00 04 00 00 81 85"));
        SamFrameException e = assertThrows(SamFrameException.class, d::next);
        assertEquals(SamFrameException.Kind.BAD_CHECKSUM, e.kind());
        assertEquals(SamStatus.SELECT_CARD_FAILED, SamAnswer.of(d.next()).status());
    }

    @Test
    void impossibleLengthsAreRejectedAndTheDecoderRecovers() throws Exception {
        for (String len : new String[] {"00 00", "00 02", "FF FF", "10 01"}) {
            SamFrameCodec.Decoder d = new SamFrameCodec.Decoder();
            d.feed(hex("AA AA AA 96 69 " + len + " AA AA AA 96 69 00 04 00 00 80 84"));
            SamFrameException e = assertThrows(SamFrameException.class, d::next, len);
            assertEquals(SamFrameException.Kind.BAD_LENGTH, e.kind());
            assertEquals(SamStatus.FIND_CARD_FAILED, SamAnswer.of(d.next()).status());
        }
    }

    @Test
    void everyDocumentedStatusCodeHasANamedReason() {
        int[] codes = {0x90, 0x9F, 0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x40, 0x41, 0x47, 0x60, 0x66, 0x80,
            0x81, 0x91, 0xFF};
        for (int code : codes) {
            SamStatus s = SamStatus.fromCode(code);
            assertNotEquals(SamStatus.UNDOCUMENTED, s, Integer.toHexString(code));
            assertEquals(code, s.code());
        }
        assertEquals(SamStatus.UNDOCUMENTED, SamStatus.fromCode(0x55));
        assertEquals(codes.length, SamStatus.values().length - 1);
    }

    @Test
    void readoutWithFingerprintLengthIsSplitCorrectly() throws Exception {
        byte[] text = new byte[256];
        byte[] photo = new byte[1024];
        byte[] fp = new byte[512];
        fp[0] = 7;
        CardReadout r = CardReadout.parse(new CardReadout(text, photo, fp).encode(true));
        assertArrayEquals(fp, r.fingerprint());
        assertEquals(1024, r.photo().length);
        assertThrows(SamFrameException.class, () -> CardReadout.parse(new byte[] {1, 0, 4, 0, 1}));
    }
}
