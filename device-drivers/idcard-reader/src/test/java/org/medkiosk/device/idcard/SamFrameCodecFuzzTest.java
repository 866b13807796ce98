package org.medkiosk.device.idcard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Arbitrary bytes in arbitrary pieces: the decoder may only ever throw {@link SamFrameException}, must always make
 * progress, and every frame it returns must re-encode to a frame with a valid checksum.
 * Seeds: src/test/resources/org/medkiosk/device/idcard/SamFrameCodecFuzzTestInputs/decodeAnything/.
 */
class SamFrameCodecFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void decodeAnything(FuzzedDataProvider data) {
        SamFrameCodec.Decoder decoder = new SamFrameCodec.Decoder();
        while (data.remainingBytes() > 0) {
            int piece = data.consumeInt(1, 300);
            byte[] bytes = data.consumeBytes(piece);
            decoder.feed(bytes);
            int guard = 0;
            while (true) {
                assertTrue(guard++ <= 10_000, "decoder does not make progress");
                byte[] body;
                try {
                    body = decoder.next();
                } catch (SamFrameException e) {
                    continue;
                }
                if (body == null) {
                    break;
                }
                byte[] again = SamFrameCodec.encodeBody(body);
                SamFrameCodec.Decoder check = new SamFrameCodec.Decoder();
                check.feed(again);
                try {
                    assertArrayEquals(body, check.next());
                    SamAnswer answer = SamAnswer.of(body);
                    answer.status().reason();
                    CardReadout readout = CardReadout.parse(answer.data());
                    IdCardText.parse(readout.text(), new CardPhoto(readout.photo())).toString();
                } catch (SamFrameException | IdCardFormatException expected) {
                    // documented errors
                }
            }
        }
    }
}
