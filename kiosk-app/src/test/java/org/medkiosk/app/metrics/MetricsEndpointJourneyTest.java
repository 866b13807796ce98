package org.medkiosk.app.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.session.KioskScreen;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.session.Service;
import org.medkiosk.app.viewmodel.PayBillsViewModel;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.demohospital.DemoRoster;
import org.medkiosk.fhir.FhirHospitalBackend;
import org.medkiosk.fhir.FhirSettings;
import org.medkiosk.hospital.HospitalBackend;
import org.medkiosk.hospital.IdentifierKind;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PatientIdentifier;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.journal.CrashPoint;
import org.medkiosk.journey.JourneyEngine;
import org.medkiosk.journey.JourneySettings;
import org.medkiosk.journey.concurrent.PooledTaskExecutor;
import org.medkiosk.journey.concurrent.TaskExecutor;
import org.medkiosk.journey.identify.IdentifyJourney;
import org.medkiosk.journey.identify.IdentitySource;
import org.medkiosk.journey.pay.PayBillsState;
import org.medkiosk.journey.payment.Pause;
import org.medkiosk.journey.payment.PaymentRules;
import org.medkiosk.journey.payment.WalletCode;
import org.medkiosk.print.escpos.PrinterProfile;
import org.medkiosk.print.receipt.ReceiptTemplates;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12's acceptance: a kiosk assembled as {@code KioskAssembly} assembles it (the demo hospital over FHIR/HTTP,
 * the timed backend, the real journal, the real kiosk view model on the FX thread), the metrics endpoint on a free
 * port; a patient pays their bills by wallet code while the test scrapes {@code /metrics} over HTTP before, during
 * and after, and the journey counters and backend timer counts move. The last scrape is saved to
 * {@code target/metrics-sample.txt} for the CI's monitoring check.
 */
class MetricsEndpointJourneyTest {
    private static final String WALLET_CODE = "134567890123456710";

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> open = new ArrayList<>();
    private DemoHospital hospital;
    private KioskMetrics metrics;
    private MetricsEndpoint endpoint;
    private KioskViewModel vm;
    private JourneyEngine engine;
    private Patient patient;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private static Clock nineToday() {
        Instant nine = LocalDate.now().atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant();
        return Clock.offset(Clock.systemDefaultZone(), Duration.between(Instant.now(), nine));
    }

    private void assemble() throws Exception {
        Clock clock = nineToday();
        hospital = DemoHospital.start(0, DemoHospital.Options.defaults().withClock(clock));
        open.add(hospital);
        FhirHospitalBackend fhir = new FhirHospitalBackend(FhirSettings.of(hospital.baseUrl()));
        open.add(fhir);
        metrics = new KioskMetrics(clock);
        HospitalBackend backend = metrics.timed(fhir);
        TaskExecutor tasks = new PooledTaskExecutor(Platform::runLater);
        open.add(tasks::close);
        KioskConfig config = KioskConfig.demo();
        engine = JourneyEngine.open(new JourneyEngine.Parts(data, backend, Optional.empty(),
                locale -> new ReceiptTemplates(org.medkiosk.app.metrics.TestLetterhead.get(), PrinterProfile.EPSON_80, locale),
                tasks, clock, PaymentRules.standard(), Pause.sleeping(), JourneySettings.defaults(), CrashPoint.none()));
        open.add(engine);
        JourneyEngine ready = engine;
        vm = WaitForAsyncUtils.asyncFx(() -> {
            KioskViewModel model = new KioskViewModel(new IdentifyJourney(backend, tasks), config, Clock.systemDefaultZone());
            metrics.watch(model);
            metrics.watch(() -> Optional.of(ready.journal()));
            model.journeysReady(ready, Duration.ofSeconds(60));
            return model;
        }).get(10, TimeUnit.SECONDS);
        endpoint = MetricsEndpoint.start(metrics, "127.0.0.1", 0);
        open.add(endpoint);
        patient = fhir.findPatient(new PatientIdentifier(IdentifierKind.RESIDENT_ID, DemoRoster.patient(1).idNumber()))
                .orElseThrow();
    }

