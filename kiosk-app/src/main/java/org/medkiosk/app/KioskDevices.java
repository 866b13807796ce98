package org.medkiosk.app;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.medkiosk.journey.concurrent.TaskExecutor;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.journey.payment.WalletCode;
import org.medkiosk.journey.payment.WalletCodes;
import org.medkiosk.journey.identify.ScannedIdentity;
import org.medkiosk.journey.identify.IdentitySource;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.ui.SimulatorPanel;
import org.medkiosk.device.idcard.IdCardEvent;
import org.medkiosk.device.idcard.IdCardReader;
import org.medkiosk.device.idcard.IdCardReaderSettings;
import org.medkiosk.device.idcard.SamReaderSimulator;
import org.medkiosk.device.link.InMemoryLink;
import org.medkiosk.device.link.LinkException;
import org.medkiosk.device.receipt.PrinterSimulator;
import org.medkiosk.device.receipt.ReceiptPrinter;
import org.medkiosk.device.scanner.CodeClassifier;
import org.medkiosk.device.scanner.ScannedCode;
import org.medkiosk.device.scanner.ScannerEvent;
import org.medkiosk.device.scanner.ScannerFraming;
import org.medkiosk.device.scanner.ScannerSimulator;
import org.medkiosk.device.scanner.SerialScanner;
import org.medkiosk.device.scanner.TriggerProfile;
import org.medkiosk.app.devices.DeviceAvailability;
import org.medkiosk.device.link.DeviceHealth;
import org.medkiosk.device.link.Link;
import org.medkiosk.device.smartcard.CardTerminalSource;
import org.medkiosk.device.smartcard.PcscTerminalSource;
import org.medkiosk.device.smartcard.SimulatedCardReaders;
import org.medkiosk.device.smartcard.SmartCardEvent;
import org.medkiosk.device.smartcard.SmartCardProfiles;
import org.medkiosk.device.smartcard.SmartCardReader;
import org.medkiosk.journey.identify.SmartCardIdentities;
import org.medkiosk.device.link.LinkPair;
import org.medkiosk.device.link.SerialLink;
import org.medkiosk.device.link.SerialSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's devices and, in demo mode, the simulators on the other end of their links. Simulated devices
 * speak the real protocols over in-memory links, so the demo runs the same driver code as a lobby.
 */
