package org.medkiosk.hospital;

import java.time.LocalDate;
import java.util.List;

/**
 * A patient as the hospital knows them. toString is masked: a Patient may be logged by accident,
 * it must never leak a name or number when it is.
 */
public record Patient(
        String id,
        String name,
        Sex sex,
        LocalDate birthDate,
        String medicalRecordNumber,
        String phone,
        List<PatientIdentifier> identifiers) {

    public Patient {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }

    /** The greeting form of the name: 张*明. */
    public String maskedName() {
        return Masking.name(name);
    }

    @Override
    public String toString() {
        return "Patient[id=" + id + ", name=" + Masking.name(name) + "]";
    }
}
