package org.medkiosk.hospital;

import java.util.Objects;
import java.util.Optional;

/** A department as the guidance screen introduces it: what it treats, and where its clinic is ({@link HospitalPlace}). */
public record DepartmentInfo(Department department, LocalizedText introduction, Optional<String> placeId) {
    public DepartmentInfo {
        Objects.requireNonNull(department, "department");
        introduction = introduction == null ? LocalizedText.same("") : introduction;
        placeId = placeId == null ? Optional.empty() : placeId;
    }
}
