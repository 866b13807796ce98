package org.medkiosk.journey.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.medkiosk.journey.reports.ReportPrinting;

/**
 * An A4 printer in memory: a queue that takes PDFs, keeps every page it completed, and can be told to refuse jobs,
 * fail them, or never complete them (paper out). Jobs withdrawn by {@link #cancel} are recorded.
 */
public final class MemoryReportPrinter implements ReportPrinting {
    public enum Mode { COMPLETE, REFUSE, FAIL, NEVER_COMPLETE, CANNOT_TELL }

    private volatile Mode mode = Mode.COMPLETE;
    private final AtomicInteger ids = new AtomicInteger();
    private final List<byte[]> submitted = new ArrayList<>();
    private final List<byte[]> completed = new ArrayList<>();
    private final List<String> jobNames = new ArrayList<>();
    private final List<Integer> cancelled = new ArrayList<>();
    /** Runs when a job completes, before the journey learns it (a test can look at the journal then). */
    public volatile Runnable onComplete = () -> { };

    public void mode(Mode m) {
        this.mode = m;
    }

    @Override
    public synchronized Submission submit(byte[] pdf, String jobName) {
        if (mode == Mode.REFUSE) {
            return new Submission.Refused("memory-a4", "queue is not accepting jobs");
        }
        submitted.add(pdf.clone());
        jobNames.add(jobName);
        return new Submission.Submitted("memory-a4", jobName, ids.incrementAndGet());
    }

    @Override
    public Completion await(Submission.Submitted job, Duration timeout) {
        switch (mode) {
            case COMPLETE -> {
                synchronized (this) {
                    completed.add(submitted.get(job.jobId() - 1));
                }
                onComplete.run();
                return Completion.COMPLETED;
            }
            case FAIL -> {
                return Completion.FAILED;
            }
            case NEVER_COMPLETE -> {
                return Completion.NOT_YET;
            }
            default -> {
                return Completion.UNKNOWN;
            }
        }
    }

    @Override
    public synchronized void cancel(Submission.Submitted job) {
        cancelled.add(job.jobId());
    }

    public synchronized List<byte[]> pages() {
        return List.copyOf(completed);
    }

    public synchronized List<byte[]> submittedPages() {
        return List.copyOf(submitted);
    }

    public synchronized List<String> jobNames() {
        return List.copyOf(jobNames);
    }

    public synchronized List<Integer> cancelled() {
        return List.copyOf(cancelled);
    }
}
