package org.medkiosk.fhir;

import java.util.List;
import java.util.Objects;

import org.medkiosk.hospital.IdentifierKind;

/**
 * The FHIR {@code Identifier.system} of each way a patient proves who they are, and of the other identifiers the
 * kiosk reads (queue number, specimen barcode). A hospital sets its own in the kiosk configuration
 * ({@link FhirSettings#withIdentifierSystems}); {@link #DEFAULTS} are MedKiosk's, which the demo hospital uses.
 * Staff are identified under their own two systems (staff number, staff card), never under a patient's.
 * The first system of a kind is searched first; the others only when it finds no one (a typed 18-digit number may
 * be a resident ID or a 2023 foreign permanent residence number; a patient card may be read as a barcode or by its
 * contactless UID).
 *
 * <p>The foreign permanent residence card has no national FHIR system. The earlier default
 * {@code urn:oid:2.16.156.10011.1.3.fprc} was not an OID at all (an OID is digits and dots only, so HAPI's validator
 * rejects it); the default is now {@code urn:medkiosk:foreign-permanent-residence}, a URN in MedKiosk's own
 * namespace like the other hospital-defined systems, which claims nothing in a registry arc it does not own. A
 * hospital whose region assigns an OID configures that instead.
 *
 * @param residentId                resident ID card, HK/Macau/Taiwan residence permit
 * @param foreignPermanentResidence foreign permanent residence card
 * @param insuranceCard             social insurance card
 * @param insuranceVoucher          insurance e-voucher QR
 * @param patientCard               patient card barcode
 * @param patientCardUid            contactless patient card UID
 * @param medicalRecordNumber       medical record number (any system typed v2-0203#MR is read as one too)
 * @param ehealthCard               e-health card QR token
 * @param queueNumber               the queue number on the check-in Encounter
 * @param specimen                  the specimen barcode on a collection slip (Specimen.identifier / accessionIdentifier)
 * @param staffNumber               a member of staff's staff number (工号), Practitioner.identifier
 * @param staffCard                 the number on a staff card, Practitioner.identifier
 */
