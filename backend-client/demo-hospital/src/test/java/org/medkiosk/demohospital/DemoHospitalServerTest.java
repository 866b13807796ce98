package org.medkiosk.demohospital;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo hospital as a FHIR server seen over raw HTTP: searches honour their parameters, If-None-Exist works. */
class DemoHospitalServerTest {
    static DemoHospital hospital;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        hospital = DemoHospital.start(0);
    }

    @AfterAll
    static void stop() {
        hospital.close();
    }

    static HttpResponse<String> get(String relative) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(hospital.baseUrl() + "/" + relative))
                .header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString());
    }

    static int total(String body) {
        Matcher m = Pattern.compile("\"total\":(\\d+)").matcher(body);
        assertTrue(m.find(), body);
        return Integer.parseInt(m.group(1));
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void listensOnLoopbackOnly() {
        assertTrue(hospital.baseUrl().startsWith("http://127.0.0.1:"));
        assertTrue(hospital.port() > 0);
        assertTrue(hospital.isRunning());
    }

    @Test
    void searchesHonourTheirParameters() throws Exception {
        assertEquals(10, total(get("Patient").body()));
        assertEquals(1, total(get("Patient?identifier=" + q(DemoRoster.SYSTEM_RESIDENT_ID + "|110101198503071235")).body()));
        assertEquals(0, total(get("Patient?identifier=" + q(DemoRoster.SYSTEM_MRN + "|110101198503071235")).body()),
                "the right value under the wrong system is no match");
        assertEquals(0, total(get("Patient?identifier=" + q("|110105200001019993")).body()));
        assertTrue(total(get("Organization?type=dept").body()) >= 8);
        assertEquals(4, total(get("PractitionerRole?organization=" + q("Organization/dept-im")).body()));
        assertTrue(total(get("PractitionerRole").body()) >= 20);
        assertEquals(2, total(get("Invoice?patient=" + q("Patient/pat-1") + "&status=issued").body()));
        assertEquals(1, total(get("Invoice?patient=" + q("Patient/pat-1") + "&status=balanced").body()));
        assertEquals(2, total(get("DiagnosticReport?patient=" + q("Patient/pat-1") + "&status=final").body()));
        assertEquals(4, total(get("DiagnosticReport?patient=" + q("Patient/pat-1")).body()), "2 final, 2 pending");
        assertEquals(2, total(get("DiagnosticReport?patient=" + q("Patient/pat-1")
                + "&status=registered,partial,preliminary").body()));
        assertEquals(2, total(get("DiagnosticReport?specimen=" + q("Specimen/spec-rep-1")).body()));
        assertEquals(1, total(get("Specimen?identifier=" + q(DemoRoster.SYSTEM_SPECIMEN + "|202411210001")).body()));
        assertEquals(1, total(get("Specimen?accession=202411210006").body()));
        assertEquals(0, total(get("Specimen?identifier=" + q(DemoRoster.SYSTEM_MRN + "|202411210001")).body()));
        assertEquals(1, total(get("Invoice?patient=" + q("Patient/pat-2") + "&status=balanced&date=ge2000-01-01").body()));
        assertEquals(0, total(get("Invoice?patient=" + q("Patient/pat-2") + "&status=balanced&date=ge2999-01-01").body()));
        assertEquals(1, total(get("DiagnosticReport?patient=" + q("Patient/pat-1") + "&category=" + q(
                "http://terminology.hl7.org/CodeSystem/v2-0074|RAD")).body()));
        assertEquals(1, total(get("Account?patient=" + q("Patient/pat-3")).body()));
    }

    @Test
    void ifNoneExistReturnsTheExistingPatientInsteadOfADuplicate() throws Exception {
        String body = "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"" + DemoRoster.SYSTEM_RESIDENT_ID
                + "\",\"value\":\"110101198503071235\"}],\"name\":[{\"text\":\"张三明\"}]}";
        HttpResponse<String> existing = HTTP.send(HttpRequest.newBuilder(URI.create(hospital.baseUrl() + "/Patient"))
                .header("Content-Type", "application/fhir+json")
                .header("If-None-Exist", "identifier=" + q(DemoRoster.SYSTEM_RESIDENT_ID + "|110101198503071235"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, existing.statusCode(), existing.body());
        assertTrue(existing.headers().firstValue("Location").orElse("").contains("Patient/pat-1"));
        assertEquals(10, total(get("Patient").body()));

        String newcomer = body.replace("110101198503071235", "110105200001019993").replace("张三明", "周八");
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(hospital.baseUrl() + "/Patient"))
                .header("Content-Type", "application/fhir+json")
                .header("If-None-Exist", "identifier=" + q(DemoRoster.SYSTEM_RESIDENT_ID + "|110105200001019993"))
                .POST(HttpRequest.BodyPublishers.ofString(newcomer)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(1, total(get("Patient?identifier=" + q(DemoRoster.SYSTEM_RESIDENT_ID + "|110105200001019993")).body()));
    }

    @Test
    void reportPdfIsServedAsBinary() throws Exception {
        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(hospital.baseUrl() + "/Binary/pdf-rep-1"))
                .header("Accept", "application/pdf").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF-", new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII));
    }

    @Test
    void commandServesUntilStoppedAndRejectsBadFlags() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CountDownLatch stop = new CountDownLatch(1);
        AtomicInteger code = new AtomicInteger(-1);
        Thread serving = new Thread(() -> code.set(DemoHospitalCommand.run(List.of("--port", "0"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), stop)));
        serving.start();
        String line = "";
        for (int i = 0; i < 600 && !line.contains("/fhir"); i++) {
            Thread.sleep(50);
            line = out.toString(StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/fhir)").matcher(line);
        assertTrue(m.find(), line);
        HttpResponse<String> meta = HTTP.send(HttpRequest.newBuilder(URI.create(m.group(1) + "/metadata")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, meta.statusCode());
        stop.countDown();
        serving.join(30_000);
        assertEquals(0, code.get());

        ByteArrayOutputStream e2 = new ByteArrayOutputStream();
        PrintStream errs = new PrintStream(e2, true, StandardCharsets.UTF_8);
        assertEquals(2, DemoHospitalCommand.run(List.of("--port", "x"), System.out, errs));
        assertEquals(2, DemoHospitalCommand.run(List.of("--bogus"), System.out, errs));
        assertEquals(2, DemoHospitalCommand.run(List.of("--port", "70000"), System.out, errs));
        assertTrue(e2.toString(StandardCharsets.UTF_8).contains("Usage: kiosk demo-hospital"), e2.toString(StandardCharsets.UTF_8));
        assertEquals(1, DemoHospitalCommand.run(List.of("--port", String.valueOf(hospital.port())), System.out, errs),
                "port in use");
    }
}
