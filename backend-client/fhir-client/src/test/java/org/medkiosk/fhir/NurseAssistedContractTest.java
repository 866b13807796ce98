package org.medkiosk.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.demohospital.DemoRoster;
import org.medkiosk.demohospital.DemoStaff;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PatientQuery;
import org.medkiosk.hospital.StaffCredentials;
import org.medkiosk.hospital.StaffMember;
import org.medkiosk.hospital.StaffRole;
import org.slf4j.LoggerFactory;

/**
 * Nurse-assisted mode against the demo hospital over real HTTP: staff sign in by card and by staff number + PIN,
 * and find patients by name + birth date, phone and medical record number. Then the same calls against a server
 * that ignores its search parameters or answers for the wrong person: nobody is signed in or shown by mistake.
 */
class NurseAssistedContractTest {
    static DemoHospital hospital;
    static FhirHospitalBackend backend;

    @BeforeAll
    static void start() {
        hospital = DemoHospital.start(0);
        backend = new FhirHospitalBackend(FhirSettings.of(hospital.baseUrl()));
    }

    @AfterAll
    static void stop() {
        backend.close();
        hospital.close();
    }

    static StaffCredentials card(DemoStaff.Person s) {
        return new StaffCredentials.StaffCard(s.staffCardNumber());
    }

    static StaffCredentials pin(DemoStaff.Person s) {
        return new StaffCredentials.StaffNumberAndPin(s.staffNumber(), s.pin());
    }

    @Test
    void everyActiveStaffMemberSignsInByCardAndByStaffNumberAndPin() {
        for (DemoStaff.Person s : DemoStaff.everyone()) {
            if (!s.active()) {
                continue;
            }
            StaffMember byCard = backend.signIn(card(s)).orElseThrow(() -> new AssertionError("card of " + s));
            StaffMember byPin = backend.signIn(pin(s)).orElseThrow(() -> new AssertionError("PIN of " + s));
            assertEquals(byCard, byPin, s.toString());
            assertEquals(s.practitionerId(), byCard.id());
            assertEquals(s.staffNumber(), byCard.staffNumber());
            assertEquals(s.nameZh(), byCard.name().zh());
            assertEquals(s.nameEn(), byCard.name().en());
            assertEquals(Set.of(s.role()), byCard.roles());
        }
        assertTrue(backend.signIn(card(DemoStaff.nurse())).orElseThrow().has(StaffRole.NURSE));
        assertTrue(backend.signIn(pin(DemoStaff.technician())).orElseThrow().has(StaffRole.TECHNICIAN));
    }

    @Test
    void wrongPinUnknownNumberUnknownCardAndAFormerNurseSignNobodyIn() {
        DemoStaff.Person nurse = DemoStaff.nurse();
        assertEquals(Optional.empty(), backend.signIn(new StaffCredentials.StaffNumberAndPin(nurse.staffNumber(), "000000")));
        assertEquals(Optional.empty(), backend.signIn(new StaffCredentials.StaffNumberAndPin(nurse.staffNumber(),
                DemoStaff.member(2).pin())), "another nurse's PIN");
        assertEquals(Optional.empty(), backend.signIn(new StaffCredentials.StaffNumberAndPin("999999", nurse.pin())));
        assertEquals(Optional.empty(), backend.signIn(new StaffCredentials.StaffCard("7199999999")));
        assertEquals(Optional.empty(), backend.signIn(new StaffCredentials.StaffCard(nurse.staffNumber())),
                "a staff number is not a card number");
        DemoStaff.Person gone = DemoStaff.formerNurse();
        assertEquals(Optional.empty(), backend.signIn(card(gone)), "her card still reads, the hospital says no");
        assertEquals(Optional.empty(), backend.signIn(pin(gone)));
        // a patient's card in the staff slot is nobody's staff card
        assertEquals(Optional.empty(), backend.signIn(new StaffCredentials.StaffCard(DemoRoster.patient(1).patientCardUid())));
    }

