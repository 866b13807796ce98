package org.medkiosk.app.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.viewmodel.RegistrationViewModel;
import org.medkiosk.hospital.Department;
import org.medkiosk.hospital.Doctor;
import org.medkiosk.hospital.Slot;
import org.medkiosk.journey.register.RegistrationState;

/** Registration: departments → doctors with a day strip → periods → confirm → scan → booked / refunded / not charged. */
final class RegistrationView extends JourneyView<RegistrationState> {

    RegistrationView(KioskViewModel kiosk, RegistrationViewModel model) {
        super(kiosk, model, "registration-screen");
    }

    private RegistrationViewModel vm() {
        return (RegistrationViewModel) model;
    }

    @Override
    List<Node> render(RegistrationState s) {
        if (s instanceof RegistrationState.Departments d) {
            return departments(d);
        } else if (s instanceof RegistrationState.Doctors d) {
            return doctors(d);
        } else if (s instanceof RegistrationState.Periods p) {
            return periods(p);
        } else if (s instanceof RegistrationState.Confirm c) {
            return confirm(c);
        } else if (s instanceof RegistrationState.Working w) {
            List<Node> out = new ArrayList<>(loading());
            out.set(1, title(w.step() == RegistrationState.Working.Step.HOLDING ? I18n.bind("register.working.holding")
                    : w.step() == RegistrationState.Working.Step.BOOKING ? I18n.bind("register.working.booking")
                    : I18n.bind("journey.loading")));
            return out;
        } else if (s instanceof RegistrationState.ScanCode scan) {
            List<Node> out = new ArrayList<>(scanCode(scan.fee().toString()));
            out.add(1, plain(local(scan.doctor().name()) + "  " + date(scan.slot().start().toLocalDate()) + " "
                    + time(scan.slot().start()) + "–" + time(scan.slot().end()), "subtitle"));
            return out;
        } else if (s instanceof RegistrationState.Paying p) {
            return paying(p.fee().toString(), p.secondsLeft());
        } else if (s instanceof RegistrationState.Booked b) {
            Label t = title(I18n.bind("register.booked.title"));
            t.setId("booked-title");
            List<Node> out = new ArrayList<>();
            out.add(t);
            out.add(plain(local(b.department().name()) + "  " + local(b.doctor().name()) + "  "
                    + date(b.appointment().start().toLocalDate()) + " " + time(b.appointment().start()), "subtitle"));
            Label where = wrapped(I18n.bind("register.booked.where", local(b.department().location())), "subtitle");
            where.setId("booked-where");
            // The clinic's floor, room and map replace the department's own words once the hospital names them.
            out.add(kiosk.wayfinding(b.appointment(), b.department())
                    .<Node>map(w -> new WayfindingView(w, where)).orElse(where));
            if (b.transactionNumber() != null) {
                out.add(transaction(b.transactionNumber()));
            }
            out.add(receipt(b.slip()));
            return withFeedback(out);
        } else if (s instanceof RegistrationState.Refunded r) {
            Label t = title(I18n.bind("register.refunded.title"));
            t.setId("refunded-title");
            return List.of(t, wrapped(I18n.bind("register.refunded.advice", r.fee().toString()), "subtitle"),
                    transaction(r.refundTransaction()), receipt(r.notice()));
        } else if (s instanceof RegistrationState.NotCharged no) {
            return notCharged(no.fee().toString(), no.outcome(), I18n.bind("register.not-charged.released"));
        } else if (s instanceof RegistrationState.Unsettled u) {
            return unsettled(u.fee().toString());
        } else if (s instanceof RegistrationState.Unavailable) {
            return unavailable();
        }
        return loading();
    }

    private List<Node> departments(RegistrationState.Departments d) {
        // Two columns whose buttons grow with their words: "Traditional Chinese Medicine" in large text wraps, whole.
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(TARGET_GAP);
        grid.setVgap(TARGET_GAP);
        for (int c = 0; c < 2; c++) {
            javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
            half.setPercentWidth(50);
            grid.getColumnConstraints().add(half);
        }
        int i = 0;
        for (Department dept : d.departments()) {
            Button b = choice("dept-" + dept.id(), local(dept.name()), () -> vm().chooseDepartment(dept.id()));
            b.setMinHeight(130);
            b.setMaxHeight(Double.MAX_VALUE);
            grid.add(b, i % 2, i / 2);
            i++;
        }
        return List.of(title(I18n.bind("register.departments.title")), grid);
    }

