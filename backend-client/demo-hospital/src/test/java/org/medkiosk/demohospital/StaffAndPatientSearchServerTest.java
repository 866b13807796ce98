package org.medkiosk.demohospital;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medkiosk.demohospital.DemoHospitalServerTest.q;
import static org.medkiosk.demohospital.DemoHospitalServerTest.total;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nurse-assisted mode as the demo hospital serves it over raw HTTP: the seeded staff by identifier with their roles
 * ({@code _revinclude}), {@code Practitioner/$verify-pin}, and the patient search parameters a nurse uses.
 */
class StaffAndPatientSearchServerTest {
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

    static String get(String relative) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(hospital.baseUrl() + "/" + relative))
                .header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), relative + ": " + r.body());
        return r.body();
    }

    static HttpResponse<String> verifyPin(String system, String staffNumber, String pin) throws Exception {
        String body = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"staff\",\"valueIdentifier\":{"
                + "\"system\":\"" + system + "\",\"value\":\"" + staffNumber + "\"}},"
                + "{\"name\":\"pin\",\"valueString\":\"" + pin + "\"}]}";
        return HTTP.send(HttpRequest.newBuilder(URI.create(hospital.baseUrl() + "/Practitioner/$verify-pin"))
                .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void staffAreFoundByStaffNumberAndByCardWithTheirRoles() throws Exception {
        for (DemoStaff.Person s : DemoStaff.everyone()) {
            assertEquals(1, total(get("Practitioner?identifier=" + q(DemoStaff.SYSTEM_STAFF_NUMBER + "|" + s.staffNumber()))));
            String withRoles = get("Practitioner?identifier=" + q(DemoStaff.SYSTEM_STAFF_CARD + "|" + s.staffCardNumber())
                    + "&_revinclude=PractitionerRole:practitioner");
            assertEquals(1, total(withRoles), "total counts matches, not the included roles");
            assertTrue(withRoles.contains("\"id\":\"role-" + s.staffNumber() + "\""), withRoles);
            assertTrue(withRoles.contains("\"mode\":\"include\""), withRoles);
            assertTrue(withRoles.contains(s.role() == org.medkiosk.hospital.StaffRole.NURSE ? "\"code\":\"nurse\""
                    : "\"code\":\"ict\""), withRoles);
        }
        assertEquals(0, total(get("Practitioner?identifier=" + q(DemoStaff.SYSTEM_STAFF_CARD + "|"
                + DemoStaff.nurse().staffNumber()))), "a staff number under the card system is no match");
        assertEquals(3, total(get("Practitioner?identifier=" + q(DemoStaff.SYSTEM_STAFF_CARD + "|") + "&active=true")));
        assertEquals(4, total(get("PractitionerRole?organization=" + q("Organization/dept-im"))),
                "nurses are not listed among a department's doctors");
    }

    @Test
    void verifyPinAnswersYesOnlyForTheRightPinOfSomeoneStillOnTheStaff() throws Exception {
        for (DemoStaff.Person s : DemoStaff.everyone()) {
            HttpResponse<String> right = verifyPin(DemoStaff.SYSTEM_STAFF_NUMBER, s.staffNumber(), s.pin());
            assertEquals(200, right.statusCode(), right.body());
            assertTrue(right.body().contains("\"valueBoolean\":" + s.active()), s + ": " + right.body());
            assertEquals(s.active(), right.body().contains("\"id\":\"" + s.practitionerId() + "\""), right.body());
            assertEquals(s.active(), right.body().contains("\"name\":\"role\""), right.body());
            assertFalse(right.body().contains(s.pin()), "the answer never echoes the PIN");
            HttpResponse<String> wrong = verifyPin(DemoStaff.SYSTEM_STAFF_NUMBER, s.staffNumber(), "0000");
            assertTrue(wrong.body().contains("\"valueBoolean\":false"), wrong.body());
            assertFalse(wrong.body().contains("Practitioner\""), wrong.body());
        }
        HttpResponse<String> unknown = verifyPin(DemoStaff.SYSTEM_STAFF_NUMBER, "999999", DemoStaff.nurse().pin());
        assertTrue(unknown.body().contains("\"valueBoolean\":false"), unknown.body());
        assertEquals(400, verifyPin(DemoStaff.SYSTEM_STAFF_CARD, DemoStaff.nurse().staffCardNumber(),
                DemoStaff.nurse().pin()).statusCode(), "a PIN goes with a staff number, not a card");
    }

    @Test
    void patientsAreSearchedAsANurseSearches() throws Exception {
        assertEquals(1, total(get("Patient?name=" + q("张三明") + "&birthdate=1985-03-07")));
        assertEquals(1, total(get("Patient?name=" + q("张") + "&birthdate=1985-03-07")));
        assertEquals(0, total(get("Patient?name=" + q("张三明") + "&birthdate=1985-03-08")));
        assertEquals(1, total(get("Patient?name=" + q("john smith") + "&birthdate=1975")), "a year finds its days");
        assertEquals(1, total(get("Patient?name:exact=" + q("约翰·史密斯"))));
        assertEquals(0, total(get("Patient?name:exact=" + q("约翰"))));
        assertEquals(1, total(get("Patient?name:contains=" + q("史密"))));
        assertEquals(1, total(get("Patient?phone=13800000001")));
        assertEquals(1, total(get("Patient?phone=" + q("+86 138-0000-0001"))));
        assertEquals(2, total(get("Patient?phone=" + DemoRoster.SHARED_FAMILY_PHONE)), "grandmother and grandchild");
        assertEquals(1, total(get("Patient?telecom=" + q("phone|13800000005"))));
        assertEquals(0, total(get("Patient?telecom=" + q("email|13800000005"))));
        assertEquals(1, total(get("Patient?identifier=" + q(DemoRoster.SYSTEM_MRN + "|MR100007"))));
        HttpResponse<String> range = HTTP.send(HttpRequest.newBuilder(URI.create(hospital.baseUrl()
                + "/Patient?birthdate=gt1980-01-01")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, range.statusCode(), "only eq is offered, and it says so");
    }
}