    @Test
    void thePinReachesNoLogAndNoUrl() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        Level before = root.getLevel();
        root.addAppender(captured);
        // The kiosk's logback.xml turned all the way up (medkiosk.log.level=TRACE): root at TRACE, the libraries
        // pinned at WARN as that file pins them. Pinned for a reason: at TRACE Micronaut's client logs whole request
        // bodies (PINs, payment codes) and at DEBUG Jetty (the in-process demo hospital) logs the bytes it reads.
        List<String> libraries = List.of("io.micronaut", "io.netty", "ca.uhn.fhir", "org.eclipse.jetty");
        root.setLevel(Level.TRACE);
        libraries.forEach(l -> ((Logger) LoggerFactory.getLogger(l)).setLevel(Level.WARN));
        String secret = "864209";
        try (FaultServer server = FaultServer.http();
             FhirHospitalBackend faulty = new FhirHospitalBackend(FhirSettings.of(server.baseUrl()).withRetries(1))) {
            backend.signIn(pin(DemoStaff.nurse()));
            backend.signIn(new StaffCredentials.StaffNumberAndPin(DemoStaff.nurse().staffNumber(), secret));
            server.answer(FaultServer.Answer.json(503, "{\"resourceType\":\"OperationOutcome\"}")); // retried once
            BackendException e = assertThrows(BackendException.class,
                    () -> faulty.signIn(new StaffCredentials.StaffNumberAndPin("200101", secret)));
            assertFalse(e.getMessage().contains(secret), e.getMessage());
            assertTrue(server.paths.stream().noneMatch(p -> p.contains(secret)), server.paths.toString());
        } finally {
            root.setLevel(before);
            libraries.forEach(l -> ((Logger) LoggerFactory.getLogger(l)).setLevel(null));
            root.detachAppender(captured);
        }
        assertTrue(captured.list.stream().anyMatch(e -> e.getLoggerName().startsWith("org.medkiosk")),
                "the kiosk's own logging was captured at all: " + captured.list.size() + " events");
        for (ILoggingEvent event : captured.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : " " + event.getThrowableProxy().getMessage());
            assertFalse(line.contains(secret) || line.contains(DemoStaff.nurse().pin()), event.getLoggerName() + ": " + line);
        }
    }

    @Test
    void everyRosterPatientIsFoundByMedicalRecordNumberAndByPhone() {
        for (DemoRoster.Person p : DemoRoster.patients()) {
            List<Patient> byMrn = backend.findPatients(new PatientQuery.ByMedicalRecordNumber(p.medicalRecordNumber()));
            assertEquals(List.of(p.patientId()), ids(byMrn), "MRN of " + p);
            assertEquals(p.medicalRecordNumber(), byMrn.get(0).medicalRecordNumber());
            List<String> byPhone = ids(backend.findPatients(new PatientQuery.ByPhone(p.phone())));
            assertTrue(byPhone.contains(p.patientId()), "phone of " + p + ": " + byPhone);
        }
        assertEquals(List.of("pat-1"), ids(backend.findPatients(new PatientQuery.ByPhone("+86 138 0000 0001"))),
                "typed with the country code and spaces");
        assertEquals(List.of(), backend.findPatients(new PatientQuery.ByMedicalRecordNumber("MR999999")));
        assertEquals(List.of(), backend.findPatients(new PatientQuery.ByPhone("13900000000")));
    }

    @Test
    void aPhoneAFamilySharesFindsEveryoneRegisteredWithIt() {
        List<Patient> found = backend.findPatients(new PatientQuery.ByPhone(DemoRoster.SHARED_FAMILY_PHONE));
        assertEquals(Set.of("pat-2", "pat-3"), Set.copyOf(ids(found)));
        Patient child = found.stream().filter(p -> p.id().equals("pat-3")).findFirst().orElseThrow();
        assertEquals(DemoRoster.patient(3).phone(), child.phone(), "the child's own mobile is still her phone");
    }

    @Test
    void nameAndBirthDateFindThePatientHoweverTheNameIsWritten() {
        DemoRoster.Person zhang = DemoRoster.patient(1);
        assertEquals(List.of("pat-1"), byName("张三明", zhang.birthDate()));
        assertEquals(List.of("pat-1"), byName("张", zhang.birthDate()), "the family name is enough with the birthday");
        assertEquals(List.of("pat-1"), byName("zhang sanming", zhang.birthDate()));
        assertEquals(List.of(), byName("张三明", zhang.birthDate().plusDays(1)), "a different birthday is someone else");
        assertEquals(List.of(), byName("李秀英", zhang.birthDate()));
        DemoRoster.Person smith = DemoRoster.patient(9);
        for (String written : List.of("John Smith", "SMITH, JOHN", "smith", "约翰·史密斯", "约翰")) {
            assertEquals(List.of("pat-9"), byName(written, smith.birthDate()), written);
        }
        assertEquals(List.of("pat-10"), byName("Maria Garcia", DemoRoster.patient(10).birthDate()));
    }

    static List<String> byName(String name, LocalDate born) {
        return ids(backend.findPatients(new PatientQuery.ByNameAndBirthDate(name, born)));
    }

    static List<String> ids(List<Patient> patients) {
        return patients.stream().map(Patient::id).toList();
    }

    // ---- a server that does not filter, or answers for the wrong person --------------------------------------

    static final String EVERYONE = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
            + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"a\",\"name\":[{\"text\":\"张三明\"}],"
            + "\"birthDate\":\"1985-03-07\",\"telecom\":[{\"system\":\"phone\",\"value\":\"13800000001\"}],"
            + "\"identifier\":[{\"system\":\"urn:medkiosk:mrn\",\"value\":\"MR100001\"}]}},"
            + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"b\",\"name\":[{\"text\":\"李秀英\"}],"
            + "\"birthDate\":\"1985-03-07\",\"telecom\":[{\"system\":\"phone\",\"value\":\"13800000002\"}],"
            + "\"identifier\":[{\"system\":\"urn:medkiosk:mrn\",\"value\":\"MR100002\"}]}},"
            + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"c\",\"active\":false,\"name\":[{\"text\":\"张三明\"}],"
            + "\"birthDate\":\"1985-03-07\",\"telecom\":[{\"system\":\"phone\",\"value\":\"13800000001\"}],"
            + "\"identifier\":[{\"system\":\"urn:medkiosk:mrn\",\"value\":\"MR100001\"}]}},"
            + "{\"resource\":{\"resourceType\":\"Practitioner\",\"id\":\"x\",\"active\":true,"
            + "\"identifier\":[{\"system\":\"urn:medkiosk:staff-card\",\"value\":\"7100000009\"}]}}]}";

    @Test
    void aServerThatIgnoresItsSearchParametersShowsNoOneElse() throws Exception {
        try (FaultServer lax = FaultServer.http();
             FhirHospitalBackend b = new FhirHospitalBackend(FhirSettings.of(lax.baseUrl()))) {
            lax.answer(FaultServer.Answer.json(200, EVERYONE));
            assertEquals(List.of("a"), ids(b.findPatients(new PatientQuery.ByPhone("13800000001"))),
                    "the retired duplicate c is not offered");
            assertEquals(List.of("b"), ids(b.findPatients(new PatientQuery.ByMedicalRecordNumber("MR100002"))));
            assertEquals(List.of("a"), ids(b.findPatients(new PatientQuery.ByNameAndBirthDate("张三明",
                    LocalDate.of(1985, 3, 7)))));
            assertEquals(List.of(), b.findPatients(new PatientQuery.ByNameAndBirthDate("张三明", LocalDate.of(1985, 3, 8))));
            assertEquals(Optional.empty(), b.signIn(new StaffCredentials.StaffCard("7100000001")),
                    "a practitioner without this card is not signed in");
            assertTrue(lax.paths.stream().anyMatch(p -> p.contains("Patient?phone=13800000001")), lax.paths.toString());
            assertTrue(lax.paths.stream().anyMatch(p -> p.contains("birthdate=1985-03-07")), lax.paths.toString());
        }
    }

    @Test
    void twoStaffMembersBehindOneCardIsAConflict() throws Exception {
        String two = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"Practitioner\",\"id\":\"x\","
                + "\"identifier\":[{\"system\":\"urn:medkiosk:staff-card\",\"value\":\"7100000001\"}]}},"
                + "{\"resource\":{\"resourceType\":\"Practitioner\",\"id\":\"y\","
                + "\"identifier\":[{\"system\":\"urn:medkiosk:staff-card\",\"value\":\"7100000001\"}]}}]}";
        try (FaultServer s = FaultServer.http(); FhirHospitalBackend b = new FhirHospitalBackend(FhirSettings.of(s.baseUrl()))) {
            s.answer(FaultServer.Answer.json(200, two));
            BackendException.Conflict e = assertThrows(BackendException.Conflict.class,
                    () -> b.signIn(new StaffCredentials.StaffCard("7100000001")));
            assertFalse(e.getMessage().contains("7100000001"), e.getMessage());
        }
    }

    @Test
    void rolesAreReadSeparatelyFromAServerThatIgnoresRevinclude() throws Exception {
        String practitioner = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"Practitioner\",\"id\":\"n1\",\"active\":true,"
                + "\"name\":[{\"family\":\"王\",\"given\":[\"芳\"]}],"
                + "\"identifier\":[{\"system\":\"urn:medkiosk:staff-card\",\"value\":\"7100000001\"},"
                + "{\"system\":\"urn:medkiosk:staff-number\",\"value\":\"200101\"}]}}]}";
        String roles = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"PractitionerRole\",\"id\":\"r1\",\"active\":true,"
                + "\"practitioner\":{\"reference\":\"Practitioner/n1\"},\"code\":[{\"coding\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/practitioner-role\",\"code\":\"nurse\"}]}]}},"
                + "{\"resource\":{\"resourceType\":\"PractitionerRole\",\"id\":\"r2\",\"active\":false,"
                + "\"practitioner\":{\"reference\":\"Practitioner/n1\"},\"code\":[{\"coding\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/practitioner-role\",\"code\":\"ict\"}]}]}}]}";
        try (FaultServer s = FaultServer.http(); FhirHospitalBackend b = new FhirHospitalBackend(FhirSettings.of(s.baseUrl()))) {
            s.script = (ex, body) -> FaultServer.Answer.json(200,
                    ex.getRequestURI().getPath().endsWith("/PractitionerRole") ? roles : practitioner);
            StaffMember m = b.signIn(new StaffCredentials.StaffCard("7100000001")).orElseThrow();
            assertEquals("n1", m.id());
            assertEquals("200101", m.staffNumber());
            assertEquals("王芳", m.name().zh());
            assertEquals(Set.of(StaffRole.NURSE), m.roles(), "the inactive role does not count");
            assertTrue(s.paths.stream().anyMatch(p -> p.contains("PractitionerRole?practitioner=Practitioner%2Fn1")),
                    s.paths.toString());
        }
    }

    @Test
    void aPinAnswerForAnotherStaffMemberIsRefused() throws Exception {
        String other = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"verified\",\"valueBoolean\":true},"
                + "{\"name\":\"practitioner\",\"resource\":{\"resourceType\":\"Practitioner\",\"id\":\"t\","
                + "\"identifier\":[{\"system\":\"urn:medkiosk:staff-number\",\"value\":\"300201\"}]}}]}";
        try (FaultServer s = FaultServer.http(); FhirHospitalBackend b = new FhirHospitalBackend(FhirSettings.of(s.baseUrl()))) {
            s.answer(FaultServer.Answer.json(200, other));
            assertThrows(BackendException.BadResponse.class,
                    () -> b.signIn(new StaffCredentials.StaffNumberAndPin("200101", "246810")));
            s.answer(FaultServer.Answer.json(200, "{\"resourceType\":\"Parameters\",\"parameter\":[]}"));
            assertThrows(BackendException.BadResponse.class,
                    () -> b.signIn(new StaffCredentials.StaffNumberAndPin("200101", "246810")), "no verified at all");
            s.answer(FaultServer.Answer.json(200,
                    "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"verified\",\"valueBoolean\":false}]}"));
            assertEquals(Optional.empty(), b.signIn(new StaffCredentials.StaffNumberAndPin("200101", "246810")));
            assertTrue(s.paths.stream().allMatch(p -> p.endsWith("/Practitioner/$verify-pin")), s.paths.toString());
        }
    }
}