    @Test
    void aPaidJourneyMovesTheJourneyCountersAndTheBackendTimer() throws Exception {
        assemble();
        fx(() -> vm.present(new PatientIdentifier(IdentifierKind.RESIDENT_ID, DemoRoster.patient(1).idNumber()),
                IdentitySource.ID_CARD));
        await(() -> vm.screen() instanceof KioskScreen.Home, "the home screen of patient 1");

        String before = get("/metrics").body();
        assertEquals(0.0, value(before, "medkiosk_journeys_started_total", "journey=\"pay\""));
        double findBefore = value(before, "medkiosk_backend_requests_seconds_count", "operation=\"findPatient\",outcome=\"ok\"");
        assertTrue(findBefore >= 1, "the identification was timed:\n" + before);

        fx(() -> vm.openService(Service.PAY));
        await(() -> journeyState() instanceof PayBillsState.Bills, "the bills");
        String during = get("/metrics").body();
        assertEquals(1.0, value(during, "medkiosk_journeys_started_total", "journey=\"pay\""));
        assertEquals(0.0, value(during, "medkiosk_journeys_completed_total", "journey=\"pay\""));
        assertTrue(value(during, "medkiosk_backend_requests_seconds_count", "operation=\"unpaidInvoices\",outcome=\"ok\"") >= 1,
                "the bills were fetched through the timed backend:\n" + during);

        fx(() -> ((PayBillsViewModel) vm.journey().orElseThrow()).payByWallet());
        await(() -> journeyState() instanceof PayBillsState.ScanCode, "the scan prompt");
        fx(() -> vm.walletCode(new WalletCode(WALLET_CODE, PaymentMethod.WECHAT_PAY)));
        await(() -> journeyState() instanceof PayBillsState.Paid, "paid");
        await(() -> !vm.journey().orElseThrow().moneyInFlight(), "the money settled");
        fx(() -> vm.goHome());
        await(() -> vm.screen() instanceof KioskScreen.Home, "home again");

        String after = get("/metrics").body();
        assertEquals(1.0, value(after, "medkiosk_journeys_completed_total", "journey=\"pay\""));
        assertEquals(0.0, value(after, "medkiosk_journeys_abandoned_total", "journey=\"pay\""));
        assertTrue(value(after, "medkiosk_backend_requests_seconds_count", "operation=\"pay\",outcome=\"ok\"") >= 1,
                "the payment was timed:\n" + after);
        assertTrue(after.contains("medkiosk_journal_open_intents "), after);
        assertTrue(after.contains("medkiosk_journal_uncollected_receipts "), after);
        assertTrue(after.contains("medkiosk_journal_oldest_open_intent_seconds "), after);
        assertTrue(after.contains("jvm_memory_used_bytes"), "JVM basics are exported");

        // A second pay journey left before paying counts as abandoned.
        fx(() -> vm.openService(Service.PAY));
        await(() -> journeyState() instanceof PayBillsState.Bills
                || journeyState() instanceof PayBillsState.NothingToPay, "the second pay journey");
        fx(() -> vm.goHome());
        await(() -> vm.screen() instanceof KioskScreen.Home, "home after leaving");
        String left = get("/metrics").body();
        assertEquals(2.0, value(left, "medkiosk_journeys_started_total", "journey=\"pay\""));
        assertEquals(1.0, value(left, "medkiosk_journeys_abandoned_total", "journey=\"pay\""));

        HttpResponse<String> health = get("/health");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(health.body().matches("\\{\"status\":\"(UP|DEGRADED)\",\"devices\":\\{.*\\},\"backend\":\\{\"reachable\":true,"
                + "\"lastError\":(null|\"\\w+\")\\},\"journal\":\\{\"open\":true\\}\\}"), health.body());

        // Privacy: no label value of a full scrape holds the patient's id, ID number or name.
        PrivacyCheck.assertNoPatientData(left, patient, DemoRoster.patient(1));

        Path sample = Path.of("target", "metrics-sample.txt");
        Files.createDirectories(sample.getParent());
        Files.writeString(sample, left);
    }

