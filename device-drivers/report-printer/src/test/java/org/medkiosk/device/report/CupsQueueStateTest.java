package org.medkiosk.device.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CupsQueueStateTest {
    static void attr(ByteArrayOutputStream b, int tag, String name, byte[] v) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        b.write(tag);
        b.write(0);
        b.write(n.length);
        b.writeBytes(n);
        b.write(0);
        b.write(v.length);
        b.writeBytes(v);
    }

    static byte[] answer(boolean accepting, int state, String... reasons) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {1, 1, 0, 0, 0, 0, 0, 1, 0x01});
        attr(b, 0x47, "attributes-charset", "utf-8".getBytes(StandardCharsets.US_ASCII));
        b.write(0x04); // printer attributes group
        attr(b, 0x22, "printer-is-accepting-jobs", new byte[] {(byte) (accepting ? 1 : 0)});
        attr(b, 0x23, "printer-state", new byte[] {0, 0, 0, (byte) state});
        for (int i = 0; i < reasons.length; i++) {
            attr(b, 0x44, i == 0 ? "printer-state-reasons" : "", reasons[i].getBytes(StandardCharsets.US_ASCII));
        }
        b.write(0x03);
        return b.toByteArray();
    }

    @Test
    void readsStateReasonsAndAccepting() {
        var s = CupsQueueState.parse(answer(true, 3, "none")).orElseThrow();
        assertEquals(new CupsQueueState(true, 3, List.of()), s);
        assertEquals("READY", s.health("PDF").toString());
        var empty = CupsQueueState.parse(answer(true, 5, "media-empty-error", "toner-low-warning")).orElseThrow();
        assertEquals(List.of("media-empty-error", "toner-low-warning"), empty.reasons());
        assertTrue(empty.health("A4").toString().startsWith("OFFLINE"));
        assertTrue(CupsQueueState.parse(answer(true, 3, "toner-low-warning")).orElseThrow().health("A4").toString().startsWith("DEGRADED"));
        assertTrue(CupsQueueState.parse(answer(false, 3)).orElseThrow().health("A4").toString().contains("not accepting"));
    }

    @Test
    void malformedOrErrorAnswersAreEmpty() {
        assertEquals(Optional.empty(), CupsQueueState.parse(new byte[] {1, 1}));
        assertEquals(Optional.empty(), CupsQueueState.parse(new byte[] {1, 1, 4, 6, 0, 0, 0, 1, 3})); // client-error-not-found
    }
}
