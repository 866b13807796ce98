package org.medkiosk.app;

import java.time.Duration;
import java.util.Optional;
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
import org.medkiosk.device.link.Link;
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

    private final Optional<Link> idCardLink;
    private final Optional<Link> scannerLink;
    private final Optional<Simulators> simulators;
    private IdCardReader idCardReader;
    private SerialScanner scanner;

    /** The far ends of the demo's links, and the receipt printer the demo prints on. */
    record Simulators(SamReaderSimulator idCardReader, ScannerSimulator scanner, PrinterSimulator printer,
                      ReceiptPrinter receiptPrinter) {
    }

    private KioskDevices(Optional<Link> idCardLink, Optional<Link> scannerLink, Optional<Simulators> simulators) {
        this.idCardLink = idCardLink;
        this.scannerLink = scannerLink;
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
        return new KioskDevices(Optional.of(idcard.host()), Optional.of(scan.host()),
                Optional.of(new Simulators(samReader, scanner, printer, receiptPrinter)));
    }

    static KioskDevices fromConfig(KioskConfig config) {
        Optional<Link> link = config.idCardReader().port()
                .map(port -> new SerialLink(SerialSettings.of(port, config.idCardReader().baud())));
        if (link.isEmpty()) {
            LOG.warn("no ID-card reader configured (idcard.port); patients identify by card or code only");
        }
        return new KioskDevices(link, Optional.empty(), Optional.empty());
    }

    Optional<SamReaderSimulator> idCardSimulator() {
        return simulators.map(Simulators::idCardReader);
    }

    Optional<Simulators> simulators() {
        return simulators;
    }

    /** Opens the readers; their events reach the view model on the UI thread. */
    void start(KioskConfig config, TaskExecutor tasks, KioskViewModel vm) {
        idCardLink.ifPresent(link -> {
            IdCardReaderSettings settings = IdCardReaderSettings.defaults()
                    .withPollInterval(config.idCardReader().pollInterval());
            idCardReader = new IdCardReader(link, settings, event -> {
                if (event instanceof IdCardEvent.CardRead read) {
                    tasks.ui().execute(() -> vm.presentIdCard(read.card()));
                } else if (event instanceof IdCardEvent.ReadFailed failed) {
                    LOG.warn("ID card could not be read: {} {}", failed.failure(), failed.detail());
                    tasks.ui().execute(vm::cardUnreadable);
                } else if (event instanceof IdCardEvent.HealthChanged health) {
                    LOG.info("ID-card reader: {}", health.health());
                }
            });
            idCardReader.start();
        });
        scannerLink.ifPresent(link -> {
            scanner = new SerialScanner(link, ScannerFraming.defaults(), TriggerProfile.PRESENTATION, new CodeClassifier(),
                    event -> {
                        if (event instanceof ScannerEvent.CodeScanned scanned) {
                            ScannedCode code = scanned.code();
                            // Only the kind: a wallet code is a one-time secret, not even its masked form is logged.
                            LOG.info("scanned a {}", code.kind());
                            Optional<WalletCode> wallet = WalletCodes.of(code);
                            if (wallet.isPresent()) {
                                tasks.ui().execute(() -> vm.walletCode(wallet.get()));
                                return;
                            }
                            tasks.ui().execute(() -> ScannedIdentity.of(code).ifPresentOrElse(
                                    id -> vm.present(id, IdentitySource.QR_CODE),
                                    () -> vm.codeNotForIdentity(code.kind().isPaymentCode())));
                        }
                    });
            scanner.start();
        });
    }

    void showSimulatorPanel(Stage owner) {
        simulators.ifPresent(sim -> new SimulatorPanel(sim.idCardReader(), sim.scanner(), sim.printer(),
                sim.receiptPrinter()).show(owner));
    }

    @Override
    public void close() {
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
