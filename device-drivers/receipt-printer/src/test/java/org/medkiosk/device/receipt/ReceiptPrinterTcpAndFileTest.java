package org.medkiosk.device.receipt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.device.link.InMemoryLink;

class ReceiptPrinterTcpAndFileTest {

    @Test
    void tcpPort9100StylePrinter() throws Exception {
        try (PrinterSimulator sim = new PrinterSimulator()) {
            int port = sim.serveTcp(0);
            PrintResult r = ReceiptPrinter.printOnce("tcp://127.0.0.1:" + port, ReceiptPrinterPtyTest.receipt());
            assertTrue(r.printed(), r.toString());
            assertArrayEquals(ReceiptPrinterPtyTest.receipt(), sim.printedJobs().get(0));
            sim.setCoverOpen(true);
            var np = assertInstanceOf(PrintResult.NotPrinted.class, ReceiptPrinter.printOnce("tcp://127.0.0.1:" + port, ReceiptPrinterPtyTest.receipt()));
            assertEquals(PrinterProblem.COVER_OPEN, np.problem());
        }
    }

    @Test
    void unreachableTcpPrinterIsALinkFailure() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var np = assertInstanceOf(PrintResult.NotPrinted.class, ReceiptPrinter.printOnce("tcp://127.0.0.1:" + port, new byte[] {0x0A}));
        assertEquals(PrinterProblem.LINK_FAILURE, np.problem());
    }

    @Test
    void captureFileGetsTheBytesButIsNeverCalledPrinted(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("receipt.bin");
        PrintResult r = ReceiptPrinter.printOnce("file:" + out, ReceiptPrinterPtyTest.receipt());
        assertInstanceOf(PrintResult.SentUnverified.class, r);
        assertArrayEquals(ReceiptPrinterPtyTest.receipt(), Files.readAllBytes(out));
    }

    @Test
    void inMemoryPairForDemoMode() throws Exception {
        var pair = InMemoryLink.pair("printer");
        try (PrinterSimulator sim = new PrinterSimulator();
             ReceiptPrinter p = new ReceiptPrinter(pair.host(), true, java.time.Duration.ofSeconds(2))) {
            sim.runOn(pair.device());
            assertTrue(p.print(ReceiptPrinterPtyTest.receipt()).printed());
            pair.unplug();
            var np = assertInstanceOf(PrintResult.NotPrinted.class, p.print(ReceiptPrinterPtyTest.receipt()));
            assertEquals(PrinterProblem.LINK_FAILURE, np.problem());
        }
    }

    @Test
    void addressSyntax() {
        assertEquals(9600, ((org.medkiosk.device.link.LinkAddress.Serial) PrinterAddress.parse("serial:/dev/ttyS0@9600").link()).settings().baud());
        assertEquals(115200, ((org.medkiosk.device.link.LinkAddress.Serial) PrinterAddress.parse("serial:/dev/ttyS0").link()).settings().baud());
        assertTrue(PrinterAddress.parse("tcp://10.0.0.5:9100").statusCapable());
        assertThrows(IllegalArgumentException.class, () -> PrinterAddress.parse("lpt1"));
        assertThrows(IllegalArgumentException.class, () -> PrinterAddress.parse("serial:/dev/ttyS0@fast"));
    }

    @Test
    void statusCommandPrintsJson() throws Exception {
        try (PrinterSimulator sim = new PrinterSimulator()) {
            int port = sim.serveTcp(0);
            sim.setPaperNearEnd();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = StatusCommand.run(List.of("--printer", "tcp://127.0.0.1:" + port), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String json = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            assertTrue(json.startsWith("{\"printer\":\"tcp://127.0.0.1:" + port + "\",\"health\":\"DEGRADED\""), json);
            assertTrue(json.contains("\"paperNearEnd\":true"), json);
            assertTrue(json.contains("\"problem\":null"), json);
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, StatusCommand.run(List.of("--bogus"), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)));
        assertTrue(err.toString().contains("Usage: kiosk devices status"), err.toString());
    }
}
