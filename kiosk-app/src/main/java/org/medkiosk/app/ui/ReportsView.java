package org.medkiosk.app.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.viewmodel.ReportsViewModel;
import org.medkiosk.hospital.PendingReport;
import org.medkiosk.hospital.ReportKind;
import org.medkiosk.hospital.ReportSummary;
import org.medkiosk.journey.reports.ReportsState;

/** Print reports: ready reports (checkable; at-limit ones "report desk"), pending ones with their time → printing → done. */
final class ReportsView extends JourneyView<ReportsState> {

    ReportsView(KioskViewModel kiosk, ReportsViewModel model) {
        super(kiosk, model, "reports-screen");
    }

    private ReportsViewModel vm() {
        return (ReportsViewModel) model;
    }

    @Override
    List<Node> render(ReportsState s) {
        if (s instanceof ReportsState.Reports r) {
            return reports(r);
        } else if (s instanceof ReportsState.Printing p) {
            ProgressBar bar = new ProgressBar(p.total() == 0 ? 0 : (p.current() - 0.5) / p.total());
            bar.setPrefWidth(720);
            bar.setPrefHeight(36);
            Label t = title(I18n.bind("reports.printing.title", p.current(), p.total()));
            t.setId("reports-printing");
            return List.of(t, bar, wrapped(I18n.bind("reports.printing.hint"), "subtitle"));
        } else if (s instanceof ReportsState.Done d) {
            return done(d);
        } else if (s instanceof ReportsState.NothingReady n) {
            Label t = title(n.pending().isEmpty() ? I18n.bind("reports.none.title") : I18n.bind("reports.not-ready.title"));
            t.setId("reports-nothing-ready");
            List<Node> out = new ArrayList<>(List.of(t));
            out.addAll(pending(n.pending()));
            return out;
        } else if (s instanceof ReportsState.LimitReached l) {
            Label t = title(I18n.bind("reports.limit.title"));
            t.setId("reports-limit-reached");
            List<Node> out = new ArrayList<>(List.of(t));
            VBox list = new VBox(TARGET_GAP);
            for (ReportSummary r : l.reports()) {
                list.getChildren().add(atLimit(r));
            }
            out.add(list);
            out.addAll(pending(l.pending()));
            return out;
        } else if (s instanceof ReportsState.UnknownSpecimen) {
            Label t = title(I18n.bind("reports.unknown-specimen.title"));
            t.setId("reports-unknown-specimen");
            return List.of(t, wrapped(I18n.bind("reports.desk.advice"), "subtitle"));
        } else if (s instanceof ReportsState.Unavailable) {
            return unavailable();
        }
        return loading();
    }

    private List<Node> reports(ReportsState.Reports r) {
        List<Node> out = new ArrayList<>();
        out.add(title(r.specimenId() != null ? I18n.bind("reports.specimen.title", r.specimenId())
                : I18n.bind("reports.ready.title")));
        VBox list = new VBox(TARGET_GAP);
        for (ReportSummary report : r.ready()) {
            list.getChildren().add(report.printable() ? printable(report, r) : atLimit(report));
        }
        out.add(list);
        if (r.printerAvailable()) {
            Button print = primary("reports-print-button", I18n.bind("reports.print", r.selected().size()), vm()::print);
            print.setDisable(r.selected().isEmpty());
            out.add(print);
        } else {
            Label none = wrapped(I18n.bind("reports.no-printer"), "problem");
            none.setId("reports-no-printer");
            out.add(none);
        }
        out.addAll(pending(r.pending()));
        return out;
    }

    private Node printable(ReportSummary report, ReportsState.Reports r) {
        CheckBox pick = new CheckBox(title(report));
        pick.setId("report-" + report.id());
        pick.setSelected(r.selected().contains(report.id()));
        pick.setWrapText(true);
        pick.setOnAction(e -> vm().toggle(report.id()));
        return row(pick, issued(report.issued()));
    }

