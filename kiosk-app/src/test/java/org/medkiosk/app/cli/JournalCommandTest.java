package org.medkiosk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.demohospital.DemoRoster;
import org.medkiosk.hospital.Money;
import org.medkiosk.journal.CrashPoint;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journal.Journal;
import org.medkiosk.journal.KioskStore;
import org.medkiosk.journal.PrintJob;

/** `kiosk journal list` and `kiosk journal recover`, routed through the `kiosk` command. */
class JournalCommandTest {
    static final DemoRoster.Person PATIENT = DemoRoster.patient(1);

    final KioskCli cli = new KioskCli((config, demo) -> 0);
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path data;

    int run(String... args) {
        out.reset();
        err.reset();
        return cli.execute(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A journal as a crash leaves it: one payment written but never sent, one settled top-up with its receipt. */
    String[] seedJournal() {
        try (KioskStore store = KioskStore.open(data)) {
            Journal journal = new Journal(store, Clock.systemUTC(), CrashPoint.none());
            Intent open = journal.intend("journey-a", IntentKind.PAY, Money.ofYuan("30"), PATIENT.patientId(),
                    Map.of("invoices", "inv-1", "method", "WECHAT_PAY", "purpose", "BILLS"));
            Intent done = journal.intend("journey-b", IntentKind.TOP_UP, Money.ofYuan("50"), PATIENT.patientId(),
                    Map.of("account", "acct-1", "method", "WECHAT_PAY"));
            journal.sent(done.idempotencyKey());
            journal.finish(done.idempotencyKey(), IntentState.SUCCEEDED, "WX123", null);
            PrintJob job = journal.queuePrint("journey-b", done.idempotencyKey(), PATIENT.patientId(), PrintJob.Printer.RECEIPT,
                    "TOP_UP_RECEIPT", "WX123", new byte[] {1, 2});
            journal.printOutcome(job.id(), PrintJob.State.PRINTED, null);
            journal.queuePrint("journey-a", open.idempotencyKey(), PATIENT.patientId(), PrintJob.Printer.RECEIPT,
                    "PAYMENT_RECEIPT", null, new byte[] {3});
            return new String[] {open.idempotencyKey(), done.idempotencyKey()};
        }
    }

    void assertNoPatientData(String printed) {
        assertFalse(printed.contains(PATIENT.nameZh()), printed);
        assertFalse(printed.contains(PATIENT.idNumber()), printed);
        assertFalse(printed.contains(PATIENT.patientId() + " ") || printed.contains(PATIENT.patientId() + "\""),
                "the patient id is shown masked only: " + printed);
    }

    @Test
    void listShowsEveryIntentAndPrintJobOneLineEachAndOpenFilters() {
        String[] keys = seedJournal();
        assertEquals(0, run("journal", "list", "--data", data.toString()), err.toString(StandardCharsets.UTF_8));
        List<String> lines = out().lines().toList();
        assertEquals(4, lines.size(), out());
        assertTrue(lines.get(0).startsWith("intent PAY INTENDED key=" + keys[0]), lines.get(0));
        assertTrue(lines.get(1).startsWith("intent TOP_UP SUCCEEDED key=" + keys[1]), lines.get(1));
        assertTrue(lines.get(1).contains("patient=*****"), lines.get(1));
        assertTrue(out().contains("print TOP_UP_RECEIPT PRINTED"), out());
        assertNoPatientData(out());

        assertEquals(0, run("journal", "list", "--open", "--data", data.toString()));
        List<String> open = out().lines().toList();
        assertEquals(2, open.size(), out());
        assertTrue(open.get(0).contains(keys[0]));
        assertTrue(open.get(1).startsWith("print PAYMENT_RECEIPT QUEUED"), open.get(1));
    }

    @Test
    void listJsonIsOneObjectPerLine() throws Exception {
        String[] keys = seedJournal();
        assertEquals(0, run("journal", "list", "--json", "--open", "--data", data.toString()));
        ObjectMapper json = new ObjectMapper();
        List<String> lines = out().lines().toList();
        assertEquals(2, lines.size());
        JsonNode intent = json.readTree(lines.get(0));
        assertEquals("intent", intent.get("type").asText());
        assertEquals(keys[0], intent.get("key").asText());
        assertEquals(3000, intent.get("amountFen").asLong());
        assertEquals("*****", intent.get("patient").asText());
        assertEquals("print_job", json.readTree(lines.get(1)).get("type").asText());
        assertNoPatientData(out());
    }

    @Test
    void auditPrintsTheStaffAuditLogOneEntryPerLineAndFailsWithoutOne() throws Exception {
        assertEquals(1, run("journal", "audit", "--data", data.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no staff audit log"));
        org.medkiosk.journal.StaffAudit audit = new org.medkiosk.journal.StaffAudit(data);
        audit.record(new org.medkiosk.journal.StaffAudit.Entry(java.time.Instant.parse("2026-12-01T01:00:00Z"),
                "staff-200101", "200101", org.medkiosk.journal.StaffAudit.Action.JOURNEY, "CHECK_IN", "CheckedIn", "pat-1"));
        out.reset();
        assertEquals(0, run("journal", "audit", "--data", data.toString()));
        assertEquals("2026-12-01T01:00:00Z JOURNEY staff=staff-200101 (200101) CHECK_IN outcome=CheckedIn patient=pat-1",
                out.toString(StandardCharsets.UTF_8).strip());
        out.reset();
        assertEquals(0, run("journal", "audit", "--json", "--data", data.toString()));
        com.fasterxml.jackson.databind.JsonNode line = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.toString(StandardCharsets.UTF_8).strip());
        assertEquals("CheckedIn", line.get("outcome").asText());
        assertEquals(2, run("journal", "audit", "--colour"));
    }

    @Test
    void listWithoutAJournalFailsAndBadFlagsAreUsage() {
        assertEquals(1, run("journal", "list", "--data", data.resolve("nowhere").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no journal"));
        assertFalse(Files.exists(data.resolve("nowhere").resolve(KioskStore.FILE_NAME)), "list creates nothing");
        assertEquals(2, run("journal", "list", "--colour"));
        assertEquals(2, run("journal", "frobnicate"));
        assertEquals(2, run("journal", "recover", "--data", data.toString()));
        assertEquals(2, run("journal", "recover", "--backend", "http://127.0.0.1:1/fhir", "--config", "x.properties"));
    }

    @Test
    void recoverSettlesEveryOpenIntentOneLineEach() throws Exception {
        String[] keys = seedJournal();
        try (DemoHospital hospital = DemoHospital.start(0)) {
            assertEquals(0, run("journal", "recover", "--backend", hospital.baseUrl(), "--data", data.toString()),
                    out() + err.toString(StandardCharsets.UTF_8));
        }
        List<String> lines = out().lines().toList();
        assertTrue(lines.get(0).startsWith("PAY " + keys[0] + ": INTENDED -> CLOSED"), out());
        assertTrue(lines.get(lines.size() - 1).endsWith("0 still open"), out());
        assertNoPatientData(out());
        assertEquals(0, run("journal", "list", "--open", "--data", data.toString()));
        assertFalse(out().contains("intent "), "no intent left open: " + out());
        assertTrue(out().isEmpty() || out().contains("UNCOLLECTED") || !out().contains("QUEUED"), out());
    }

    @Test
    void recoverExitsOneWhileTheHospitalCannotBeReached() {
        seedJournal();
        assertEquals(1, run("journal", "recover", "--backend", "http://127.0.0.1:1/fhir", "--data", data.toString()));
        assertTrue(out().trim().endsWith("1 still open"), out());
    }

    @Test
    void recoverReadsTheBackendAndDataFolderFromTheConfiguration() throws Exception {
        seedJournal();
        try (DemoHospital hospital = DemoHospital.start(0)) {
            Path config = data.resolve("kiosk.properties");
            Files.writeString(config, "backend.url = " + hospital.baseUrl() + "\nstorage.data-folder = "
                    + data.toString().replace("\\", "\\\\") + "\n");
            assertEquals(0, run("journal", "recover", "--config", config.toString()),
                    out() + err.toString(StandardCharsets.UTF_8));
            assertTrue(out().contains("INTENDED -> CLOSED"), out());
        }
    }
}
