package org.medkiosk.device.receipt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medkiosk.device.link.SerialLink;
import org.medkiosk.device.link.SerialSettings;
import org.medkiosk.device.link.testing.PseudoTerminalPair;

/** The driver on one end of a socat pty pair (jSerialComm), the simulator on the other. */
class ReceiptPrinterPtyTest {
    /** A small receipt: text, a native QR, a cut. */
    static byte[] receipt() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0x1B, 0x40, 0x1C, 0x26});
        b.writeBytes("排队号 A023\n".getBytes(java.nio.charset.Charset.forName("GB18030")));
        byte[] data = "MKAPT:1".getBytes();
        b.writeBytes(new byte[] {0x1D, 0x28, 0x6B, (byte) (data.length + 3), 0, 0x31, 0x50, 0x30});
        b.writeBytes(data);
        b.writeBytes(new byte[] {0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x51, 0x30, 0x0A});
        // a raster band whose data contains DLE EOT bytes: must be printed, not answered
        b.writeBytes(new byte[] {0x1D, 0x76, 0x30, 0, 3, 0, 2, 0, 0x10, 0x04, 0x01, 0x10, 0x04, 0x02});
        b.writeBytes(new byte[] {0x1D, 0x56, 0x42, 3});
        return b.toByteArray();
    }

    PseudoTerminalPair pty;
    PrinterSimulator sim;
    ReceiptPrinter printer;

    @BeforeEach
    void start() throws Exception {
        pty = PseudoTerminalPair.open();
        sim = new PrinterSimulator(1000, 100);
        sim.runOn(new SerialLink(SerialSettings.of(pty.devicePath().toString(), 115200)));
        printer = ReceiptPrinter.connect("serial:" + pty.hostPath() + "@115200");
    }

    @AfterEach
    void stop() {
        if (printer != null) {
            printer.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    @Test
    void healthyPrinterPrintsAndRecordsTheJob() throws Exception {
        assertEquals(java.util.Optional.empty(), printer.readStatus().problem());
        PrintResult r = printer.print(receipt());
        assertInstanceOf(PrintResult.Printed.class, r, r.toString());
        assertTrue(((PrintResult.Printed) r).warnings().isEmpty());
        assertEquals(1, sim.printedJobs().size());
        assertArrayEquals(receipt(), sim.printedJobs().get(0));
        assertTrue(sim.paperMm() < 1000, "paper was used");
        assertEquals("READY", printer.health().toString());
    }

    @Test
    void nearEndPrintsWithAWarning() {
        java.util.List<org.medkiosk.device.link.DeviceHealth> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
        printer.addHealthListener(changes::add);
        assertTrue(printer.print(receipt()).printed());
        sim.setPaperNearEnd();
        PrintResult r = printer.print(receipt());
        var printed = assertInstanceOf(PrintResult.Printed.class, r, r.toString());
        assertTrue(printed.warnings().get(0).contains("near end"));
        assertEquals(2, sim.printedJobs().size());
        assertTrue(printer.health().toString().startsWith("DEGRADED"));
        assertEquals(java.util.List.of("READY", "DEGRADED(paper near end: replace the paper roll soon)"),
                changes.stream().map(Object::toString).toList());
    }

    private void assertRefused(Consumer<PrinterSimulator> fault, PrinterProblem expected) {
        fault.accept(sim);
        PrintResult r = printer.print(receipt());
        var np = assertInstanceOf(PrintResult.NotPrinted.class, r, r.toString());
        assertEquals(expected, np.problem());
        assertFalse(np.bytesSent(), "nothing sent to a printer that cannot print");
        assertEquals(0, sim.printedJobs().size());
        assertEquals(0, sim.discardedBytes());
        assertFalse(printer.health().isUsable());
    }

    @Test
    void paperEnd() {
        assertRefused(s -> s.setPaperMm(0), PrinterProblem.PAPER_END);
    }

    @Test
    void coverOpen() {
        assertRefused(s -> s.setCoverOpen(true), PrinterProblem.COVER_OPEN);
    }

    @Test
    void cutterError() {
        assertRefused(s -> s.setCutterError(true), PrinterProblem.CUTTER_ERROR);
    }

    @Test
    void offline() {
        assertRefused(s -> s.setOffline(true), PrinterProblem.OFFLINE);
    }

    @Test
    void silentPrinterIsNotResponding() {
        assertRefused(s -> s.setSilent(true), PrinterProblem.NOT_RESPONDING);
    }

    @Test
    void paperRunningOutDuringTheJobIsNotPrinted() {
        sim.setPaperMm(5); // 40 dots: the first lines use it up
        PrintResult r = printer.print(receipt());
        var np = assertInstanceOf(PrintResult.NotPrinted.class, r, r.toString());
        assertEquals(PrinterProblem.PAPER_END, np.problem());
        assertTrue(np.bytesSent());
        assertTrue(np.reason().contains("during printing"));
        assertEquals(0, sim.printedJobs().size(), "no complete job came out");
    }

    @Test
    void recoversAfterTheTechnicianLoadsPaper() {
        sim.setPaperMm(0);
        assertFalse(printer.print(receipt()).printed());
        sim.setPaperMm(1000);
        assertTrue(printer.print(receipt()).printed());
    }

    @Test
    void oneShotPrintFromSpec() {
        PrintResult r = ReceiptPrinter.printOnce("serial:" + pty.hostPath(), receipt());
        assertTrue(r.printed(), r.toString());
    }

    @Test
    void deviceFileLikeDevUsbLp0IsReadWriteWithStatus() {
        // a pty is a character device like /dev/usb/lp0: file: opens it read-write and reads status back
        PrinterAddress a = PrinterAddress.parse("file:" + pty.hostPath());
        assertTrue(a.statusCapable());
        printer.close();
        try (ReceiptPrinter viaFile = new ReceiptPrinter(a.newLink(), true, Duration.ofSeconds(2))) {
            assertTrue(viaFile.print(receipt()).printed());
            sim.setCoverOpen(true);
            assertEquals(PrinterProblem.COVER_OPEN, ((PrintResult.NotPrinted) viaFile.print(receipt())).problem());
        }
        assertEquals(1, sim.printedJobs().size());
    }
}
