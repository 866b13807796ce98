package org.medkiosk.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medkiosk.demohospital.DemoHospital;

class BackendCheckCommandTest {
    static DemoHospital hospital;

    @BeforeAll
    static void start() {
        hospital = DemoHospital.start(0);
    }

    @AfterAll
    static void stop() {
        hospital.close();
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BackendCheckCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theDemoHospitalIsConformantReadOnly() {
        Run r = run("check", "--url", hospital.baseUrl());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("PASS  capabilities"), r.out());
        assertTrue(r.out().contains("PASS  Invoice/$pay"), r.out());
        assertTrue(r.out().contains("PASS  Invoice/$payment-status"), r.out());
        assertTrue(r.out().contains("PASS  search filters: an unknown identifier"), r.out());
        assertTrue(r.out().contains("PASS  search filters: a phone number nobody has finds no one"), r.out());
        assertTrue(r.out().contains("PASS  staff: an unknown staff card signs no one in"), r.out());
        assertTrue(r.out().contains("PASS  Practitioner/$verify-pin"), r.out());
        oneVerdictPerCustomOperation(r.out());
        assertTrue(r.out().contains("PASS  free slots"), r.out());
        assertFalse(r.out().contains("FAIL"), r.out());
        assertTrue(r.out().contains("RESULT: conformant"));
    }

    @Test
    void theCheckCalledFromTheKioskReturnsTheLinesTheCommandPrints() throws Exception {
        BackendCheckCommand.Outcome outcome = BackendCheckCommand.check(FhirSettings.of(hospital.baseUrl()));
        assertTrue(outcome.conformant(), String.join("\n", outcome.lines()));
        assertEquals(0, outcome.failures());
        assertEquals("RESULT: conformant", outcome.lines().get(outcome.lines().size() - 1));
        assertTrue(outcome.lines().stream().anyMatch(l -> l.startsWith("PASS  capabilities")), outcome.lines().toString());
        // the same lines, in the same order, as `kiosk backend check --url` prints (verdict details may differ)
        List<String> printed = run("check", "--url", hospital.baseUrl()).out().lines().toList();
        assertEquals(printed.size(), outcome.lines().size());
        for (int i = 0; i < printed.size(); i++) {
            assertEquals(printed.get(i).substring(0, Math.min(40, printed.get(i).length())),
                    outcome.lines().get(i).substring(0, Math.min(40, outcome.lines().get(i).length())));
        }
        try (FaultServer broken = FaultServer.http()) {
            broken.answer(FaultServer.Answer.json(500, "{\"resourceType\":\"OperationOutcome\"}"));
            BackendCheckCommand.Outcome failed = BackendCheckCommand.check(FhirSettings.of(broken.baseUrl()));
            assertFalse(failed.conformant());
            assertTrue(failed.lines().get(failed.lines().size() - 1).startsWith("RESULT: "), failed.lines().toString());
            assertTrue(failed.lines().stream().anyMatch(l -> l.startsWith("FAIL")), failed.lines().toString());
        }
    }

    @Test
    void theDemoHospitalPassesTheWriteChecksForATestPatient() {
        Run r = run("check", "--url", hospital.baseUrl(), "--patient", "110101198503071235", "--write");
        assertEquals(0, r.code(), r.out());
        for (String op : List.of("Appointment/$hold", "Appointment/$book", "Appointment/$check-in", "Invoice/$pay",
                "Invoice/$payment-reverse", "Invoice/$payment-refund", "Invoice/$payment-status", "Account/$deposit",
                "DiagnosticReport/$mark-printed", "unpaid invoices", "final reports", "paid invoices", "pending reports",
                "patient search: the test patient by MRN, phone, name + birth date")) {
            assertTrue(r.out().contains("PASS  " + op), op + " in\n" + r.out());
        }
        assertFalse(r.out().contains("110101198503071235"), "the test patient's number is not echoed");
        assertTrue(r.out().contains("found by MRN, phone, name + birth date"), r.out());
        assertFalse(r.out().contains("13800000001") || r.out().contains("MR100001") || r.out().contains("张三明"),
                "nor the phone, MRN or name it was searched by");
        assertFalse(r.out().contains("FAIL"), r.out());
        oneVerdictPerCustomOperation(r.out());
    }

    @Test
    void aBrokenServerFailsWithReasonsAndExitCodeOne() throws Exception {
        try (FaultServer broken = FaultServer.http()) {
            broken.answer(FaultServer.Answer.json(500, "{\"resourceType\":\"OperationOutcome\"}"));
            Run r = run("check", "--url", broken.baseUrl());
            assertEquals(1, r.code());
            assertTrue(r.out().contains("FAIL  capabilities"), r.out());
            assertTrue(r.out().contains("N/A   Appointment/$hold"), r.out());
            oneVerdictPerCustomOperation(r.out());
            assertTrue(r.out().contains("HTTP 500"), r.out());
        }
    }

    static final List<String> CUSTOM = List.of("Appointment/$hold", "Appointment/$book", "Appointment/$check-in",
            "Invoice/$pay", "Invoice/$payment-status", "Invoice/$payment-reverse", "Invoice/$payment-refund",
            "Account/$deposit", "DiagnosticReport/$mark-printed", "Practitioner/$verify-pin");

    static void oneVerdictPerCustomOperation(String out) {
        for (String op : CUSTOM) {
            long lines = out.lines().filter(l -> l.length() > 6 && l.substring(6).startsWith(op + " ")).count();
            assertEquals(1, lines, op + " in\n" + out);
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("check").code());
        assertEquals(2, run("check", "--url").code());
        assertEquals(2, run("check", "--url", "http://his.example.org/fhir").code(), "plain http off loopback");
        assertEquals(2, run("check", "--bogus").code());
        assertTrue(run("check").err().contains("Usage: kiosk backend check"));
        assertEquals(0, run("--help").code());
        Run mistyped = run("check", "--url", "https://his.example.org/fhir", "--tokn", "s3cr3t-token");
        assertEquals(2, mistyped.code());
        assertTrue(mistyped.err().contains("unknown option '--tokn'"), mistyped.err());
        assertFalse(mistyped.err().contains("s3cr3t-token"), mistyped.err());
    }
}
