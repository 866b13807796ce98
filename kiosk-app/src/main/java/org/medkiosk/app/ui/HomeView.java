package org.medkiosk.app.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskScreen;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.session.Service;
import org.medkiosk.journey.home.PendingTask;

/**
 * The patient's home: a greeting with the masked name, the likely task as one big card ("09:30 Internal medicine —
 * check in"), then a tile per service with an icon and a short line. The tiles share the height left, so the
 * portrait screen is filled, not a band in the middle.
 */
final class HomeView extends VBox {
    /** Held so the weak listener on the view model lives as long as this view. */
    private javafx.beans.InvalidationListener relayOut;
    private javafx.beans.InvalidationListener reshowTask;

    HomeView(KioskViewModel vm, KioskScreen.Home home, boolean portrait) {
        getStyleClass().add("screen");
        setId("home-screen");
        Label greeting = new Label();
        greeting.setId("greeting");
        greeting.getStyleClass().add("title");
        greeting.setWrapText(true);
        greeting.textProperty().bind(I18n.bind("home.greeting", home.maskedName()));
        VBox task = new VBox();
        getChildren().addAll(greeting, task);

        Label prompt = new Label();
        prompt.getStyleClass().add("subtitle");
        prompt.setWrapText(true);
        // The card arrives when the hospital answers; it is put in place without rebuilding the screen.
        Runnable showTask = () -> {
            var pending = vm.pendingTaskProperty().get();
            task.getChildren().setAll(pending.map(t -> java.util.List.<javafx.scene.Node>of(taskCard(vm, t)))
                    .orElse(java.util.List.of()));
            prompt.textProperty().bind(I18n.bind(pending.isPresent() ? I18n.key("home.prompt.other") : I18n.key("home.prompt")));
        };
        showTask.run();
        vm.pendingTaskProperty().addListener(new javafx.beans.WeakInvalidationListener(reshowTask = o -> showTask.run()));

        // Normal text: a grid of tiles (icon above the words). Large text: one wide row per service (icon beside the
        // words), so the larger words still fit on their lines. Rebuilt when the patient switches text size.
        VBox tiles = new VBox();
        Runnable layOut = () -> tiles.getChildren().setAll(tileGrid(vm, home, portrait, vm.largeTextProperty().get()));
        layOut.run();
        vm.largeTextProperty().addListener(new javafx.beans.WeakInvalidationListener(relayOut = o -> layOut.run()));
        VBox.setVgrow(tiles, Priority.ALWAYS);

        Button finish = new Button();
        finish.setId("finish-button");
        finish.getStyleClass().add("secondary-button");
        finish.textProperty().bind(I18n.bind("home.finish"));
        finish.setOnAction(e -> vm.endSession());

        getChildren().addAll(prompt, tiles, finish);
    }

