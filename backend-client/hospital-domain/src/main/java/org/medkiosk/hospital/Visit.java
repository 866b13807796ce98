package org.medkiosk.hospital;

import java.time.LocalDate;

/**
 * The visit (FHIR Encounter) a charge belongs to: what the patient sees as one group on the pay-bills screen
 * ("12月1日 内科 王医生"). doctor may be null (a lab-only visit).
 */
public record Visit(String id, LocalDate date, LocalizedText department, LocalizedText doctor) {
}
