package org.medkiosk.journey.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.medkiosk.hospital.Money;

/**
 * The demo hospital's levers, pulled over HTTP as a test in another process would (backend-client/README.md):
 * {@code Invoice/$demo-issue-invoice} gives a patient a fresh unpaid bill. Only the runner's {@code invoice} step and
 * the crash harness use it; a real hospital has no levers and answers 404.
 */
public final class HospitalLevers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HospitalLevers(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A fresh unpaid invoice of {@code amount} for the patient; returns its id. */
    public String issueInvoice(String patientId, Money amount) {
        ObjectNode params = JSON.createObjectNode().put("resourceType", "Parameters");
        ArrayNode p = params.putArray("parameter");
        p.addObject().put("name", "patient").putObject("valueReference").put("reference", "Patient/" + patientId);
        p.addObject().put("name", "amount").putObject("valueMoney").put("value", amount.yuan()).put("currency", "CNY");
        JsonNode invoice = post("Invoice/$demo-issue-invoice", params);
        return invoice.path("id").asText();
    }

    private JsonNode post(String operation, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/" + operation))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/fhir+json; charset=utf-8")
                .header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(operation + " answered HTTP " + response.statusCode()
                        + " (is this the demo hospital?)");
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(operation + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(operation + " interrupted", e);
        }
    }
}
