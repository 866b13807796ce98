package org.medkiosk.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.PatientIdentifier;

/**
 * Every way a hospital can fail gives the kiosk one specific domain error, and none of them hangs: each call is
 * guarded by a generous preemptive bound (the client's own timeouts are far shorter).
 */
class FaultTest {
    static final Duration NO_HANG = Duration.ofSeconds(20);
    static final PatientIdentifier CARD = PatientIdentifier.residentId("110101198503071235");
    static final String PATIENT_BUNDLE = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":"
            + "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"name\":[{\"text\":\"张三明\"}]}}]}";

    FaultServer server;

    @BeforeEach
    void start() throws Exception {
        server = FaultServer.http();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FhirHospitalBackend backend(Function<FhirSettings, FhirSettings> tweak) {
        return new FhirHospitalBackend(tweak.apply(FhirSettings.of(server.baseUrl())
                .withAllTimeouts(Duration.ofSeconds(2)).withBreaker(50, Duration.ofSeconds(30))));
    }

    private <T extends BackendException> T fails(Class<T> type, FaultServer.Answer answer) {
        server.answer(answer);
        try (FhirHospitalBackend b = backend(s -> s)) {
            return assertTimeoutPreemptively(NO_HANG, () -> assertThrows(type, () -> b.findPatient(CARD)));
        }
    }

    @Test
    void malformedJsonIsABadResponse() {
        BackendException e = fails(BackendException.BadResponse.class, FaultServer.Answer.json(200, "{\"resourceType\":\"Bun"));
        assertTrue(e.getMessage().contains("malformed JSON"));
    }

    @Test
    void wrongContentTypeIsABadResponse() {
        BackendException e = fails(BackendException.BadResponse.class,
                new FaultServer.Answer(200, "text/html", "<html>login</html>", 0));
        assertTrue(e.getMessage().contains("text/html"));
    }

    @Test
    void jsonThatIsNotFhirIsABadResponse() {
        fails(BackendException.BadResponse.class, FaultServer.Answer.json(200, "[1,2,3]"));
        fails(BackendException.BadResponse.class, FaultServer.Answer.json(200, "{\"resourceType\":\"Patient\"}"));
    }

    @Test
    void unauthorisedAndForbiddenAreNotAuthorized() {
        assertEquals(401, fails(BackendException.NotAuthorized.class, FaultServer.Answer.json(401, "")).status());
        assertEquals(403, fails(BackendException.NotAuthorized.class, FaultServer.Answer.json(403,
                "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"code\":\"forbidden\"}]}")).status());
        assertEquals(1, server.requests.get() - 1, "401 is not retried");
    }

    @Test
    void notFoundIsNotFound() {
        fails(BackendException.NotFound.class, FaultServer.Answer.json(404,
                "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"code\":\"not-found\"}]}"));
    }

    @Test
    void slotTakenIsAConflictWithTheOutcomeButNoPersonalData() {
        server.answer(FaultServer.Answer.json(409, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":"
                + "\"error\",\"code\":\"conflict\",\"diagnostics\":\"slot taken; patient 110101198503071235\"}]}"));
        try (FhirHospitalBackend b = backend(s -> s)) {
            BackendException.Conflict e = assertThrows(BackendException.Conflict.class, () -> b.hold("p1", "s1", "k1"));
            assertTrue(e.getMessage().contains("conflict"));
            assertTrue(e.getMessage().contains("slot taken"));
            assertFalse(e.getMessage().contains("110101198503071235"), "ID numbers never reach a log");
        }
        assertEquals(1, server.requests.get(), "a conflict is an answer, not retried");
    }

    @Test
    void tooManyRequestsIsUnavailableAfterRetries() {
        fails(BackendException.Unavailable.class, FaultServer.Answer.json(429, ""));
        assertEquals(3, server.requests.get(), "one call and two retries");
    }

    @Test
    void internalErrorIsUnavailableAndNotRetried() {
        fails(BackendException.Unavailable.class, FaultServer.Answer.json(500, "oops"));
        assertEquals(1, server.requests.get());
    }

    @Test
    void serviceUnavailableIsRetriedThenUnavailable() {
        BackendException e = fails(BackendException.Unavailable.class, FaultServer.Answer.json(503, ""));
        assertTrue(e.getMessage().contains("503"));
        assertEquals(3, server.requests.get());
    }

    @Test
    void aRetryThatSucceedsIsInvisibleToTheKiosk() {
        server.script = (ex, body) -> server.requests.get() == 1 ? FaultServer.Answer.json(503, "")
                : FaultServer.Answer.json(200, PATIENT_BUNDLE);
        try (FhirHospitalBackend b = backend(s -> s)) {
            assertEquals("p1", b.findPatient(CARD).orElseThrow().id());
        }
        assertEquals(2, server.requests.get());
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsATimeout() {
        server.answer(new FaultServer.Answer(200, "application/fhir+json", PATIENT_BUNDLE, 6000));
        try (FhirHospitalBackend b = backend(s -> s.withRetries(0))) {
            BackendException.Timeout e = assertTimeoutPreemptively(NO_HANG,
                    () -> assertThrows(BackendException.Timeout.class, () -> b.findPatient(CARD)));
            assertTrue(e.getMessage().contains("FIND_PATIENT"));
        }
    }

    @Test
    void aTimedOutWriteIsNotRepeatedNorAPatientPathReadButABackgroundReadIsWithinItsDeadline() {
        server.answer(new FaultServer.Answer(200, "application/fhir+json", "{}", 6000));
        try (FhirHospitalBackend b = backend(s -> s)) {
            assertTimeoutPreemptively(NO_HANG, () -> assertThrows(BackendException.Timeout.class,
                    () -> b.hold("p1", "s1", "k1")));
            assertEquals(1, server.requests.get(), "the outcome is unknown: query, do not repeat");
            assertTimeoutPreemptively(NO_HANG, () -> assertThrows(BackendException.Timeout.class, () -> b.findPatient(CARD)));
            assertEquals(2, server.requests.get(), "identification: one attempt, the patient sees 'unavailable' at once");
        }
        // a background read whose deadline leaves room for a second attempt (1 s attempts, 2.5 s deadline)
        try (FhirHospitalBackend b = new FhirHospitalBackend(FhirSettings.of(server.baseUrl())
                .withTimeout(BackendOperation.REPORT_DETAIL, Duration.ofSeconds(1)).withBreaker(50, Duration.ofSeconds(30)))) {
            long start = System.nanoTime();
            assertTimeoutPreemptively(NO_HANG, () -> assertThrows(BackendException.Timeout.class, () -> b.labReport("r1")));
            long took = (System.nanoTime() - start) / 1_000_000;
            assertEquals(4, server.requests.get(), "tried twice");
            assertTrue(took < 2900, "within the deadline: " + took + " ms");
        }
    }

    @Test
    void connectionRefusedIsUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (FhirHospitalBackend b = new FhirHospitalBackend(FhirSettings.of("http://127.0.0.1:" + port + "/fhir")
                .withAllTimeouts(Duration.ofSeconds(2)))) {
            BackendException e = assertTimeoutPreemptively(NO_HANG,
                    () -> assertThrows(BackendException.Unavailable.class, () -> b.findPatient(CARD)));
            assertTrue(e.getMessage().contains("refused") || e.getMessage().contains("transport"), e.getMessage());
        }
    }

    @Test
    void tlsWithAnUntrustedCertificateFailsAndAConfiguredPinSucceeds(@TempDir Path dir) throws Exception {
        SelfSignedCertificate cert = new SelfSignedCertificate(dir);
        try (FaultServer tls = FaultServer.https(cert.serverContext)) {
            tls.answer(FaultServer.Answer.json(200, PATIENT_BUNDLE));
            try (FhirHospitalBackend untrusting = new FhirHospitalBackend(FhirSettings.of(tls.baseUrl())
                    .withAllTimeouts(Duration.ofSeconds(5)))) {
                BackendException e = assertTimeoutPreemptively(NO_HANG,
                        () -> assertThrows(BackendException.Unavailable.class, () -> untrusting.findPatient(CARD)));
                assertTrue(e.getMessage().contains("TLS"), e.getMessage());
            }
            try (FhirHospitalBackend pinned = new FhirHospitalBackend(FhirSettings.of(tls.baseUrl())
                    .withAllTimeouts(Duration.ofSeconds(5)).withTrustedCertificates(cert.pem))) {
                assertEquals("p1", pinned.findPatient(CARD).orElseThrow().id());
            }
        }
    }

    @Test
    void plainHttpIsOnlyAllowedOnLoopback() {
        assertThrows(IllegalArgumentException.class, () -> FhirSettings.of("http://his.example.org/fhir"));
        assertThrows(IllegalArgumentException.class, () -> FhirSettings.of("http://10.0.0.5/fhir"));
        FhirSettings.of("http://127.0.0.1:8090/fhir");
        FhirSettings.of("http://localhost:8090/fhir");
        FhirSettings.of("https://his.example.org/fhir");
        assertThrows(IllegalArgumentException.class, () -> FhirSettings.of("https://his.example.org/fhir")
                .withClientCredentials(new FhirSettings.ClientCredentials(URI.create("http://auth.example.org/token"),
                        "kiosk", "secret", null)));
    }

    @Test
    void aDeadBackendOpensTheBreakerAndLaterCallsFailAtOnce() {
        server.answer(FaultServer.Answer.json(503, ""));
        try (FhirHospitalBackend b = new FhirHospitalBackend(FhirSettings.of(server.baseUrl())
                .withAllTimeouts(Duration.ofSeconds(2)).withRetries(0).withBreaker(3, Duration.ofMinutes(5)))) {
            for (int i = 0; i < 3; i++) {
                assertThrows(BackendException.Unavailable.class, () -> b.findPatient(CARD));
            }
            assertTrue(b.unavailableNow());
            int before = server.requests.get();
            BackendException e = assertThrows(BackendException.Unavailable.class, () -> b.departments());
            assertTrue(e.getMessage().contains("circuit open"));
            assertEquals(before, server.requests.get(), "an open breaker does not call the hospital");
        }
    }

    @Test
    void aBrokenBackendThatRecoversClosesTheBreakerAfterTheTrialCall() throws Exception {
        server.answer(FaultServer.Answer.json(503, ""));
        try (FhirHospitalBackend b = new FhirHospitalBackend(FhirSettings.of(server.baseUrl())
                .withAllTimeouts(Duration.ofSeconds(2)).withRetries(0).withBreaker(2, Duration.ofMillis(200)))) {
            assertThrows(BackendException.Unavailable.class, () -> b.findPatient(CARD));
            assertThrows(BackendException.Unavailable.class, () -> b.findPatient(CARD));
            assertTrue(b.unavailableNow());
            server.answer(FaultServer.Answer.json(200, PATIENT_BUNDLE));
            while (b.unavailableNow()) {
                Thread.sleep(50);
            }
            assertEquals("p1", b.findPatient(CARD).orElseThrow().id());
            assertFalse(b.unavailableNow());
        }
    }

    @Test
    void bearerTokenFromConfigurationIsSent() {
        server.answer(FaultServer.Answer.json(200, PATIENT_BUNDLE));
        try (FhirHospitalBackend b = backend(s -> s.withBearerToken("s3cret-token"))) {
            b.findPatient(CARD);
        }
        assertEquals("Bearer s3cret-token", server.authorizations.get(0));
    }

    @Test
    void clientCredentialsFetchATokenOnceAndUseIt() {
        server.script = (ex, body) -> {
            if (ex.getRequestURI().getPath().endsWith("/token")) {
                boolean ok = body.contains("grant_type=client_credentials") && body.contains("client_id=kiosk-7")
                        && body.contains("client_secret=pw");
                return ok ? new FaultServer.Answer(200, "application/json",
                        "{\"access_token\":\"tok-42\",\"token_type\":\"Bearer\",\"expires_in\":3600}", 0)
                        : new FaultServer.Answer(401, "application/json", "{}", 0);
            }
            return "Bearer tok-42".equals(ex.getRequestHeaders().getFirst("Authorization"))
                    ? FaultServer.Answer.json(200, PATIENT_BUNDLE) : FaultServer.Answer.json(401, "");
        };
        String tokenUrl = server.baseUrl().replace("/fhir", "/oauth/token");
        try (FhirHospitalBackend b = backend(s -> s.withClientCredentials(new FhirSettings.ClientCredentials(
                URI.create(tokenUrl), "kiosk-7", "pw", "system/*.read")))) {
            assertEquals("p1", b.findPatient(CARD).orElseThrow().id());
            assertEquals("p1", b.findPatient(CARD).orElseThrow().id());
        }
        assertEquals(1, server.paths.stream().filter(p -> p.endsWith("/token")).count(), "token cached");
    }

    @Test
    void settingsNeverPrintSecrets() {
        FhirSettings s = FhirSettings.of("https://his.example.org/fhir").withBearerToken("abc123")
                .withClientCredentials(new FhirSettings.ClientCredentials(URI.create("https://his.example.org/token"),
                        "kiosk", "topsecret", null));
        assertFalse(s.toString().contains("abc123"));
        assertFalse(s.toString().contains("topsecret"));
    }
}
