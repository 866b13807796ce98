package org.medkiosk.journey.runner;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.medkiosk.device.idcard.IdCard;
import org.medkiosk.device.idcard.IdCardEvent;
import org.medkiosk.device.idcard.IdCardReader;
import org.medkiosk.device.idcard.IdCardReaderSettings;
import org.medkiosk.device.idcard.SamReaderSimulator;
import org.medkiosk.device.link.InMemoryLink;
import org.medkiosk.device.link.LinkException;
import org.medkiosk.device.link.LinkPair;
import org.medkiosk.device.receipt.PrintResult;
import org.medkiosk.device.receipt.PrinterSimulator;
import org.medkiosk.device.receipt.ReceiptPrinter;
import org.medkiosk.device.scanner.CodeClassifier;
import org.medkiosk.device.scanner.ScannedCode;
import org.medkiosk.device.scanner.ScannerEvent;
import org.medkiosk.device.scanner.ScannerFraming;
import org.medkiosk.device.scanner.ScannerSimulator;
import org.medkiosk.device.scanner.SerialScanner;
import org.medkiosk.device.scanner.Symbology;
import org.medkiosk.device.scanner.TriggerProfile;

/**
 * The runner's devices: simulators speaking the real protocols over in-memory links, with the real drivers on the
 * kiosk's end (as the demo wires them in KioskDevices), so a scripted card goes through SAM frames and a scripted
 * code through the scanner's framing and classifier.
 */
final class SimulatedDevices implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SamReaderSimulator samReader;
    private final IdCardReader idCardReader;
    private final ScannerSimulator scannerSim;
    private final SerialScanner scanner;
    private final PrinterSimulator printerSim;
    private final ReceiptPrinter receiptPrinter;
    private final BlockingQueue<IdCardEvent> cards = new LinkedBlockingQueue<>();
    private final BlockingQueue<ScannedCode> codes = new LinkedBlockingQueue<>();

    SimulatedDevices() {
        LinkPair idcard = InMemoryLink.pair("runner-idcard");
        samReader = new SamReaderSimulator(idcard.device());
        samReader.start();
        idCardReader = new IdCardReader(idcard.host(), IdCardReaderSettings.defaults().withPollInterval(Duration.ofMillis(50)),
                event -> {
                    if (event instanceof IdCardEvent.CardRead || event instanceof IdCardEvent.ReadFailed) {
                        cards.add(event);
                    }
                });
        idCardReader.start();

        LinkPair scan = InMemoryLink.pair("runner-scanner");
        scannerSim = new ScannerSimulator(scan.device(), ScannerFraming.defaults(), TriggerProfile.PRESENTATION);
        LinkPair paper = InMemoryLink.pair("runner-receipt-printer");
        printerSim = new PrinterSimulator();
        try {
            scannerSim.start();
        } catch (LinkException e) {
            throw new IllegalStateException("scanner simulator could not start", e);
        }
        scanner = new SerialScanner(scan.host(), ScannerFraming.defaults(), TriggerProfile.PRESENTATION, new CodeClassifier(),
                event -> {
                    if (event instanceof ScannerEvent.CodeScanned scanned) {
                        codes.add(scanned.code());
                    }
                });
        scanner.start();
        Thread printerThread = new Thread(() -> {
            try {
                printerSim.runOn(paper.device());
            } catch (Exception e) {
                // the link closed: the runner is done
            }
        }, "runner-receipt-printer");
        printerThread.setDaemon(true);
        printerThread.start();
        receiptPrinter = new ReceiptPrinter(paper.host(), true, Duration.ofSeconds(2));
    }

    /** Puts the card on the reader and returns what the driver read (CardRead or ReadFailed), then takes it off. */
    IdCardEvent presentCard(IdCard card) {
        cards.clear();
        samReader.insert(card);
        try {
            IdCardEvent event = cards.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new IllegalStateException("the ID-card reader reported nothing within " + WAIT.toSeconds() + " s");
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the card", e);
        } finally {
            samReader.remove();
        }
    }

    /** Shows a code to the scanner and returns the scanner driver's classified code. */
    ScannedCode scan(String code) {
        codes.clear();
        try {
            scannerSim.present(code, Symbology.QR_CODE);
            ScannedCode got = codes.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (got == null) {
                throw new IllegalStateException("the scanner reported nothing within " + WAIT.toSeconds() + " s");
            }
            return got;
        } catch (LinkException e) {
            throw new IllegalStateException("scanner link failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning", e);
        }
    }

    PrintResult print(byte[] page) {
        return receiptPrinter.print(page);
    }

    int printedJobs() {
        return printerSim.printedJobs().size();
    }

    @Override
    public void close() {
        idCardReader.close();
        scanner.close();
        samReader.close();
        scannerSim.close();
        receiptPrinter.close();
        printerSim.close();
    }
}
