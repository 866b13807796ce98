package org.medkiosk.fhir;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.medkiosk.hospital.IdentifierKind;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PatientIdentifier;
import org.medkiosk.hospital.Sex;

/**
 * FHIR R4 JSON → domain records. Pure functions over Jackson trees; the only exception they raise is
 * {@link org.medkiosk.hospital.BackendException.BadResponse} (fuzz-tested).
 */
final class FhirMapping {
    private final ZoneId zone;

    FhirMapping(ZoneId zone) {
        this.zone = zone;
    }

    Patient patient(JsonNode p) {
        FhirJson.requireType(p, "Patient");
        String id = FhirJson.requireText(p, "id", "Patient");
        String name = patientName(p);
        Sex sex = switch (String.valueOf(FhirJson.text(p, "gender"))) {
            case "male" -> Sex.MALE;
            case "female" -> Sex.FEMALE;
            case "other" -> Sex.UNSPECIFIED;
            default -> Sex.UNKNOWN;
        };
        List<PatientIdentifier> ids = new ArrayList<>();
        String mrn = null;
        for (JsonNode identifier : p.path("identifier")) {
            String system = FhirJson.text(identifier, "system");
            String value = FhirJson.text(identifier, "value");
            if (value == null || value.isBlank()) {
                continue;
            }
            IdentifierKind kind = IdentifierSystems.kindOf(system);
            boolean typedMr = "MR".equals(FhirJson.code(identifier.path("type"), null));
            if (kind == IdentifierKind.MEDICAL_RECORD_NUMBER || (kind == null && typedMr)) {
                kind = IdentifierKind.MEDICAL_RECORD_NUMBER;
                if (mrn == null) {
                    mrn = value;
                }
            }
            if (kind != null) {
                ids.add(new PatientIdentifier(kind, value));
            }
        }
        String phone = null;
        for (JsonNode t : p.path("telecom")) {
            if ("phone".equals(FhirJson.text(t, "system")) && FhirJson.text(t, "value") != null) {
                phone = FhirJson.text(t, "value");
                break;
            }
        }
        return new Patient(id, name, sex, FhirJson.date(FhirJson.text(p, "birthDate")), mrn, phone, ids);
    }

    /** The official name's text, else family+given (Chinese names have no space, Latin ones do). */
    static String patientName(JsonNode p) {
        JsonNode chosen = null;
        for (JsonNode n : p.path("name")) {
            if (chosen == null || "official".equals(FhirJson.text(n, "use")) && !"official".equals(FhirJson.text(chosen, "use"))) {
                chosen = n;
            }
        }
        if (chosen == null) {
            return "";
        }
        String text = FhirJson.text(chosen, "text");
        if (text != null && !text.isBlank()) {
            return text;
        }
        String family = FhirJson.text(chosen, "family");
        StringBuilder given = new StringBuilder();
        for (JsonNode g : chosen.path("given")) {
            if (g.isTextual()) {
                given.append(given.length() > 0 ? " " : "").append(g.asText());
            }
        }
        String f = family == null ? "" : family;
        boolean cjk = (f + given).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return cjk ? f + given : (given + " " + f).trim();
    }
}
