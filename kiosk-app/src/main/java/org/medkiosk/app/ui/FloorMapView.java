package org.medkiosk.app.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.viewmodel.Guidance;
import org.medkiosk.hospital.HospitalPlace;

/**
 * A floor map with the destination marked: the configured image of the place's floor (wayfinding.map.F1…), or, when
 * none is configured, a drawn schematic (the floor's outline, the destination's dot and room), captioned as such.
 */
final class FloorMapView {
    static final double WIDTH = 560;
    static final double HEIGHT = 320;

    private FloorMapView() {
    }

    static Node of(Guidance guidance, HospitalPlace place) {
        Pane map = new Pane();
        map.setId("floor-map");
        map.setPrefSize(WIDTH, HEIGHT);
        map.setMinSize(WIDTH, HEIGHT);
        map.setMaxSize(WIDTH, HEIGHT);
        java.util.Optional<java.nio.file.Path> image = place.mapId().flatMap(guidance::floorMap);
        Label caption;
        if (image.isPresent()) {
            // Loaded in the background by JavaFX itself: the FX thread never waits on the disk.
            ImageView view = new ImageView(new Image(image.get().toUri().toString(), WIDTH, HEIGHT, false, true, true));
            view.setId("floor-map-image");
            map.getChildren().add(view);
            caption = JourneyView.wrapped(I18n.bind("wayfinding.map.caption", place.floor()), "hint");
        } else {
            Rectangle outline = new Rectangle(4, 4, WIDTH - 8, HEIGHT - 8);
            outline.getStyleClass().add("floor-outline");
            outline.setId("floor-map-schematic");
            map.getChildren().add(outline);
            caption = JourneyView.wrapped(I18n.bind("wayfinding.map.schematic", place.floor()), "hint");
        }
        double x = 4 + place.mapX() * (WIDTH - 8);
        double y = 4 + place.mapY() * (HEIGHT - 8);
        Circle marker = new Circle(x, y, 14);
        marker.setId("floor-map-marker");
        marker.getStyleClass().add("floor-marker");
        Label room = new Label(place.room().isEmpty() ? JourneyView.local(place.name()) : place.room());
        room.setId("floor-map-room");
        room.getStyleClass().add("floor-room");
        // Beside the marker, on whichever side has room for the words: a label over the dot hides where to go. A name
        // (an area has no room number) may be wider than that side in large text: it wraps there, or, when neither
        // side leaves a useful width, goes under the dot (over it near the map's foot), across the map.
        double right = WIDTH - 4 - (x + 20);
        double left = x - 20 - 4;
        boolean across = Math.max(right, left) < WIDTH / 3;
        room.setWrapText(true);
        room.setMaxWidth(across ? WIDTH - 8 : Math.max(right, left));
        room.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        room.layoutXProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double w = room.getWidth();
            if (across) {
                return Math.max(4, Math.min(WIDTH - 4 - w, x - w / 2));
            }
            return x + 20 + w <= WIDTH - 4 ? x + 20 : Math.max(4, x - 20 - w);
        }, room.widthProperty()));
        room.layoutYProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double h = room.getHeight();
            if (across) {
                return y + 20 + h <= HEIGHT - 4 ? y + 20 : Math.max(4, y - 20 - h);
            }
            return Math.min(HEIGHT - 4 - h, Math.max(4, y - h / 2));
        }, room.heightProperty()));
        map.getChildren().addAll(marker, room);
        caption.setId("floor-map-caption");
        VBox box = new VBox(8, map, caption);
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
