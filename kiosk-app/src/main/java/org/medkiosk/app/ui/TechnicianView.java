package org.medkiosk.app.ui;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.viewmodel.TechnicianViewModel;

/**
 * Technician mode, a thin view over {@link TechnicianViewModel}: the PIN pad (digits shown as dots), then the
 * technician screen: devices (health, settings, serial ports, receipt printer test), journal (open intents and
 * receipts, settle now), exit and back to the lobby. Rebuilt when the stage changes.
 */
final class TechnicianView extends VBox {
    private final KioskViewModel vm;
    private final TechnicianViewModel model;

    TechnicianView(KioskViewModel vm, TechnicianViewModel model) {
        this.vm = vm;
        this.model = model;
        setId("technician");
        getStyleClass().add("screen");
        setAlignment(Pos.TOP_CENTER);
        setSpacing(16);
        model.stageProperty().addListener((o, was, now) -> render());
        render();
    }

    private void render() {
        if (model.stage() == TechnicianViewModel.Stage.PIN) {
            getChildren().setAll(pinPad());
        } else if (model.stage() == TechnicianViewModel.Stage.OPEN) {
            getChildren().setAll(screen());
        } else {
            getChildren().clear();
        }
    }

    private List<Node> pinPad() {
        Label title = label("technician-pin-title", "title");
        title.textProperty().bind(I18n.bind("technician.pin.title"));
        Label dots = label("technician-pin-dots", "title");
        dots.setStyle("-fx-min-height: 1.6em;");
        dots.textProperty().bind(model.dotsProperty());
        Label message = label("technician-pin-message", "problem");
        message.textProperty().bind(model.pinMessageProperty());

        GridPane keys = new GridPane();
        keys.setHgap(16);
        keys.setVgap(16);
        keys.setAlignment(Pos.CENTER);
        for (int d = 1; d <= 9; d++) {
            keys.add(digitKey("technician-pin-key-" + d, String.valueOf(d), d), (d - 1) % 3, (d - 1) / 3);
        }
        keys.add(digitKey("technician-pin-key-0", "0", 0), 1, 3);
        Button delete = JourneyView.secondary("technician-pin-delete", I18n.bind("technician.pin.delete"), () -> {
            vm.touch();
            model.deleteDigit();
        });
        sized(delete);
        keys.add(delete, 2, 3);
        Button cancel = JourneyView.secondary("technician-pin-cancel", I18n.bind("technician.back"), model::backToLobby);
        sized(cancel);
        Button ok = JourneyView.primary("technician-pin-ok", I18n.bind("technician.pin.ok"), () -> {
            vm.touch();
            model.submit();
        });
        sized(ok);
        ok.disableProperty().bind(model.checkingProperty());
        HBox actions = new HBox(16, cancel, ok);
        actions.setAlignment(Pos.CENTER);
        return List.of(title, dots, message, keys, actions);
    }

    private Button digitKey(String id, String text, int digit) {
        Button b = JourneyView.choice(id, text, () -> {
            vm.touch();
            model.digit(digit);
        });
        sized(b);
        return b;
    }

    private static void sized(Button b) {
        b.getStyleClass().add("compact");
        b.setMinSize(IdNumberKeypadView.MIN_KEY_PX, IdNumberKeypadView.MIN_KEY_PX);
        b.setPrefSize(200, 100);
    }

    private List<Node> screen() {
        Label title = label("technician-title", "title");
        title.textProperty().bind(I18n.bind("technician.title"));
        return List.of(title, devices(), journal(), actions());
    }

    private Node devices() {
        Label heading = label("technician-devices-title", "subtitle");
        heading.textProperty().bind(I18n.bind("technician.devices.title"));
        VBox rows = new VBox(8);
        rows.setId("technician-devices");
        Runnable showRows = () -> {
            rows.getChildren().clear();
            for (TechnicianViewModel.DeviceRow row : model.devicesProperty().get()) {
                Label l = label("technician-device-" + row.id(), "hint");
                l.setText(I18n.tr(row.nameKey()) + ": " + row.health() + " (" + row.settings() + ")");
                rows.getChildren().add(l);
            }
        };
        model.devicesProperty().addListener((o, was, now) -> showRows.run());
        showRows.run();

        Label printer = label("technician-receipt-printer-health", "hint");
        Label ports = label("technician-serial-ports", "hint");
        printer.textProperty().bind(Bindings.createStringBinding(() -> model.factsProperty().get()
                .map(f -> I18n.tr("technician.devices.printer-health", f.receiptPrinterHealth()))
                .orElse(I18n.tr("technician.devices.looking")), model.factsProperty(), I18n.localeProperty()));
        ports.textProperty().bind(Bindings.createStringBinding(() -> model.factsProperty().get()
                .map(f -> f.serialPorts().isEmpty() ? I18n.tr("technician.devices.no-ports")
                        : I18n.tr("technician.devices.ports", String.join("\n", f.serialPorts())))
                .orElse(I18n.tr("technician.devices.looking")), model.factsProperty(), I18n.localeProperty()));

        Button print = JourneyView.primary("technician-print-test", I18n.bind("technician.print.button"), () -> {
            vm.touch();
            model.printTestPage();
        });
        print.disableProperty().bind(model.printingProperty());
        Button refresh = JourneyView.secondary("technician-devices-refresh", I18n.bind("technician.refresh"), () -> {
            vm.touch();
            model.refreshDevices();
        });
        Label result = label("technician-print-result", "hint");
        result.textProperty().bind(model.printResultProperty());
        HBox buttons = new HBox(16, print, refresh);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox section = new VBox(12, heading, rows, printer, ports, buttons, result);
        model.receiptPrinterSetting().ifPresent(setting -> section.getChildren().add(receiptPrinterSetting(setting)));
        section.setId("technician-devices-section");
        return section;
    }

