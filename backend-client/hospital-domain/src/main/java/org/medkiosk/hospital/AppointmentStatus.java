package org.medkiosk.hospital;

/** The FHIR Appointment.status values the kiosk acts on. */
public enum AppointmentStatus {
    PROPOSED, PENDING, BOOKED, ARRIVED, FULFILLED, CANCELLED, NOSHOW, CHECKED_IN, ENTERED_IN_ERROR, WAITLIST
}
