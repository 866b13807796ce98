package org.medkiosk.app.ui;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.device.idcard.DemoCards;
import org.medkiosk.device.idcard.SamReaderSimulator;
import org.medkiosk.device.idcard.SimulatedFault;

/**
 * The demo's second window: puts simulated cards on the simulated SAM reader (which then answers the real
 * driver in real protocol bytes) and switches fault modes on, so every branch can be shown to a hospital.
 */
public final class SimulatorPanel {
    private final SamReaderSimulator idCardReader;

    public SimulatorPanel(SamReaderSimulator idCardReader) {
        this.idCardReader = idCardReader;
    }

    public void show(Stage owner) {
        VBox cards = new VBox(6);
        for (DemoCards.DemoCard demo : DemoCards.all()) {
            Label who = new Label(demo.label());
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Button insert = new Button();
            insert.setId("sim-insert-" + demo.rosterNumber());
            insert.textProperty().bind(I18n.bind("sim.insert"));
            insert.setOnAction(e -> idCardReader.insert(demo.card()));
            HBox row = new HBox(8, who, spacer, insert);
            cards.getChildren().add(row);
        }
        Button remove = new Button();
        remove.textProperty().bind(I18n.bind("sim.remove"));
        remove.setOnAction(e -> idCardReader.remove());
        cards.getChildren().add(remove);

        VBox faults = new VBox(4);
        for (SimulatedFault fault : SimulatedFault.values()) {
            CheckBox box = new CheckBox(fault.name().toLowerCase().replace('_', ' '));
            box.selectedProperty().addListener((o, was, on) -> {
                if (on) {
                    idCardReader.enable(fault);
                } else {
                    idCardReader.disable(fault);
                }
            });
            faults.getChildren().add(box);
        }

        TitledPane cardPane = new TitledPane();
        cardPane.textProperty().bind(I18n.bind("sim.idcard"));
        cardPane.setContent(cards);
        TitledPane faultPane = new TitledPane();
        faultPane.textProperty().bind(I18n.bind("sim.faults"));
        faultPane.setContent(faults);
        faultPane.setExpanded(false);

        Label hint = new Label();
        hint.setWrapText(true);
        hint.textProperty().bind(I18n.bind("sim.hint"));
        VBox root = new VBox(10, hint, cardPane, faultPane);
        root.setPadding(new Insets(12));
        Stage stage = new Stage();
        stage.titleProperty().bind(I18n.bind("sim.title"));
        stage.setScene(new Scene(new ScrollPane(root), 520, 760));
        var bounds = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setX(Math.max(bounds.getMinX(), bounds.getMaxX() - 540));
        stage.setY(bounds.getMinY() + 20);
        stage.show();
    }
}
