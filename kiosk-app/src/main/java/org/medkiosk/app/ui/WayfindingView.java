package org.medkiosk.app.ui;

import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.viewmodel.WayfindingViewModel;
import org.medkiosk.hospital.HospitalPlace;

/** After check-in: which floor and room to go to, and the floor map with the room marked. */
final class WayfindingView extends VBox {
    private final WayfindingViewModel model;

    WayfindingView(WayfindingViewModel model) {
        this.model = model;
        setId("wayfinding");
        setSpacing(12);
        setAlignment(Pos.CENTER);
        model.placeProperty().addListener((o, was, now) -> show(now));
        show(model.placeProperty().get());
    }

    private void show(Optional<HospitalPlace> place) {
        if (place.isEmpty()) {
            getChildren().clear();
            return;
        }
        HospitalPlace p = place.get();
        Label where = JourneyView.wrapped(I18n.bind("wayfinding.go", JourneyView.local(p.building()), p.floor(),
                p.room().isEmpty() ? JourneyView.local(p.name()) : p.room()), "amount");
        where.setId("wayfinding-place");
        getChildren().setAll(where, FloorMapView.of(model.guidance(), p));
    }
}
