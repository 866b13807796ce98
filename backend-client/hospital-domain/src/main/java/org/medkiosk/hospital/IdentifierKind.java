package org.medkiosk.hospital;

/** The ways a patient can prove who they are at the kiosk. */
public enum IdentifierKind {
    /** 18-character resident ID number, also HK/Macau/Taiwan residence permits (OID 2.16.156.10011.1.3). */
    RESIDENT_ID,
    /** Foreign permanent residence card number. */
    FOREIGN_PERMANENT_RESIDENCE,
    /** Social security / medical insurance card number. */
    INSURANCE_CARD,
    /** The hospital's own patient card (barcode or contactless UID). */
    PATIENT_CARD,
    /** Medical record number typed or scanned. */
    MEDICAL_RECORD_NUMBER,
    /** Opaque e-health-card QR token, resolved by the backend. */
    EHEALTH_CARD_TOKEN
}
