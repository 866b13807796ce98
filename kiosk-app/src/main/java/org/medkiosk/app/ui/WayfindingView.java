package org.medkiosk.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.Service;
import org.medkiosk.app.viewmodel.WayfindingViewModel;
import org.medkiosk.hospital.HospitalPlace;

/**
 * Where to go next: the floor and room (or the clinic and its floor), worded for why the patient goes there, and the
 * floor map with the destination marked. Until the hospital names the place, the screen's {@code fallback} words (if
 * any) stand in its stead.
 */
final class WayfindingView extends VBox {
    private final WayfindingViewModel model;
    private final Node fallback;
    // Held here, registered weakly: a redraw builds a new view, and the old one must not live on in the model.
    private final ChangeListener<Optional<HospitalPlace>> onPlace = (o, was, now) -> show(now);

    WayfindingView(WayfindingViewModel model) {
        this(model, null);
    }

    WayfindingView(WayfindingViewModel model, Node fallback) {
        this.model = model;
        this.fallback = fallback;
        setId("wayfinding");
        setSpacing(12);
        setAlignment(Pos.CENTER);
        setFillWidth(true);
        model.placeProperty().addListener(new WeakChangeListener<>(onPlace));
        show(model.placeProperty().get());
    }

    private void show(Optional<HospitalPlace> place) {
        // Nothing to say takes no room: an empty box would still add the screen's spacing.
        boolean shown = place.isPresent() || fallback != null;
        setVisible(shown);
        setManaged(shown);
        if (place.isEmpty()) {
            if (fallback == null) {
                getChildren().clear();
            } else {
                getChildren().setAll(fallback);
            }
            return;
        }
        HospitalPlace p = place.get();
        List<Node> out = new ArrayList<>();
        Label where = JourneyView.wrapped(words(p), "amount");
        where.setId("wayfinding-place");
        out.add(where);
        if (model.purpose() == WayfindingViewModel.Purpose.APPOINTMENT && Service.CHECK_IN.available()) {
            // The kiosk checks patients in: said once here, so the patient knows the step before the clinic.
            Label checkIn = JourneyView.wrapped(I18n.bind("wayfinding.clinic.check-in"), "subtitle");
            checkIn.setId("wayfinding-check-in");
            out.add(checkIn);
        }
        out.add(FloorMapView.of(model.guidance(), p));
        getChildren().setAll(out);
    }

    private StringBinding words(HospitalPlace p) {
        switch (model.purpose()) {
            case APPOINTMENT:
                return model.day().isPresent()
                        ? I18n.bind("wayfinding.clinic.on-day", JourneyView.date(model.day().get()),
                                JourneyView.local(p.name()), location(p))
                        : I18n.bind("wayfinding.clinic.today", JourneyView.local(p.name()), location(p));
            case REPORTS:
                return I18n.bind("wayfinding.reports", JourneyView.local(p.name()), location(p));
            default:
                return I18n.bind("wayfinding.go", JourneyView.local(p.building()), p.floor(),
                        p.room().isEmpty() ? JourneyView.local(p.name()) : p.room());
        }
    }

    /** "门诊医技楼 2F 205" / "Outpatient Building, 2F, 205": the parts the hospital gave, none left blank. */
    private static String location(HospitalPlace p) {
        List<String> parts = new ArrayList<>();
        for (String s : new String[] {JourneyView.local(p.building()), p.floor(), p.room()}) {
            if (s != null && !s.isBlank()) {
                parts.add(s);
            }
        }
        if (parts.size() == 3) {
            return I18n.tr("wayfinding.where.three", parts.get(0), parts.get(1), parts.get(2));
        } else if (parts.size() == 2) {
            return I18n.tr("wayfinding.where.two", parts.get(0), parts.get(1));
        }
        return parts.isEmpty() ? "" : parts.get(0);
    }
}
