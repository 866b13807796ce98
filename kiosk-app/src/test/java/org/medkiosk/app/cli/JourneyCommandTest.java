package org.medkiosk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.demohospital.DemoRoster;

/** `kiosk journey run` and `kiosk journey crash-test` are routed; the runner prints no patient data. */
class JourneyCommandTest {
    final KioskCli cli = new KioskCli((config, demo) -> 0);
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        return cli.execute(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void journeyRunPaysABillAndPrintsNoPatientData(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("pay.txt");
        Files.writeString(script, "card 1\ninvoice 20\npay all with 134567890123456710\nexpect Paid\nfinish\n");
        try (DemoHospital hospital = DemoHospital.start(0)) {
            assertEquals(0, run("journey", "run", "--backend", hospital.baseUrl(), "--data", dir.resolve("kiosk").toString(),
                    script.toString()), out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("-> Paid"), printed);
        DemoRoster.Person p = DemoRoster.patient(1);
        assertFalse(printed.contains(p.nameZh()) || printed.contains(p.idNumber()) || printed.contains("1345678901234567"), printed);

        assertEquals(0, run("journal", "list", "--data", dir.resolve("kiosk").toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("intent PAY SUCCEEDED"));
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(2, run("journey", "run", "--backend", "http://127.0.0.1:1/fhir"));
        assertEquals(2, run("journey", "crash-test", "--kills", "many"));
        assertEquals(2, run("journey", "fly"));
        assertEquals(0, run("help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("journey crash-test"));
    }
}
