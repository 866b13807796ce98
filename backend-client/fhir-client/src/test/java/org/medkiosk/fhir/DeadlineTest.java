package org.medkiosk.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.PatientIdentifier;

/**
 * A hospital that is down or hangs is reported quickly on the patient's path: a real socket server that accepts
 * every connection and never answers makes identification fail within 3 s, with the kiosk's default settings and
 * with the configuration's single "backend timeout" (a ceiling) of 8 s.
 */
class DeadlineTest {
    static final PatientIdentifier CARD = PatientIdentifier.residentId("110101198503071235");

    /** Accepts TCP connections, reads nothing, answers nothing, holds them open. */
    static final class SilentServer implements AutoCloseable {
        final ServerSocket server;
        final AtomicInteger connections = new AtomicInteger();
        final List<Socket> held = new CopyOnWriteArrayList<>();
        final Thread acceptor;

        SilentServer() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/fhir";
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private static long millisToFail(FhirSettings settings) {
        try (FhirHospitalBackend b = new FhirHospitalBackend(settings)) {
            long start = System.nanoTime();
            BackendException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(BackendException.class, () -> b.findPatient(CARD)));
            long took = (System.nanoTime() - start) / 1_000_000;
            assertTrue(e instanceof BackendException.Timeout || e instanceof BackendException.Unavailable,
                    e.getClass().getName());
            assertTrue(!e.getMessage().contains("110101198503071235"), "no identifier in the message");
            return took;
        }
    }

    @Test
    void aBackendThatNeverAnswersFailsIdentificationWithinThreeSeconds() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            long took = millisToFail(FhirSettings.of(silent.baseUrl()));
            assertTrue(took < 3000, "identification took " + took + " ms");
            assertEquals(1, silent.connections.get(), "no retry after a timeout on the patient's path");
        }
    }

    @Test
    void theConfiguredBackendTimeoutIsACeilingThatDoesNotSlowIdentification() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            long took = millisToFail(FhirSettings.of(silent.baseUrl()).withAllTimeouts(Duration.ofSeconds(8)));
            assertTrue(took < 3000, "identification took " + took + " ms");
        }
    }

    @Test
    void budgets() {
        FhirSettings d = FhirSettings.of("http://127.0.0.1:1/fhir");
        assertEquals(Duration.ofMillis(2000), d.timeout(BackendOperation.FIND_PATIENT));
        assertEquals(Duration.ofMillis(2500), d.deadline(BackendOperation.FIND_PATIENT));
        assertEquals(Duration.ofSeconds(15), d.timeout(BackendOperation.PAY));
        FhirSettings capped = d.withAllTimeouts(Duration.ofSeconds(8));
        assertEquals(Duration.ofMillis(2000), capped.timeout(BackendOperation.FIND_PATIENT), "shorter default kept");
        assertEquals(Duration.ofSeconds(8), capped.timeout(BackendOperation.PAY), "ceiling");
        assertEquals(Duration.ofSeconds(8), capped.deadline(BackendOperation.REPORT_DOCUMENT));
        FhirSettings reads = d.withReadTimeouts(Duration.ofSeconds(1)).withWriteTimeouts(Duration.ofSeconds(20));
        assertEquals(Duration.ofSeconds(1), reads.timeout(BackendOperation.FIND_PATIENT));
        assertEquals(Duration.ofMillis(1250), reads.deadline(BackendOperation.FIND_PATIENT), "deadline scales");
        assertEquals(Duration.ofSeconds(20), reads.timeout(BackendOperation.PAY));
        assertEquals(Duration.ofSeconds(5), d.withDeadline(BackendOperation.FIND_PATIENT, Duration.ofSeconds(5))
                .deadline(BackendOperation.FIND_PATIENT));
        for (BackendOperation op : BackendOperation.values()) {
            assertTrue(op.defaultDeadline().compareTo(op.defaultTimeout()) >= 0, op.name());
        }
    }

    @Test
    void theBreakerCountsEveryAttemptNotEveryCall() throws Exception {
        try (FaultServer server = FaultServer.http()) {
            server.answer(FaultServer.Answer.json(503, ""));
            try (FhirHospitalBackend b = new FhirHospitalBackend(FhirSettings.of(server.baseUrl())
                    .withRetries(2).withBreaker(3, Duration.ofMinutes(5)))) {
                assertThrows(BackendException.Unavailable.class, () -> b.findPatient(CARD));
                assertEquals(3, server.requests.get(), "one call, three attempts");
                assertTrue(b.unavailableNow(), "three failed attempts open a breaker of 3");
                BackendException e = assertThrows(BackendException.Unavailable.class, () -> b.findPatient(CARD));
                assertTrue(e.getMessage().contains("circuit open"));
                assertEquals(3, server.requests.get());
            }
        }
    }

    @Test
    void aBusyHospitalIsRetriedWithinTheDeadline() throws Exception {
        try (FaultServer server = FaultServer.http()) {
            AtomicInteger calls = new AtomicInteger();
            server.script = (ex, body) -> calls.incrementAndGet() < 3 ? FaultServer.Answer.json(503, "")
                    : FaultServer.Answer.json(200, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}");
            try (FhirHospitalBackend b = new FhirHospitalBackend(FhirSettings.of(server.baseUrl()))) {
                assertTrue(b.findPatient(new PatientIdentifier(org.medkiosk.hospital.IdentifierKind.MEDICAL_RECORD_NUMBER, "MR1")).isEmpty());
                assertEquals(3, calls.get());
            }
        }
    }
}