final class KioskDevices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KioskDevices.class);

    /** The demo's in-process PC/SC reader (the simulator panel inserts cards into it). */
    static final String SIMULATED_SMART_CARD_READER = "MedKiosk demo card reader";
    /** How often a command-trigger scanner is told again to scan (its own trigger timeout may have ended it). */
    private static final Duration TRIGGER_REARM = Duration.ofSeconds(15);

    private final Optional<Link> idCardLink;
    private final Optional<Link> scannerLink;
    private final KioskConfig.Scanner scannerSettings;
    private final Optional<CardTerminalSource> cardTerminals;
    private final Optional<String> onlySmartCardReader;
    private final Duration smartCardPoll;
    private final Optional<Simulators> simulators;
    private IdCardReader idCardReader;
    private SerialScanner scanner;
    private SmartCardReader smartCardReader;
    private ScheduledExecutorService triggerRearm;
    /** Last smart-card health and reader list (UI thread): a named reader that is unplugged is out of order too. */
    private DeviceHealth smartCardHealth = DeviceHealth.offline("not started");
    private List<String> smartCardReaders = List.of();

    /** The far ends of the demo's links, and the receipt printer the demo prints on. */
    record Simulators(SamReaderSimulator idCardReader, ScannerSimulator scanner, PrinterSimulator printer,
                      ReceiptPrinter receiptPrinter, SimulatedCardReaders smartCardReaders) {
    }

    private KioskDevices(Optional<Link> idCardLink, Optional<Link> scannerLink, KioskConfig.Scanner scannerSettings,
                         Optional<CardTerminalSource> cardTerminals, Optional<String> onlySmartCardReader,
                         Duration smartCardPoll, Optional<Simulators> simulators) {
        this.idCardLink = idCardLink;
        this.scannerLink = scannerLink;
        this.scannerSettings = scannerSettings;
        this.cardTerminals = cardTerminals;
        this.onlySmartCardReader = onlySmartCardReader;
        this.smartCardPoll = smartCardPoll;
        this.simulators = simulators;
    }

    static KioskDevices simulated() {
        LinkPair idcard = InMemoryLink.pair("simulated-idcard");
        SamReaderSimulator samReader = new SamReaderSimulator(idcard.device());
        samReader.start();
        LinkPair scan = InMemoryLink.pair("simulated-scanner");
        ScannerSimulator scanner = new ScannerSimulator(scan.device(), ScannerFraming.defaults(), TriggerProfile.PRESENTATION);
        LinkPair paper = InMemoryLink.pair("simulated-receipt-printer");
        PrinterSimulator printer = new PrinterSimulator();
        try {
            scanner.start();
            Thread printerThread = new Thread(() -> {
                try {
                    printer.runOn(paper.device());
                } catch (Exception e) {
                    LOG.info("simulated printer stopped: {}", e.toString());
                }
            }, "simulated-receipt-printer");
            printerThread.setDaemon(true);
            printerThread.start();
        } catch (LinkException e) {
            throw new IllegalStateException("demo simulators could not start", e);
        }
        ReceiptPrinter receiptPrinter = new ReceiptPrinter(paper.host(), true, Duration.ofSeconds(2));
        // The real SmartCardReader driver runs against in-process PC/SC readers holding simulated cards.
        SimulatedCardReaders cards = new SimulatedCardReaders(SIMULATED_SMART_CARD_READER);
        return new KioskDevices(Optional.of(idcard.host()), Optional.of(scan.host()), KioskConfig.Scanner.none(),
                Optional.of(cards), Optional.empty(), Duration.ofMillis(200),
                Optional.of(new Simulators(samReader, scanner, printer, receiptPrinter, cards)));
    }

    /** The devices of `kiosk run`: each one the configuration names (idcard.*, scanner.*, smartcard.*). */
    static KioskDevices fromConfig(KioskConfig config) {
        Optional<Link> link = config.idCardReader().port()
                .map(port -> new SerialLink(SerialSettings.of(port, config.idCardReader().baud())));
        if (link.isEmpty()) {
            LOG.warn("no ID-card reader configured (idcard.port); patients identify by card or code only");
        }
        KioskConfig.Scanner sc = config.scanner();
        Optional<Link> scannerLink = sc.port().map(port -> new SerialLink(SerialSettings.of(port, sc.baud())));
        if (scannerLink.isEmpty()) {
            LOG.warn("no scanner configured (scanner.port); QR codes and wallet payment codes cannot be read");
        }
        KioskConfig.SmartCardReader smart = config.smartCardReader();
        Optional<CardTerminalSource> terminals = Optional.empty();
        if (smart.reader().isPresent()) {
            // JDK 17 does not find libpcsclite by itself; this must be set before the PC/SC provider first loads.
            smart.library().ifPresent(lib -> System.setProperty("sun.security.smartcardio.library", lib.toString()));
            terminals = Optional.of(new PcscTerminalSource());
        } else {
            LOG.warn("no smart-card reader configured (smartcard.reader); insurance and patient cards cannot be read");
        }
        return new KioskDevices(link, scannerLink, sc, terminals, smart.onlyReader(), smart.pollInterval(),
                Optional.empty());
    }

    /** The running ID-card reader driver (technician mode's SAM id and self-test); empty before start or when none. */
    Optional<IdCardReader> idCardReader() {
        return Optional.ofNullable(idCardReader);
    }

    Optional<SamReaderSimulator> idCardSimulator() {
        return simulators.map(Simulators::idCardReader);
    }

    Optional<Simulators> simulators() {
        return simulators;
    }

    // --- issue 9 (reports): the demo's A4 report printer, in memory; the simulator panel shows its pages and faults.
    private final org.medkiosk.app.demo.SimulatedReportPrinter a4Simulator = new org.medkiosk.app.demo.SimulatedReportPrinter();

    /** The demo's simulated A4 printer; empty for a lobby kiosk (printer.report names a CUPS queue there). */
    Optional<org.medkiosk.app.demo.SimulatedReportPrinter> reportPrinterSimulator() {
        return simulators.map(sim -> a4Simulator);
    }
    // --- end issue 9 (reports)

    /** Opens the readers; their events, and their health, reach the view model on the UI thread. */
    void start(KioskConfig config, TaskExecutor tasks, KioskViewModel vm) {
        DeviceAvailability availability = vm.deviceAvailability();
        idCardLink.ifPresent(link -> {
            availability.installed(DeviceAvailability.Device.ID_CARD_READER);
            IdCardReaderSettings settings = IdCardReaderSettings.defaults()
                    .withPollInterval(config.idCardReader().pollInterval());
            idCardReader = new IdCardReader(link, settings, event -> {
                if (event instanceof IdCardEvent.CardRead read) {
                    tasks.ui().execute(() -> vm.presentIdCard(read.card()));
                } else if (event instanceof IdCardEvent.CardRemoved) {
                    tasks.ui().execute(() -> vm.cardTaken(org.medkiosk.app.session.CardSlot.ID_CARD_READER));
                } else if (event instanceof IdCardEvent.ReadFailed failed) {
                    LOG.warn("ID card could not be read: {} {}", failed.failure(), failed.detail());
                    tasks.ui().execute(vm::cardUnreadable);
                } else if (event instanceof IdCardEvent.HealthChanged health) {
                    LOG.info("ID-card reader: {}", health.health());
                    tasks.ui().execute(() -> availability.health(DeviceAvailability.Device.ID_CARD_READER,
                            health.health()));
                }
            });
            idCardReader.start();
        });
        scannerLink.ifPresent(link -> startScanner(link, tasks, vm));
        cardTerminals.ifPresent(source -> startSmartCardReader(source, tasks, vm));
    }

    private void startScanner(Link link, TaskExecutor tasks, KioskViewModel vm) {
        DeviceAvailability availability = vm.deviceAvailability();
        availability.installed(DeviceAvailability.Device.SCANNER);
        TriggerProfile trigger = scannerSettings.trigger();
        scanner = new SerialScanner(link, scannerSettings.framing(), trigger,
                new CodeClassifier(scannerSettings.codeFormats()),
                event -> {
                    if (event instanceof ScannerEvent.CodeScanned scanned) {
                        ScannedCode code = scanned.code();
                        // Only the kind: a wallet code is a one-time secret, not even its masked form is logged.
                        LOG.info("scanned a {}", code.kind());
                        if (trigger.needsTrigger()) {
                            armScanner(); // a command-trigger scanner stops after a decode: ready for the next one
                        }
                        Optional<WalletCode> wallet = WalletCodes.of(code);
                        if (wallet.isPresent()) {
                            tasks.ui().execute(() -> vm.walletCode(wallet.get()));
                            return;
                        }
                        if (slipCode(code, tasks, vm)) {
                            return;
                        }
                        tasks.ui().execute(() -> ScannedIdentity.of(code).ifPresentOrElse(
                                id -> vm.present(id, IdentitySource.QR_CODE),
                                () -> vm.codeNotForIdentity(code.kind().isPaymentCode())));
                    } else if (event instanceof ScannerEvent.HealthChanged health) {
                        LOG.info("scanner: {}", health.health());
                        if (trigger.needsTrigger() && health.health() instanceof DeviceHealth.Ready) {
                            armScanner();
                        }
                        tasks.ui().execute(() -> availability.health(DeviceAvailability.Device.SCANNER, health.health()));
                    }
                });
        scanner.start();
        if (trigger.needsTrigger()) {
            triggerRearm = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "scanner-trigger");
                t.setDaemon(true);
                return t;
            });
            long every = TRIGGER_REARM.toMillis();
            triggerRearm.scheduleWithFixedDelay(() -> {
                if (scanner != null && scanner.health() instanceof DeviceHealth.Ready) {
                    armScanner();
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * A registration slip's appointment QR or a lab specimen barcode (issue 9, check in / reports): the view model asks
     * the hospital whose it is and opens that journey. Answers false for every other code.
     */
    private static boolean slipCode(ScannedCode code, TaskExecutor tasks, KioskViewModel vm) {
        if (code.kind() == org.medkiosk.device.scanner.CodeKind.APPOINTMENT) {
            tasks.ui().execute(() -> vm.appointmentCode(code.value()));
            return true;
        }
        if (code.kind() == org.medkiosk.device.scanner.CodeKind.LAB_SPECIMEN) {
            tasks.ui().execute(() -> vm.specimenCode(code.value()));
            return true;
        }
        return false;
    }

    /** Tells a command-trigger scanner to scan; the kiosk always wants a code (identity or payment). */
    private void armScanner() {
        SerialScanner s = scanner;
        if (s == null) {
            return;
        }
        try {
            s.startScanning();
        } catch (LinkException e) {
            LOG.info("scanner trigger not sent: {}", e.getMessage());
        }
    }

    private void startSmartCardReader(CardTerminalSource source, TaskExecutor tasks, KioskViewModel vm) {
        DeviceAvailability availability = vm.deviceAvailability();
        availability.installed(DeviceAvailability.Device.SMART_CARD_READER);
        smartCardReader = new SmartCardReader(source, new SmartCardProfiles(), smartCardPoll, event -> {
            if (event instanceof SmartCardEvent.CardRead read) {
                if (onlySmartCardReader.isPresent() && !onlySmartCardReader.get().equals(read.reader())) {
                    return; // smartcard.reader names another reader: this one is not the kiosk's
                }
                LOG.info("smart card read: {}", read.identity().getClass().getSimpleName());
                tasks.ui().execute(() -> vm.cardInserted(org.medkiosk.app.session.CardSlot.SMART_CARD_READER));
                if (read.identity() instanceof org.medkiosk.device.smartcard.SmartCardIdentity.StaffCard staff) {
                    tasks.ui().execute(() -> vm.staffCardPresented(staff.staffCardNumber()));
                    return;
                }
                tasks.ui().execute(() -> vm.present(SmartCardIdentities.of(read.identity()),
                        SmartCardIdentities.sourceOf(read.identity())));
            } else if (event instanceof SmartCardEvent.CardFailed failed) {
                if (onlySmartCardReader.isPresent() && !onlySmartCardReader.get().equals(failed.reader())) {
                    return;
                }
                LOG.warn("smart card could not be read: {} {}", failed.reason(), failed.detail());
                tasks.ui().execute(() -> vm.cardInserted(org.medkiosk.app.session.CardSlot.SMART_CARD_READER));
                tasks.ui().execute(vm::smartCardUnreadable);
            } else if (event instanceof SmartCardEvent.CardRemoved removed) {
                if (onlySmartCardReader.isEmpty() || onlySmartCardReader.get().equals(removed.reader())) {
                    tasks.ui().execute(() -> vm.cardTaken(org.medkiosk.app.session.CardSlot.SMART_CARD_READER));
                }
            } else if (event instanceof SmartCardEvent.ReadersChanged changed) {
                LOG.info("smart-card readers: {}", changed.readers());
                tasks.ui().execute(() -> {
                    smartCardReaders = changed.readers();
                    updateSmartCardAvailability(availability);
                });
            } else if (event instanceof SmartCardEvent.HealthChanged health) {
                LOG.info("smart-card reader: {}", health.health());
                tasks.ui().execute(() -> {
                    smartCardHealth = health.health();
                    updateSmartCardAvailability(availability);
                });
            }
        });
        smartCardReader.start();
    }

    private void updateSmartCardAvailability(DeviceAvailability availability) {
        DeviceHealth h = smartCardHealth;
        if (h.isUsable() && onlySmartCardReader.isPresent() && !smartCardReaders.contains(onlySmartCardReader.get())) {
            h = DeviceHealth.offline("smart-card reader " + onlySmartCardReader.get() + " is not connected");
        }
        availability.health(DeviceAvailability.Device.SMART_CARD_READER, h);
    }

    void showSimulatorPanel(Stage owner) {
        simulators.ifPresent(sim -> new SimulatorPanel(sim.idCardReader(), sim.scanner(), sim.printer(),
                sim.receiptPrinter()).withSmartCards(sim.smartCardReaders(), SIMULATED_SMART_CARD_READER)
                .withReportPrinter(a4Simulator).show(owner));
    }

    @Override
    public void close() {
        if (triggerRearm != null) {
            triggerRearm.shutdownNow();
        }
        if (smartCardReader != null) {
            smartCardReader.close();
        }
        if (idCardReader != null) {
            idCardReader.close();
        }
        if (scanner != null) {
            scanner.close();
        }
        simulators.ifPresent(sim -> {
            sim.idCardReader().close();
            sim.scanner().close();
            sim.receiptPrinter().close();
            sim.printer().close();
        });
    }
}
