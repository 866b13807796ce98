package org.medkiosk.app.viewmodel;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.technician.PinCheck;
import org.medkiosk.app.technician.PinRule;
import org.medkiosk.app.technician.TechnicianPin;
import org.medkiosk.device.receipt.PrintResult;
import org.medkiosk.journey.concurrent.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Technician mode: first the PIN pad, then the technician screen (devices, journal, exit, back to the lobby). Lives
 * on the UI thread; the PIN check (PBKDF2, about 0.2 s), the port listing, the printer test and settlement run on the
 * kiosk's background executor and come back on the UI thread.
 *
 * <p>The PIN: the digits typed so far are kept only in a {@code char[]} here (the scene sees dots); on OK the array is
 * handed to the check and wiped once it is done, and wiped too when the prompt closes. It is never logged.
 */
public final class TechnicianViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(TechnicianViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Which part of technician mode shows. */
    public enum Stage { PIN, OPEN, CLOSED }

    /** One device on the technician screen: its name (an i18n key), health in plain words, its settings. */
    public record DeviceRow(String id, String nameKey, String health, String settings) {
    }

    /** What the background refresh found: the serial ports present, and the receipt printer's health. */
    public record Facts(List<String> serialPorts, String receiptPrinterHealth) {
    }

    /** One line of the journal for the technician (no patient data beyond the masked patient id). */
    public record JournalLine(String text) {
    }

    /** What the kiosk gives technician mode: implemented by the kiosk's assembly. */
    public interface Desk {
        /** The devices and their configured settings; on the UI thread (device health lives there). */
        List<DeviceRow> devices();

        /** Blocking (background): the serial ports present and the receipt printer's health. */
        Facts facts();

        /** Blocking (background): prints the test page on the receipt printer; empty when the kiosk has none. */
        Optional<PrintResult> printTestPage();

        /** Blocking (background): open intents and uncollected or unprinted receipts; empty: journal not open yet. */
        Optional<List<JournalLine>> journal();

        /** Blocking (background): one settlement pass; how many were settled and how many are still open. */
        int[] settle();

        /** Quits the kiosk. */
        void exit();

        /** The receipt printer's setting now (printer.receipt, printer.receipt.profile); empty: cannot be edited here. */
        default Optional<ReceiptPrinterSetting> receiptPrinterSetting() {
            return Optional.empty();
        }

        /**
         * Blocking (background): saves the receipt printer's setting to the overrides file, validated as the loader
         * validates; throws {@link org.medkiosk.app.config.ConfigException} with the loader's message and saves nothing
         * when a value is not valid. The kiosk uses the new setting from its next start.
         */
        default void saveReceiptPrinterSetting(ReceiptPrinterSetting setting) {
            throw new UnsupportedOperationException("settings cannot be edited on this kiosk");
        }
    }

    /** printer.receipt (empty: none) and printer.receipt.profile. */
    public record ReceiptPrinterSetting(String spec, String profile) {
    }

    private final TechnicianPin pin;
    private final Desk desk;
    private final TaskExecutor tasks;
    private final ZoneId zone;
    private final Runnable backToLobby;

    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(Stage.PIN);
    private final StringProperty dots = new SimpleStringProperty("");
    private final StringProperty pinMessage = new SimpleStringProperty("");
    private final BooleanProperty checking = new SimpleBooleanProperty(false);
    private final ObjectProperty<List<DeviceRow>> devices = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<Optional<Facts>> facts = new SimpleObjectProperty<>(Optional.empty());
    private final StringProperty printResult = new SimpleStringProperty("");
    private final BooleanProperty printing = new SimpleBooleanProperty(false);
    private final ObjectProperty<Optional<List<JournalLine>>> journal = new SimpleObjectProperty<>(Optional.empty());
    private final StringProperty settleResult = new SimpleStringProperty("");
    private final BooleanProperty settling = new SimpleBooleanProperty(false);
    private final StringProperty settingResult = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty(false);

    /** The digits typed so far; never a String. */
    private char[] entered = new char[0];

    public TechnicianViewModel(TechnicianPin pin, Desk desk, TaskExecutor tasks, ZoneId zone, Runnable backToLobby) {
        this.pin = pin;
        this.desk = desk;
        this.tasks = tasks;
        this.zone = zone;
        this.backToLobby = backToLobby;
    }

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage;
    }

    public Stage stage() {
        return stage.get();
    }

    /** As many dots as digits typed. */
    public ReadOnlyStringProperty dotsProperty() {
        return dots;
    }

    public ReadOnlyStringProperty pinMessageProperty() {
        return pinMessage;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking;
    }

    public ReadOnlyObjectProperty<List<DeviceRow>> devicesProperty() {
        return devices;
    }

    public ReadOnlyObjectProperty<Optional<Facts>> factsProperty() {
        return facts;
    }

    public ReadOnlyStringProperty printResultProperty() {
        return printResult;
    }

    public ReadOnlyBooleanProperty printingProperty() {
        return printing;
    }

    public ReadOnlyObjectProperty<Optional<List<JournalLine>>> journalProperty() {
        return journal;
    }

    public ReadOnlyStringProperty settleResultProperty() {
        return settleResult;
    }

    public ReadOnlyBooleanProperty settlingProperty() {
        return settling;
    }

    public ReadOnlyStringProperty settingResultProperty() {
        return settingResult;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving;
    }

    /** The receipt printer's setting to edit; empty when this kiosk has no configuration file to override. */
    public Optional<ReceiptPrinterSetting> receiptPrinterSetting() {
        return desk.receiptPrinterSetting();
    }

    /** Saves a new receipt printer setting (validated, in the background) and says how it went. */
    public void saveReceiptPrinterSetting(String spec, String profile) {
        if (stage.get() != Stage.OPEN || saving.get()) {
            return;
        }
        saving.set(true);
        settingResult.set(I18n.tr("technician.setting.saving"));
        ReceiptPrinterSetting setting = new ReceiptPrinterSetting(spec == null ? "" : spec.trim(),
                profile == null ? "" : profile.trim());
        CompletableFuture.runAsync(() -> desk.saveReceiptPrinterSetting(setting), tasks.background())
                .whenCompleteAsync((done, failure) -> {
                    saving.set(false);
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (cause == null) {
                        LOG.info("technician changed the receipt printer setting: {} {}", setting.spec(), setting.profile());
                        settingResult.set(I18n.tr("technician.setting.saved"));
                    } else if (cause instanceof org.medkiosk.app.config.ConfigException bad) {
                        settingResult.set(I18n.tr("technician.setting.invalid", bad.getMessage()));
                    } else {
                        LOG.warn("technician setting not saved: {}", cause.toString());
                        settingResult.set(I18n.tr("technician.setting.failed", String.valueOf(cause.getMessage())));
                    }
                }, tasks.ui());
    }

    // ---- the PIN pad --------------------------------------------------------------------------------------------

    public void digit(int d) {
        if (stage.get() != Stage.PIN || checking.get() || d < 0 || d > 9 || entered.length >= PinRule.MAX_LENGTH) {
            return;
        }
        char[] more = Arrays.copyOf(entered, entered.length + 1);
        more[entered.length] = (char) ('0' + d);
        replaceEntered(more);
    }

    public void deleteDigit() {
        if (stage.get() != Stage.PIN || checking.get() || entered.length == 0) {
            return;
        }
        replaceEntered(Arrays.copyOf(entered, entered.length - 1));
    }

    private void replaceEntered(char[] now) {
        Arrays.fill(entered, '\0');
        entered = now;
        dots.set("\u25CF".repeat(now.length));
    }

    /** OK on the PIN pad: the PIN is checked in the background; the typed digits are gone from here at once. */
    public void submit() {
        if (stage.get() != Stage.PIN || checking.get() || entered.length == 0) {
            return;
        }
        char[] typed = entered;
        entered = new char[0];
        dots.set("");
        checking.set(true);
        pinMessage.set(I18n.tr("technician.pin.checking"));
        CompletableFuture.supplyAsync(() -> {
            try {
                return pin.check(typed);
            } finally {
                Arrays.fill(typed, '\0');
            }
        }, tasks.background()).whenCompleteAsync((result, failure) -> {
            checking.set(false);
            if (stage.get() != Stage.PIN) {
                return; // the prompt was closed while the PIN was checked
            }
            if (failure != null) {
                LOG.error("the technician PIN could not be checked: {}", failure.toString());
                pinMessage.set(I18n.tr("technician.pin.error"));
            } else {
                checked(result);
            }
        }, tasks.ui());
    }

    private void checked(PinCheck result) {
        if (result instanceof PinCheck.Accepted) {
            LOG.info("technician mode opened");
            pinMessage.set("");
            stage.set(Stage.OPEN);
            refreshDevices();
            refreshJournal();
        } else if (result instanceof PinCheck.Wrong wrong) {
            if (wrong.lockedUntil().isPresent()) {
                pinMessage.set(I18n.tr("technician.pin.locked", time(wrong.lockedUntil().get())));
            } else {
                pinMessage.set(I18n.tr("technician.pin.wrong", wrong.attemptsBeforeLockout()));
            }
        } else if (result instanceof PinCheck.LockedOut locked) {
            pinMessage.set(I18n.tr("technician.pin.locked", time(locked.until())));
        } else {
            pinMessage.set(I18n.tr("technician.pin.not-set-up"));
        }
    }

    private String time(Instant t) {
        return TIME.format(t.atZone(zone));
    }

    // ---- the technician screen ----------------------------------------------------------------------------------

    /** Device health and settings now; the ports and the printer's health from the background. */
    public void refreshDevices() {
        if (stage.get() != Stage.OPEN) {
            return;
        }
        devices.set(List.copyOf(desk.devices()));
        CompletableFuture.supplyAsync(desk::facts, tasks.background()).whenCompleteAsync((found, failure) -> {
            if (failure != null) {
                LOG.warn("technician screen: device facts failed: {}", failure.toString());
                return;
            }
            if (stage.get() == Stage.OPEN) {
                facts.set(Optional.of(found));
            }
        }, tasks.ui());
    }

    /** Prints the receipt printer's test page (in the background) and says how it went. */
    public void printTestPage() {
        if (stage.get() != Stage.OPEN || printing.get()) {
            return;
        }
        printing.set(true);
        printResult.set(I18n.tr("technician.print.running"));
        CompletableFuture.supplyAsync(desk::printTestPage, tasks.background()).whenCompleteAsync((result, failure) -> {
            printing.set(false);
            if (failure != null) {
                LOG.warn("technician print test failed: {}", failure.toString());
                printResult.set(I18n.tr("technician.print.failed", String.valueOf(failure.getMessage())));
            } else {
                printResult.set(words(result));
                LOG.info("technician print test: {}", printResult.get());
            }
            refreshDevices();
        }, tasks.ui());
    }

    private static String words(Optional<PrintResult> result) {
        if (result.isEmpty()) {
            return I18n.tr("technician.print.no-printer");
        }
        PrintResult r = result.get();
        if (r instanceof PrintResult.Printed printed) {
            return printed.warnings().isEmpty() ? I18n.tr("technician.print.printed")
                    : I18n.tr("technician.print.printed-with-warnings", String.join("; ", printed.warnings()));
        }
        if (r instanceof PrintResult.SentUnverified unverified) {
            return I18n.tr("technician.print.unverified", unverified.reason());
        }
        PrintResult.NotPrinted not = (PrintResult.NotPrinted) r;
        return I18n.tr("technician.print.not-printed", not.problem().description());
    }

    /** Reads the journal's open intents and receipts in the background. */
    public void refreshJournal() {
        if (stage.get() != Stage.OPEN) {
            return;
        }
        CompletableFuture.supplyAsync(desk::journal, tasks.background()).whenCompleteAsync((lines, failure) -> {
            if (failure != null) {
                LOG.warn("technician screen: the journal cannot be read: {}", failure.toString());
                return;
            }
            if (stage.get() == Stage.OPEN) {
                journal.set(lines);
            }
        }, tasks.ui());
    }

    /** "Settle now": one settlement pass in the background, then the journal again. */
    public void settleNow() {
        if (stage.get() != Stage.OPEN || settling.get()) {
            return;
        }
        settling.set(true);
        settleResult.set(I18n.tr("technician.settle.running"));
        CompletableFuture.supplyAsync(desk::settle, tasks.background()).whenCompleteAsync((counts, failure) -> {
            settling.set(false);
            if (failure != null) {
                LOG.warn("technician settle now failed: {}", failure.toString());
                settleResult.set(I18n.tr("technician.settle.failed", String.valueOf(failure.getMessage())));
            } else if (counts == null) {
                settleResult.set(I18n.tr("technician.journal.not-open"));
            } else {
                settleResult.set(I18n.tr("technician.settle.done", counts[0], counts[1]));
            }
            refreshJournal();
        }, tasks.ui());
    }

    public void exitKiosk() {
        LOG.info("technician exit requested from technician mode");
        close();
        desk.exit();
    }

    /** "Back to the lobby" on the PIN pad or the technician screen. */
    public void backToLobby() {
        close();
        backToLobby.run();
    }

    /** The prompt or screen goes away (back, exit, inactivity): the typed digits are wiped, the results dropped. */
    public void close() {
        Arrays.fill(entered, '\0');
        entered = new char[0];
        dots.set("");
        pinMessage.set("");
        stage.set(Stage.CLOSED);
        devices.set(List.of());
        facts.set(Optional.empty());
        journal.set(Optional.empty());
    }
}
