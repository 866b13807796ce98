package org.medkiosk.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.demohospital.DemoRoster;
import org.medkiosk.hospital.IdentifierKind;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PatientIdentifier;
import org.medkiosk.hospital.Sex;

/** The client identifies roster patients against the demo hospital over real HTTP. */
class FindPatientContractTest {
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

    @Test
    void findsRosterPatientOneByResidentId() {
        DemoRoster.Person one = DemoRoster.patient(1);
        Optional<Patient> found = backend.findPatient(PatientIdentifier.residentId(one.idNumber()));
        assertTrue(found.isPresent());
        Patient p = found.get();
        assertEquals(one.patientId(), p.id());
        assertEquals("张三明", p.name());
        assertEquals(Sex.MALE, p.sex());
        assertEquals(one.birthDate(), p.birthDate());
        assertEquals("MR100001", p.medicalRecordNumber());
        assertTrue(p.identifiers().contains(PatientIdentifier.residentId(one.idNumber())));
    }

    @Test
    void unknownCardFindsNoOne() {
        assertTrue(backend.findPatient(PatientIdentifier.residentId(DemoRoster.unknownPerson().idNumber())).isEmpty());
    }

    @Test
    void everyCardOfEveryRosterPatientFindsThem() {
        for (DemoRoster.Person person : DemoRoster.patients()) {
            IdentifierKind idKind = person.idSystem().equals(IdentifierSystems.RESIDENT_ID)
                    ? IdentifierKind.RESIDENT_ID : IdentifierKind.FOREIGN_PERMANENT_RESIDENCE;
            assertEquals(person.patientId(), find(idKind, person.idNumber()), "id card of " + person.number());
            assertEquals(person.patientId(), find(IdentifierKind.PATIENT_CARD, person.patientCardBarcode()));
            assertEquals(person.patientId(), find(IdentifierKind.PATIENT_CARD, person.patientCardUid()));
            assertEquals(person.patientId(), find(IdentifierKind.MEDICAL_RECORD_NUMBER, person.medicalRecordNumber()));
            assertEquals(person.patientId(), find(IdentifierKind.EHEALTH_CARD_TOKEN, person.ehealthCardQr()));
            assertEquals(person.patientId(), find(IdentifierKind.INSURANCE_CARD, person.insuranceVoucherQr()));
            if (person.insuranceCardNo() != null) {
                assertEquals(person.patientId(), find(IdentifierKind.INSURANCE_CARD, person.insuranceCardNo()));
            }
        }
        // A typed 2023 foreign card number is found even when the kiosk took it for a resident ID.
        assertEquals("pat-10", find(IdentifierKind.RESIDENT_ID, DemoRoster.patient(10).idNumber()));
    }

    private static String find(IdentifierKind kind, String value) {
        return backend.findPatient(new PatientIdentifier(kind, value)).map(Patient::id).orElse(null);
    }
}
