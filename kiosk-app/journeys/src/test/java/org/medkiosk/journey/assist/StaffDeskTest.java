package org.medkiosk.journey.assist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.demohospital.DemoRoster;
import org.medkiosk.hospital.PatientQuery;
import org.medkiosk.hospital.StaffCredentials;
import org.medkiosk.journal.StaffAudit;
import org.medkiosk.journal.StaffAudit.Action;
import org.medkiosk.journey.testing.EngineFixture;

/**
 * The staff desk against the demo hospital over HTTP (its Practitioner sign-in and Patient search), synchronously:
 * who may sign in, the three searches, and what the audit log keeps — and does not keep.
 */
class StaffDeskTest {
    static final DemoRoster.Person PATIENT = DemoRoster.patient(1);

    @Test
    void signInSearchActAndSignOutAreAuditedWithoutAPinOrThePatientsDetails(@TempDir Path data) throws Exception {
        try (EngineFixture kiosk = new EngineFixture(data)) {
            StaffDesk desk = kiosk.engine.staffDesk();
            desk.signIn(new StaffCredentials.StaffNumberAndPin("200101", "000000"));
            assertEquals(StaffDeskState.SignInProblem.NOT_RECOGNISED,
                    assertInstanceOf(StaffDeskState.SignIn.class, desk.state()).problem());
            assertTrue(desk.staff().isEmpty());
            desk.signIn(new StaffCredentials.StaffNumberAndPin("300201", "112358")); // a technician
            assertEquals(StaffDeskState.SignInProblem.NOT_ALLOWED,
                    assertInstanceOf(StaffDeskState.SignIn.class, desk.state()).problem());
            desk.signIn(new StaffCredentials.StaffCard("7100000004")); // the nurse who left: the hospital says no
            assertEquals(StaffDeskState.SignInProblem.NOT_RECOGNISED,
                    assertInstanceOf(StaffDeskState.SignIn.class, desk.state()).problem());

            desk.signIn(new StaffCredentials.StaffNumberAndPin("200101", "246810"));
            assertInstanceOf(StaffDeskState.FindPatient.class, desk.state());
            assertEquals("200101", desk.staff().orElseThrow().staffNumber());

            desk.find(new PatientQuery.ByPhone("13800000002")); // two patients share it
            assertEquals(2, assertInstanceOf(StaffDeskState.Found.class, desk.state()).patients().size());
            desk.find(new PatientQuery.ByMedicalRecordNumber("MR999999"));
            assertEquals(StaffDeskState.SearchProblem.NONE_FOUND,
                    assertInstanceOf(StaffDeskState.FindPatient.class, desk.state()).problem());
            desk.find(new PatientQuery.ByNameAndBirthDate(PATIENT.nameZh(), LocalDate.of(1985, 3, 7)));
            var found = assertInstanceOf(StaffDeskState.Found.class, desk.state()).patients();
            assertEquals(1, found.size());
            desk.actFor(found.get(0), StaffDesk.Found.BY_NAME_AND_BIRTH_DATE);
            desk.journeyEnded("CHECK_IN", "CheckedIn", found.get(0));
            desk.signOut("SIGNED_OUT");
            assertTrue(desk.staff().isEmpty());
            desk.journeyEnded("PAY", "Paid", found.get(0)); // after sign-out: nobody to audit it for
            desk.find(new PatientQuery.ByPhone("13800000001"));
            assertInstanceOf(StaffDeskState.SignIn.class, desk.state(), "no search without a signed-in nurse");

            List<StaffAudit.Entry> audit = kiosk.engine.staffAudit().entries();
            assertEquals(List.of(Action.SIGN_IN_REFUSED, Action.SIGN_IN_REFUSED, Action.SIGN_IN_REFUSED,
                    Action.SIGNED_IN, Action.PATIENT_SEARCHED, Action.PATIENT_SEARCHED, Action.PATIENT_SEARCHED,
                    Action.ACTING_FOR, Action.JOURNEY, Action.SIGNED_OUT), audit.stream().map(StaffAudit.Entry::action).toList());
            assertEquals("NOT_RECOGNISED", audit.get(0).outcome());
            assertEquals("200101", audit.get(0).staffNumber(), "a refused sign-in keeps the staff number typed");
            assertNull(audit.get(0).staffId());
            assertEquals("NOT_ALLOWED", audit.get(1).outcome());
            assertEquals("StaffCard[********04]", audit.get(2).staffNumber(), "a card is kept masked");
            assertEquals("found 2", audit.get(4).outcome());
            assertEquals("BY_PHONE", audit.get(4).journey());
            assertEquals("found 0", audit.get(5).outcome());
            assertEquals(PATIENT.patientId(), audit.get(7).patientId(), "the patient by the hospital's record id only");
            assertEquals("CheckedIn", audit.get(8).outcome());
            String staffId = audit.get(3).staffId();
            assertTrue(audit.subList(3, 10).stream().allMatch(e -> staffId.equals(e.staffId())));

            String file = Files.readString(kiosk.engine.staffAudit().file(), StandardCharsets.UTF_8);
            for (String secret : List.of("246810", "000000", "112358", "7100000004", PATIENT.nameZh(), PATIENT.nameEn(),
                    PATIENT.idNumber(), PATIENT.phone(), "13800000002", "19850307", "1985-03-07")) {
                assertFalse(file.contains(secret), "the audit log holds a value it must not (" + secret.length() + " chars)");
            }
        }
    }