    private static Node atLimit(ReportSummary report) {
        Label name = plain(title(report), "card-title");
        Label desk = wrapped(I18n.bind("reports.at-limit"), "hint");
        desk.setId("report-at-limit-" + report.id());
        VBox text = new VBox(4, name, desk);
        HBox.setHgrow(text, Priority.ALWAYS);
        Node row = row(text, issued(report.issued()));
        row.setId("report-limit-" + report.id());
        return row;
    }

    private static HBox row(Node left, String right) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label when = plain(right, "hint");
        when.setWrapText(false);
        when.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(16, left, spacer, when);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("card");
        return row;
    }

    private static List<Node> pending(List<PendingReport> pending) {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<Node> out = new ArrayList<>();
        Label head = wrapped(I18n.bind("reports.pending.title"), "subtitle");
        head.setId("reports-pending-title");
        out.add(head);
        VBox list = new VBox(TARGET_GAP);
        for (PendingReport p : pending) {
            StringBinding when = p.expectedAt() == null ? I18n.bind("reports.pending.unknown")
                    : I18n.bind("reports.pending.expected", moment(p.expectedAt()));
            Label name = plain(local(p.title()), "card-title");
            Label expected = wrapped(when, "hint");
            expected.setId("pending-" + p.id());
            list.getChildren().add(new VBox(2, name, expected));
        }
        out.add(list);
        return out;
    }

    private List<Node> done(ReportsState.Done d) {
        List<Node> out = new ArrayList<>();
        Label t = title(d.allPrinted() ? I18n.bind("reports.done.title") : I18n.bind("reports.done.partly"));
        t.setId("reports-done-title");
        out.add(t);
        VBox list = new VBox(TARGET_GAP);
        for (ReportsState.ReportResult result : d.results()) {
            Label name = plain(title(result.report()), "card-title");
            Label outcome = wrapped(outcome(result.outcome()), result.outcome().printed() ? "subtitle" : "problem");
            outcome.setId("report-outcome-" + result.report().id());
            VBox box = new VBox(4, name, outcome);
            box.getStyleClass().add("card");
            list.getChildren().add(box);
        }
        out.add(list);
        if (d.printerProblem() != null) {
            Label problem = wrapped(I18n.bind("reports.printer-problem"), "problem");
            problem.setId("reports-printer-problem");
            out.add(problem);
        }
        if (d.results().stream().anyMatch(r -> r.outcome().printed())) {
            // Where to take them: the clinic of today's appointment; nothing here when there is none.
            kiosk.wayfindingAfterReports().ifPresent(w -> out.add(new WayfindingView(w)));
        }
        out.addAll(pending(d.pending()));
        return withFeedback(out);
    }

    private static StringBinding outcome(ReportsState.Outcome o) {
        switch (o) {
            case PRINTED:
                return I18n.bind("reports.outcome.printed");
            case PRINTED_LIMIT_REACHED:
                return I18n.bind("reports.outcome.printed-last");
            case LIMIT_REACHED:
                return I18n.bind("reports.at-limit");
            case NOT_PRINTED:
                return I18n.bind("reports.outcome.not-printed");
            case NOT_SENT:
                return I18n.bind("reports.outcome.not-sent");
            default:
                return I18n.bind("reports.outcome.no-document");
        }
    }

    private static String title(ReportSummary r) {
        String kind = r.kind() == ReportKind.IMAGING ? I18n.tr("reports.kind.imaging") : I18n.tr("reports.kind.lab");
        return I18n.tr("reports.report-title", local(r.title()), kind);
    }

    private static String issued(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofPattern(I18n.tr("format.date")).withLocale(I18n.locale())
                .format(at.atZone(ZoneId.systemDefault()));
    }

    private static String moment(Instant at) {
        return DateTimeFormatter.ofPattern(I18n.tr("format.date") + " HH:mm").withLocale(I18n.locale())
                .format(at.atZone(ZoneId.systemDefault()));
    }

    @Override
    Runnable back(ReportsState s) {
        return null;
    }
}
