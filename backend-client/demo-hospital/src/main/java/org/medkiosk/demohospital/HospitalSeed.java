package org.medkiosk.demohospital;

import java.time.ZoneId;

import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/** Fills a fresh {@link HospitalRecords} with the demo hospital: the roster patients first. */
final class HospitalSeed {
    private final HospitalRecords records;
    private final ZoneId zone;

    HospitalSeed(HospitalRecords records, ZoneId zone) {
        this.records = records;
        this.zone = zone;
    }

    void seed() {
        for (DemoRoster.Person person : DemoRoster.patients()) {
            records.put(patient(person));
        }
    }

    static Patient patient(DemoRoster.Person person) {
        Patient p = new Patient();
        p.setId(person.patientId());
        p.setActive(true);
        p.addIdentifier(new Identifier().setSystem(person.idSystem()).setValue(person.idNumber()));
        if (person.insuranceCardNo() != null) {
            p.addIdentifier(new Identifier().setSystem(DemoRoster.SYSTEM_INSURANCE_CARD).setValue(person.insuranceCardNo()));
        }
        p.addIdentifier(new Identifier().setSystem(DemoRoster.SYSTEM_INSURANCE_VOUCHER).setValue(person.insuranceVoucherQr()));
        p.addIdentifier(new Identifier().setSystem(DemoRoster.SYSTEM_PATIENT_CARD).setValue(person.patientCardBarcode()));
        p.addIdentifier(new Identifier().setSystem(DemoRoster.SYSTEM_PATIENT_CARD_UID).setValue(person.patientCardUid()));
        p.addIdentifier(new Identifier().setSystem(DemoRoster.SYSTEM_MRN).setValue(person.medicalRecordNumber())
                .setType(new org.hl7.fhir.r4.model.CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
                        "http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number"))));
        // The e-health token is opaque to the kiosk: the hospital accepts the whole QR payload and its hex part.
        p.addIdentifier(new Identifier().setSystem(DemoRoster.SYSTEM_EHEALTH_CARD).setValue(person.ehealthCardQr()));
        p.addIdentifier(new Identifier().setSystem(DemoRoster.SYSTEM_EHEALTH_CARD)
                .setValue(DemoRoster.ehealthCardToken(person.number())));
        p.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL).setText(person.nameZh()));
        p.addName(new HumanName().setUse(HumanName.NameUse.USUAL).setText(person.nameEn()));
        p.setGender(switch (person.sex()) {
            case MALE -> AdministrativeGender.MALE;
            case FEMALE -> AdministrativeGender.FEMALE;
            default -> AdministrativeGender.UNKNOWN;
        });
        p.setBirthDateElement(new DateType(person.birthDate().toString()));
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.MOBILE)
                .setValue(person.phone());
        if (person.address() != null) {
            p.addAddress().setText(person.address());
        }
        return p;
    }
}
