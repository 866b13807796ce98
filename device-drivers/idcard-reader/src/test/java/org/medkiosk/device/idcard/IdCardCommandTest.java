package org.medkiosk.device.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medkiosk.device.link.SerialLink;
import org.medkiosk.device.link.SerialSettings;
import org.medkiosk.device.link.testing.PseudoTerminalPair;

class IdCardCommandTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private PseudoTerminalPair pty;
    private SamReaderSimulator simulator;

    @BeforeEach
    void simulatorOnAPty() throws Exception {
        pty = PseudoTerminalPair.open();
        simulator = new SamReaderSimulator(new SerialLink(SerialSettings.of(pty.devicePath().toString(), 115200)));
        simulator.start();
    }

    @AfterEach
    void stop() {
        // Without socat the test is skipped before either exists.
        if (simulator != null) {
            simulator.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    private int run(String... args) {
        List<String> list = new ArrayList<>(List.of(args));
        return IdCardCommand.run(list, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onceprintsOneMaskedJsonLineAndExits() {
        simulator.insert(DemoCards.ZHANG_SANMING);
        assertEquals(0, run("--port", pty.hostPath().toString(), "--once"));
        String[] lines = out().strip().split("\n");
        assertEquals(1, lines.length);
        String json = lines[0];
        assertTrue(json.startsWith("{\"cardType\":\"resident\",\"name\":\"张三明\""), json);
        assertTrue(json.contains("\"idNumber\":\"1101**********1235\""), json);
        assertTrue(json.contains("\"birthDate\":\"19850307\""), json);
        assertTrue(json.contains("\"validTo\":\"20350307\""), json);
        assertTrue(json.contains("\"englishName\":null"), json);
        assertFalse(json.contains("110101198503071235"));
    }

    @Test
    void unmaskedShowsTheWholeNumberAndForeignCardsTheirEnglishName() {
        simulator.insert(DemoCards.MARIA_GARCIA);
        assertEquals(0, run("--port", pty.hostPath().toString(), "--baud", "115200", "--once", "--unmasked"));
        String json = out().strip();
        assertTrue(json.contains("\"cardType\":\"Y\""), json);
        assertTrue(json.contains("\"englishName\":\"GARCIA, MARIA\""), json);
        assertTrue(json.contains("\"idNumber\":\"911724198706060015\""), json);
        assertTrue(json.contains("\"nationality\":\"ESP\""), json);
    }

    @Test
    void longTermValidityIsPrintedAsOnTheCard() {
        simulator.insert(DemoCards.LI_XIUYING);
        assertEquals(0, run("--port", pty.hostPath().toString(), "--once"));
        assertTrue(out().contains("\"validTo\":\"长期\""), out());
    }

    @Test
    void missingPortIsOneClearLineAndExitOne() {
        assertEquals(1, run("--port", "/dev/medkiosk-none", "--once"));
        assertEquals("error: no such serial port: /dev/medkiosk-none", err().strip());
        assertEquals("", out());
    }

    @Test
    void samFaultIsOneClearLineAndExitOne() {
        simulator.enable(SimulatedFault.SAM_SELF_TEST_FAILED);
        assertEquals(1, run("--port", pty.hostPath().toString(), "--once"));
        assertEquals("error: SAM fault: SAM self-test failed (SW3 60)", err().strip());
    }

    @Test
    void silentReaderIsATimeout() {
        simulator.enable(SimulatedFault.SILENT);
        assertEquals(1, run("--port", pty.hostPath().toString(), "--once"));
        String e = err().strip();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("error: no answer") && e.endsWith("(timeout)"), e);
    }

    @Test
    void waitingTooLongForACardIsATimeout() {
        assertEquals(1, run("--port", pty.hostPath().toString(), "--once", "--timeout", "1"));
        assertEquals("error: no card within 1 s (timeout)", err().strip());
    }

    @Test
    void samDiagnosticsPrintOneLine() {
        assertEquals(0, run("--port", pty.hostPath().toString(), "--sam-id"));
        assertTrue(out().strip().matches("\\{\"samId\":\"\\d{2}\\.\\d{2}-\\d{8}-\\d{10}-\\d{10}\"}"), out());
        outBytes.reset();
        assertEquals(0, run("--port", pty.hostPath().toString(), "--reset-sam"));
        assertEquals("{\"samReset\":\"success\"}", out().strip());
        simulator.enable(SimulatedFault.SAM_NOT_AUTHORIZED);
        assertEquals(1, run("--port", pty.hostPath().toString(), "--sam-id"));
        assertEquals("error: SAM fault: SAM not authorized (SW3 66)", err().strip());
    }

    @Test
    void badFlagsPrintUsageAndExitTwo() {
        assertEquals(2, run("--baud", "fast", "--port", "/x"));
        assertTrue(err().contains("Usage: kiosk devices idcard"));
        errBytes.reset();
        assertEquals(2, run("--once"));
        assertTrue(err().contains("--port is required"));
        errBytes.reset();
        assertEquals(2, run("--port", "/x", "--colour"));
        assertTrue(err().contains("Unknown option: '--colour'"));
    }
}
