package org.medkiosk.device.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusCodecTest {
    private static byte[] b(int... v) {
        byte[] r = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = (byte) v[i];
        }
        return r;
    }

    @Test
    void baselineIsHealthy() throws Exception {
        PrinterStatus s = StatusCodec.decode(b(0x12, 0x12, 0x12, 0x12));
        assertEquals(Optional.empty(), s.problem());
        assertTrue(s.warnings().isEmpty());
        assertEquals("READY", s.health().toString());
    }

    @Test
    void paperNearEndIsAWarningNotAProblem() throws Exception {
        PrinterStatus s = StatusCodec.decode(b(0x12, 0x12, 0x12, 0x1E));
        assertTrue(s.paperNearEnd());
        assertEquals(Optional.empty(), s.problem());
        assertEquals(1, s.warnings().size());
        assertTrue(s.health().toString().startsWith("DEGRADED"));
    }

    @Test
    void documentedBitsMapToProblems() throws Exception {
        assertEquals(Optional.of(PrinterProblem.PAPER_END), StatusCodec.decode(b(0x1A, 0x32, 0x12, 0x72)).problem());
        assertEquals(Optional.of(PrinterProblem.COVER_OPEN), StatusCodec.decode(b(0x1A, 0x16, 0x12, 0x12)).problem());
        assertEquals(Optional.of(PrinterProblem.CUTTER_ERROR), StatusCodec.decode(b(0x1A, 0x52, 0x1A, 0x12)).problem());
        assertEquals(Optional.of(PrinterProblem.UNRECOVERABLE_ERROR), StatusCodec.decode(b(0x1A, 0x52, 0x32, 0x12)).problem());
        assertEquals(Optional.of(PrinterProblem.OFFLINE), StatusCodec.decode(b(0x1A, 0x12, 0x12, 0x12)).problem());
        assertTrue(StatusCodec.decode(b(0x52, 0x12, 0x12, 0x12)).feedButtonPressed());
    }

    @Test
    void encodeDecodeRoundTrip() throws Exception {
        for (int mask = 0; mask < 1 << 12; mask++) {
            boolean[] f = new boolean[12];
            for (int k = 0; k < 12; k++) {
                f[k] = (mask & (1 << k)) != 0;
            }
            PrinterStatus s = new PrinterStatus(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11]);
            assertEquals(s, StatusCodec.decode(StatusCodec.encode(s)));
        }
    }

    @Test
    void rejectsBytesThatCannotBeStatus() {
        assertThrows(StatusFormatException.class, () -> StatusCodec.decode(b(0x00, 0x12, 0x12, 0x12)));
        assertThrows(StatusFormatException.class, () -> StatusCodec.decode(b(0x92, 0x12, 0x12, 0x12)));
        assertThrows(StatusFormatException.class, () -> StatusCodec.decode(b(0x12, 0x12, 0x12)));
        assertThrows(StatusFormatException.class, () -> StatusCodec.decode(null));
        assertFalse(StatusCodec.isStatusByte(0x13));
    }
}