    @Test
    void aHospitalThatDoesNotAnswerIsSaidSoAndAudited(@TempDir Path data) {
        try (EngineFixture kiosk = new EngineFixture(data)) {
            StaffDesk desk = kiosk.engine.staffDesk();
            desk.signIn(new StaffCredentials.StaffCard("7100000001"));
            assertInstanceOf(StaffDeskState.FindPatient.class, desk.state());
            kiosk.hospital.close();
            desk.find(new PatientQuery.ByPhone("13800000001"));
            assertEquals(StaffDeskState.SearchProblem.HOSPITAL_UNAVAILABLE,
                    assertInstanceOf(StaffDeskState.FindPatient.class, desk.state()).problem());
            desk.signOut("SIGNED_OUT");
            desk.signIn(new StaffCredentials.StaffCard("7100000001"));
            assertEquals(StaffDeskState.SignInProblem.HOSPITAL_UNAVAILABLE,
                    assertInstanceOf(StaffDeskState.SignIn.class, desk.state()).problem());
            List<StaffAudit.Entry> audit = kiosk.engine.staffAudit().entries();
            assertEquals("HOSPITAL_UNAVAILABLE", audit.get(1).outcome());
            assertEquals("HOSPITAL_UNAVAILABLE", audit.get(audit.size() - 1).outcome());
        }
    }

    @Test
    void aLineTornByAKillMidWriteIsSkippedAndTheLogGoesOn(@TempDir Path data) throws Exception {
        StaffAudit audit = new StaffAudit(data);
        audit.record(new StaffAudit.Entry(java.time.Instant.parse("2026-12-01T08:00:00Z"), "prac-1", "200101",
                Action.SIGNED_IN, "STAFF_CARD", "OK", null));
        Files.writeString(audit.file(), "{\"at\":\"2026-12-01T08:01:00Z\",\"staffId\":\"pr", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND); // killed mid-line
        assertEquals(1, audit.entries().size());
        // The next entry closes the torn line first, so it is a whole line of its own.
        audit.record(new StaffAudit.Entry(java.time.Instant.parse("2026-12-01T08:02:00Z"), "prac-1", "200101",
                Action.SIGNED_OUT, null, "INACTIVITY", null));
        assertEquals(List.of(Action.SIGNED_IN, Action.SIGNED_OUT), audit.entries().stream().map(StaffAudit.Entry::action).toList());
    }
}
