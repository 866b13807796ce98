package org.medkiosk.hospital;

import java.util.Objects;

/** A value that identifies a patient, with its kind. Its toString is masked so it is safe in logs. */
public record PatientIdentifier(IdentifierKind kind, String value) {
    public PatientIdentifier {
        Objects.requireNonNull(kind, "kind");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("identifier value is empty");
        }
    }

    public static PatientIdentifier residentId(String idNumber) {
        return new PatientIdentifier(IdentifierKind.RESIDENT_ID, idNumber);
    }

    @Override
    public String toString() {
        return "PatientIdentifier[" + kind + " " + Masking.idNumber(value) + "]";
    }
}
