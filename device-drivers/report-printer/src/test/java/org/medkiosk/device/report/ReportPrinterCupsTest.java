package org.medkiosk.device.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.print.attribute.standard.MediaSizeName;
import javax.print.attribute.standard.Sides;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Through a real CUPS scheduler to a cups-pdf queue (Debian: cups, printer-driver-cups-pdf); the queue name
 * is {@code $MEDKIOSK_CUPS_PDF_QUEUE}, default {@code PDF}. Skips without CUPS, fails in CI (CI=true).
 */
class ReportPrinterCupsTest {
    static final String QUEUE = Optional.ofNullable(System.getenv("MEDKIOSK_CUPS_PDF_QUEUE")).orElse("PDF");

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(cmd))).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    static void requireOrSkip(boolean ok, String what) {
        if (inCi()) {
            assertTrue(ok, "CI=true but " + what + " failed");
        } else {
            assumeTrue(ok, what + " not possible here; skipping");
        }
    }

    @BeforeAll
    static void requireCupsPdfQueue() {
        String sched = run("lpstat", "-r");
        String queue = run("lpstat", "-v", QUEUE);
        boolean ok = sched != null && sched.contains("is running") && queue != null && queue.contains("cups-pdf");
        String what = "a running CUPS scheduler with a cups-pdf queue named " + QUEUE;
        if (inCi()) {
            assertTrue(ok, "CI=true but " + what + " is missing (scheduler: " + sched + ", queue: " + queue + ")");
        } else {
            assumeTrue(ok, what + " is not available; skipping");
        }
    }

    static byte[] pdf(String token) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document d = new Document(PageSize.A4);
        PdfWriter.getInstance(d, out);
        d.open();
        d.add(new Paragraph("MedKiosk report printer test " + token));
        d.newPage();
        d.add(new Paragraph("second page " + token));
        d.close();
        return out.toByteArray();
    }

    /** cups-pdf writes to ~/PDF of the submitting user (or its ANONYMOUS spool): find the file named after the job. */
    static Optional<Path> output(String jobName) throws IOException {
        List<Path> dirs = new ArrayList<>(List.of(Path.of(System.getProperty("user.home"), "PDF")));
        Path spool = Path.of("/var/spool/cups-pdf");
        if (Files.isDirectory(spool)) {
            try (Stream<Path> s = Files.list(spool)) {
                s.forEach(dirs::add);
            }
        }
        for (Path d : dirs) {
            if (Files.isDirectory(d) && Files.isReadable(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    Optional<Path> f = s.filter(p -> p.getFileName().toString().startsWith(jobName)).findFirst();
                    if (f.isPresent()) {
                        return f;
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void pdfGoesThroughCupsToTheCupsPdfQueue() throws Exception {
        ReportPrinter printer = new ReportPrinter(QUEUE);
        assertTrue(ReportPrinter.printerNames().contains(QUEUE), ReportPrinter.printerNames().toString());
        assertTrue(printer.health().isUsable(), printer.health().toString());
        String token = UUID.randomUUID().toString().substring(0, 8);
        String jobName = "medkiosk-" + token;
        ReportPrintResult r = printer.print(pdf(token), ReportPrintOptions.a4Duplex(jobName));
        var submitted = assertInstanceOf(ReportPrintResult.Submitted.class, r, r.toString());
        assertTrue(submitted.cupsJobId() != null, "job id found");
        assertEquals(ReportPrinter.JobOutcome.COMPLETED, printer.awaitJob(submitted, java.time.Duration.ofSeconds(60)));
        // the queue converts asynchronously: wait (bounded) for cups-pdf to write the file
        Optional<Path> out = Optional.empty();
        for (int i = 0; i < 120 && out.isEmpty(); i++) {
            Thread.sleep(500);
            out = output(jobName);
        }
        assertTrue(out.isPresent(), "cups-pdf wrote no file for " + jobName);
        Path file = out.get();
        for (int i = 0; i < 20 && Files.size(file) == 0; i++) {
            Thread.sleep(250);
        }
        byte[] printed = Files.readAllBytes(file);
        assertEquals("%PDF-", new String(printed, 0, 5, StandardCharsets.ISO_8859_1));
        String info = run("pdfinfo", file.toString());
        if (info != null) {
            assertTrue(info.matches("(?s).*Pages:\\s+2.*"), info);
            assertTrue(info.contains("595") && info.contains("842"), "A4 page size: " + info);
        }
        String text = run("pdftotext", file.toString(), "-");
        if (text != null) {
            assertTrue(text.contains(token), text);
        }
        Files.deleteIfExists(file);
    }

    @Test
    void stoppedQueueRefusesAndAHeldJobIsNotReportedCompleted() throws IOException {
        ReportPrinter printer = new ReportPrinter(QUEUE);
        // a job held in the queue (lp -H indefinite) is what a printer out of paper leaves behind
        Path file = Files.createTempFile("medkiosk-held", ".pdf");
        Files.write(file, pdf("held"));
        String held = run("lp", "-d", QUEUE, "-H", "indefinite", "-t", "medkiosk-held", file.toString());
        Files.deleteIfExists(file);
        requireOrSkip(held != null && held.contains("request id is"), "lp (cups-client) submitting a held job");
        int id = Integer.parseInt(held.replaceAll("(?s).*" + QUEUE + "-(\\d+).*", "$1"));
        try {
            var job = new ReportPrintResult.Submitted(QUEUE, "medkiosk-held", id);
            assertEquals(ReportPrinter.JobOutcome.NOT_YET, printer.awaitJob(job, java.time.Duration.ofSeconds(1)));
        } finally {
            run("cancel", QUEUE + "-" + id);
        }
        assertEquals(ReportPrinter.JobOutcome.FAILED,
                printer.awaitJob(new ReportPrintResult.Submitted(QUEUE, "medkiosk-held", id), java.time.Duration.ofSeconds(10)));
        requireOrSkip(run("cupsdisable", QUEUE) != null, "cupsdisable (needs lpadmin rights)");
        try {
            var r = printer.print(pdf("stopped"), ReportPrintOptions.a4Duplex("medkiosk-stopped"));
            var refused = assertInstanceOf(ReportPrintResult.Refused.class, r, r.toString());
            assertTrue(refused.reason().contains("stopped"), refused.reason());
        } finally {
            run("cupsenable", QUEUE);
        }
    }

    @Test
    void refusesWhatCannotPrint() {
        var missing = new ReportPrinter("no-such-queue-" + UUID.randomUUID()).print(pdf("x"), ReportPrintOptions.a4Duplex("j"));
        assertTrue(assertInstanceOf(ReportPrintResult.Refused.class, missing).reason().contains("no printer named"));
        var notPdf = new ReportPrinter(QUEUE).print("hello".getBytes(StandardCharsets.US_ASCII), ReportPrintOptions.a4Duplex("j"));
        assertTrue(assertInstanceOf(ReportPrintResult.Refused.class, notPdf).reason().contains("not a PDF"));
    }

    @Test
    void rejectingQueueRefusesTheJob() {
        requireOrSkip(run("cupsreject", QUEUE) != null, "cupsreject (needs lpadmin rights)");
        try {
            var r = new ReportPrinter(QUEUE).print(pdf("x"), ReportPrintOptions.a4Duplex("medkiosk-rejected"));
            var refused = assertInstanceOf(ReportPrintResult.Refused.class, r, r.toString());
            assertTrue(refused.reason().contains("not accepting"), refused.reason());
        } finally {
            run("cupsaccept", QUEUE);
        }
    }

    @Test
    void jobAttributesCarryPaperDuplexCopies() {
        var a = ReportPrinter.attributes(new ReportPrintOptions(ReportPrintOptions.Paper.A4, true, 2, "r1"));
        assertEquals(MediaSizeName.ISO_A4, a.get(javax.print.attribute.standard.Media.class));
        assertEquals(Sides.TWO_SIDED_LONG_EDGE, a.get(Sides.class));
        assertEquals(2, ((javax.print.attribute.standard.Copies) a.get(javax.print.attribute.standard.Copies.class)).getValue());
    }
}
