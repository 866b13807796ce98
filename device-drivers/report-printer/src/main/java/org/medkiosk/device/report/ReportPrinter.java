package org.medkiosk.device.report;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.print.Doc;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.Copies;
import javax.print.attribute.standard.JobName;
import javax.print.attribute.standard.MediaSizeName;
import javax.print.attribute.standard.PrinterIsAcceptingJobs;
import javax.print.attribute.standard.PrinterState;
import javax.print.attribute.standard.PrinterStateReason;
import javax.print.attribute.standard.PrinterStateReasons;
import javax.print.attribute.standard.Severity;
import javax.print.attribute.standard.Sides;
import javax.print.event.PrintJobAdapter;
import javax.print.event.PrintJobEvent;
import org.medkiosk.device.link.DeviceHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints PDFs (ours or the hospital's, byte for byte) on a named OS printer through javax.print; on Linux
 * that is a CUPS queue, which rasterises the PDF for the printer. Paper size, duplex and copies are sent as
 * IPP job attributes. Before each job the queue's state is checked (accepting jobs, not stopped, no
 * error-level state reasons such as media-empty), so a report is not handed to a queue that cannot print.
 *
 * <p>Threading: {@link #print} blocks until the queue has taken the data (seconds); call it off the UI thread.
 */
public final class ReportPrinter {
    private static final Logger LOG = LoggerFactory.getLogger(ReportPrinter.class);

    private final String printerName;

    public ReportPrinter(String printerName) {
        this.printerName = Objects.requireNonNull(printerName, "printerName");
    }

    /** Names of the printers the OS offers (CUPS queues), for the technician's configuration screen. */
    public static List<String> printerNames() {
        return Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null)).map(PrintService::getName).toList();
    }

    public String printerName() {
        return printerName;
    }

    private Optional<PrintService> service() {
        return Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null))
                .filter(s -> s.getName().equals(printerName)).findFirst();
    }

    /** Ready, degraded (warnings such as toner low) or offline (missing, stopped, not accepting, error reasons). */
    public DeviceHealth health() {
        Optional<PrintService> s = service();
        if (s.isEmpty()) {
            return DeviceHealth.offline("no printer named " + printerName + " (check the CUPS queue)");
        }
        return health(s.get());
    }

    /** Live CUPS state when a local scheduler answers, else what javax.print knows (may be stale). */
    static DeviceHealth health(PrintService s) {
        Optional<CupsQueueState> live = CupsQueueState.query(s.getName());
        if (live.isPresent()) {
            return live.get().health(s.getName());
        }
        return javaxPrintHealth(s);
    }

    static DeviceHealth javaxPrintHealth(PrintService s) {
        PrinterIsAcceptingJobs accepting = s.getAttribute(PrinterIsAcceptingJobs.class);
        if (accepting == PrinterIsAcceptingJobs.NOT_ACCEPTING_JOBS) {
            return DeviceHealth.offline("queue " + s.getName() + " is not accepting jobs (cupsaccept)");
        }
        PrinterState state = s.getAttribute(PrinterState.class);
        if (state == PrinterState.STOPPED) {
            return DeviceHealth.offline("queue " + s.getName() + " is stopped (cupsenable)");
        }
        PrinterStateReasons reasons = s.getAttribute(PrinterStateReasons.class);
        if (reasons != null) {
            for (var e : reasons.entrySet()) {
                PrinterStateReason reason = e.getKey();
                if (e.getValue() == Severity.ERROR) {
                    return DeviceHealth.offline("printer " + s.getName() + ": " + reason);
                }
            }
            for (var e : reasons.entrySet()) {
                if (e.getValue() == Severity.WARNING) {
                    return DeviceHealth.degraded("printer " + s.getName() + ": " + e.getKey());
                }
            }
        }
        return DeviceHealth.ready();
    }

    /** The IPP attributes a job is sent with. */
    static PrintRequestAttributeSet attributes(ReportPrintOptions o) {
        PrintRequestAttributeSet a = new HashPrintRequestAttributeSet();
        a.add(switch (o.paper()) {
            case A4 -> MediaSizeName.ISO_A4;
            case A5 -> MediaSizeName.ISO_A5;
            case LETTER -> MediaSizeName.NA_LETTER;
        });
        a.add(o.duplex() ? Sides.TWO_SIDED_LONG_EDGE : Sides.ONE_SIDED);
        a.add(new Copies(o.copies()));
        a.add(new JobName(o.jobName(), null));
        return a;
    }

    /** Sends a PDF as it is. Blocks until the OS queue has taken it or refused it. */
    public ReportPrintResult print(byte[] pdf, ReportPrintOptions options) {
        Objects.requireNonNull(pdf, "pdf");
        if (pdf.length < 5 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return new ReportPrintResult.Refused(printerName, "document is not a PDF");
        }
        Optional<PrintService> found = service();
        if (found.isEmpty()) {
            return new ReportPrintResult.Refused(printerName, "no printer named " + printerName);
        }
        PrintService service = found.get();
        DeviceHealth h = health(service);
        if (h instanceof DeviceHealth.Offline off) {
            return new ReportPrintResult.Refused(printerName, off.reason());
        }
        DocFlavor flavor = service.isDocFlavorSupported(DocFlavor.INPUT_STREAM.PDF)
                ? DocFlavor.INPUT_STREAM.PDF : DocFlavor.INPUT_STREAM.AUTOSENSE;
        if (!service.isDocFlavorSupported(flavor)) {
            return new ReportPrintResult.Refused(printerName, "queue does not accept PDF documents");
        }
        PrintRequestAttributeSet attrs = attributes(options);
        if (options.duplex() && !service.isAttributeValueSupported(Sides.TWO_SIDED_LONG_EDGE, flavor, null)) {
            attrs.add(Sides.ONE_SIDED); // a simplex printer still prints the report, on more sheets
            LOG.info("report printer {} has no duplex unit; printing one-sided", printerName);
        }
        DocPrintJob job = service.createPrintJob();
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<String> failure = new AtomicReference<>();
        job.addPrintJobListener(new PrintJobAdapter() {
            @Override
            public void printJobFailed(PrintJobEvent e) {
                failure.set("the print system reported the job failed");
                done.countDown();
            }

            @Override
            public void printJobCanceled(PrintJobEvent e) {
                failure.set("the job was cancelled");
                done.countDown();
            }

            @Override
            public void printDataTransferCompleted(PrintJobEvent e) {
                done.countDown();
            }

            @Override
            public void printJobCompleted(PrintJobEvent e) {
                done.countDown();
            }

            @Override
            public void printJobNoMoreEvents(PrintJobEvent e) {
                done.countDown();
            }
        });
        Doc doc = new SimpleDoc(new ByteArrayInputStream(pdf), flavor, null);
        // javax.print (lpr underneath) does not return the CUPS job id: the kiosk is the queue's only
        // submitter, so the new highest id after submission is ours
        Optional<Integer> idBefore = CupsQueueState.latestJobId(printerName);
        try {
            job.print(doc, attrs);
            // CUPS submission is synchronous in print(); the listener only confirms or reports failure
            done.await(30, TimeUnit.SECONDS);
        } catch (PrintException e) {
            LOG.warn("report printer {}: job refused: {}", printerName, e.getMessage());
            return new ReportPrintResult.Refused(printerName, "print system refused the job: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ReportPrintResult.Refused(printerName, "interrupted while sending the job");
        }
        if (failure.get() != null) {
            return new ReportPrintResult.Refused(printerName, failure.get());
        }
        Integer jobId = null;
        if (idBefore.isPresent()) {
            Optional<Integer> idAfter = CupsQueueState.latestJobId(printerName);
            if (idAfter.isPresent() && idAfter.get() > idBefore.get()) {
                jobId = idAfter.get();
            }
        }
        return new ReportPrintResult.Submitted(printerName, options.jobName(), jobId);
    }

    /** Where a submitted job ended up in the OS queue. */
    public enum JobOutcome {
        /** CUPS delivered the whole job to the printer. */
        COMPLETED,
        /** The queue or printer gave up (aborted) or someone cancelled it: not printed. */
        FAILED,
        /** Still pending, held or processing when the wait ended (e.g. printer out of paper). */
        NOT_YET,
        /** The queue does not report job states (not CUPS, or the job is not visible). */
        UNKNOWN
    }

    /**
     * Waits (polling the CUPS scheduler over IPP, at most {@code timeout}) for a submitted job to finish, so a
     * journal can mark a report printed only when CUPS completed it. Blocking; call off the UI thread.
     */
    public JobOutcome awaitJob(ReportPrintResult.Submitted job, java.time.Duration timeout) {
        if (job.cupsJobId() == null) {
            return JobOutcome.UNKNOWN;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        JobOutcome last = JobOutcome.UNKNOWN;
        while (true) {
            Optional<Integer> state = CupsQueueState.jobState(printerName, job.cupsJobId());
            if (state.isPresent()) {
                switch (state.get()) {
                    case 9 -> {
                        return JobOutcome.COMPLETED;
                    }
                    case 7, 8 -> {
                        return JobOutcome.FAILED;
                    }
                    default -> last = JobOutcome.NOT_YET; // 3 pending, 4 held, 5 processing, 6 stopped
                }
            }
            if (System.nanoTime() >= deadline) {
                return last;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
        }
    }
}
