package org.medkiosk.device.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medkiosk.device.link.DeviceHealth;
import org.medkiosk.device.link.InMemoryLink;
import org.medkiosk.device.link.LinkPair;
import org.medkiosk.device.link.SerialLink;
import org.medkiosk.device.link.SerialSettings;
import org.medkiosk.device.link.testing.PseudoTerminalPair;

/** The scanner driver against the scanner simulator over a pseudo-terminal pair (jSerialComm on both ends). */
class SerialScannerPtyTest {

    private final BlockingQueue<ScannerEvent> events = new LinkedBlockingQueue<>();
    private PseudoTerminalPair pty;
    private SerialScanner scanner;
    private ScannerSimulator simulator;

    private void connect(ScannerFraming framing, TriggerProfile trigger) throws Exception {
        pty = PseudoTerminalPair.open();
        simulator = new ScannerSimulator(new SerialLink(SerialSettings.of(pty.devicePath().toString(), 9600)),
                framing, trigger);
        simulator.start();
        scanner = new SerialScanner(new SerialLink(SerialSettings.of(pty.hostPath().toString(), 9600)), framing,
                trigger, new CodeClassifier(), events::add);
        scanner.start();
        awaitHealth(DeviceHealth.Ready.class);
    }

    @AfterEach
    void close() {
        if (scanner != null) {
            scanner.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    private ScannedCode nextCode() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            ScannerEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e instanceof ScannerEvent.CodeScanned s) {
                return s.code();
            }
        }
        fail("no code arrived");
        return null;
    }

    private void awaitHealth(Class<? extends DeviceHealth> kind) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!kind.isInstance(scanner.health())) {
            if (System.nanoTime() > deadline) {
                fail("health stayed " + scanner.health());
            }
            Thread.sleep(20);
        }
    }

    @ParameterizedTest
    @EnumSource(ScannerFraming.Suffix.class)
    void everySuffixDeliversClassifiedCodes(ScannerFraming.Suffix suffix) throws Exception {
        connect(ScannerFraming.defaults().withSuffix(suffix), TriggerProfile.PRESENTATION);
        simulator.present("8800000002", Symbology.CODE_128);
        ScannedCode code = nextCode();
        assertEquals("8800000002", code.value());
        assertEquals(CodeKind.PATIENT_CARD, code.kind());
        if (suffix != ScannerFraming.Suffix.NONE) {
            simulator.present("MKAPT:APT-9", Symbology.QR_CODE);
            assertEquals(CodeKind.APPOINTMENT, nextCode().kind());
        }
    }

    @Test
    void prefixAndAimIdAreStrippedOnTheWire() throws Exception {
        connect(ScannerFraming.defaults().withPrefix("#").withAimId(true), TriggerProfile.PRESENTATION);
        simulator.sendRaw("line noise\r".getBytes(StandardCharsets.US_ASCII));
        simulator.present("134567890123456789", Symbology.QR_CODE);
        ScannedCode code = nextCode();
        assertEquals(CodeKind.WECHAT_PAY_CODE, code.kind());
        assertEquals(Symbology.QR_CODE, code.symbology());
        assertEquals("134567890123456789", code.value(), "the payment call gets the whole code");
        assertFalse(code.toString().contains("4567890123456789"));
    }

    @Test
    void aamvaLicenceArrivesWholeWithAnIdleGapInsteadOfASuffix() throws Exception {
        connect(ScannerFraming.defaults().withSuffix(ScannerFraming.Suffix.NONE), TriggerProfile.PRESENTATION);
        simulator.present(AamvaLicenceTest.US_SAMPLE, Symbology.PDF417);
        ScannedCode code = nextCode();
        assertEquals(CodeKind.DRIVER_LICENCE, code.kind());
        assertEquals("D1234562", AamvaLicence.parse(code.value()).licenceNumber());
    }

    @ParameterizedTest
    @EnumSource(value = TriggerProfile.class, names = {"HONEYWELL", "ZEBRA_SSI", "NEWLAND"})
    void commandTriggeredScannersSendOnlyAfterTheTrigger(TriggerProfile profile) throws Exception {
        connect(ScannerFraming.defaults().withSuffix(ScannerFraming.Suffix.CR), profile);
        simulator.present("123456789012", Symbology.CODE_128);
        assertNull(events.poll(300, TimeUnit.MILLISECONDS) instanceof ScannerEvent.CodeScanned ? "code" : null,
                "code sent before the trigger");
        scanner.startScanning();
        ScannedCode code = nextCode();
        assertEquals("123456789012", code.value(), "Zebra's CMD_ACK must not leak into the code");
        assertEquals(CodeKind.LAB_SPECIMEN, code.kind());
        assertTrue(simulator.isTriggered());
        scanner.stopScanning();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (simulator.isTriggered() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(simulator.isTriggered());
    }

    @Test
    void zebraSsiCommandsCarryTheDocumentedBytes() {
        assertEquals("04e40400ff14", java.util.HexFormat.of().formatHex(TriggerProfile.ZEBRA_SSI.startCommand()));
        assertEquals("04e50400ff13", java.util.HexFormat.of().formatHex(TriggerProfile.ZEBRA_SSI.stopCommand()));
        assertEquals("16540d", java.util.HexFormat.of().formatHex(TriggerProfile.HONEYWELL.startCommand()));
    }

    @Test
    void unpluggedScannerGoesOfflineAndIsReopened() throws Exception {
        connect(ScannerFraming.defaults(), TriggerProfile.PRESENTATION);
        pty.unplug();
        awaitHealth(DeviceHealth.Offline.class);
        pty.plugBackIn();
        awaitHealth(DeviceHealth.Ready.class);
        simulator.present("8800000005", Symbology.CODE_128);
        assertEquals("8800000005", nextCode().value());
    }

    @Test
    void demoModeOverAnInMemoryPair() throws Exception {
        LinkPair pair = InMemoryLink.pair("scanner");
        simulator = new ScannerSimulator(pair.device(), ScannerFraming.defaults(), TriggerProfile.PRESENTATION);
        simulator.start();
        scanner = new SerialScanner(pair.host(), ScannerFraming.defaults(), TriggerProfile.PRESENTATION,
                new CodeClassifier(), events::add, Duration.ofMillis(100));
        scanner.start();
        simulator.present("YBPZ00000000000000000003", Symbology.QR_CODE);
        assertInstanceOf(ScannedCode.class, nextCode());
    }
}
