package org.medkiosk.device.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TcpAndFileLinkTest {

    @Test
    void tcpLinkTalksToAServerAndNoticesItClosing() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TcpLink link = new TcpLink("127.0.0.1", server.getLocalPort());
            link.open();
            try (Socket peer = server.accept()) {
                link.write(new byte[] {0x10, 0x04, 0x01});
                InputStream in = peer.getInputStream();
                byte[] got = in.readNBytes(3);
                assertArrayEquals(new byte[] {0x10, 0x04, 0x01}, got);
                OutputStream out = peer.getOutputStream();
                out.write(0x12);
                out.flush();
                byte[] b = new byte[4];
                assertEquals(1, link.read(b, 0, 4, Duration.ofSeconds(5)));
                assertEquals(0x12, b[0]);
                assertEquals(0, link.read(b, 0, 4, Duration.ofMillis(20)));
            }
            LinkException e = assertThrows(LinkException.class, () -> link.read(new byte[1], 0, 1, Duration.ofSeconds(5)));
            assertEquals(LinkException.Reason.DISCONNECTED, e.reason());
            link.close();
        }
    }

    @Test
    void aPeerThatStopsReadingFailsTheWriteWithinTheWriteTimeout() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setReceiveBufferSize(4096);
            TcpLink link = new TcpLink("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2), Duration.ofMillis(800));
            link.open();
            try (Socket peer = server.accept()) { // accepts, never reads
                byte[] job = new byte[64 * 1024 * 1024]; // far more than both sides' socket buffers
                long start = System.nanoTime();
                LinkException e = assertThrows(LinkException.class, () -> link.write(job));
                long tookMs = (System.nanoTime() - start) / 1_000_000;
                assertEquals(LinkException.Reason.TIMEOUT, e.reason());
                assertTrue(tookMs >= 700 && tookMs < 3000, "failed after " + tookMs + " ms");
                assertFalse(link.isOpen());
                assertEquals(LinkException.Reason.CLOSED,
                        assertThrows(LinkException.class, () -> link.write(new byte[] {1})).reason());
            }
        }
    }

    @Test
    void aWriteThatFinishesInTimeLeavesTheLinkOpen() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TcpLink link = new TcpLink("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2), Duration.ofMillis(300));
            link.open();
            try (Socket peer = server.accept()) {
                link.write(new byte[] {0x1B, 0x40});
                Thread.sleep(500); // longer than the write timeout: the watchdog of that write was cancelled
                assertTrue(link.isOpen());
                link.write(new byte[] {0x0A});
                assertArrayEquals(new byte[] {0x1B, 0x40, 0x0A}, peer.getInputStream().readNBytes(3));
            }
            link.close();
        }
    }

    @Test
    void tcpLinkToAClosedPortIsNotFound() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        TcpLink link = new TcpLink("127.0.0.1", port);
        assertEquals(LinkException.Reason.NOT_FOUND, assertThrows(LinkException.class, link::open).reason());
    }

    @Test
    void outputFileCollectsEverythingWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("capture.bin");
        Link link = Link.forAddress("file:" + out + "?mode=output");
        link.open();
        link.write(new byte[] {0x1B, 0x40});
        link.write(new byte[] {0x0A});
        assertEquals(0, link.read(new byte[1], 0, 1, Duration.ZERO));
        link.close();
        assertArrayEquals(new byte[] {0x1B, 0x40, 0x0A}, Files.readAllBytes(out));
    }

    @Test
    void readWriteFileLinkReadsWhatTheFileHolds(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("node");
        Files.write(f, new byte[] {0x12});
        FileLink link = new FileLink(f, FileLink.Mode.READ_WRITE);
        link.open();
        byte[] b = new byte[4];
        assertEquals(1, link.read(b, 0, 4, Duration.ofSeconds(5)));
        assertEquals(0x12, b[0]);
        link.close();
        assertEquals(LinkException.Reason.NOT_FOUND,
                assertThrows(LinkException.class, new FileLink(dir.resolve("none"), FileLink.Mode.READ_WRITE)::open).reason());
    }

    @Test
    void addressesParseToTheRightLinks() {
        LinkAddress a = LinkAddress.parse("serial:/dev/ttyUSB0?baud=9600&framing=7E1&flow=rtscts");
        SerialSettings s = ((LinkAddress.Serial) a).settings();
        assertEquals("/dev/ttyUSB0", s.portPath());
        assertEquals(9600, s.baud());
        assertEquals("7E1", s.framing());
        assertEquals(SerialSettings.FlowControl.RTS_CTS, s.flowControl());
        assertEquals(115200, ((LinkAddress.Serial) LinkAddress.parse("/dev/ttyS0")).settings().baud());
        assertEquals(new LinkAddress.Tcp("10.0.0.5", 9100), LinkAddress.parse("tcp://10.0.0.5:9100"));
        assertEquals(new LinkAddress.Tcp("10.0.0.5", 9100, Duration.ofSeconds(4)),
                LinkAddress.parse("tcp://10.0.0.5:9100?write-timeout=PT4S"));
        assertThrows(IllegalArgumentException.class, () -> LinkAddress.parse("tcp://10.0.0.5:9100?write-timeout=4"));
        assertEquals("serial:/dev/ttyS1@19200/8N2", Link.forAddress("/dev/ttyS1?baud=19200&framing=8N2").address());
        assertThrows(IllegalArgumentException.class, () -> LinkAddress.parse("serial:/dev/x?baud=fast"));
        assertThrows(IllegalArgumentException.class, () -> LinkAddress.parse("tcp://nohost"));
        assertEquals(10.0, SerialSettings.of("/x", 115200).bitsPerByte());
    }

    @Test
    void healthStatesSayWhetherTheDeviceIsUsable() {
        assertEquals(true, DeviceHealth.ready().isUsable());
        assertEquals(true, DeviceHealth.degraded("paper near end").isUsable());
        assertEquals(false, DeviceHealth.offline("unplugged").isUsable());
        assertEquals("OFFLINE(unplugged)", DeviceHealth.offline("unplugged").toString());
    }
}
