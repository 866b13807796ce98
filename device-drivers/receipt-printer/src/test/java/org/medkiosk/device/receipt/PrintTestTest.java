package org.medkiosk.device.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.medkiosk.device.link.SerialLink;
import org.medkiosk.device.link.SerialSettings;
import org.medkiosk.device.link.testing.PseudoTerminalPair;

/** The print-test flow over a pty: one clear line and a non-zero exit on each stopping problem, nothing sent. */
class PrintTestTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String spec) {
        out.reset();
        err.reset();
        return PrintTest.run(spec, ReceiptPrinterPtyTest.receipt(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsOrNamesTheProblem() throws Exception {
        try (PseudoTerminalPair pty = PseudoTerminalPair.open(); PrinterSimulator sim = new PrinterSimulator()) {
            sim.runOn(new SerialLink(SerialSettings.of(pty.devicePath().toString(), 9600)));
            String spec = "serial:" + pty.hostPath() + "@9600";
            assertEquals(0, run(spec), err.toString(StandardCharsets.UTF_8));
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("test page printed"));
            assertEquals(1, sim.printedJobs().size());

            sim.setPaperMm(0);
            assertEquals(1, run(spec));
            String line = err.toString(StandardCharsets.UTF_8);
            assertTrue(line.contains("paper end") && line.contains("nothing was sent"), line);
            assertEquals(1, line.lines().count(), "one clear line");
            sim.setPaperMm(1000);

            sim.setCoverOpen(true);
            assertEquals(1, run(spec));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("cover open"));
            sim.setCoverOpen(false);

            sim.setOffline(true);
            assertEquals(1, run(spec));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("offline"));
            assertEquals(1, sim.printedJobs().size(), "no page sent to a printer with a problem");
            assertEquals(0, sim.discardedBytes());
        }
        assertEquals(2, run("lpt:1"));
    }
}
