package org.medkiosk.device.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.medkiosk.device.link.testing.PseudoTerminalPair;

class SerialLinkPtyTest {

    private static byte[] readExactly(Link link, int count) throws LinkException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[512];
        int idle = 0;
        while (got.size() < count && idle < 50) {
            int n = link.read(buf, 0, Math.min(buf.length, count - got.size()), Duration.ofMillis(100));
            if (n == 0) {
                idle++;
            }
            got.write(buf, 0, n);
        }
        return got.toByteArray();
    }

    @Test
    void bytesCrossThePairBothWaysUnchanged() throws Exception {
        try (PseudoTerminalPair pty = PseudoTerminalPair.open();
             SerialLink host = new SerialLink(SerialSettings.of(pty.hostPath().toString(), 115200));
             SerialLink device = new SerialLink(SerialSettings.of(pty.devicePath().toString(), 115200))) {
            host.open();
            device.open();
            byte[] all = new byte[256 * 8];
            for (int i = 0; i < all.length; i++) {
                all[i] = (byte) i; // raw mode must pass 0x00, 0x0D, 0x11, 0x13, 0x7F untouched
            }
            host.write(all);
            assertArrayEquals(all, readExactly(device, all.length));
            byte[] answer = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69, 0x0D, 0x0A};
            device.write(answer);
            assertArrayEquals(answer, readExactly(host, answer.length));
        }
    }

    @Test
    void readTimesOutWithZeroWhenNothingArrives() throws Exception {
        try (PseudoTerminalPair pty = PseudoTerminalPair.open();
             SerialLink host = new SerialLink(SerialSettings.of(pty.hostPath().toString(), 9600))) {
            host.open();
            assertEquals(0, host.read(new byte[16], 0, 16, Duration.ofMillis(50)));
            assertEquals(0, host.read(new byte[16], 0, 16, Duration.ZERO));
        }
    }

    @Test
    void missingPortIsReportedAsNotFound() {
        SerialLink link = new SerialLink(SerialSettings.of("/dev/medkiosk-no-such-port", 115200));
        LinkException e = assertThrows(LinkException.class, link::open);
        assertEquals(LinkException.Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("/dev/medkiosk-no-such-port"));
        assertFalse(link.isOpen());
    }

    @Test
    void unpluggedDeviceIsDetectedAndReopenedAtTheSamePath() throws Exception {
        try (PseudoTerminalPair pty = PseudoTerminalPair.open();
             SerialLink host = new SerialLink(SerialSettings.of(pty.hostPath().toString(), 115200))) {
            host.open();
            pty.unplug();
            LinkException lost = assertThrows(LinkException.class, () -> {
                for (int i = 0; i < 100; i++) {
                    host.read(new byte[8], 0, 8, Duration.ofMillis(50));
                }
            });
            assertEquals(LinkException.Reason.DISCONNECTED, lost.reason());
            assertFalse(host.isOpen());
            assertEquals(LinkException.Reason.NOT_FOUND, assertThrows(LinkException.class, host::open).reason());

            pty.plugBackIn();
            host.open();
            try (SerialLink device = new SerialLink(SerialSettings.of(pty.devicePath().toString(), 115200))) {
                device.open();
                byte[] hello = "after replug".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                device.write(hello);
                assertArrayEquals(hello, readExactly(host, hello.length));
            }
        }
    }

    @Test
    void discardInputDropsStaleBytes() throws Exception {
        try (PseudoTerminalPair pty = PseudoTerminalPair.open();
             SerialLink host = new SerialLink(SerialSettings.of(pty.hostPath().toString(), 115200));
             SerialLink device = new SerialLink(SerialSettings.of(pty.devicePath().toString(), 115200))) {
            host.open();
            device.open();
            device.write(new byte[] {1, 2, 3});
            // Wait until the stale bytes are really there before discarding them.
            byte[] first = readExactly(host, 1);
            assertEquals(1, first[0]);
            host.discardInput();
            device.write(new byte[] {9});
            byte[] next = readExactly(host, 1);
            assertEquals(9, next[0], () -> "stale bytes survived: " + Arrays.toString(next));
        }
    }
}
