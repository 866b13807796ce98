package org.medkiosk.app.ui;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.viewmodel.HospitalInfoViewModel;
import org.medkiosk.app.viewmodel.HospitalInfoViewModel.State;
import org.medkiosk.hospital.DepartmentInfo;
import org.medkiosk.hospital.DoctorProfile;
import org.medkiosk.hospital.HospitalNotice;
import org.medkiosk.hospital.HospitalPlace;
import org.medkiosk.hospital.WeeklySession;

/**
 * Hospital information (医院信息): the departments (and the hospital's notices) → one department: what it treats,
 * where its clinic is, its doctors with their week. Renders the view model's state; every tap goes to it.
 */
final class HospitalInfoView extends VBox {
    private static final double PHOTO = 96;
    private final HospitalInfoViewModel model;
    private final VBox body = new VBox();
    private final HBox nav = new HBox();
    private final javafx.beans.InvalidationListener relabel = o -> refresh();

    HospitalInfoView(HospitalInfoViewModel model) {
        this.model = model;
        setId("hospital-info-screen");
        JourneyView.frame(this, body, nav);
        model.stateProperty().addListener((o, was, now) -> refresh());
        // The hospital's own words (names, introductions) follow the language too, so the screen is drawn again.
        I18n.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        refresh();
    }

    private void refresh() {
        State s = model.state();
        body.setId("hospital-info-" + s.getClass().getSimpleName().toLowerCase());
        body.getChildren().setAll(render(s));
        nav.getChildren().clear();
        if (model.canGoBack()) {
            nav.getChildren().add(JourneyView.secondary("back-button", I18n.bind("journey.back"), model::back));
        }
        nav.getChildren().add(JourneyView.secondary("home-button",
                I18n.bind(model.identified() ? I18n.key("journey.home") : I18n.key("guide.done")), model::leave));
    }

    private List<Node> render(State s) {
        if (s instanceof State.Departments d) {
            return departments(d);
        } else if (s instanceof State.Department d) {
            return department(d);
        } else if (s instanceof State.Notices n) {
            return notices(n);
        } else if (s instanceof State.Unavailable) {
            Label t = JourneyView.title(I18n.bind("hospital.unavailable.title"));
            t.setId("hospital-unavailable-title");
            Label advice = JourneyView.wrapped(I18n.bind("hospital.unavailable.advice"), "subtitle");
            advice.setId("hospital-unavailable-advice");
            return List.of(t, advice);
        }
        return JourneyView.loading();
    }

    private List<Node> departments(State.Departments d) {
        List<Node> out = new ArrayList<>();
        out.add(JourneyView.title(I18n.bind("hospital.title")));
        String notices = d.noticesToday().isPresent()
                ? I18n.tr("hospital.notices.open.count", d.noticesToday().getAsInt()) : I18n.tr("hospital.notices.open");
        javafx.scene.control.Button open = JourneyView.choice("hospital-notices", notices, model::openNotices);
        open.getStyleClass().add("selected"); // the notices stand out from the departments under them
        out.add(open);
        out.add(JourneyView.wrapped(I18n.bind("hospital.departments.hint"), "subtitle"));
        VBox choices = new VBox(JourneyView.TARGET_GAP);
        for (DepartmentInfo info : d.departments()) {
            String id = info.department().id();
            choices.getChildren().add(JourneyView.choice("hospital-department-" + id,
                    JourneyView.local(info.department().name()), () -> model.openDepartment(id)));
        }
        out.add(choices);
        return out;
    }

    private List<Node> department(State.Department d) {
        List<Node> out = new ArrayList<>();
        out.add(JourneyView.title(I18n.bind("hospital.department.title", JourneyView.local(d.info().department().name()))));
        String intro = JourneyView.local(d.info().introduction());
        if (!intro.isBlank()) {
            Label l = JourneyView.plain(intro, "subtitle");
            l.setId("hospital-department-intro");
            out.add(l);
        }
        String where = d.place().map(HospitalInfoView::where)
                .orElse(JourneyView.local(d.info().department().location()));
        Label place = where.isBlank() ? JourneyView.wrapped(I18n.bind("hospital.department.where.unknown"), "subtitle")
                : JourneyView.wrapped(I18n.bind("hospital.department.where", where), "card-title");
        place.setId("hospital-department-place");
        out.add(place);
        out.add(JourneyView.plain(I18n.tr("hospital.doctors.title"), "card-title"));
        if (d.doctors().isEmpty()) {
            Label none = JourneyView.wrapped(I18n.bind("hospital.doctors.none"), "subtitle");
            none.setId("hospital-doctors-none");
            out.add(none);
        }
        VBox list = new VBox(JourneyView.TARGET_GAP);
        for (DoctorProfile p : d.doctors()) {
            list.getChildren().add(doctor(p));
        }
        out.add(list);
        return out;
    }

