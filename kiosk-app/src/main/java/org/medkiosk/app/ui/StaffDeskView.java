package org.medkiosk.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.viewmodel.StaffDeskViewModel;
import org.medkiosk.app.viewmodel.StaffDeskViewModel.Field;
import org.medkiosk.app.viewmodel.StaffDeskViewModel.SearchWay;
import org.medkiosk.hospital.Patient;
import org.medkiosk.journey.assist.StaffDeskState;

/**
 * Nurse-assisted mode's desk, a thin view over {@link StaffDeskViewModel}: the sign-in pad (staff number and PIN, or
 * a staff card on the reader), then the patient search (three ways), and the people found to pick from. Rebuilt on
 * every state, so the results of one search never stay on screen for the next patient.
 */
final class StaffDeskView extends VBox {
    private final KioskViewModel vm;
    private final StaffDeskViewModel model;

    StaffDeskView(KioskViewModel vm, StaffDeskViewModel model) {
        this.vm = vm;
        this.model = model;
        setId("staff-desk");
        getStyleClass().add("screen");
        setAlignment(Pos.TOP_CENTER);
        setSpacing(20);
        model.stateProperty().addListener((o, was, now) -> render());
        model.wayProperty().addListener((o, was, now) -> render());
        render();
    }

    private void render() {
        marks.clear();
        StaffDeskState state = model.state();
        if (state instanceof StaffDeskState.SignIn signIn) {
            getChildren().setAll(signIn(signIn.problem(), false));
        } else if (state instanceof StaffDeskState.SigningIn) {
            getChildren().setAll(signIn(StaffDeskState.SignInProblem.NONE, true));
        } else if (state instanceof StaffDeskState.FindPatient find) {
            getChildren().setAll(search(find.problem(), false));
        } else if (state instanceof StaffDeskState.Searching) {
            getChildren().setAll(search(StaffDeskState.SearchProblem.NONE, true));
        } else if (state instanceof StaffDeskState.Found found) {
            getChildren().setAll(results(found.patients()));
        }
    }

    // ---- sign-in ------------------------------------------------------------------------------------------------

    private List<Node> signIn(StaffDeskState.SignInProblem problem, boolean busy) {
        List<Node> out = new ArrayList<>();
        out.add(title("staff-signin-title", I18n.key("staff.signin.title")));
        out.add(JourneyView.wrapped(I18n.bind("staff.signin.hint"), "subtitle"));
        out.add(field("staff-number-field", I18n.key("staff.signin.number"), null, model.staffNumberProperty(),
                Field.STAFF_NUMBER));
        out.add(field("staff-pin-field", I18n.key("staff.signin.pin"), model.pinDotsProperty(), null, Field.PIN));
        out.add(problemLine(switch (problem) {
            case NONE -> null;
            case NOT_RECOGNISED -> I18n.key("staff.signin.problem.not-recognised");
            case NOT_ALLOWED -> I18n.key("staff.signin.problem.not-allowed");
            case HOSPITAL_UNAVAILABLE -> I18n.key("staff.signin.problem.hospital-unavailable");
        }));
        if (busy) {
            out.add(busy(I18n.key("staff.signin.checking")));
        }
        out.add(keypad());
        Button back = JourneyView.secondary("staff-back", I18n.bind("staff.back"), model::leave);
        Button ok = JourneyView.primary("staff-signin-button", I18n.bind("staff.signin.button"), () -> {
            vm.touch();
            model.signIn();
        });
        ok.setDisable(busy);
        out.add(actions(back, ok));
        return out;
    }

    // ---- patient search -----------------------------------------------------------------------------------------

