package org.medkiosk.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.viewmodel.GuideViewModel;
import org.medkiosk.hospital.HospitalPlace;
import org.medkiosk.journey.guide.AgeGroup;
import org.medkiosk.journey.guide.BodyRegion;
import org.medkiosk.journey.guide.GuideState;
import org.medkiosk.journey.guide.Suggestion;
import org.medkiosk.journey.guide.Symptom;

/**
 * The department guide (导诊): age group → where it hurts → symptoms (red flags first, each one tap from the
 * emergency screen) → departments with today's numbers left. Renders the guide's state; every tap goes to the view
 * model. Never a diagnosis: only where to go and how urgently.
 */
final class GuideView extends VBox {
    private final GuideViewModel model;
    private final VBox body = new VBox();
    private final HBox nav = new HBox();
    private final javafx.beans.InvalidationListener relabel = o -> refresh();

    GuideView(GuideViewModel model) {
        this.model = model;
        setId("guide-screen");
        JourneyView.frame(this, body, nav);
        model.stateProperty().addListener((o, was, now) -> refresh());
        I18n.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        refresh();
    }

    private void refresh() {
        GuideState s = model.state();
        body.setId("guide-" + s.getClass().getSimpleName().toLowerCase());
        body.getChildren().setAll(render(s));
        nav.getChildren().clear();
        if (!(s instanceof GuideState.ChooseAgeGroup)) {
            nav.getChildren().add(JourneyView.secondary("back-button", I18n.bind("journey.back"), model::back));
        }
        nav.getChildren().add(JourneyView.secondary("home-button",
                I18n.bind(model.identified() ? I18n.key("journey.home") : I18n.key("guide.done")), model::leave));
    }

    private List<Node> render(GuideState s) {
        if (s instanceof GuideState.ChooseAgeGroup) {
            List<Node> out = new ArrayList<>(List.of(JourneyView.title(I18n.bind("guide.age.title")),
                    JourneyView.wrapped(I18n.bind("guide.age.hint"), "subtitle")));
            VBox choices = new VBox(JourneyView.TARGET_GAP);
            for (AgeGroup a : AgeGroup.values()) {
                choices.getChildren().add(JourneyView.choice("guide-age-" + a.name().toLowerCase(),
                        JourneyView.local(model.rules().ageGroups().get(a)), () -> model.ageGroup(a)));
            }
            out.add(choices);
            return out;
        } else if (s instanceof GuideState.ChooseRegion) {
            List<Node> out = new ArrayList<>(List.of(JourneyView.title(I18n.bind("guide.region.title")),
                    JourneyView.wrapped(I18n.bind("guide.body.hint"), "subtitle")));
            VBox choices = new VBox(JourneyView.TARGET_GAP);
            choices.getStyleClass().add("region-list");
            for (BodyRegion r : model.rules().regions().keySet()) {
                choices.getChildren().add(JourneyView.choice("guide-region-" + r.name().toLowerCase().replace('_', '-'),
                        JourneyView.local(model.rules().regions().get(r)), () -> model.region(r)));
            }
            // The figure beside the list, not above it: with large text the list alone is most of the panel's height.
            // The list takes what width is left; it is the accessible path and names SKIN and WHOLE_BODY.
            choices.setMinWidth(0);
            HBox.setHgrow(choices, Priority.ALWAYS);
            HBox both = new HBox(JourneyView.TARGET_GAP, new BodyOutline(model.rules().regions(), model::region), choices);
            both.setId("guide-region-choices");
            both.setAlignment(Pos.TOP_CENTER);
            out.add(both);
            return out;
        } else if (s instanceof GuideState.ChooseSymptoms symptoms) {
            return symptoms(symptoms);
        } else if (s instanceof GuideState.GoToEmergency emergency) {
            return emergency(emergency);
        } else if (s instanceof GuideState.Suggestions suggestions) {
            return suggestions(suggestions);
        }
        Label t = JourneyView.title(I18n.bind("guide.none.title"));
        t.setId("guide-none-title");
        return List.of(t, JourneyView.wrapped(I18n.bind("guide.none.advice"), "subtitle"));
    }

