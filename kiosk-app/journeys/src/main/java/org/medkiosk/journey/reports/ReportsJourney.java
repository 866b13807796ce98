package org.medkiosk.journey.reports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.HospitalBackend;
import org.medkiosk.hospital.ImagingReport;
import org.medkiosk.hospital.LabReport;
import org.medkiosk.hospital.PendingReport;
import org.medkiosk.hospital.ReportDocument;
import org.medkiosk.hospital.ReportKind;
import org.medkiosk.hospital.ReportSummary;
import org.medkiosk.hospital.SpecimenReports;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.PrintJob;
import org.medkiosk.journey.Journey;
import org.medkiosk.journey.JourneyContext;
import org.medkiosk.journey.PatientSession;
import org.medkiosk.print.report.ImagingReportPdf;
import org.medkiosk.print.report.LabReportPdf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Print reports on the A4 printer: the ready reports (all printable ones selected), the not-ready ones with their
 * expected time. Each report is a REPORT print job of this journey. A report counts as printed only when the printer's
 * queue completed the job; only then is a MARK_PRINTED intent journaled and {@code markPrinted} sent with its key. A
 * printer failure leaves the report not printed and not counted, and the rest of the selection unsent. Opened from a
 * specimen barcode it shows that specimen's reports only.
 */
public final class ReportsJourney extends Journey<ReportsState> {
    private static final Logger LOG = LoggerFactory.getLogger(ReportsJourney.class);
    public static final String LAB_REPORT = "LAB_REPORT";
    public static final String IMAGING_REPORT = "IMAGING_REPORT";

    private final String specimenId;
    private final SpecimenReports preloaded;
    private final ReportSteps steps;
    private List<ReportSummary> ready = List.of();
    private List<PendingReport> pending = List.of();
    private final Set<String> selected = new LinkedHashSet<>();

    public ReportsJourney(JourneyContext ctx, PatientSession session) {
        this(ctx, session, null, null);
    }

    /**
     * The reports of one specimen.
     *
     * @param specimenId the scanned barcode
     * @param preloaded  what {@link #lookUpSpecimen} answered (the kiosk used its patient to open the session), or null
     *                   to look it up in {@link #start()}
     */
    public ReportsJourney(JourneyContext ctx, PatientSession session, String specimenId, SpecimenReports preloaded) {
        super(ctx, session, new ReportsState.Loading());
        this.specimenId = specimenId;
        this.preloaded = preloaded;
        this.steps = new ReportSteps(ctx);
    }

