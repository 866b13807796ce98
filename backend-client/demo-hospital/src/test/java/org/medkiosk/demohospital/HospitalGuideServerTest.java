package org.medkiosk.demohospital;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItemDefinition;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo hospital's guidance records over raw HTTP: the price list, places, rosters and anonymous feedback. */
class HospitalGuideServerTest {
    static DemoHospital hospital;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final FhirContext CTX = FhirContext.forR4();

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

    static Bundle search(String relative) throws Exception {
        HttpResponse<String> r = get(relative);
        assertEquals(200, r.statusCode(), r.body());
        return CTX.newJsonParser().parseResource(Bundle.class, r.body());
    }

    static HttpResponse<String> post(String relative, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hospital.baseUrl() + "/" + relative))
                .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePriceListIsARealisticListWithBasePricesInYuan() throws Exception {
        Bundle prices = search("ChargeItemDefinition?status=active");
        assertTrue(prices.getEntry().size() >= 40, "about forty lines: " + prices.getEntry().size());
        ChargeItemDefinition cbc = prices.getEntry().stream().map(e -> (ChargeItemDefinition) e.getResource())
                .filter(c -> c.getCode().getCodingFirstRep().getCode().equals("LAB-CBC")).findFirst().orElseThrow();
        assertEquals("血常规", cbc.getTitle());
        assertEquals(0, cbc.getPropertyGroupFirstRep().getPriceComponentFirstRep().getAmount().getValue()
                .compareTo(new java.math.BigDecimal("25.00")));
        assertEquals("xcg", cbc.getExtensionString(Ext.PINYIN_INITIALS));
        assertEquals(0, search("ChargeItemDefinition?status=retired").getEntry().size(), "status= is honoured");
    }

    @Test
    void roomsHangBelowTheirClinicFloorAndBuilding() throws Exception {
        Location room = CTX.newJsonParser().parseResource(Location.class, get("Location/room-201").body());
        assertEquals("ro", room.getPhysicalType().getCodingFirstRep().getCode());
        assertEquals("201", room.getAlias().get(0).getValue());
        Location clinic = CTX.newJsonParser().parseResource(Location.class,
                get(room.getPartOf().getReference()).body());
        Location level = CTX.newJsonParser().parseResource(Location.class,
                get(clinic.getPartOf().getReference()).body());
        assertEquals("lvl", level.getPhysicalType().getCodingFirstRep().getCode());
        assertEquals("2F", level.getAlias().get(0).getValue());
        assertEquals("F2", level.getExtensionString(Ext.FLOOR_MAP));
        assertEquals("Location/loc-opd", level.getPartOf().getReference());
    }

    @Test
    void everyDoctorHasAWeeklyRoster() throws Exception {
        for (Bundle.BundleEntryComponent e : search("PractitionerRole").getEntry()) {
            PractitionerRole role = (PractitionerRole) e.getResource();
            if (role.getIdElement().getIdPart().startsWith("doc-")) {
                assertTrue(role.hasAvailableTime() && role.hasSpecialty(), role.getIdElement().getIdPart());
            }
        }
    }

    static String feedback(int satisfaction, String key, String extra) {
        return "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\","
                + "\"questionnaire\":\"http://medkiosk.org/fhir/Questionnaire/kiosk-satisfaction\","
                + "\"identifier\":{\"system\":\"urn:medkiosk:idempotency-key\",\"value\":\"" + key + "\"}," + extra
                + "\"item\":[{\"linkId\":\"satisfaction\",\"answer\":[{\"valueInteger\":" + satisfaction + "}]}]}";
    }

    @Test
    void feedbackIsStoredOncePerKeyAndMustBeAnonymous() throws Exception {
        assertEquals(201, post("QuestionnaireResponse", feedback(5, "fb-1", ""), "fb-1").statusCode());
        assertEquals(200, post("QuestionnaireResponse", feedback(5, "fb-1", ""), "fb-1").statusCode(), "the retry");
        String q = URLEncoder.encode("urn:medkiosk:idempotency-key|fb-1", StandardCharsets.UTF_8);
        assertEquals(1, search("QuestionnaireResponse?identifier=" + q).getEntry().size());
        assertEquals(422, post("QuestionnaireResponse", feedback(6, "fb-2", ""), "fb-2").statusCode());
        assertEquals(422, post("QuestionnaireResponse", feedback(3, "fb-3",
                "\"subject\":{\"reference\":\"Patient/pat-1\"},"), "fb-3").statusCode(), "feedback names no patient");
        assertEquals(422, post("QuestionnaireResponse", feedback(3, "fb-4", ""), "another-key").statusCode());
    }
}
