package org.medkiosk.hospital;

import java.util.List;
import java.util.Objects;

/**
 * A doctor as the guidance screen introduces them: the {@link Doctor} (name, title, photo, fee), what they specialise
 * in (擅长), their qualifications, and the half-days of the week they consult, Monday first.
 */
public record DoctorProfile(Doctor doctor, LocalizedText specialty, LocalizedText qualification, List<WeeklySession> week) {
    public DoctorProfile {
        Objects.requireNonNull(doctor, "doctor");
        specialty = specialty == null ? LocalizedText.same("") : specialty;
        qualification = qualification == null ? LocalizedText.same("") : qualification;
        week = week == null ? List.of() : List.copyOf(week);
    }
}