    private static GridPane tileGrid(KioskViewModel vm, KioskScreen.Home home, boolean portrait, boolean large) {
        int columns = large ? (portrait ? 1 : 2) : (portrait ? 2 : 4);
        GridPane tiles = new GridPane();
        tiles.setHgap(24);
        tiles.setVgap(24);
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            tiles.getColumnConstraints().add(cc);
        }
        int rows = (home.services().size() + columns - 1) / columns;
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setVgrow(Priority.ALWAYS);
            tiles.getRowConstraints().add(rc);
        }
        int i = 0;
        for (Service service : home.services()) {
            tiles.add(tile(vm, service, large), i % columns, i / columns);
            i++;
        }
        VBox.setVgrow(tiles, Priority.ALWAYS);
        return tiles;
    }

    private static Button tile(KioskViewModel vm, Service service, boolean row) {
        Label title = new Label();
        title.getStyleClass().add("tile-title");
        title.setWrapText(true);
        title.textProperty().bind(I18n.bind(service.titleKey()));
        Label line = new Label();
        line.getStyleClass().add("tile-line");
        line.setWrapText(true);
        line.textProperty().bind(service.available() ? I18n.bind(service.lineKey())
                : I18n.bind("home.service.coming-soon"));
        javafx.scene.layout.Pane content;
        if (row) {
            title.setWrapText(false);
            line.setWrapText(false);
            VBox words = new VBox(4, title, line);
            words.setAlignment(Pos.CENTER_LEFT);
            HBox r = new HBox(32, icon(iconOf(service), "tile-icon"), words);
            r.setAlignment(Pos.CENTER_LEFT);
            content = r;
        } else {
            VBox v = new VBox(8, icon(iconOf(service), "tile-icon"), title, line);
            v.setAlignment(Pos.CENTER);
            v.setFillWidth(true);
            content = v;
        }
        Button tile = new Button();
        tile.setId("service-" + service.name().toLowerCase().replace('_', '-'));
        tile.getStyleClass().add("service-tile");
        if (row) {
            tile.getStyleClass().add("service-row");
            tile.setAlignment(Pos.CENTER_LEFT);
        }
        tile.setGraphic(content);
        // The button's own text is what a screen reader or the voice says; the graphic shows it.
        tile.textProperty().bind(title.textProperty());
        tile.setDisable(!service.available());
        if (service == Service.GUIDE) {
            // Unavailable until the rules passed the check against the hospital's departments (and if they failed).
            tile.disableProperty().bind(vm.guideAvailableProperty().not());
            line.textProperty().bind(Bindings.createStringBinding(() -> vm.guideAvailableProperty().get()
                    ? I18n.tr(service.lineKey()) : I18n.tr("guide.unavailable"),
                    vm.guideAvailableProperty(), I18n.localeProperty()));
        }
        tile.setOnAction(e -> vm.openService(service));
        tile.setMaxWidth(Double.MAX_VALUE);
        tile.setMaxHeight(Double.MAX_VALUE);
        GridPane.setFillWidth(tile, true);
        GridPane.setFillHeight(tile, true);
        return tile;
    }

    /** The one-tap card for the likely task; what it says comes from the hospital's answer, never a name. */
    private static Button taskCard(KioskViewModel vm, PendingTask task) {
        StringBinding what;
        StringBinding action;
        String icon;
        if (task instanceof PendingTask.CheckIn checkIn) {
            var a = checkIn.appointment();
            what = Bindings.createStringBinding(() -> I18n.tr("home.task.check-in", JourneyView.time(a.start()),
                    JourneyView.local(a.departmentName()), JourneyView.local(a.doctorName())), I18n.localeProperty());
            action = I18n.bind("home.task.check-in.action");
            icon = Icons.CHECK;
        } else if (task instanceof PendingTask.PayBills bills) {
            what = I18n.bind("home.task.pay", bills.invoices(), bills.total().toString());
            action = I18n.bind("home.task.pay.action");
            icon = Icons.YUAN;
        } else {
            what = I18n.bind("home.task.reports", ((PendingTask.CollectReports) task).reports());
            action = I18n.bind("home.task.reports.action");
            icon = Icons.PRINTER;
        }
        Button card = new Button();
        card.setId("task-card");
        card.getStyleClass().add("task-card");
        // Its own wrapped text, not labels in a graphic: a Labeled wraps at its real width and keeps every word.
        card.textProperty().bind(Bindings.createStringBinding(() -> what.get() + "  →  " + action.get(),
                what, action));
        card.setWrapText(true);
        card.setGraphic(icon(icon, "tile-icon"));
        card.setGraphicTextGap(24);
        card.setMaxWidth(Double.MAX_VALUE);
        card.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.setOnAction(e -> vm.openPendingTask());
        return card;
    }

    /** A signpost: a pole with two arrow boards (which way to go). */
    static final String SIGNPOST = "M22 4 h4 v40 h-4 z M8 8 h26 l6 5 l-6 5 h-26 z M40 22 h-26 l-6 5 l6 5 h26 z";
    /** A price tag with its hole. */
    private static final String PRICE_TAG = "M4 24 l20 -20 h18 a2 2 0 0 1 2 2 v18 l-20 20 z M34 10 a4 4 0 1 0 0.01 0 z";

    /** A hospital building with a cross over its door. */
    private static final String HOSPITAL = "M6 44 v-30 h36 v30 z M20 44 v-10 h8 v10 z M21 18 h6 v5 h5 v6 h-5 v5 h-6 v-5 h-5 v-6 h5 z";

    static Node icon(String path, String styleClass) {
        return Icons.glyph(path, styleClass, 1.4, 72);
    }

    private static String iconOf(Service service) {
        return switch (service) {
            case REGISTER -> Icons.REGISTER;
            case MY_BOOKINGS -> Icons.CALENDAR;
            case CHECK_IN -> Icons.CHECK;
            case PAY -> Icons.YUAN;
            case TOP_UP -> Icons.TOP_UP;
            case PRINT_REPORTS -> Icons.PRINTER;
            case QUERIES -> Icons.SEARCH;
            case GUIDE -> SIGNPOST;
            case PRICES -> PRICE_TAG;
            case HOSPITAL_INFO -> HOSPITAL;
        };
    }
}