    private List<Node> search(StaffDeskState.SearchProblem problem, boolean busy) {
        List<Node> out = new ArrayList<>();
        out.add(signedIn());
        out.add(title("staff-search-title", I18n.key("staff.search.title")));
        out.add(JourneyView.wrapped(I18n.bind("staff.search.or-card"), "hint"));
        VBox ways = new VBox(20);
        ways.setId("staff-search-ways");
        ways.setFillWidth(true);
        for (SearchWay w : SearchWay.values()) {
            String key = switch (w) {
                case NAME_AND_BIRTH_DATE -> I18n.key("staff.search.way.name-and-birth-date");
                case PHONE -> I18n.key("staff.search.way.phone");
                case RECORD_NUMBER -> I18n.key("staff.search.way.record-number");
            };
            Button b = JourneyView.choice("staff-way-" + w.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    I18n.tr(key), () -> {
                        vm.touch();
                        model.chooseWay(w);
                    });
            b.textProperty().bind(I18n.bind(key));
            if (w == model.wayProperty().get()) {
                b.getStyleClass().add("selected");
            }
            ways.getChildren().add(b);
        }
        out.add(ways);
        switch (model.wayProperty().get()) {
            case NAME_AND_BIRTH_DATE -> {
                out.add(field("staff-search-name", I18n.key("staff.search.name"), null, model.nameProperty(), Field.NAME));
                out.add(JourneyView.wrapped(I18n.bind("staff.search.name-hint"), "hint"));
                out.add(field("staff-search-birth-date", I18n.key("staff.search.birth-date"), model.birthDateShown(), null,
                        Field.BIRTH_DATE));
            }
            case PHONE -> out.add(field("staff-search-phone", I18n.key("staff.search.phone"), null, model.phoneProperty(),
                    Field.PHONE));
            case RECORD_NUMBER -> out.add(field("staff-search-record-number", I18n.key("staff.search.record-number"), null,
                    model.recordNumberProperty(), Field.RECORD_NUMBER));
        }
        out.add(problemLine(switch (problem) {
            case NONE -> null;
            case NONE_FOUND -> I18n.key("staff.search.problem.none-found");
            case HOSPITAL_UNAVAILABLE -> I18n.key("staff.search.problem.hospital-unavailable");
        }));
        if (busy) {
            out.add(busy(I18n.key("staff.search.searching")));
        }
        out.add(keypad());
        Button signOut = JourneyView.secondary("staff-sign-out", I18n.bind("staff.sign-out"), model::leave);
        Button find = JourneyView.primary("staff-search-button", I18n.bind("staff.search.button"), () -> {
            vm.touch();
            model.search();
        });
        find.setDisable(busy);
        out.add(actions(signOut, find));
        return out;
    }

    private List<Node> results(List<Patient> patients) {
        List<Node> out = new ArrayList<>();
        out.add(signedIn());
        out.add(title("staff-results-title", I18n.key("staff.results.title")));
        out.add(JourneyView.wrapped(I18n.bind("staff.results.hint"), "hint"));
        VBox list = new VBox(20);
        list.setId("staff-results");
        list.setFillWidth(true);
        int i = 0;
        for (Patient p : patients) {
            Patient picked = p;
            // The masked name with what a nurse asks to be sure: sex, birth date and record number (never the ID).
            String line = I18n.tr("staff.results.row", p.maskedName(), I18n.tr(sexKey(p.sex())), p.birthDate() == null ? "—" : p.birthDate().toString(),
                    p.medicalRecordNumber() == null ? "—" : p.medicalRecordNumber());
            Button b = JourneyView.choice("staff-result-" + i++, line, () -> {
                vm.touch();
                model.pick(picked);
            });
            list.getChildren().add(b);
        }
        out.add(list);
        Button again = JourneyView.secondary("staff-new-search", I18n.bind("staff.results.new-search"), () -> {
            vm.touch();
            model.newSearch();
        });
        Button signOut = JourneyView.secondary("staff-sign-out", I18n.bind("staff.sign-out"), model::leave);
        out.add(actions(signOut, again));
        return out;
    }

    /** "Signed in: nurse 王芳 (200101)". */
    private Node signedIn() {
        Label who = JourneyView.wrapped(Bindings.createStringBinding(() -> model.staff()
                .map(s -> I18n.tr("staff.signed-in", ActingForBanner.staffWords(s))).orElse(""),
                I18n.localeProperty()), "subtitle");
        who.setId("staff-signed-in");
        return who;
    }

