package org.medkiosk.app.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.medkiosk.journey.reports.ReportPrinting;

/**
 * The demo's A4 report printer: an in-memory queue that takes PDFs and completes them after a short "printing" time,
 * keeping every page it completed (the simulator panel shows the last one). Its fault switches make the reports
 * journey's failure branches visible: offline refuses jobs, out of paper fails them, stalled never completes them
 * (the journey withdraws the job when its wait ends).
 */
public final class SimulatedReportPrinter implements ReportPrinting {
    public static final String NAME = "simulated-a4";

    public enum Fault {
        /** Printing works. */
        NONE,
        /** The queue refuses jobs (printer disabled). */
        OFFLINE,
        /** Paper out: the job is aborted. */
        OUT_OF_PAPER,
        /** The job stays pending (jam, printer stopped) until the journey's wait ends. */
        STALLED
    }

    private final Duration printTime;
    private final Duration longestStall;
    private volatile Fault fault = Fault.NONE;
    private final AtomicInteger ids = new AtomicInteger();
    private final List<byte[]> submitted = new ArrayList<>();
    private final List<byte[]> completed = new ArrayList<>();
    private final List<Integer> cancelled = new ArrayList<>();
    private final List<Consumer<byte[]>> listeners = new CopyOnWriteArrayList<>();

    /** A printer that takes 0.8 s per job and, when stalled, gives up waiting after 5 s at most. */
    public SimulatedReportPrinter() {
        this(Duration.ofMillis(800), Duration.ofSeconds(5));
    }

    public SimulatedReportPrinter(Duration printTime, Duration longestStall) {
        this.printTime = printTime;
        this.longestStall = longestStall;
    }

    public void fault(Fault f) {
        this.fault = f == null ? Fault.NONE : f;
    }

    public Fault fault() {
        return fault;
    }

    /** Called (on the printing thread) with each PDF the printer completed. */
    public void onPrinted(Consumer<byte[]> listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized Submission submit(byte[] pdf, String jobName) {
        if (fault == Fault.OFFLINE) {
            return new Submission.Refused(NAME, "printer is offline");
        }
        submitted.add(pdf.clone());
        return new Submission.Submitted(NAME, jobName, ids.incrementAndGet());
    }

    @Override
    public Completion await(Submission.Submitted job, Duration timeout) {
        Fault now = fault;
        if (now == Fault.STALLED) {
            sleep(min(timeout, longestStall));
            return Completion.NOT_YET;
        }
        sleep(min(timeout, printTime));
        if (fault == Fault.OUT_OF_PAPER || now == Fault.OUT_OF_PAPER) {
            return Completion.FAILED;
        }
        byte[] pdf;
        synchronized (this) {
            if (job.jobId() == null || job.jobId() < 1 || job.jobId() > submitted.size()) {
                return Completion.UNKNOWN;
            }
            pdf = submitted.get(job.jobId() - 1);
            completed.add(pdf);
        }
        listeners.forEach(l -> l.accept(pdf));
        return Completion.COMPLETED;
    }

    @Override
    public synchronized void cancel(Submission.Submitted job) {
        cancelled.add(job.jobId());
    }

    /** Every PDF that came out, oldest first. */
    public synchronized List<byte[]> printed() {
        return List.copyOf(completed);
    }

    /** Jobs withdrawn because they did not complete in time. */
    public synchronized List<Integer> cancelled() {
        return List.copyOf(cancelled);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(0, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