    /** printer.receipt and its profile, saved to the overrides file (validated as the loader validates). */
    private Node receiptPrinterSetting(TechnicianViewModel.ReceiptPrinterSetting setting) {
        Label heading = label("technician-setting-title", "hint");
        heading.textProperty().bind(I18n.bind("technician.setting.receipt-printer"));
        javafx.scene.control.TextField spec = new javafx.scene.control.TextField(setting.spec());
        spec.setId("technician-receipt-spec");
        spec.setOnKeyTyped(e -> vm.touch());
        javafx.scene.control.ComboBox<String> profile = new javafx.scene.control.ComboBox<>();
        profile.setId("technician-receipt-profile");
        profile.setEditable(true);
        org.medkiosk.print.escpos.PrinterProfile.ALL.forEach(p -> profile.getItems().add(p.name()));
        profile.setValue(setting.profile());
        Button save = JourneyView.primary("technician-setting-save", I18n.bind("technician.setting.save"), () -> {
            vm.touch();
            model.saveReceiptPrinterSetting(spec.getText(),
                    profile.getEditor().getText() == null || profile.getEditor().getText().isEmpty()
                            ? profile.getValue() : profile.getEditor().getText());
        });
        save.disableProperty().bind(model.savingProperty());
        Label result = label("technician-setting-result", "hint");
        result.textProperty().bind(model.settingResultProperty());
        HBox row = new HBox(16, spec, profile, save);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(spec, javafx.scene.layout.Priority.ALWAYS);
        return new VBox(8, heading, row, result);
    }

    private Node journal() {
        Label heading = label("technician-journal-title", "subtitle");
        heading.textProperty().bind(I18n.bind("technician.journal.title"));
        VBox lines = new VBox(8);
        lines.setId("technician-journal");
        Runnable showLines = () -> {
            lines.getChildren().clear();
            Optional<List<TechnicianViewModel.JournalLine>> found = model.journalProperty().get();
            Label none = label("technician-journal-empty", "hint");
            if (found.isEmpty()) {
                none.setText(I18n.tr("technician.journal.not-open"));
                lines.getChildren().add(none);
            } else if (found.get().isEmpty()) {
                none.setText(I18n.tr("technician.journal.none"));
                lines.getChildren().add(none);
            } else {
                int n = 0;
                for (TechnicianViewModel.JournalLine line : found.get()) {
                    Label l = label("technician-journal-line-" + n++, "hint");
                    l.getStyleClass().add("technician-journal-line");
                    l.setText(line.text());
                    lines.getChildren().add(l);
                }
            }
        };
        model.journalProperty().addListener((o, was, now) -> showLines.run());
        showLines.run();
        Button settle = JourneyView.primary("technician-settle", I18n.bind("technician.settle.button"), () -> {
            vm.touch();
            model.settleNow();
        });
        settle.disableProperty().bind(model.settlingProperty());
        Button refresh = JourneyView.secondary("technician-journal-refresh", I18n.bind("technician.refresh"), () -> {
            vm.touch();
            model.refreshJournal();
        });
        Label result = label("technician-settle-result", "hint");
        result.textProperty().bind(model.settleResultProperty());
        HBox buttons = new HBox(16, settle, refresh);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox section = new VBox(12, heading, lines, buttons, result);
        section.setId("technician-journal-section");
        return section;
    }

    private Node actions() {
        Button back = JourneyView.secondary("technician-back", I18n.bind("technician.back"), model::backToLobby);
        Button exit = JourneyView.secondary("technician-exit", I18n.bind("technician.exit"), model::exitKiosk);
        HBox box = new HBox(16, back, exit);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static Label label(String id, String styleClass) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        return l;
    }
}