    /** "门诊医技楼 2F 内科门诊（A区） 201": building, floor, the clinic's name, the room. */
    private static String where(HospitalPlace p) {
        return Stream.of(JourneyView.local(p.building()), p.floor(), JourneyView.local(p.name()), p.room())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("  "));
    }

    private static Node doctor(DoctorProfile p) {
        String id = p.doctor().id();
        Label name = JourneyView.plain(JourneyView.local(p.doctor().name()), "card-title");
        name.setId("hospital-doctor-name-" + id);
        Label title = JourneyView.plain(JourneyView.local(p.doctor().title()), "subtitle");
        title.setId("hospital-doctor-title-" + id);
        // Short lines beside the photo; the long ones go under it at the card's full width, so they wrap.
        for (Label l : new Label[] {name, title}) {
            l.setWrapText(false);
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        VBox who = new VBox(4, name, title);
        who.setAlignment(Pos.CENTER_LEFT);
        HBox top = new HBox(20, photo(p), who);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(10, top);
        String qualification = JourneyView.local(p.qualification());
        if (!qualification.isBlank()) {
            Label q = left(JourneyView.plain(I18n.tr("hospital.doctor.qualification", qualification), "subtitle"));
            q.setId("hospital-doctor-qualification-" + id);
            card.getChildren().add(q);
        }
        String specialty = JourneyView.local(p.specialty());
        if (!specialty.isBlank()) {
            Label sp = left(JourneyView.plain(I18n.tr("hospital.doctor.specialty", specialty), "subtitle"));
            sp.setId("hospital-doctor-specialty-" + id);
            card.getChildren().add(sp);
        }
        card.getChildren().addAll(JourneyView.plain(I18n.tr("hospital.doctor.week"), "card-title"), week(p));
        card.setId("hospital-doctor-" + id);
        card.getStyleClass().add("card");
        card.setAlignment(Pos.CENTER_LEFT);
        return card;
    }

    /** Monday to Sunday, one row a day: the half-days the doctor consults, or "no clinic". */
    private static Node week(DoctorProfile p) {
        GridPane grid = new GridPane();
        grid.setId("hospital-doctor-week-" + p.doctor().id());
        grid.setHgap(32);
        grid.setVgap(6);
        int row = 0;
        for (DayOfWeek day : DayOfWeek.values()) {
            List<String> periods = new ArrayList<>();
            for (WeeklySession s : p.week()) {
                if (s.day() == day) {
                    periods.add(JourneyView.local(s.period()));
                }
            }
            Label name = left(JourneyView.plain(day.getDisplayName(TextStyle.FULL, I18n.locale()), "subtitle"));
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label when = left(JourneyView.plain(periods.isEmpty() ? I18n.tr("hospital.week.off")
                    : String.join("  ", periods), "subtitle"));
            when.setId("hospital-doctor-session-" + p.doctor().id() + "-" + day.name().toLowerCase());
            grid.addRow(row++, name, when);
        }
        return grid;
    }

    /**
     * The doctor's photo, loaded in the background (never on the FX thread); the initial shows until it arrives,
     * and stays when there is none or it fails to load.
     */
    private static Node photo(DoctorProfile p) {
        String id = p.doctor().id();
        String name = JourneyView.local(p.doctor().name());
        Label placeholder = new Label(name.isEmpty() ? "?" : name.substring(0, 1));
        placeholder.setId("hospital-doctor-photo-placeholder-" + id);
        placeholder.getStyleClass().add("photo-placeholder");
        placeholder.setMinSize(PHOTO, PHOTO);
        placeholder.setMaxSize(PHOTO, PHOTO);
        placeholder.setAlignment(Pos.CENTER);
        StackPane frame = new StackPane(placeholder);
        frame.setId("hospital-doctor-photo-" + id);
        frame.setMinSize(PHOTO, PHOTO);
        frame.setMaxSize(PHOTO, PHOTO);
        String url = p.doctor().photoUrl();
        if (url != null && (url.startsWith("http:") || url.startsWith("https:") || url.startsWith("data:"))) {
            try {
                Image image = new Image(url, PHOTO, PHOTO, true, true, true);
                ImageView view = new ImageView(image);
                view.setId("hospital-doctor-photo-image-" + id);
                view.setFitWidth(PHOTO);
                view.setFitHeight(PHOTO);
                view.setPreserveRatio(true);
                view.setVisible(false);
                Runnable settle = () -> {
                    boolean shown = !image.isError() && image.getProgress() >= 1 && image.getWidth() > 0;
                    view.setVisible(shown);
                    placeholder.setVisible(!shown);
                };
                image.progressProperty().addListener(o -> settle.run());
                image.errorProperty().addListener(o -> settle.run());
                frame.getChildren().add(view);
                settle.run();
            } catch (IllegalArgumentException e) {
                // a URL JavaFX cannot read: the initial stays
            }
        }
        return frame;
    }

    /** Inside a card the lines read from the left edge, like a printed notice, not centred like a screen's hint. */
    private static Label left(Label l) {
        // Inline, since the stylesheet's .subtitle centres, and a stylesheet wins over a setter.
        l.setStyle("-fx-text-alignment: left; -fx-alignment: center-left;");
        return l;
    }

    private static List<Node> notices(State.Notices n) {
        List<Node> out = new ArrayList<>();
        out.add(JourneyView.title(I18n.bind("hospital.notices.title")));
        if (n.notices().isEmpty()) {
            Label none = JourneyView.wrapped(I18n.bind("hospital.notices.none"), "subtitle");
            none.setId("hospital-notices-none");
            out.add(none);
        }
        VBox list = new VBox(JourneyView.TARGET_GAP);
        for (HospitalNotice notice : n.notices()) {
            Label title = JourneyView.plain(JourneyView.local(notice.title()), "card-title");
            title.setId("hospital-notice-title-" + notice.id());
            VBox card = new VBox(8, title);
            String text = JourneyView.local(notice.text());
            if (!text.isBlank()) {
                Label t = left(JourneyView.plain(text, "subtitle"));
                t.setId("hospital-notice-text-" + notice.id());
                card.getChildren().add(t);
            }
            if (!LocalDate.MAX.equals(notice.to())) {
                card.getChildren().add(left(JourneyView.plain(I18n.tr("hospital.notice.until",
                        JourneyView.date(notice.to())), "subtitle")));
            }
            card.setId("hospital-notice-" + notice.id());
            card.getStyleClass().add("card");
            card.setAlignment(Pos.CENTER_LEFT);
            list.getChildren().add(card);
        }
        out.add(list);
        return out;
    }
}