    @Test
    void healthIsDownWithoutTheJournalAndTheEndpointAnswersOnlyItsPaths() throws Exception {
        metrics = new KioskMetrics(Clock.systemUTC());
        endpoint = MetricsEndpoint.start(metrics, "127.0.0.1", 0);
        open.add(endpoint);
        HttpResponse<String> health = get("/health");
        assertEquals(503, health.statusCode());
        assertTrue(health.body().startsWith("{\"status\":\"DOWN\""), health.body());
        assertEquals(404, get("/other").statusCode());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        HttpResponse<String> scrape = get("/metrics");
        assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        assertFalse(scrape.body().isBlank());
    }

    /**
     * Feedback is counted by rating and by whether the hospital took it: a rating sent to the demo hospital over
     * HTTP counts as sent, one to a hospital that does not answer as not_sent; the comment never reaches a label.
     */
    @Test
    void feedbackIsCountedByRatingAndWhetherTheHospitalTookIt() throws Exception {
        assemble();
        String comment = "张三明 110101198503071235 the wait was long";
        String before = get("/metrics").body();
        assertEquals(0.0, value(before, "medkiosk_feedback_total", "outcome=\"sent\",satisfaction=\"4\""));

        FhirHospitalBackend reachable = new FhirHospitalBackend(FhirSettings.of(hospital.baseUrl()));
        open.add(reachable);
        rate(reachable, 4, comment);
        awaitScrape("medkiosk_feedback_total", "outcome=\"sent\",satisfaction=\"4\"", 1.0);

        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            // a port that was just free and is closed again: the hospital "does not answer"
            FhirSettings nowhere = FhirSettings.of("http://127.0.0.1:" + closed.getLocalPort() + "/fhir");
            closed.close();
            FhirHospitalBackend down = new FhirHospitalBackend(nowhere);
            open.add(down);
            rate(down, 2, comment);
        }
        awaitScrape("medkiosk_feedback_total", "outcome=\"not_sent\",satisfaction=\"2\"", 1.0);
        String after = get("/metrics").body();
        assertEquals(1.0, value(after, "medkiosk_feedback_total", "outcome=\"sent\",satisfaction=\"4\""));
        assertEquals(0.0, value(after, "medkiosk_feedback_total", "outcome=\"sent\",satisfaction=\"2\""));
        assertFalse(after.contains("wait was long") || after.contains("110101198503071235") || after.contains("张三明"));
    }

    private void rate(FhirHospitalBackend guide, int satisfaction, String comment) throws Exception {
        TaskExecutor tasks = new PooledTaskExecutor(Platform::runLater);
        open.add(tasks::close);
        org.medkiosk.app.viewmodel.Guidance guidance = new org.medkiosk.app.viewmodel.Guidance(
                org.medkiosk.journey.guide.GuideRules.loadDefault(), guide, guide, tasks, Clock.systemUTC(),
                java.util.Map.of(), "kiosk-test");
        guidance.countFeedback(metrics::feedback);
        fx(() -> {
            org.medkiosk.app.viewmodel.FeedbackViewModel row = new org.medkiosk.app.viewmodel.FeedbackViewModel(guidance, "PAY");
            row.commentProperty().set(comment);
            row.rate(satisfaction);
        });
    }

    private void awaitScrape(String name, String labels, double expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> value(get("/metrics").body(), name, labels) == expected);
        } catch (java.util.concurrent.TimeoutException e) {
            assertEquals(expected, value(get("/metrics").body(), name, labels), name + "{" + labels + "}");
        }
    }

    private Object journeyState() {
        return vm.journey().map(j -> (Object) j.state()).orElse(null);
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    private static void await(BooleanSupplier condition, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get(5, TimeUnit.SECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + endpoint.port() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the sample {@code name{...labels...}} whose labels contain {@code labels}; fails when absent. */
    static double value(String scrape, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
        while (m.find()) {
            if (m.group(1).contains(labels)) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no " + name + "{" + labels + "} in the scrape:\n" + scrape);
    }
}