    private List<Node> doctors(RegistrationState.Doctors d) {
        List<Node> out = new ArrayList<>();
        out.add(title(I18n.bind("register.doctors.title", local(d.department().name()))));
        FlowPane days = new FlowPane(TARGET_GAP, TARGET_GAP);
        days.setAlignment(Pos.CENTER);
        for (LocalDate day : d.days()) {
            String text = day.equals(d.days().get(0)) ? I18n.tr("register.today") : date(day);
            Button b = choice("day-" + day, text, () -> vm().chooseDay(day));
            b.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            if (day.equals(d.day())) {
                b.getStyleClass().add("selected");
            }
            days.getChildren().add(b);
        }
        out.add(days);
        if (d.doctors().isEmpty()) {
            out.add(wrapped(I18n.bind("register.doctors.none"), "subtitle"));
        }
        VBox list = new VBox(TARGET_GAP);
        for (Doctor doc : d.doctors()) {
            Label name = plain(local(doc.name()) + "  " + local(doc.title()), "card-title");
            Label facts = new Label();
            facts.setWrapText(true);
            facts.textProperty().bind(doc.remainingToday() > 0
                    ? I18n.bind("register.doctor.facts", doc.fee().toString(), doc.remainingToday())
                    : I18n.bind("register.doctor.full", doc.fee().toString()));
            VBox text = new VBox(4, name, facts);
            // Wrapping labels inside a button's graphic give the button a content bias that JavaFX measures as a
            // very tall card; the lines are short, so they do not wrap and never shrink.
            name.setWrapText(false);
            facts.setWrapText(false);
            name.setMinWidth(Region.USE_PREF_SIZE);
            facts.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(20, photo(doc), text);
            row.setAlignment(Pos.CENTER_LEFT);
            Button b = new Button();
            b.setId("doctor-" + doc.id());
            b.getStyleClass().add("card-button");
            b.setGraphic(row);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setDisable(doc.remainingToday() <= 0);
            b.setOnAction(e -> vm().chooseDoctor(doc.id()));
            list.getChildren().add(b);
        }
        out.add(list);
        return out;
    }

    private static Node photo(Doctor doc) {
        if (doc.photoUrl() != null && doc.photoUrl().startsWith("http")) {
            try {
                ImageView view = new ImageView(new Image(doc.photoUrl(), 96, 96, true, true, true));
                view.setFitWidth(96);
                view.setFitHeight(96);
                return new StackPane(view);
            } catch (IllegalArgumentException e) {
                // fall through to the placeholder
            }
        }
        String initial = local(doc.name()).isEmpty() ? "?" : local(doc.name()).substring(0, 1);
        Label placeholder = new Label(initial);
        placeholder.getStyleClass().add("photo-placeholder");
        placeholder.setMinSize(96, 96);
        placeholder.setAlignment(Pos.CENTER);
        return placeholder;
    }

    private List<Node> periods(RegistrationState.Periods p) {
        List<Node> out = new ArrayList<>();
        out.add(title(I18n.bind("register.periods.title", local(p.doctor().name()), date(p.day()))));
        if (p.justTaken()) {
            Label taken = wrapped(I18n.bind("register.just-taken"), "problem");
            taken.setId("just-taken");
            out.add(taken);
        }
        if (p.slots().isEmpty()) {
            out.add(wrapped(I18n.bind("register.periods.none"), "subtitle"));
        }
        VBox list = new VBox(TARGET_GAP);
        for (Slot slot : p.slots()) {
            String period = slot.start().getHour() < 12 ? I18n.tr("register.morning") : I18n.tr("register.afternoon");
            Button b = choice("slot-" + slot.id(), period + "  " + time(slot.start()) + "–" + time(slot.end()) + "  "
                    + I18n.tr("register.slot.left", slot.remaining()), () -> vm().chooseSlot(slot.id()));
            list.getChildren().add(b);
        }
        out.add(list);
        return out;
    }

    private List<Node> confirm(RegistrationState.Confirm c) {
        Label what = plain(local(c.department().name()) + "  " + local(c.doctor().name()) + "  " + local(c.doctor().title()),
                "subtitle");
        Label when = plain(date(c.slot().start().toLocalDate()) + "  " + time(c.slot().start()) + "–" + time(c.slot().end()),
                "subtitle");
        Label fee = wrapped(I18n.bind("register.confirm.fee", c.slot().fee().toString()), "amount");
        fee.setId("confirm-fee");
        Button ok = primary("confirm-button", I18n.bind("register.confirm.button"), vm()::confirm);
        return List.of(title(I18n.bind("register.confirm.title")), what, when, fee, ok);
    }

    @Override
    Runnable back(RegistrationState s) {
        if (s instanceof RegistrationState.Doctors || s instanceof RegistrationState.Periods
                || s instanceof RegistrationState.Confirm || s instanceof RegistrationState.ScanCode) {
            return vm()::back;
        }
        return null;
    }
}