    private List<Node> symptoms(GuideState.ChooseSymptoms s) {
        List<Node> out = new ArrayList<>(List.of(JourneyView.title(I18n.bind("guide.symptoms.title")),
                JourneyView.wrapped(I18n.bind("guide.symptoms.hint"), "subtitle")));
        VBox urgent = new VBox(JourneyView.TARGET_GAP);
        VBox ordinary = new VBox(JourneyView.TARGET_GAP);
        for (Symptom symptom : s.offered()) {
            boolean chosen = s.chosen().contains(symptom.id());
            String text = (symptom.redFlag() ? "\u26A0 " : chosen ? "\u2713 " : "") + JourneyView.local(symptom.text());
            Button b = JourneyView.choice("guide-symptom-" + symptom.id(), text, () -> model.toggleSymptom(symptom.id()));
            if (symptom.redFlag()) {
                b.getStyleClass().add("red-flag");
                urgent.getChildren().add(b);
            } else {
                if (chosen) {
                    b.getStyleClass().add("selected");
                }
                ordinary.getChildren().add(b);
            }
        }
        if (!urgent.getChildren().isEmpty()) {
            Label heading = JourneyView.wrapped(I18n.bind("guide.symptoms.urgent"), "problem");
            heading.setId("guide-urgent-heading");
            out.add(heading);
            out.add(urgent);
        }
        if (!ordinary.getChildren().isEmpty()) {
            out.add(JourneyView.wrapped(I18n.bind("guide.symptoms.other"), "subtitle"));
            out.add(ordinary);
            Button next = JourneyView.primary("guide-suggest", I18n.bind("guide.symptoms.next"), model::suggest);
            next.setDisable(s.chosen().isEmpty());
            out.add(next);
        }
        return out;
    }

    /** Full screen: go now, why (urgency only), and where the emergency department is. */
    private List<Node> emergency(GuideState.GoToEmergency e) {
        Label icon = JourneyView.plain("\u26A0", "notice-icon");
        Label t = JourneyView.title(I18n.bind("guide.emergency.title"));
        t.setId("emergency-title");
        Label why = JourneyView.plain(JourneyView.local(e.reason()), "problem");
        why.setId("emergency-reason");
        List<Node> out = new ArrayList<>(List.of(icon, t, why));
        java.util.Optional<HospitalPlace> place = model.emergencyDepartment();
        if (place.isPresent()) {
            HospitalPlace p = place.get();
            Label where = JourneyView.wrapped(I18n.bind("guide.emergency.where", JourneyView.local(p.building()),
                    p.floor(), p.room().isEmpty() ? JourneyView.local(p.name()) : p.room()), "amount");
            where.setId("emergency-place");
            out.add(where);
            out.add(FloorMapView.of(model.guidance(), p));
        } else if (e.directions().isPresent()) {
            Label where = JourneyView.plain(JourneyView.local(e.directions().get()), "amount");
            where.setId("emergency-place");
            out.add(where);
        } else {
            Label where = JourneyView.wrapped(I18n.bind("guide.emergency.ask"), "amount");
            where.setId("emergency-place");
            out.add(where);
        }
        out.add(JourneyView.wrapped(I18n.bind("guide.emergency.help"), "subtitle"));
        return out;
    }

    private List<Node> suggestions(GuideState.Suggestions s) {
        List<Node> out = new ArrayList<>(List.of(JourneyView.title(I18n.bind("guide.suggestions.title")),
                JourneyView.wrapped(I18n.bind("guide.suggestions.hint"), "subtitle")));
        for (Suggestion d : s.departments()) {
            String code = d.departmentCode();
            String name = model.departmentName(code).map(JourneyView::local).orElse(code);
            Label title = JourneyView.plain(name, "card-title");
            Label reason = JourneyView.plain(JourneyView.local(d.reason()), "subtitle");
            Label left = JourneyView.wrapped(d.numbersLeftToday().isPresent()
                    ? I18n.bind("guide.suggestions.left", Integer.toString(d.numbersLeftToday().getAsInt()))
                    : I18n.bind("guide.suggestions.counting"), "subtitle");
            left.setId("guide-left-" + code);
            VBox card = new VBox(8, title, reason, left);
            card.setId("guide-suggestion-" + code);
            card.getStyleClass().add("card");
            card.setAlignment(Pos.CENTER);
            if (model.identified()) {
                card.getChildren().add(JourneyView.primary("guide-register-" + code,
                        I18n.bind("guide.suggestions.register"), () -> model.register(code)));
            } else {
                Label identify = JourneyView.wrapped(I18n.bind("guide.suggestions.identify"), "hint");
                identify.setId("guide-identify-" + code);
                card.getChildren().add(identify);
            }
            out.add(card);
        }
        if (!model.identified()) {
            out.add(JourneyView.wrapped(I18n.bind("notice.identify.advice"), "subtitle"));
        }
        return out;
    }
}
