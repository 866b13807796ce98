package org.medkiosk.fhir;

import java.util.List;

import org.medkiosk.hospital.IdentifierKind;

/**
 * FHIR identifier systems for each way a patient proves who they are. The first system of a kind is searched
 * first; the others only when it finds no one (a typed 18-digit number may be a resident ID or a 2023 foreign
 * permanent residence number; a patient card may be read as a barcode or by its contactless UID).
 */
public final class IdentifierSystems {
    public static final String RESIDENT_ID = "urn:oid:2.16.156.10011.1.3";
    public static final String FOREIGN_PERMANENT_RESIDENCE = "urn:oid:2.16.156.10011.1.3.fprc";
    public static final String INSURANCE_CARD = "urn:medkiosk:insurance-card";
    public static final String INSURANCE_VOUCHER = "urn:medkiosk:insurance-voucher";
    public static final String PATIENT_CARD = "urn:medkiosk:patient-card";
    public static final String PATIENT_CARD_UID = "urn:medkiosk:patient-card-uid";
    public static final String MRN = "urn:medkiosk:mrn";
    public static final String EHEALTH_CARD = "urn:medkiosk:ehealth-card";
    public static final String QUEUE_NUMBER = "urn:medkiosk:queue-number";

    private IdentifierSystems() {
    }

    public static List<String> searchOrder(IdentifierKind kind) {
        return switch (kind) {
            case RESIDENT_ID -> List.of(RESIDENT_ID, FOREIGN_PERMANENT_RESIDENCE);
            case FOREIGN_PERMANENT_RESIDENCE -> List.of(FOREIGN_PERMANENT_RESIDENCE, RESIDENT_ID);
            case INSURANCE_CARD -> List.of(INSURANCE_CARD, INSURANCE_VOUCHER);
            case PATIENT_CARD -> List.of(PATIENT_CARD, PATIENT_CARD_UID);
            case MEDICAL_RECORD_NUMBER -> List.of(MRN);
            case EHEALTH_CARD_TOKEN -> List.of(EHEALTH_CARD);
        };
    }

    /** The kind a system denotes, or null for a system the kiosk does not know (ignored). */
    public static IdentifierKind kindOf(String system) {
        if (system == null) {
            return null;
        }
        return switch (system) {
            case RESIDENT_ID -> IdentifierKind.RESIDENT_ID;
            case FOREIGN_PERMANENT_RESIDENCE -> IdentifierKind.FOREIGN_PERMANENT_RESIDENCE;
            case INSURANCE_CARD, INSURANCE_VOUCHER -> IdentifierKind.INSURANCE_CARD;
            case PATIENT_CARD, PATIENT_CARD_UID -> IdentifierKind.PATIENT_CARD;
            case MRN -> IdentifierKind.MEDICAL_RECORD_NUMBER;
            case EHEALTH_CARD -> IdentifierKind.EHEALTH_CARD_TOKEN;
            default -> null;
        };
    }
}
