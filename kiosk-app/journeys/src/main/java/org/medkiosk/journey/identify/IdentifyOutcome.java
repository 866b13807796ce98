package org.medkiosk.journey.identify;

import org.medkiosk.hospital.Patient;

/** What the hospital said about the presented identity. */
public sealed interface IdentifyOutcome {

    record Identified(Patient patient) implements IdentifyOutcome {
    }

    /** The hospital has no record: the patient must be registered at the desk first. */
    record UnknownPatient() implements IdentifyOutcome {
    }

    /** The backend could not answer; the reason is for the log, never shown raw to a patient. */
    record BackendUnavailable(String reason) implements IdentifyOutcome {
    }
}