public record IdentifierSystems(
        String residentId,
        String foreignPermanentResidence,
        String insuranceCard,
        String insuranceVoucher,
        String patientCard,
        String patientCardUid,
        String medicalRecordNumber,
        String ehealthCard,
        String queueNumber,
        String specimen,
        String staffNumber,
        String staffCard) {

    public static final String RESIDENT_ID = "urn:oid:2.16.156.10011.1.3";
    public static final String FOREIGN_PERMANENT_RESIDENCE = "urn:medkiosk:foreign-permanent-residence";
    public static final String INSURANCE_CARD = "urn:medkiosk:insurance-card";
    public static final String INSURANCE_VOUCHER = "urn:medkiosk:insurance-voucher";
    public static final String PATIENT_CARD = "urn:medkiosk:patient-card";
    public static final String PATIENT_CARD_UID = "urn:medkiosk:patient-card-uid";
    public static final String MRN = "urn:medkiosk:mrn";
    public static final String EHEALTH_CARD = "urn:medkiosk:ehealth-card";
    public static final String QUEUE_NUMBER = "urn:medkiosk:queue-number";
    public static final String SPECIMEN = "urn:medkiosk:specimen";
    public static final String STAFF_NUMBER = "urn:medkiosk:staff-number";
    public static final String STAFF_CARD = "urn:medkiosk:staff-card";

    /** MedKiosk's systems (the values above); the demo hospital serves these. */
    public static final IdentifierSystems DEFAULTS = new IdentifierSystems(RESIDENT_ID, FOREIGN_PERMANENT_RESIDENCE,
            INSURANCE_CARD, INSURANCE_VOUCHER, PATIENT_CARD, PATIENT_CARD_UID, MRN, EHEALTH_CARD, QUEUE_NUMBER, SPECIMEN,
            STAFF_NUMBER, STAFF_CARD);

    public IdentifierSystems {
        for (String s : new String[]{residentId, foreignPermanentResidence, insuranceCard, insuranceVoucher, patientCard,
                patientCardUid, medicalRecordNumber, ehealthCard, queueNumber, specimen, staffNumber, staffCard}) {
            Objects.requireNonNull(s, "identifier system");
            if (s.isBlank() || s.contains("|") || !s.matches("(?i)^[a-z][a-z0-9+.-]*:\\S+$")) {
                throw new IllegalArgumentException("an identifier system must be an absolute URI without '|': " + s);
            }
            if (s.regionMatches(true, 0, "urn:oid:", 0, 8) && !s.substring(8).matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
                throw new IllegalArgumentException("not a valid OID: " + s);
            }
        }
    }

    public static IdentifierSystems defaults() {
        return DEFAULTS;
    }

    public IdentifierSystems withResidentId(String system) {
        return new IdentifierSystems(system, foreignPermanentResidence, insuranceCard, insuranceVoucher, patientCard,
                patientCardUid, medicalRecordNumber, ehealthCard, queueNumber, specimen, staffNumber, staffCard);
    }

    public IdentifierSystems withForeignPermanentResidence(String system) {
        return new IdentifierSystems(residentId, system, insuranceCard, insuranceVoucher, patientCard,
                patientCardUid, medicalRecordNumber, ehealthCard, queueNumber, specimen, staffNumber, staffCard);
    }

    public IdentifierSystems withInsuranceCard(String system) {
        return new IdentifierSystems(residentId, foreignPermanentResidence, system, insuranceVoucher, patientCard,
                patientCardUid, medicalRecordNumber, ehealthCard, queueNumber, specimen, staffNumber, staffCard);
    }

    public IdentifierSystems withInsuranceVoucher(String system) {
        return new IdentifierSystems(residentId, foreignPermanentResidence, insuranceCard, system, patientCard,
                patientCardUid, medicalRecordNumber, ehealthCard, queueNumber, specimen, staffNumber, staffCard);
    }

    public IdentifierSystems withPatientCard(String system) {
        return new IdentifierSystems(residentId, foreignPermanentResidence, insuranceCard, insuranceVoucher, system,
                patientCardUid, medicalRecordNumber, ehealthCard, queueNumber, specimen, staffNumber, staffCard);
    }

    public IdentifierSystems withPatientCardUid(String system) {
        return new IdentifierSystems(residentId, foreignPermanentResidence, insuranceCard, insuranceVoucher, patientCard,
                system, medicalRecordNumber, ehealthCard, queueNumber, specimen, staffNumber, staffCard);
    }

    public IdentifierSystems withMedicalRecordNumber(String system) {
        return new IdentifierSystems(residentId, foreignPermanentResidence, insuranceCard, insuranceVoucher, patientCard,
                patientCardUid, system, ehealthCard, queueNumber, specimen, staffNumber, staffCard);
    }

    public IdentifierSystems withEhealthCard(String system) {
        return new IdentifierSystems(residentId, foreignPermanentResidence, insuranceCard, insuranceVoucher, patientCard,
                patientCardUid, medicalRecordNumber, system, queueNumber, specimen, staffNumber, staffCard);
    }

    public IdentifierSystems withQueueNumber(String system) {
        return new IdentifierSystems(residentId, foreignPermanentResidence, insuranceCard, insuranceVoucher, patientCard,
                patientCardUid, medicalRecordNumber, ehealthCard, system, specimen, staffNumber, staffCard);
    }

    public IdentifierSystems withSpecimen(String system) {
        return new IdentifierSystems(residentId, foreignPermanentResidence, insuranceCard, insuranceVoucher, patientCard,
                patientCardUid, medicalRecordNumber, ehealthCard, queueNumber, system, staffNumber, staffCard);
    }

    public IdentifierSystems withStaffNumber(String system) {
        return new IdentifierSystems(residentId, foreignPermanentResidence, insuranceCard, insuranceVoucher, patientCard,
                patientCardUid, medicalRecordNumber, ehealthCard, queueNumber, specimen, system, staffCard);
    }

    public IdentifierSystems withStaffCard(String system) {
        return new IdentifierSystems(residentId, foreignPermanentResidence, insuranceCard, insuranceVoucher, patientCard,
                patientCardUid, medicalRecordNumber, ehealthCard, queueNumber, specimen, staffNumber, system);
    }

    /** The systems to search for an identifier of this kind, in order. */
    public List<String> searchOrder(IdentifierKind kind) {
        return switch (kind) {
            case RESIDENT_ID -> List.of(residentId, foreignPermanentResidence);
            case FOREIGN_PERMANENT_RESIDENCE -> List.of(foreignPermanentResidence, residentId);
            case INSURANCE_CARD -> List.of(insuranceCard, insuranceVoucher);
            case PATIENT_CARD -> List.of(patientCard, patientCardUid);
            case MEDICAL_RECORD_NUMBER -> List.of(medicalRecordNumber);
            case EHEALTH_CARD_TOKEN -> List.of(ehealthCard);
        };
    }

    /** The kind a system denotes, or null for a system the kiosk does not know (ignored). */
    public IdentifierKind kindOf(String system) {
        if (system == null) {
            return null;
        }
        if (system.equals(residentId)) {
            return IdentifierKind.RESIDENT_ID;
        }
        if (system.equals(foreignPermanentResidence)) {
            return IdentifierKind.FOREIGN_PERMANENT_RESIDENCE;
        }
        if (system.equals(insuranceCard) || system.equals(insuranceVoucher)) {
            return IdentifierKind.INSURANCE_CARD;
        }
        if (system.equals(patientCard) || system.equals(patientCardUid)) {
            return IdentifierKind.PATIENT_CARD;
        }
        if (system.equals(medicalRecordNumber)) {
            return IdentifierKind.MEDICAL_RECORD_NUMBER;
        }
        if (system.equals(ehealthCard)) {
            return IdentifierKind.EHEALTH_CARD_TOKEN;
        }
        return null;
    }
}
