package org.medkiosk.device.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

class StatusCodecFuzzTest {

    /** Any bytes: either a documented StatusFormatException or a status that re-encodes to the same bits. */
    @FuzzTest(maxDuration = "30s")
    void statusBytes(FuzzedDataProvider data) throws StatusFormatException {
        byte[] bytes = data.consumeBytes(6);
        PrinterStatus s;
        try {
            s = StatusCodec.decode(bytes);
        } catch (StatusFormatException e) {
            return;
        }
        assertEquals(4, bytes.length);
        byte[] again = StatusCodec.encode(s);
        for (int i = 0; i < 3; i++) {
            // bytes 1-3: every documented bit survives; undocumented bits are ignored
            int documented = i == 0 ? 0x68 : i == 1 ? 0x6C : 0x68;
            assertEquals(bytes[i] & documented, again[i] & documented);
        }
        assertEquals(s, StatusCodec.decode(again));
        assertTrue(s.problem().isPresent() || s.health().isUsable());
        s.toJson();
    }

    /** The simulator's stream parser must survive any byte stream and answer only documented status bytes. */
    @FuzzTest(maxDuration = "30s")
    void simulatorStream(FuzzedDataProvider data) {
        PrinterSimulator sim = new PrinterSimulator(100, 10);
        while (data.remainingBytes() > 0) {
            byte[] chunk = data.consumeBytes(data.consumeInt(1, 64));
            byte[] reply = sim.accept(chunk, 0, chunk.length);
            for (byte r : reply) {
                assertTrue(StatusCodec.isStatusByte(r & 0xff));
            }
        }
        assertTrue(sim.paperMm() >= 0);
    }
}
