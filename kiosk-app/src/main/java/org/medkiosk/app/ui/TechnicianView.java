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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.viewmodel.TechnicianViewModel;

/**
 * Technician mode, a thin view over {@link TechnicianViewModel}: the PIN pad (digits shown as dots), then the
 * technician screen: devices (health, settings, serial ports, receipt printer test), journal (open intents and
 * receipts, settle now), exit and back to the lobby; the receipt printer setting tried before it is saved, the ID-card
 * reader's SAM and what the devices read (masked), the hospital's conformance check, the recent log, a new PIN and a
 * restart. Rebuilt when the stage changes.
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
        // Some lines are worded when read or drawn: draw and read them again in the language just chosen.
        relabel = o -> {
            // Only a technician screen on show: one left behind by a closed kiosk (kept until collected) must not
            // ask the closed kiosk's executor for anything.
            boolean showing = getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing();
            if (showing && model.stage() == TechnicianViewModel.Stage.OPEN) {
                render(); // the lines worded by the view (an empty journal, nothing read yet)
                model.refreshDevices();
                model.refreshJournal();
                model.refreshPaper();
            }
        };
        I18n.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        render();
    }

    /** Held by the view: the locale holds it only weakly, so a closed technician screen is not kept alive. */
    private final javafx.beans.InvalidationListener relabel;

    private void render() {
        if (model.stage() == TechnicianViewModel.Stage.PIN) {
            getChildren().setAll(pinPad());
        } else if (model.stage() == TechnicianViewModel.Stage.OPEN) {
            getChildren().setAll(screen());
        } else if (model.stage() == TechnicianViewModel.Stage.CHANGE_PIN) {
            getChildren().setAll(changePinPad());
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

        GridPane keys = DigitPad.of("technician-pin-key-", "technician-pin-delete", I18n.bind("technician.pin.delete"), d -> {
            vm.touch();
            model.digit(d);
        }, () -> {
            vm.touch();
            model.deleteDigit();
        });
        Button cancel = JourneyView.secondary("technician-pin-cancel", I18n.bind("technician.back"), model::backToLobby);
        DigitPad.sized(cancel);
        Button ok = JourneyView.primary("technician-pin-ok", I18n.bind("technician.pin.ok"), () -> {
            vm.touch();
            model.submit();
        });
        DigitPad.sized(ok);
        ok.disableProperty().bind(model.checkingProperty());
        HBox actions = new HBox(16, cancel, ok);
        actions.setAlignment(Pos.CENTER);
        return List.of(title, dots, message, keys, actions);
    }

    /** The same pad for "Change PIN": its title says which PIN it asks for; Cancel goes back to the screen. */
    private List<Node> changePinPad() {
        List<Node> pad = new java.util.ArrayList<>(pinPad());
        Label title = (Label) pad.get(0);
        title.textProperty().unbind();
        title.textProperty().bind(Bindings.createStringBinding(() -> switch (model.pinStepProperty().get()) {
            case CURRENT -> I18n.tr("technician.change-pin.current");
            case NEW -> I18n.tr("technician.change-pin.new");
            case REPEAT -> I18n.tr("technician.change-pin.repeat");
        }, model.pinStepProperty(), I18n.localeProperty()));
        Button cancel = JourneyView.secondary("technician-pin-cancel", I18n.bind("technician.change-pin.cancel"),
                model::cancelChangePin);
        DigitPad.sized(cancel);
        HBox actions = (HBox) pad.get(pad.size() - 1);
        actions.getChildren().set(0, cancel);
        return pad;
    }

    private List<Node> screen() {
        Label title = label("technician-title", "title");
        title.textProperty().bind(I18n.bind("technician.title"));
        // The actions first: the screen scrolls, and Exit or Back must not be at the end of a long log.
        return List.of(title, actions(), devices(), journal(), idCardReader(), backend(), log());
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
        // Tried on the edited values, before Save: the kiosk's own printer and saved setting stay as they are.
        Button test = JourneyView.secondary("technician-setting-test", I18n.bind("technician.setting.test"), () -> {
            vm.touch();
            model.testReceiptPrinterSetting(spec.getText(),
                    profile.getEditor().getText() == null || profile.getEditor().getText().isEmpty()
                            ? profile.getValue() : profile.getEditor().getText());
        });
        test.disableProperty().bind(model.settingTestingProperty());
        Label result = label("technician-setting-result", "hint");
        result.textProperty().bind(model.settingResultProperty());
        Label tested = label("technician-setting-test-result", "hint");
        tested.textProperty().bind(model.settingTestResultProperty());
        HBox row = new HBox(16, spec, profile, test, save);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(spec, javafx.scene.layout.Priority.ALWAYS);
        return new VBox(8, heading, row, tested, result);
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
        Button export = JourneyView.secondary("technician-export-journal", I18n.bind("technician.export.button"), () -> {
            vm.touch();
            model.exportJournal();
        });
        Label exported = label("technician-export-result", "hint");
        exported.textProperty().bind(model.exportResultProperty());
        Label paper = label("technician-paper-count", "hint");
        paper.textProperty().bind(model.paperProperty());
        Button newRoll = JourneyView.secondary("technician-paper-roll-loaded", I18n.bind("technician.paper.reset"), () -> {
            vm.touch();
            model.paperRollLoaded();
        });
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(16, 16, settle, refresh, export, newRoll);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox section = new VBox(12, heading, lines, buttons, result, exported, paper);
        section.setId("technician-journal-section");
        return section;
    }

    /** The ID-card reader live: its SAM id and self-test, and what the devices read while this screen is open. */
    private Node idCardReader() {
        Label heading = label("technician-idcard-title", "subtitle");
        heading.textProperty().bind(I18n.bind("technician.sam.title"));
        Button samId = JourneyView.secondary("technician-sam-id", I18n.bind("technician.sam.read-id"), () -> {
            vm.touch();
            model.readSamId();
        });
        samId.disableProperty().bind(model.samBusyProperty());
        Button selfTest = JourneyView.secondary("technician-sam-self-test", I18n.bind("technician.sam.self-test"), () -> {
            vm.touch();
            model.samSelfTest();
        });
        selfTest.disableProperty().bind(model.samBusyProperty());
        Label result = label("technician-sam-result", "hint");
        result.textProperty().bind(model.samResultProperty());
        HBox buttons = new HBox(16, samId, selfTest);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label seenHeading = label("technician-seen-title", "hint");
        seenHeading.textProperty().bind(I18n.bind("technician.seen.title"));
        VBox seen = lines("technician-seen", "technician-seen-line-", model.devicesSeenProperty(),
                () -> I18n.tr("technician.seen.none"));
        VBox section = new VBox(12, heading, buttons, result, seenHeading, seen);
        section.setId("technician-idcard-section");
        return section;
    }

    /** The hospital: its address (never a credential) and the conformance check of `kiosk backend check`. */
    private Node backend() {
        Label heading = label("technician-backend-title", "subtitle");
        heading.textProperty().bind(I18n.bind("technician.backend.title"));
        Label address = label("technician-backend-url", "hint");
        address.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.tr("technician.backend.url", model.backendAddressProperty().get()),
                model.backendAddressProperty(), I18n.localeProperty()));
        Button check = JourneyView.primary("technician-backend-check", I18n.bind("technician.backend.check"), () -> {
            vm.touch();
            model.checkBackend();
        });
        check.disableProperty().bind(model.backendCheckingProperty());
        Label result = label("technician-backend-result", "hint");
        result.textProperty().bind(model.backendResultProperty());
        VBox lines = lines("technician-backend-lines", "technician-backend-line-", model.backendLinesProperty(), null);
        VBox section = new VBox(12, heading, address, check, result, lines);
        section.setId("technician-backend-section");
        return section;
    }

    /** The last lines of the kiosk's log, as the log layout masked them. */
    private Node log() {
        Label heading = label("technician-log-title", "subtitle");
        heading.textProperty().bind(I18n.bind("technician.log.title"));
        VBox lines = lines("technician-log", "technician-log-line-", model.logLinesProperty(),
                () -> model.logMissingProperty().get() ? I18n.tr("technician.log.no-file") : I18n.tr("technician.devices.looking"));
        Button refresh = JourneyView.secondary("technician-log-refresh", I18n.bind("technician.refresh"), () -> {
            vm.touch();
            model.refreshLog();
        });
        VBox section = new VBox(12, heading, lines, refresh);
        section.setId("technician-log-section");
        return section;
    }

    /** One label per line of {@code source}; {@code empty} (if any) says what an empty list means. */
    private VBox lines(String id, String lineId,
                       javafx.beans.value.ObservableValue<List<String>> source, java.util.function.Supplier<String> empty) {
        VBox box = new VBox(4);
        box.setId(id);
        Runnable show = () -> {
            box.getChildren().clear();
            List<String> now = source.getValue();
            if (now.isEmpty() && empty != null) {
                Label none = label(id + "-empty", "hint");
                none.setText(empty.get());
                box.getChildren().add(none);
            }
            int n = 0;
            for (String line : now) {
                Label l = label(lineId + n++, "hint");
                l.getStyleClass().add("technician-journal-line");
                l.setText(line);
                box.getChildren().add(l);
            }
        };
        source.addListener((o, was, now) -> show.run());
        show.run();
        return box;
    }

    private Node actions() {
        Button back = JourneyView.secondary("technician-back", I18n.bind("technician.back"), model::backToLobby);
        Button changePin = JourneyView.secondary("technician-change-pin", I18n.bind("technician.change-pin.button"), () -> {
            vm.touch();
            model.startChangePin();
        });
        Button restart = JourneyView.secondary("technician-restart", I18n.bind("technician.restart"), () -> {
            vm.touch();
            model.askRestart();
        });
        Button exit = JourneyView.secondary("technician-exit", I18n.bind("technician.exit"), model::exitKiosk);
        // Wraps rather than clips when the labels are long (Chinese, large text).
        javafx.scene.layout.FlowPane box = new javafx.scene.layout.FlowPane(16, 16, back, changePin, restart);
        if (model.canShutDown()) {
            Button shutDown = JourneyView.secondary("technician-shut-down", I18n.bind("technician.shut-down"), () -> {
                vm.touch();
                model.askShutDown();
            });
            shutDown.disableProperty().bind(model.shuttingDownProperty());
            box.getChildren().add(shutDown);
        }
        box.getChildren().add(exit);
        box.setAlignment(Pos.CENTER);

        // "Restart" and "Shut down" ask first: both end the kiosk's process, and a shut-down machine needs a hand on
        // its power button to come back.
        Node confirmRestart = confirmation("technician-restart", model.confirmingRestartProperty(),
                I18n.key("technician.restart.question"), I18n.key("technician.restart.confirm"), model::restartKiosk,
                model::cancelRestart);
        Node confirmShutDown = confirmation("technician-shut-down", model.confirmingShutDownProperty(),
                I18n.key("technician.shut-down.question"), I18n.key("technician.shut-down.confirm"), model::shutDown,
                model::cancelShutDown);
        Label shutDownResult = label("technician-shut-down-result", "problem");
        shutDownResult.textProperty().bind(model.shutDownResultProperty());
        shutDownResult.managedProperty().bind(model.shutDownResultProperty().isNotEmpty());

        Label changed = label("technician-change-pin-result", "hint");
        changed.textProperty().bind(model.pinChangeResultProperty());
        changed.managedProperty().bind(model.pinChangeResultProperty().isNotEmpty());
        VBox actions = new VBox(8, box, confirmRestart, confirmShutDown, shutDownResult, changed);
        actions.setAlignment(Pos.CENTER);
        return actions;
    }

    /** The question, yes and cancel of an action that ends the kiosk. */
    private Node confirmation(String id, javafx.beans.value.ObservableBooleanValue asking, String questionKey,
                              String confirmKey, Runnable yes, Runnable no) {
        Label ask = label(id + "-question", "problem");
        ask.textProperty().bind(I18n.bind(questionKey));
        Button confirm = JourneyView.primary(id + "-confirm", I18n.bind(confirmKey), yes);
        Button cancel = JourneyView.secondary(id + "-cancel", I18n.bind(I18n.key("technician.cancel")), () -> {
            vm.touch();
            no.run();
        });
        // The question above its two buttons: beside them, a long question squeezed the buttons to one character wide.
        confirm.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(16, confirm, cancel);
        buttons.setAlignment(Pos.CENTER);
        VBox row = new VBox(12, ask, buttons);
        row.setId(id + "-confirmation");
        row.setAlignment(Pos.CENTER);
        row.visibleProperty().bind(asking);
        row.managedProperty().bind(asking);
        return row;
    }

    private static Label label(String id, String styleClass) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        return l;
    }
}
