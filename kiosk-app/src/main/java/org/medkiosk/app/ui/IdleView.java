package org.medkiosk.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.layout.StackPane;
import org.medkiosk.app.devices.DeviceAvailability;
import org.medkiosk.app.devices.DeviceAvailability.Device;
import org.medkiosk.app.devices.DeviceAvailability.State;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskViewModel;

/**
 * The attract screen: what to do, in large friendly words; no patient data ever reaches it. It invites only the ways
 * to identify that work now (from each driver's health): an ID-card reader, scanner or smart-card reader that is out
 * of order is no longer shown, and a line says so and names the ways that work. Typing the ID number on the
 * on-screen keypad always works.
 */
final class IdleView extends VBox {
    /** A keypad: a rounded frame with three rows of keys. */
    private static final String KEYPAD_ICON = "M6 4 h36 a3 3 0 0 1 3 3 v34 a3 3 0 0 1 -3 3 h-36 a3 3 0 0 1 -3 -3 v-34 "
            + "a3 3 0 0 1 3 -3 z M9 9 v8 h8 v-8 z M20 9 v8 h8 v-8 z M31 9 v8 h8 v-8 z M9 20 v8 h8 v-8 z M20 20 v8 h8 v-8 z "
            + "M31 20 v8 h8 v-8 z M9 31 v8 h8 v-8 z M20 31 v8 h8 v-8 z M31 31 v8 h8 v-8 z";

    private final KioskViewModel vm;
    private final VBox attract = new VBox();
    private IdNumberKeypadView keypad;

    private final Runnable announce;

    /** @param announce says the screen aloud again (the keypad replaces the invitation without a new kiosk screen) */
    IdleView(KioskViewModel vm, HospitalBranding branding, Runnable announce) {
        this.vm = vm;
        this.announce = announce;
        getStyleClass().add("screen");
        setId("idle-screen");
        DeviceAvailability devices = vm.deviceAvailability();
        Observable[] deviceStates = {devices.stateProperty(Device.ID_CARD_READER), devices.stateProperty(Device.SCANNER),
            devices.stateProperty(Device.SMART_CARD_READER), I18n.localeProperty()};

        Label welcome = new Label();
        welcome.getStyleClass().add("title");
        welcome.setWrapText(true);
        welcome.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        welcome.textProperty().bind(I18n.bind("idle.welcome"));

        Label what = new Label();
        what.setId("idle-instruction");
        what.getStyleClass().add("subtitle");
        what.setWrapText(true);
        what.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // The full invitation names the ID card and the scanner; with either missing, a neutral one.
        what.textProperty().bind(Bindings.createStringBinding(() -> invited(Device.ID_CARD_READER) && invited(Device.SCANNER)
                ? I18n.tr("idle.instruction") : I18n.tr("idle.instruction.choose"), deviceStates));

        Label outOfOrder = new Label();
        outOfOrder.setId("idle-out-of-order");
        outOfOrder.getStyleClass().add("problem");
        outOfOrder.setWrapText(true);
        outOfOrder.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        outOfOrder.textProperty().bind(outOfOrderText(deviceStates));
        BooleanBinding anyOut = Bindings.createBooleanBinding(() -> !outOfOrder().isEmpty(), deviceStates);
        outOfOrder.visibleProperty().bind(anyOut);
        outOfOrder.managedProperty().bind(anyOut);

        VBox idCard = wayCard("way-idcard", Icons.ID_CARD, I18n.key("idle.way.idcard"));
        VBox scan = wayCard("way-scan", Icons.QR_CODE, I18n.key("idle.way.scan"));
        VBox medicalCard = wayCard("way-medicalcard", Icons.CHIP_CARD, I18n.key("idle.way.medicalcard"));
        showWhenInvited(idCard, Device.ID_CARD_READER);
        showWhenInvited(scan, Device.SCANNER);
        showWhenInvited(medicalCard, Device.SMART_CARD_READER);
        Button typed = new Button();
        typed.setId("way-typed");
        typed.getStyleClass().add("way-card");
        // The card's own label as the button's graphic: a VBox as a Button's graphic made the VBox of ways give this
        // row all its spare height (the other rows grew by a third of it).
        javafx.scene.Node typedContent = wayCard(null, KEYPAD_ICON, I18n.key("idle.way.typed")).getChildren().remove(0);
        typed.setGraphic(typedContent);
        typed.setAlignment(Pos.CENTER_LEFT);
        typed.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        typed.textProperty().bind(I18n.bind("idle.way.typed"));
        typed.setOnAction(e -> openKeypad());
        // One column of wide rows: each way reads left to right, icon then words, and the rows share the height.
        VBox ways = new VBox(24, idCard, scan, medicalCard, typed);
        ways.setFillWidth(true);
        for (javafx.scene.layout.Region way : new javafx.scene.layout.Region[]{idCard, scan, medicalCard, typed}) {
            way.setMaxWidth(Double.MAX_VALUE);
            way.setMaxHeight(Double.MAX_VALUE);
            VBox.setVgrow(way, javafx.scene.layout.Priority.ALWAYS);
        }
        VBox.setVgrow(ways, javafx.scene.layout.Priority.ALWAYS);
        Button start = new Button();
        start.setId("start-button");
        start.getStyleClass().add("primary-button");
        start.textProperty().bind(I18n.bind("idle.start"));
        start.setOnAction(e -> vm.tapToStart());

        Label help = new Label();
        help.getStyleClass().add("hint");
        help.setWrapText(true);
        help.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        help.textProperty().bind(I18n.bind("idle.help"));

        attract.getStyleClass().add("screen");
        attract.setPadding(javafx.geometry.Insets.EMPTY);
        // Nurse-assisted mode: staff sign in here (or put a staff card on the reader) to act for a patient.
        Button staff = new Button();
        staff.setId("staff-sign-in");
        staff.getStyleClass().add("secondary-button");
        staff.setWrapText(true);
        staff.textProperty().bind(I18n.bind("idle.staff"));
        staff.setOnAction(e -> vm.openStaffDesk());

        // Guidance needs no identification: a visitor finds the department, or a price, before taking a number.
        Button guide = new Button();
        guide.setId("idle-guide");
        guide.getStyleClass().add("secondary-button");
        guide.setWrapText(true);
        guide.textProperty().bind(Bindings.createStringBinding(() -> vm.guideAvailableProperty().get()
                ? I18n.tr("idle.guide") : I18n.tr("guide.unavailable"), vm.guideAvailableProperty(), I18n.localeProperty()));
        guide.disableProperty().bind(vm.guideAvailableProperty().not());
        guide.setOnAction(e -> vm.openGuide());
        Button prices = new Button();
        prices.setId("idle-prices");
        prices.getStyleClass().add("secondary-button");
        prices.setWrapText(true);
        prices.textProperty().bind(I18n.bind("idle.prices"));
        prices.setOnAction(e -> vm.openPrices());
        Button hospitalInfo = new Button();
        hospitalInfo.setId("idle-hospital-info");
        hospitalInfo.getStyleClass().add("secondary-button");
        hospitalInfo.setWrapText(true);
        hospitalInfo.textProperty().bind(I18n.bind("idle.hospital-info"));
        hospitalInfo.setOnAction(e -> vm.openHospitalInfo());
        // One row with staff sign-in, so the lobby stays one screen high; it wraps when the words are large.
        javafx.scene.layout.FlowPane bottomRow = new javafx.scene.layout.FlowPane(24, 16, guide, prices, hospitalInfo,
                staff);
        bottomRow.setAlignment(Pos.CENTER);

        attract.getChildren().addAll(welcome, what, outOfOrder, ways, start, help, bottomRow);
        VBox.setVgrow(attract, javafx.scene.layout.Priority.ALWAYS);
        getChildren().add(attract);
    }

