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
import org.medkiosk.device.idcard.SamStatus;
import org.medkiosk.device.receipt.PrintResult;
import org.medkiosk.hospital.Masking;
import org.medkiosk.journey.identify.IdentitySource;
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

    /** Which part of technician mode shows: CHANGE_PIN is the PIN pad again, for a new technician PIN. */
    public enum Stage { PIN, OPEN, CHANGE_PIN, CLOSED }

    /** Which PIN the change-PIN pad asks for. */
    public enum PinStep { CURRENT, NEW, REPEAT }

    /** What the conformance check of the hospital found: its lines, and whether nothing failed. */
    public record BackendCheck(List<String> lines, boolean conformant) {
        public BackendCheck {
            lines = List.copyOf(lines);
        }
    }

    /** How many lines of the log the screen shows, and how many device events it keeps. */
    public static final int LOG_LINES = 40;
    static final int DEVICE_EVENTS = 8;

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
        /**
         * Blocking (background): writes the journal's intents and print jobs, one JSON object per line with patient ids
         * masked (as `kiosk journal list --json`), to a new file in the data folder's exports/; the file.
         */
        default java.nio.file.Path exportJournal() {
            throw new UnsupportedOperationException("the journal cannot be exported on this kiosk");
        }

        /** Blocking (background): receipts printed since the paper roll was last changed; empty: journal not open. */
        default Optional<PaperCount> paperCount() {
            return Optional.empty();
        }

        /** Blocking (background): "new roll loaded", the count starts again. */
        default void paperRollLoaded() {
            throw new UnsupportedOperationException("the paper counter cannot be reset on this kiosk");
        }

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

        /**
         * Blocking (background): opens a receipt printer on {@code setting} (validated as the loader validates: throws
         * {@link org.medkiosk.app.config.ConfigException} with its message), prints the test page on it and closes
         * it. The kiosk's own printer and its saved setting are not touched.
         */
        default PrintResult testReceiptPrinterSetting(ReceiptPrinterSetting setting) {
            throw new UnsupportedOperationException("settings cannot be tested on this kiosk");
        }

        /** The hospital's address for the screen (never a token or secret); on the UI thread, does not block. */
        default String backendAddress() {
            return "";
        }

        /** Blocking (background): the read-only conformance check of {@code kiosk backend check} on this backend. */
        default BackendCheck checkBackend() {
            throw new UnsupportedOperationException("the hospital cannot be checked from this kiosk");
        }

        /** Blocking (background): the last {@code lines} lines of the kiosk's current log file; empty: no file. */
        default Optional<List<String>> recentLog(int lines) {
            return Optional.empty();
        }

        /** Blocking (background): the SAM id of the ID-card reader; empty: no ID-card reader. */
        default Optional<String> samId() {
            return Optional.empty();
        }

        /** Blocking (background): the SAM's self-test (SAM_STATUS); empty: no ID-card reader. */
        default Optional<SamStatus> samSelfTest() {
            return Optional.empty();
        }

        /** Quits the kiosk with this exit code ({@link #RESTART}: the service manager starts it again). */
        default void exit(int code) {
            exit();
        }

        /** Whether this kiosk may power the machine off (an installed kiosk; never the demo). */
        default boolean canPowerOff() {
            return false;
        }

        /** Blocking (background): asks the system to power off; empty when {@link #canPowerOff()} is false. */
        default Optional<org.medkiosk.app.technician.SystemPower.Outcome> powerOff() {
            return Optional.empty();
        }
    }

    /** The exit code of "Restart": the systemd unit (issue 12) restarts the kiosk on it; the demo simply exits. */
    public static final int RESTART = 3;

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
    private final StringProperty exportResult = new SimpleStringProperty("");
    private final StringProperty paper = new SimpleStringProperty("");
    private final BooleanProperty settling = new SimpleBooleanProperty(false);
    private final StringProperty settingResult = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty(false);
    private final StringProperty settingTestResult = new SimpleStringProperty("");
    private final BooleanProperty settingTesting = new SimpleBooleanProperty(false);
    private final StringProperty backendAddress = new SimpleStringProperty("");
    private final ObjectProperty<List<String>> backendLines = new SimpleObjectProperty<>(List.of());
    private final StringProperty backendResult = new SimpleStringProperty("");
    private final BooleanProperty backendChecking = new SimpleBooleanProperty(false);
    /** Empty until read; then the lines, or a list saying there is no log file (see {@link #logMissing}). */
    private final ObjectProperty<List<String>> logLines = new SimpleObjectProperty<>(List.of());
    private final BooleanProperty logMissing = new SimpleBooleanProperty(false);
    private final StringProperty samResult = new SimpleStringProperty("");
    private final BooleanProperty samBusy = new SimpleBooleanProperty(false);
    /** What the devices reported while technician mode is open, newest first; masked, never a full number. */
    private final ObjectProperty<List<String>> devicesSeen = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<PinStep> pinStep = new SimpleObjectProperty<>(PinStep.CURRENT);
    private final StringProperty pinChangeResult = new SimpleStringProperty("");
    private final BooleanProperty confirmingRestart = new SimpleBooleanProperty(false);
    private final BooleanProperty confirmingShutDown = new SimpleBooleanProperty(false);
    private final BooleanProperty shuttingDown = new SimpleBooleanProperty(false);
    private final StringProperty shutDownResult = new SimpleStringProperty("");

    /** The digits typed so far; never a String. */
    private char[] entered = new char[0];
    /** Changing the PIN: the new PIN typed once, until it is typed again; wiped as soon as it is not needed. */
    private char[] newPin = new char[0];

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

    /** Receipts since the paper roll was changed: how many, and since when. */
    public record PaperCount(int receipts, Optional<java.time.Instant> rollLoadedAt) {
    }

    public ReadOnlyStringProperty exportResultProperty() {
        return exportResult;
    }

    /** "Receipts printed on this roll: 42 (since 1 Dec 08:02)". */
    public ReadOnlyStringProperty paperProperty() {
        return paper;
    }

    /** "Export the journal": a JSON-lines file in the data folder's exports/ (patient ids masked), its path shown. */
    public void exportJournal() {
        if (stage.get() != Stage.OPEN) {
            return;
        }
        exportResult.set(I18n.tr("technician.export.running"));
        CompletableFuture.supplyAsync(desk::exportJournal, tasks.background()).whenCompleteAsync((file, failure) -> {
            Throwable cause = unwrap(failure);
            if (cause != null) {
                LOG.warn("technician journal export failed: {}", cause.toString());
                exportResult.set(I18n.tr("technician.export.failed", String.valueOf(cause.getMessage())));
            } else {
                LOG.info("technician exported the journal to {}", file);
                exportResult.set(I18n.tr("technician.export.done", file.toString()));
            }
        }, tasks.ui());
    }

    /** The paper counter, read in the background. */
    public void refreshPaper() {
        if (stage.get() != Stage.OPEN) {
            return;
        }
        CompletableFuture.supplyAsync(desk::paperCount, tasks.background()).whenCompleteAsync((count, failure) -> {
            if (failure != null) {
                LOG.warn("technician screen: the paper counter cannot be read: {}", failure.toString());
                paper.set(I18n.tr("technician.paper.unknown"));
            } else if (count.isEmpty()) {
                paper.set(I18n.tr("technician.journal.not-open"));
            } else {
                paper.set(count.get().rollLoadedAt()
                        .map(at -> I18n.tr("technician.paper.count-since", count.get().receipts(),
                                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(zone))))
                        .orElse(I18n.tr("technician.paper.count", count.get().receipts())));
            }
        }, tasks.ui());
    }

    /** "New paper roll loaded": the counter starts again from now. */
    public void paperRollLoaded() {
        if (stage.get() != Stage.OPEN) {
            return;
        }
        CompletableFuture.runAsync(desk::paperRollLoaded, tasks.background()).whenCompleteAsync((done, failure) -> {
            if (failure != null) {
                LOG.warn("technician paper counter reset failed: {}", failure.toString());
                paper.set(I18n.tr("technician.paper.unknown"));
                return;
            }
            LOG.info("technician: a new receipt paper roll was loaded");
            refreshPaper();
        }, tasks.ui());
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

    public ReadOnlyStringProperty settingTestResultProperty() {
        return settingTestResult;
    }

    public ReadOnlyBooleanProperty settingTestingProperty() {
        return settingTesting;
    }

    public ReadOnlyStringProperty backendAddressProperty() {
        return backendAddress;
    }

    public ReadOnlyObjectProperty<List<String>> backendLinesProperty() {
        return backendLines;
    }

    public ReadOnlyStringProperty backendResultProperty() {
        return backendResult;
    }

    public ReadOnlyBooleanProperty backendCheckingProperty() {
        return backendChecking;
    }

    public ReadOnlyObjectProperty<List<String>> logLinesProperty() {
        return logLines;
    }

    public ReadOnlyBooleanProperty logMissingProperty() {
        return logMissing;
    }

    public ReadOnlyStringProperty samResultProperty() {
        return samResult;
    }

    public ReadOnlyBooleanProperty samBusyProperty() {
        return samBusy;
    }

    public ReadOnlyObjectProperty<List<String>> devicesSeenProperty() {
        return devicesSeen;
    }

    public ReadOnlyObjectProperty<PinStep> pinStepProperty() {
        return pinStep;
    }

    public ReadOnlyStringProperty pinChangeResultProperty() {
        return pinChangeResult;
    }

    public ReadOnlyBooleanProperty confirmingRestartProperty() {
        return confirmingRestart;
    }

    public ReadOnlyBooleanProperty confirmingShutDownProperty() {
        return confirmingShutDown;
    }

    /** True while the system is being asked to power off (the button waits). */
    public ReadOnlyBooleanProperty shuttingDownProperty() {
        return shuttingDown;
    }

    /** What the system said to "Shut down": powering off, or why it refused. */
    public ReadOnlyStringProperty shutDownResultProperty() {
        return shutDownResult;
    }

    /** Whether "Shut down" is offered (an installed kiosk: the demo never powers its machine off). */
    public boolean canShutDown() {
        return desk.canPowerOff();
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
                    Throwable cause = unwrap(failure);
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

    /**
     * "Test this setting": the test page on a printer opened on the edited (unsaved) setting, in the background; the
     * result in words. Nothing is saved: the kiosk keeps its printer until Save and the next start.
     */
    public void testReceiptPrinterSetting(String spec, String profile) {
        if (stage.get() != Stage.OPEN || settingTesting.get()) {
            return;
        }
        settingTesting.set(true);
        ReceiptPrinterSetting setting = new ReceiptPrinterSetting(spec == null ? "" : spec.trim(),
                profile == null ? "" : profile.trim());
        settingTestResult.set(I18n.tr("technician.setting.testing", setting.spec()));
        CompletableFuture.supplyAsync(() -> desk.testReceiptPrinterSetting(setting), tasks.background())
                .whenCompleteAsync((result, failure) -> {
                    settingTesting.set(false);
                    Throwable cause = unwrap(failure);
                    if (cause == null) {
                        String words = words(Optional.of(result));
                        LOG.info("technician tested receipt printer setting {}: {}", setting.spec(), words);
                        settingTestResult.set(I18n.tr("technician.setting.tested", setting.spec(), words));
                    } else if (cause instanceof org.medkiosk.app.config.ConfigException bad) {
                        settingTestResult.set(I18n.tr("technician.setting.not-tested", bad.getMessage()));
                    } else {
                        LOG.warn("technician setting test failed: {}", cause.toString());
                        settingTestResult.set(I18n.tr("technician.setting.not-tested", String.valueOf(cause.getMessage())));
                    }
                }, tasks.ui());
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
    }

    // ---- the hospital, the log, the ID-card reader ---------------------------------------------------------------

    /** "Check the hospital": the conformance check in the background (it takes seconds), its lines on the screen. */
    public void checkBackend() {
        if (stage.get() != Stage.OPEN || backendChecking.get()) {
            return;
        }
        backendChecking.set(true);
        backendLines.set(List.of());
        backendResult.set(I18n.tr("technician.backend.checking"));
        CompletableFuture.supplyAsync(desk::checkBackend, tasks.background()).whenCompleteAsync((check, failure) -> {
            backendChecking.set(false);
            backendAddress.set(desk.backendAddress());
            Throwable cause = unwrap(failure);
            if (cause != null) {
                LOG.warn("technician backend check failed: {}", cause.toString());
                backendResult.set(I18n.tr("technician.backend.failed", String.valueOf(cause.getMessage())));
                return;
            }
            LOG.info("technician backend check: {}", check.conformant() ? "conformant" : "not conformant");
            backendLines.set(check.lines());
            backendResult.set(check.conformant() ? I18n.tr("technician.backend.conformant")
                    : I18n.tr("technician.backend.not-conformant"));
        }, tasks.ui());
    }

    /** The last lines of the kiosk's log (masked by the log layout), read in the background. */
    public void refreshLog() {
        if (stage.get() != Stage.OPEN) {
            return;
        }
        CompletableFuture.supplyAsync(() -> desk.recentLog(LOG_LINES), tasks.background())
                .whenCompleteAsync((lines, failure) -> {
                    if (failure != null) {
                        LOG.warn("technician screen: the log cannot be read: {}", failure.toString());
                        logMissing.set(false);
                        logLines.set(List.of(I18n.tr("technician.log.unreadable", String.valueOf(unwrap(failure).getMessage()))));
                        return;
                    }
                    if (stage.get() == Stage.OPEN) {
                        logMissing.set(lines.isEmpty());
                        logLines.set(lines.map(List::copyOf).orElse(List.of()));
                    }
                }, tasks.ui());
    }

    /** "Read SAM id": asks the ID-card reader between its polls (background). */
    public void readSamId() {
        samCommand(() -> desk.samId().map(id -> I18n.tr("technician.sam.id", id)));
    }

    /** "SAM self-test": SAM_STATUS, the answer in words. */
    public void samSelfTest() {
        samCommand(() -> desk.samSelfTest().map(status -> status == SamStatus.SUCCESS
                ? I18n.tr("technician.sam.self-test-passed", String.format("0x%02X", status.code()))
                : I18n.tr("technician.sam.self-test-failed", status.reason(),
                        status.code() < 0 ? "?" : String.format("0x%02X", status.code()))));
    }

    private void samCommand(java.util.function.Supplier<Optional<String>> ask) {
        if (stage.get() != Stage.OPEN || samBusy.get()) {
            return;
        }
        samBusy.set(true);
        samResult.set(I18n.tr("technician.sam.asking"));
        CompletableFuture.supplyAsync(ask, tasks.background()).whenCompleteAsync((answer, failure) -> {
            samBusy.set(false);
            Throwable cause = unwrap(failure);
            if (cause != null) {
                LOG.warn("technician SAM command failed: {}", cause.toString());
                samResult.set(I18n.tr("technician.sam.failed", String.valueOf(cause.getMessage())));
            } else {
                samResult.set(answer.orElse(I18n.tr("technician.sam.no-reader")));
            }
        }, tasks.ui());
    }

    // ---- what the devices report while technician mode is open (masked: the technician checks the device) -------

    /** An ID card was read: its type and the masked number (1101**********1234), never the name or full number. */
    public void idCardRead(org.medkiosk.device.idcard.IdCard card) {
        String type = switch (card.cardType()) {
            case RESIDENT -> I18n.tr("technician.seen.card.resident");
            case HK_MACAU_TAIWAN_RESIDENCE_PERMIT -> I18n.tr("technician.seen.card.residence-permit");
            default -> I18n.tr("technician.seen.card.foreign-permanent");
        };
        deviceSeen(I18n.tr("technician.seen.id-card", type, Masking.idNumber(card.idNumber())));
    }

    /** A card or code that identifies a patient: what kind, and for a code only its length. */
    public void identityPresented(org.medkiosk.hospital.PatientIdentifier id, IdentitySource source) {
        String value = id.value() == null ? "" : id.value();
        switch (source) {
            case QR_CODE -> deviceSeen(I18n.tr("technician.seen.code", I18n.tr("technician.seen.code.qr"), value.length()));
            case INSURANCE_CARD -> deviceSeen(I18n.tr("technician.seen.smart-card",
                    I18n.tr("technician.seen.card.insurance"), Masking.idNumber(value)));
            case PATIENT_CARD -> deviceSeen(I18n.tr("technician.seen.smart-card",
                    I18n.tr("technician.seen.card.patient"), Masking.idNumber(value)));
            default -> deviceSeen(I18n.tr("technician.seen.id-card",
                    I18n.tr("technician.seen.card.resident"), Masking.idNumber(value)));
        }
    }

    /** A code that identifies no one; a payment code is a one-time secret: nothing of it is shown, not its length. */
    public void codeScanned(boolean paymentCode) {
        deviceSeen(paymentCode ? I18n.tr("technician.seen.payment-code") : I18n.tr("technician.seen.other-code"));
    }

    /** A registration slip's or a specimen's code: its length only. */
    public void slipScanned(String code) {
        deviceSeen(I18n.tr("technician.seen.code", I18n.tr("technician.seen.code.slip"), code == null ? 0 : code.length()));
    }

    /** A staff card: that one was read, not whose. */
    public void staffCardRead() {
        deviceSeen(I18n.tr("technician.seen.staff-card"));
    }

    private void deviceSeen(String line) {
        if (stage.get() != Stage.OPEN && stage.get() != Stage.CHANGE_PIN) {
            return; // only for a technician who is in (the PIN pad is not yet technician mode)
        }
        List<String> now = new java.util.ArrayList<>();
        now.add(time(Instant.now()) + "  " + line);
        now.addAll(devicesSeen.get());
        devicesSeen.set(List.copyOf(now.subList(0, Math.min(now.size(), DEVICE_EVENTS))));
    }

    // ---- the PIN pad --------------------------------------------------------------------------------------------

    public void digit(int d) {
        if (!onPinPad() || checking.get() || d < 0 || d > 9 || entered.length >= PinRule.MAX_LENGTH) {
            return;
        }
        char[] more = Arrays.copyOf(entered, entered.length + 1);
        more[entered.length] = (char) ('0' + d);
        replaceEntered(more);
    }

    public void deleteDigit() {
        if (!onPinPad() || checking.get() || entered.length == 0) {
            return;
        }
        replaceEntered(Arrays.copyOf(entered, entered.length - 1));
    }

    private boolean onPinPad() {
        return stage.get() == Stage.PIN || stage.get() == Stage.CHANGE_PIN;
    }

    private void replaceEntered(char[] now) {
        Arrays.fill(entered, '\0');
        entered = now;
        dots.set("\u25CF".repeat(now.length));
    }

    /** OK on the PIN pad: the PIN is checked in the background; the typed digits are gone from here at once. */
    public void submit() {
        if (stage.get() == Stage.CHANGE_PIN) {
            submitChange();
            return;
        }
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
            backendAddress.set(desk.backendAddress());
            refreshDevices();
            refreshJournal();
            refreshPaper();
            refreshLog();
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

    // ---- changing the PIN ---------------------------------------------------------------------------------------

    /** "Change PIN": the PIN pad asks for the current PIN, then the new one twice. */
    public void startChangePin() {
        if (stage.get() != Stage.OPEN) {
            return;
        }
        replaceEntered(new char[0]);
        wipeNewPin();
        pinMessage.set("");
        pinChangeResult.set("");
        pinStep.set(PinStep.CURRENT);
        stage.set(Stage.CHANGE_PIN);
    }

    /** Cancel on the change-PIN pad: back to the technician screen, the PIN unchanged, every digit wiped. */
    public void cancelChangePin() {
        if (stage.get() != Stage.CHANGE_PIN || checking.get()) {
            return;
        }
        replaceEntered(new char[0]);
        wipeNewPin();
        pinMessage.set("");
        stage.set(Stage.OPEN);
    }

    private void submitChange() {
        if (checking.get() || entered.length == 0) {
            return;
        }
        char[] typed = entered;
        entered = new char[0];
        dots.set("");
        switch (pinStep.get()) {
            case CURRENT -> checkCurrentPin(typed);
            case NEW -> {
                Optional<PinRule> broken = PinRule.brokenBy(typed);
                if (broken.isPresent()) {
                    Arrays.fill(typed, '\0');
                    pinMessage.set(I18n.tr("technician.change-pin.refused", rule(broken.get())));
                    return;
                }
                wipeNewPin();
                newPin = typed;
                pinMessage.set("");
                pinStep.set(PinStep.REPEAT);
            }
            default -> {
                boolean same = Arrays.equals(typed, newPin);
                Arrays.fill(typed, '\0');
                if (!same) {
                    wipeNewPin();
                    pinMessage.set(I18n.tr("technician.change-pin.mismatch"));
                    pinStep.set(PinStep.NEW);
                    return;
                }
                setNewPin();
            }
        }
    }

    /** The current PIN is checked as at the door (it counts towards the lockout), so a passer-by cannot change it. */
    private void checkCurrentPin(char[] typed) {
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
            if (stage.get() != Stage.CHANGE_PIN) {
                return;
            }
            if (failure != null) {
                LOG.error("the technician PIN could not be checked: {}", failure.toString());
                pinMessage.set(I18n.tr("technician.pin.error"));
            } else if (result instanceof PinCheck.Accepted) {
                pinMessage.set("");
                pinStep.set(PinStep.NEW);
            } else if (result instanceof PinCheck.Wrong wrong) {
                pinMessage.set(wrong.lockedUntil().isPresent()
                        ? I18n.tr("technician.pin.locked", time(wrong.lockedUntil().get()))
                        : I18n.tr("technician.pin.wrong", wrong.attemptsBeforeLockout()));
            } else if (result instanceof PinCheck.LockedOut locked) {
                pinMessage.set(I18n.tr("technician.pin.locked", time(locked.until())));
            } else {
                pinMessage.set(I18n.tr("technician.pin.not-set-up"));
            }
        }, tasks.ui());
    }

    private void setNewPin() {
        char[] fresh = newPin;
        newPin = new char[0];
        checking.set(true);
        pinMessage.set(I18n.tr("technician.change-pin.saving"));
        CompletableFuture.runAsync(() -> {
            try {
                pin.set(fresh);
            } finally {
                Arrays.fill(fresh, '\0');
            }
        }, tasks.background()).whenCompleteAsync((done, failure) -> {
            checking.set(false);
            if (stage.get() != Stage.CHANGE_PIN) {
                return;
            }
            Throwable cause = unwrap(failure);
            if (cause != null) {
                // TechnicianPin's messages name the rule or the file, never the PIN
                LOG.error("the technician PIN was not changed: {}", cause.toString());
                pinMessage.set(I18n.tr("technician.change-pin.failed", String.valueOf(cause.getMessage())));
                pinStep.set(PinStep.NEW);
                return;
            }
            LOG.info("technician PIN changed on the technician screen");
            pinMessage.set("");
            pinChangeResult.set(I18n.tr("technician.change-pin.done"));
            stage.set(Stage.OPEN);
        }, tasks.ui());
    }

    private static String rule(PinRule rule) {
        return switch (rule) {
            case TOO_SHORT -> I18n.tr("technician.pin-rule.too-short", PinRule.MIN_LENGTH);
            case TOO_LONG -> I18n.tr("technician.pin-rule.too-long", PinRule.MAX_LENGTH);
            case ONLY_DIGITS -> I18n.tr("technician.pin-rule.only-digits");
            case NOT_ONE_DIGIT_REPEATED -> I18n.tr("technician.pin-rule.not-one-digit");
            case NOT_A_RUN -> I18n.tr("technician.pin-rule.not-a-run");
        };
    }

    private void wipeNewPin() {
        Arrays.fill(newPin, '\0');
        newPin = new char[0];
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
            refreshPaper();
        }, tasks.ui());
    }

    public void exitKiosk() {
        LOG.info("technician exit requested from technician mode");
        close();
        desk.exit();
    }

    /** "Restart": asks first, since a restart ends any session on the kiosk's other screens and takes a while. */
    public void askRestart() {
        if (stage.get() == Stage.OPEN) {
            confirmingShutDown.set(false);
            confirmingRestart.set(true);
        }
    }

    public void cancelRestart() {
        confirmingRestart.set(false);
    }

    /** Confirmed: exits with {@link #RESTART}, on which the service manager starts the kiosk again. */
    public void restartKiosk() {
        if (!confirmingRestart.get()) {
            return;
        }
        LOG.info("technician restart requested from technician mode");
        close();
        desk.exit(RESTART);
    }

    /** "Shut down": asks first, like Restart; the machine then needs someone at its power button to come back. */
    public void askShutDown() {
        if (stage.get() == Stage.OPEN && desk.canPowerOff()) {
            confirmingRestart.set(false);
            shutDownResult.set("");
            confirmingShutDown.set(true);
        }
    }

    public void cancelShutDown() {
        confirmingShutDown.set(false);
    }

    /**
     * Confirmed: asks the system to power off (systemd, through logind and polkit). Only once the system has taken
     * the request does the kiosk close (its journal and devices, as on Exit), so a refusal leaves it running and says
     * why on the screen.
     */
    public void shutDown() {
        if (!confirmingShutDown.get() || shuttingDown.get()) {
            return;
        }
        LOG.info("technician shut down requested from technician mode");
        shuttingDown.set(true);
        shutDownResult.set(I18n.tr("technician.shut-down.asking"));
        CompletableFuture.supplyAsync(desk::powerOff, tasks.background()).whenCompleteAsync((outcome, failure) -> {
            shuttingDown.set(false);
            confirmingShutDown.set(false);
            Throwable cause = unwrap(failure);
            String refused = cause != null ? cause.toString()
                    : outcome.isEmpty() ? "not available"
                    : outcome.get() instanceof org.medkiosk.app.technician.SystemPower.Outcome.Refused r ? r.reason()
                    : null;
            if (refused != null) {
                LOG.warn("the system refused to power off: {}", refused);
                shutDownResult.set(I18n.tr("technician.shut-down.refused", refused));
                return;
            }
            LOG.info("the system is powering off");
            close();
            desk.exit(0);
        }, tasks.ui());
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
        wipeNewPin();
        dots.set("");
        pinMessage.set("");
        confirmingRestart.set(false);
        confirmingShutDown.set(false);
        shutDownResult.set("");
        stage.set(Stage.CLOSED);
        devices.set(List.of());
        facts.set(Optional.empty());
        journal.set(Optional.empty());
        devicesSeen.set(List.of());
        logLines.set(List.of());
        backendLines.set(List.of());
        samResult.set("");
    }
}
