package org.medkiosk.hospital;

/**
 * What a member of staff does at the hospital, as far as the kiosk cares: nurses run journeys on a patient's
 * behalf, technicians look after the terminal. The hospital says it ({@code PractitionerRole.code}); a role the
 * kiosk has no use for is not listed.
 */
public enum StaffRole {
    NURSE,
    /** Keeps the kiosks and other devices running (FHIR practitioner-role {@code ict}). */
    TECHNICIAN,
    DOCTOR
}
