package org.medkiosk.journey.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.fhir.FhirHospitalBackend;
import org.medkiosk.fhir.FhirSettings;
import org.medkiosk.hospital.Department;
import org.medkiosk.journey.concurrent.TaskExecutor;
import org.medkiosk.journey.testing.EngineFixture;

/**
 * The default rules against the demo hospital over FHIR, as at start-up: every department they name exists, and the
 * guide counts today's numbers left from the hospital's doctors.
 */
class GuideAgainstDemoHospitalTest {
    private static DemoHospital hospital;
    private static FhirHospitalBackend backend;

    @BeforeAll
    static void start() {
        hospital = DemoHospital.start(0, DemoHospital.Options.defaults().withClock(Clock.system(EngineFixture.ZONE)));
        // generous read timeouts: the first answers of a cold demo hospital on a busy build machine are slow
        backend = new FhirHospitalBackend(FhirSettings.of(hospital.baseUrl()).withReadTimeouts(Duration.ofSeconds(30)));
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
        if (hospital != null) {
            hospital.close();
        }
    }

    @Test
    void theDefaultRulesPassValidationAgainstTheDemoHospitalsDepartments() {
        Set<String> codes = backend.departments().stream().map(Department::id).collect(Collectors.toSet());
        assertTrue(codes.size() >= 9, "the demo's departments: " + codes);
        GuideRules rules = GuideRules.loadDefault();
        rules.validate(codes);
        assertTrue(codes.containsAll(rules.departmentCodes()));
        // and the check can fail: without paediatrics the default rules are refused
        Set<String> withoutPaediatrics = codes.stream().filter(c -> !c.equals("dept-ped")).collect(Collectors.toSet());
        GuideRulesException e = org.junit.jupiter.api.Assertions.assertThrows(GuideRulesException.class,
                () -> rules.validate(withoutPaediatrics));
        assertTrue(e.getMessage().contains("default-guide-rules.yaml") && e.getMessage().contains("'dept-ped'")
                && e.line() > 0, e.getMessage());
    }

    @Test
    void numbersLeftComeFromTheHospitalsDoctors() {
        DepartmentGuide guide = new DepartmentGuide(GuideRules.loadDefault(), backend, TaskExecutor.synchronous(),
                Clock.system(EngineFixture.ZONE), Optional.empty());
        guide.ageGroup(AgeGroup.ADULT);
        guide.region(BodyRegion.CHEST);
        guide.toggleSymptom("cough");
        guide.suggest();
        List<Suggestion> s = assertInstanceOf(GuideState.Suggestions.class, guide.state()).departments();
        assertEquals("dept-im", s.get(0).departmentCode());
        assertTrue(s.get(0).numbersLeftToday().isPresent(), "counted: " + s);
        int expected = backend.doctors("dept-im", java.time.LocalDate.now(EngineFixture.ZONE)).stream()
                .mapToInt(d -> Math.max(0, d.remainingToday())).sum();
        assertEquals(expected, s.get(0).numbersLeftToday().getAsInt());
        assertFalse(guide.rules().redFlags().isEmpty());
    }
}