    private static String sexKey(org.medkiosk.hospital.Sex sex) {
        if (sex == org.medkiosk.hospital.Sex.MALE) {
            return I18n.key("staff.sex.male");
        }
        return sex == org.medkiosk.hospital.Sex.FEMALE ? I18n.key("staff.sex.female") : I18n.key("staff.sex.unknown");
    }

    // ---- building blocks ----------------------------------------------------------------------------------------

    private static Label title(String id, String key) {
        Label l = JourneyView.wrapped(I18n.bind(key), "title");
        l.setId(id);
        return l;
    }

    /**
     * A captioned field; tapping it makes it the keypad's. An editable field is bound both ways (a keyboard may type
     * too); the PIN's dots and the formatted birth date are shown one way: the keypad alone types them.
     */
    private VBox field(String id, String labelKey, ObservableValue<String> shown, StringProperty editable, Field which) {
        TextField f = new TextField();
        f.setId(id);
        f.setAccessibleText(I18n.tr(labelKey));
        f.setMaxWidth(960);
        if (editable != null) {
            f.textProperty().bindBidirectional(editable);
        } else {
            f.textProperty().bind(shown);
            f.setEditable(false);
        }
        Runnable mark = () -> {
            f.getStyleClass().remove("active-field");
            if (model.activeFieldProperty().get() == which) {
                f.getStyleClass().add("active-field");
            }
        };
        javafx.beans.value.ChangeListener<Field> onActive = (o, was, now) -> mark.run();
        marks.add(onActive); // held by the view: the model's property only holds it weakly
        model.activeFieldProperty().addListener(new javafx.beans.value.WeakChangeListener<>(onActive));
        mark.run();
        f.focusedProperty().addListener((o, was, now) -> {
            if (now) {
                model.activeFieldProperty().set(which);
            }
        });
        f.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            vm.touch();
            model.activeFieldProperty().set(which);
        });
        Label caption = JourneyView.wrapped(I18n.bind(labelKey), "field-caption");
        caption.setLabelFor(f);
        VBox box = new VBox(6, caption, f);
        box.setMaxWidth(960);
        return box;
    }

    private final List<javafx.beans.value.ChangeListener<Field>> marks = new ArrayList<>();

    private GridPane keypad() {
        GridPane keys = DigitPad.of("staff-key-", "staff-key-delete", I18n.bind("staff.key.delete"), d -> {
            vm.touch();
            model.digit(d);
        }, () -> {
            vm.touch();
            model.deleteDigit();
        });
        keys.setId("staff-keypad");
        return keys;
    }

    private static Label problemLine(String key) {
        Label l = JourneyView.wrapped(Bindings.createStringBinding(() -> key == null ? "" : I18n.tr(key),
                I18n.localeProperty()), "problem");
        l.setId("staff-problem");
        l.setVisible(key != null);
        l.setManaged(key != null);
        return l;
    }

    private Label inputProblem() {
        Label l = JourneyView.wrapped(Bindings.createStringBinding(() -> model.inputProblemProperty().get() == null
                ? "" : I18n.tr(model.inputProblemProperty().get()), model.inputProblemProperty(), I18n.localeProperty()),
                "problem");
        l.setId("staff-input-problem");
        l.visibleProperty().bind(model.inputProblemProperty().isNotNull());
        l.managedProperty().bind(model.inputProblemProperty().isNotNull());
        return l;
    }

    private static Node busy(String key) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(80, 80);
        Label words = JourneyView.wrapped(I18n.bind(key), "hint");
        HBox row = new HBox(16, spinner, words);
        row.setAlignment(Pos.CENTER);
        return row;
    }

    private HBox actions(Button left, Button right) {
        HBox row = new HBox(20, left, right);
        row.setAlignment(Pos.CENTER);
        VBox box = new VBox(12, inputProblem(), row);
        box.setAlignment(Pos.CENTER);
        HBox outer = new HBox(box);
        outer.setAlignment(Pos.CENTER);
        return outer;
    }
}
