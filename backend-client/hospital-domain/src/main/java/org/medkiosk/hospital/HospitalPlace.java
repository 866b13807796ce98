package org.medkiosk.hospital;

import java.util.Objects;
import java.util.Optional;

/**
 * Somewhere a patient can be sent (a clinic, the laboratory, a cashier window), as the wayfinding screen shows it.
 * {@code floor} is the label on the lift buttons ("1F", "B1"), {@code room} the number on the door (may be empty for
 * an area). {@code mapX}/{@code mapY} are the destination's position on the floor map {@code mapId}, as fractions
 * (0..1) of the map's width and height from its top-left corner; meaningless when there is no map.
 */
public record HospitalPlace(
        String id,
        LocalizedText name,
        LocalizedText building,
        String floor,
        String room,
        Optional<String> mapId,
        double mapX,
        double mapY) {
    public HospitalPlace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        building = building == null ? LocalizedText.same("") : building;
        floor = floor == null ? "" : floor;
        room = room == null ? "" : room;
        mapId = mapId == null ? Optional.empty() : mapId;
        if (!(mapX >= 0 && mapX <= 1 && mapY >= 0 && mapY <= 1)) {
            throw new IllegalArgumentException("map position must be within 0..1: " + mapX + "," + mapY);
        }
    }
}