    /** Shows the ID-number keypad in place of the invitation; it forgets what was typed when it closes. */
    private void openKeypad() {
        keypad = new IdNumberKeypadView(vm, this::closeKeypad);
        getChildren().setAll(keypad);
        announce.run();
    }

    private void closeKeypad() {
        keypad = null;
        getChildren().setAll(attract);
        announce.run();
    }

    private boolean invited(Device device) {
        return vm.deviceAvailability().state(device).invited();
    }

    private List<Device> outOfOrder() {
        List<Device> out = new ArrayList<>();
        for (Device d : Device.values()) {
            if (vm.deviceAvailability().state(d) == State.OUT_OF_ORDER) {
                out.add(d);
            }
        }
        return out;
    }

    /** "The ID-card reader is out of order: please scan your e-health card QR or type your ID number." */
    private StringBinding outOfOrderText(Observable[] dependencies) {
        return Bindings.createStringBinding(() -> {
            List<Device> out = outOfOrder();
            if (out.isEmpty()) {
                return "";
            }
            List<String> broken = new ArrayList<>();
            for (Device d : out) {
                broken.add(switch (d) {
                    case ID_CARD_READER -> I18n.tr("idle.offline.idcard");
                    case SCANNER -> I18n.tr("idle.offline.scanner");
                    case SMART_CARD_READER -> I18n.tr("idle.offline.smartcard");
                });
            }
            List<String> working = new ArrayList<>();
            if (invited(Device.SCANNER)) {
                working.add(I18n.tr("idle.alt.scan"));
            }
            if (invited(Device.ID_CARD_READER)) {
                working.add(I18n.tr("idle.alt.idcard"));
            }
            if (invited(Device.SMART_CARD_READER)) {
                working.add(I18n.tr("idle.alt.medicalcard"));
            }
            working.add(I18n.tr("idle.alt.typed"));
            return I18n.tr("idle.offline.line", joined(broken, I18n.key("idle.and")), joined(working, I18n.key("idle.or")));
        }, dependencies);
    }

    /** a / a and b / a, b and c — with the language's own words. */
    private static String joined(List<String> parts, String lastJoinKey) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        String head = String.join(I18n.tr("idle.list-separator"), parts.subList(0, parts.size() - 1));
        return I18n.tr(lastJoinKey, head, parts.get(parts.size() - 1));
    }

    private void showWhenInvited(VBox card, Device device) {
        BooleanBinding shown = Bindings.createBooleanBinding(() -> invited(device),
                vm.deviceAvailability().stateProperty(device));
        card.visibleProperty().bind(shown);
        card.managedProperty().bind(shown);
    }

    private static VBox wayCard(String id, String iconPath, String key) {
        StackPane icon = Icons.glyph(iconPath, "way-icon", 1.6, 96);
        // One Labeled with its icon as graphic: it wraps its words at its real width (an HBox would not).
        Label text = new Label();
        text.setWrapText(true);
        text.getStyleClass().add("way-text");
        text.textProperty().bind(I18n.bind(key));
        text.setGraphic(icon);
        text.setGraphicTextGap(24);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox card = new VBox(text);
        card.setAlignment(Pos.CENTER_LEFT);
        if (id != null) {
            card.setId(id);
        }
        card.getStyleClass().add("way-card");
        return card;
    }
}
