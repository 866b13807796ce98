package org.medkiosk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.device.receipt.PrinterSimulator;

/** The `kiosk` routes reach the technicians' tools, end to end against a simulated printer on TCP. */
class TechnicianCommandsTest {
    final KioskCli cli = new KioskCli((config, demo) -> 0);
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        return cli.execute(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printTestPrintsTheTestPageOnAHealthyPrinterAndNothingWithoutPaper() throws Exception {
        try (PrinterSimulator printer = new PrinterSimulator()) {
            int port = printer.serveTcp(0);
            assertEquals(0, run("devices", "print-test", "--printer", "tcp://127.0.0.1:" + port), err.toString());
            assertEquals(1, printer.printedJobs().size());
            String printed = new String(printer.printedBytes(), Charset.forName("GB18030"));
            assertTrue(printed.contains("MedKiosk"), "test page names the hospital: " + printed);

            printer.setPaperMm(0);
            assertEquals(1, run("devices", "print-test", "--printer", "tcp://127.0.0.1:" + port));
            String line = err.toString(StandardCharsets.UTF_8);
            assertTrue(line.toLowerCase().contains("paper"), line);
            assertTrue(line.contains("nothing was sent"), line);
            assertEquals(1, printer.printedJobs().size(), "no second page was sent");
        }
    }

    @Test
    void printTestRejectsBadFlags() {
        assertEquals(2, run("devices", "print-test"));
        assertEquals(2, run("devices", "print-test", "--printer", "tcp://127.0.0.1:9", "--profile", "laserjet"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown profile"));
        assertEquals(2, run("devices", "frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown subcommand 'frobnicate'"));
    }

    @Test
    void reportRenderIsRoutedAndWritesAPdf(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("lab.pdf");
        assertEquals(0, run("report", "render", "--sample", "lab", "--out", pdf.toString()), err.toString());
        assertEquals("%PDF-", new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1));
    }

    @Test
    void usageListsEveryTechnicianCommand() {
        assertEquals(0, run("help"));
        String usage = out.toString(StandardCharsets.UTF_8);
        for (String c : new String[] {"devices idcard", "devices scan", "devices smartcard", "devices status",
                "devices print-test", "receipt render", "report render", "demo-hospital", "backend check"}) {
            assertTrue(usage.contains(c), "usage lacks " + c);
        }
    }
}
