package org.medkiosk.app.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medkiosk.demohospital.DemoRoster;
import org.medkiosk.hospital.Patient;

/** Every label value (and every line) of a scrape, checked for a patient's id, ID number and names. */
final class PrivacyCheck {
    private PrivacyCheck() {
    }

    static List<String> labelValues(String scrape) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(scrape);
        while (m.find()) {
            values.add(m.group(2));
        }
        return values;
    }

    static void assertNoPatientData(String scrape, Patient patient, DemoRoster.Person person) {
        List<String> values = labelValues(scrape);
        assertTrue(values.size() > 20, "the scrape has labels to check: " + values.size());
        List<String> secrets = new ArrayList<>(List.of(patient.id(), patient.name(), person.idNumber(), person.nameZh(),
                person.nameEn()));
        secrets.removeIf(s -> s == null || s.isBlank());
        for (String value : values) {
            for (String secret : secrets) {
                assertFalse(value.contains(secret), "a label value holds patient data: " + value);
            }
        }
        for (String secret : secrets) {
            assertFalse(scrape.contains(secret), "the scrape holds patient data (" + secret.length() + " characters)");
        }
    }
}
