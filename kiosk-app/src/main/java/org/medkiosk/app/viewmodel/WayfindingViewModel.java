package org.medkiosk.app.viewmodel;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.medkiosk.hospital.HospitalPlace;
import org.medkiosk.hospital.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where to go after check-in: the hospital's place for the queue ticket's room (floor, room, floor map), looked up in
 * the background. Empty while looking and when the hospital names no such place: the ticket's words stand alone.
 */
public final class WayfindingViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(WayfindingViewModel.class);

    private final Guidance guidance;
    private final SimpleObjectProperty<Optional<HospitalPlace>> place = new SimpleObjectProperty<>(Optional.empty());

    public WayfindingViewModel(Guidance guidance, LocalizedText room) {
        this.guidance = guidance;
        guidance.guide().ifPresent(g -> {
            try {
                guidance.tasks().background().execute(() -> {
                    try {
                        Optional<HospitalPlace> found = match(g.places(), room);
                        guidance.tasks().ui().execute(() -> place.set(found));
                    } catch (RuntimeException e) {
                        LOG.warn("the hospital's places could not be read: {}", e.getClass().getSimpleName());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.info("wayfinding not looked up: the kiosk is closing");
            }
        });
    }

    public ReadOnlyObjectProperty<Optional<HospitalPlace>> placeProperty() {
        return place;
    }

    public Guidance guidance() {
        return guidance;
    }

    /** The place whose room or name is the ticket's room ("101诊室" / "Room 101" / "101"). */
    static Optional<HospitalPlace> match(List<HospitalPlace> places, LocalizedText room) {
        if (room == null) {
            return Optional.empty();
        }
        for (HospitalPlace p : places) {
            if (p.name().zh().equals(room.zh()) || p.name().en().equals(room.en())
                    || !p.room().isEmpty() && (p.room().equals(room.zh()) || p.room().equals(room.en())
                    || ("Room " + p.room()).equals(room.en()) || (p.room() + "诊室").equals(room.zh()))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