    /**
     * The reports of a specimen barcode, with whose specimen it is (blocking: call it off the FX thread); the kiosk
     * opens a session for {@link SpecimenReports#patient()} and then {@code engine.specimenReports(session, found)}.
     * Empty for a barcode the hospital does not know.
     */
    public static Optional<SpecimenReports> lookUpSpecimen(HospitalBackend backend, String specimenId) {
        if (specimenId == null || specimenId.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(backend.reportsForSpecimen(specimenId.trim()));
        } catch (BackendException.NotFound e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean awaitingWalletCode() {
        return false;
    }

    public void start() {
        show(new ReportsState.Loading());
        inBackground(() -> {
            List<ReportSummary> foundReady;
            List<PendingReport> foundPending;
            if (specimenId != null) {
                Optional<SpecimenReports> specimen = preloaded != null ? Optional.of(preloaded)
                        : lookUpSpecimen(ctx.backend(), specimenId);
                if (specimen.isEmpty() || specimen.get().patient() == null
                        || !session.patientId().equals(specimen.get().patient().id())) {
                    finished();
                    show(new ReportsState.UnknownSpecimen());
                    return;
                }
                foundReady = specimen.get().ready();
                foundPending = specimen.get().pending();
            } else {
                foundReady = ctx.backend().finalReports(session.patientId());
                foundPending = ctx.backend().pendingReports(session.patientId());
            }
            List<ReportSummary> r = List.copyOf(foundReady);
            List<PendingReport> p = List.copyOf(foundPending);
            ctx.tasks().ui().execute(() -> {
                ready = r;
                pending = p;
                selected.clear();
                r.stream().filter(ReportSummary::printable).forEach(x -> selected.add(x.id()));
                if (r.isEmpty()) {
                    finished();
                    show(new ReportsState.NothingReady(p));
                } else if (selected.isEmpty()) {
                    finished();
                    show(new ReportsState.LimitReached(r, p));
                } else {
                    showList();
                }
            });
        }, e -> {
            finished();
            return new ReportsState.Unavailable();
        });
    }

    private void showList() {
        show(new ReportsState.Reports(ready, selected, pending, specimenId, ctx.reportPaper().printer().isPresent()));
    }

    /** Selects or unselects a printable report. */
    public void toggle(String reportId) {
        if (state() instanceof ReportsState.Reports
                && ready.stream().anyMatch(r -> r.id().equals(reportId) && r.printable())) {
            if (!selected.remove(reportId)) {
                selected.add(reportId);
            }
            showList();
        }
    }

    /** Prints the selected reports, one job each, in the listed order. */
    public void print() {
        if (!(state() instanceof ReportsState.Reports) || selected.isEmpty() || ctx.reportPaper().printer().isEmpty()) {
            return;
        }
        List<ReportSummary> chosen = ready.stream().filter(r -> selected.contains(r.id())).toList();
        ReportPrinting printer = ctx.reportPaper().printer().get();
        show(new ReportsState.Printing(1, chosen.size()));
        inBackground(() -> {
            List<ReportsState.ReportResult> results = new ArrayList<>();
            String problem = null;
            for (int i = 0; i < chosen.size(); i++) {
                ReportSummary report = chosen.get(i);
                if (problem != null || !session.isOpen()) {
                    results.add(new ReportsState.ReportResult(report, ReportsState.Outcome.NOT_SENT));
                    continue;
                }
                show(new ReportsState.Printing(i + 1, chosen.size()));
                String[] failure = new String[1];
                ReportsState.Outcome outcome = printOne(printer, report, failure);
                problem = failure[0];
                results.add(new ReportsState.ReportResult(report, outcome));
            }
            show(new ReportsState.Done(results, pending, problem));
            finished();
        }, e -> {
            finished();
            return new ReportsState.Unavailable();
        });
    }

    /** Prints one report; failure[0] gets the printer's problem code when the printer failed (the rest are not sent). */
    private ReportsState.Outcome printOne(ReportPrinting printer, ReportSummary report, String[] failure) {
        byte[] pdf = document(report);
        if (pdf == null) {
            return ReportsState.Outcome.NO_DOCUMENT;
        }
        PrintJob job = ctx.journal().queuePrint(journeyId, null, session.patientId(), PrintJob.Printer.REPORT,
                report.kind() == ReportKind.IMAGING ? IMAGING_REPORT : LAB_REPORT, report.id(), null);
        if (!session.isOpen()) {
            ctx.journal().printOutcome(job.id(), PrintJob.State.UNCOLLECTED, null);
            return ReportsState.Outcome.NOT_SENT;
        }
        ReportPrinting.Submission submission;
        try {
            submission = printer.submit(pdf, "medkiosk-report-" + job.id());
        } catch (RuntimeException e) {
            submission = new ReportPrinting.Submission.Refused(null, e.toString());
        }
        if (submission instanceof ReportPrinting.Submission.Refused refused) {
            LOG.warn("report job {} refused by the printer: {}", job.id(), refused.reason());
            ctx.journal().printOutcome(job.id(), PrintJob.State.NOT_PRINTED, "REFUSED");
            failure[0] = "REFUSED";
            return ReportsState.Outcome.NOT_PRINTED;
        }
        ReportPrinting.Submission.Submitted submitted = (ReportPrinting.Submission.Submitted) submission;
        ReportPrinting.Completion completion;
        try {
            completion = printer.await(submitted, ctx.settings().reportPrintTimeout());
        } catch (RuntimeException e) {
            LOG.warn("report job {}: cannot learn its state: {}", job.id(), e.toString());
            completion = ReportPrinting.Completion.UNKNOWN;
        }
        switch (completion) {
            case COMPLETED -> {
                ctx.journal().printOutcome(job.id(), PrintJob.State.PRINTED, null);
                Intent mark = steps.intend(journeyId, session.patientId(), report.id(), job.id());
                return steps.send(mark) == ReportSteps.Marked.LIMIT_REACHED
                        ? ReportsState.Outcome.PRINTED_LIMIT_REACHED : ReportsState.Outcome.PRINTED;
            }
            case FAILED -> {
                ctx.journal().printOutcome(job.id(), PrintJob.State.NOT_PRINTED, "FAILED");
                failure[0] = "FAILED";
                return ReportsState.Outcome.NOT_PRINTED;
            }
            case NOT_YET -> {
                printer.cancel(submitted); // never let it come out after the patient has gone
                ctx.journal().printOutcome(job.id(), PrintJob.State.NOT_PRINTED, "NOT_COMPLETED");
                failure[0] = "NOT_COMPLETED";
                return ReportsState.Outcome.NOT_PRINTED;
            }
            default -> {
                // the queue cannot say: not counted as printed, and not marked at the hospital
                ctx.journal().printOutcome(job.id(), PrintJob.State.SENT_UNVERIFIED, null);
                failure[0] = "UNCONFIRMED";
                return ReportsState.Outcome.NOT_PRINTED;
            }
        }
    }

    /** The hospital's PDF, else the kiosk's own layout of the report's data; null when neither is available. */
    private byte[] document(ReportSummary report) {
        try {
            if (report.hasDocument()) {
                ReportDocument doc = ctx.backend().reportDocument(report.id());
                if (isPdf(doc.content())) {
                    return doc.content();
                }
                LOG.info("report {} document is {}, not a PDF; laying it out", report.id(), doc.contentType());
            }
            if (ctx.reportPaper().letterhead() == null) {
                return null;
            }
            if (report.kind() == ReportKind.IMAGING) {
                Optional<ImagingReport> imaging = ctx.backend().imagingReport(report.id());
                return imaging.map(r -> ImagingReportPdf.render(ctx.reportPaper().letterhead(), r, session.locale())).orElse(null);
            }
            Optional<LabReport> lab = ctx.backend().labReport(report.id());
            return lab.map(r -> LabReportPdf.render(ctx.reportPaper().letterhead(), r, session.locale())).orElse(null);
        } catch (BackendException e) {
            LOG.warn("report {} document unavailable: {}", report.id(), e.getClass().getSimpleName());
            return null;
        }
    }

    private static boolean isPdf(byte[] content) {
        return content != null && content.length >= 5
                && new String(content, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-");
    }
}
