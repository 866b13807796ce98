package org.medkiosk.journey.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.journey.concurrent.TaskExecutor;

/** The guide's state machine: routing of ordinary symptoms, numbers left today, back and start over. */
class DepartmentGuideTest {
    private static final GuideRules RULES = GuideRules.loadDefault();

    private static List<String> departments(AgeGroup age, BodyRegion region, String... symptoms) {
        GuideTesting t = new GuideTesting(RULES, GuideTesting.noDoctors());
        t.guide.ageGroup(age);
        t.guide.region(region);
        for (String s : symptoms) {
            t.guide.toggleSymptom(s);
        }
        assertEquals(List.of(symptoms), List.copyOf(((GuideState.ChooseSymptoms) t.guide.state()).chosen()));
        t.guide.suggest();
        return assertInstanceOf(GuideState.Suggestions.class, t.guide.state()).departments().stream()
                .map(Suggestion::departmentCode).toList();
    }

    @Test
    void ordinarySymptomsGoToTheirDepartmentsInOrder() {
        assertEquals(List.of("dept-im"), departments(AgeGroup.ADULT, BodyRegion.CHEST, "cough"));
        assertEquals(List.of("dept-ped"), departments(AgeGroup.CHILD, BodyRegion.CHEST, "cough"));
        assertEquals(List.of("dept-ped"), departments(AgeGroup.INFANT, BodyRegion.WHOLE_BODY, "fever"));
        assertEquals(List.of("dept-ent", "dept-im"), departments(AgeGroup.ADULT, BodyRegion.HEAD, "sore-throat"));
        assertEquals(List.of("dept-ped", "dept-ent"), departments(AgeGroup.CHILD, BodyRegion.HEAD, "sore-throat"));
        assertEquals(List.of("dept-dent"), departments(AgeGroup.CHILD, BodyRegion.HEAD, "tooth-or-gum-problem"));
        assertEquals(List.of("dept-eye"), departments(AgeGroup.ADULT, BodyRegion.HEAD, "eye-problem"));
        assertEquals(List.of("dept-obgyn"), departments(AgeGroup.ADULT, BodyRegion.ABDOMEN, "period-problem"));
        assertEquals(List.of("dept-surg"), departments(AgeGroup.ADULT, BodyRegion.LEGS, "limb-injury"));
        assertEquals(List.of("dept-derm"), departments(AgeGroup.ADULT, BodyRegion.SKIN, "rash-or-itch"));
        assertEquals(List.of("dept-ped", "dept-derm"), departments(AgeGroup.INFANT, BodyRegion.SKIN, "rash-or-itch"));
    }

    @Test
    void aDepartmentNamedForMoreOfTheChosenSymptomsComesFirst() {
        // sore throat → ENT then internal medicine; cough → internal medicine: internal medicine is named twice
        assertEquals(List.of("dept-im", "dept-ent"), departments(AgeGroup.ADULT, BodyRegion.HEAD, "sore-throat", "cough"));
        // equal counts keep the order in which they were first named
        assertEquals(List.of("dept-ent", "dept-im", "dept-dent"),
                departments(AgeGroup.ADULT, BodyRegion.HEAD, "sore-throat", "tooth-or-gum-problem"));
    }

    @Test
    void eachSuggestionCarriesItsRoutesNeutralReason() {
        GuideTesting t = new GuideTesting(RULES, GuideTesting.noDoctors());
        t.guide.ageGroup(AgeGroup.ADULT);
        t.guide.region(BodyRegion.CHEST);
        t.guide.toggleSymptom("cough");
        t.guide.suggest();
        Suggestion s = ((GuideState.Suggestions) t.guide.state()).departments().get(0);
        assertEquals("Doctors here see coughs and fevers", s.reason().en());
        assertEquals("内科医生看咳嗽和发热", s.reason().zh());
    }

    @Test
    void numbersLeftTodayAreTheSumOfTheDepartmentsDoctors() {
        GuideTesting t = new GuideTesting(RULES, d -> switch (d) {
            case "dept-ent" -> List.of(GuideTesting.doctor("doc-13", d, 3), GuideTesting.doctor("doc-14", d, 4));
            case "dept-im" -> List.of(GuideTesting.doctor("doc-01", d, 0), GuideTesting.doctor("doc-02", d, -1));
            default -> List.of();
        });
        t.guide.ageGroup(AgeGroup.ADULT);
        t.guide.region(BodyRegion.HEAD);
        t.guide.toggleSymptom("sore-throat");
        t.guide.suggest();
        List<Suggestion> s = ((GuideState.Suggestions) t.guide.state()).departments();
        assertEquals("dept-ent", s.get(0).departmentCode());
        assertEquals(OptionalInt.of(7), s.get(0).numbersLeftToday());
        assertEquals(OptionalInt.of(0), s.get(1).numbersLeftToday(), "a negative count is none");
        assertEquals(List.of("doctors dept-ent", "doctors dept-im"), t.backendCalls);
        // the suggestions were shown before any count, then once per count
        List<GuideState> suggestions = t.shown.stream().filter(GuideState.Suggestions.class::isInstance).toList();
        assertEquals(3, suggestions.size());
        assertTrue(((GuideState.Suggestions) suggestions.get(0)).departments().stream()
                .allMatch(x -> x.numbersLeftToday().isEmpty()));
    }

    @Test
    void aHospitalThatCannotCountLeavesTheCountEmptyAndTheSuggestionShown() {
        GuideTesting t = new GuideTesting(RULES, d -> {
            if (d.equals("dept-im")) {
                throw new BackendException.Unavailable("down", null);
            }
            throw new IllegalStateException("unexpected");
        });
        t.guide.ageGroup(AgeGroup.ADULT);
        t.guide.region(BodyRegion.HEAD);
        t.guide.toggleSymptom("sore-throat");
        t.guide.suggest();
        List<Suggestion> s = assertInstanceOf(GuideState.Suggestions.class, t.guide.state()).departments();
        assertEquals(List.of("dept-ent", "dept-im"), s.stream().map(Suggestion::departmentCode).toList());
        assertTrue(s.stream().allMatch(x -> x.numbersLeftToday().isEmpty()));
    }

    @Test
    void aCountThatArrivesAfterThePatientWentBackIsDropped() {
        Queue<Runnable> background = new ArrayDeque<>();
        TaskExecutor queued = new TaskExecutor() {
            @Override
            public Executor background() {
                return background::add;
            }

            @Override
            public Executor ui() {
                return Runnable::run;
            }
        };
        GuideTesting t = new GuideTesting(RULES, d -> List.of(GuideTesting.doctor("doc-01", d, 5)), queued);
        t.guide.ageGroup(AgeGroup.ADULT);
        t.guide.region(BodyRegion.CHEST);
        t.guide.toggleSymptom("cough");
        t.guide.suggest();
        assertInstanceOf(GuideState.Suggestions.class, t.guide.state());
        t.guide.back();
        background.forEach(Runnable::run);
        GuideState.ChooseSymptoms back = assertInstanceOf(GuideState.ChooseSymptoms.class, t.guide.state());
        assertEquals(List.of("cough"), List.copyOf(back.chosen()), "what was chosen is kept");
    }

    @Test
    void tappingAgainUnchoosesAndNothingChosenSuggestsNothing() {
        GuideTesting t = new GuideTesting(RULES, GuideTesting.noDoctors());
        t.guide.ageGroup(AgeGroup.ADULT);
        t.guide.region(BodyRegion.CHEST);
        t.guide.toggleSymptom("cough");
        t.guide.toggleSymptom("cough");
        t.guide.toggleSymptom("not-a-symptom");
        t.guide.toggleSymptom("tooth-or-gum-problem"); // not offered in the chest
        assertTrue(((GuideState.ChooseSymptoms) t.guide.state()).chosen().isEmpty());
        t.guide.suggest();
        assertInstanceOf(GuideState.ChooseSymptoms.class, t.guide.state());
    }

    @Test
    void symptomsForAnotherAgeGroupAreNotOffered() {
        assertTrue(RULES.offered(AgeGroup.ADULT, BodyRegion.WHOLE_BODY).stream().noneMatch(s -> s.id().equals("infant-fever")));
        assertTrue(RULES.offered(AgeGroup.INFANT, BodyRegion.ABDOMEN).stream().noneMatch(s -> s.id().equals("period-problem")));
    }

    @Test
    void backStepsOutOneScreenAtATimeAndStartOverForgetsEverything() {
        GuideTesting t = new GuideTesting(RULES, GuideTesting.noDoctors());
        t.guide.ageGroup(AgeGroup.ADULT);
        t.guide.region(BodyRegion.CHEST);
        t.guide.toggleSymptom("cough");
        t.guide.toggleSymptom("chest-pain");
        assertInstanceOf(GuideState.GoToEmergency.class, t.guide.state());
        t.guide.back(); // a mistaken tap: back to the list as it was
        assertEquals(List.of("cough"), List.copyOf(assertInstanceOf(GuideState.ChooseSymptoms.class, t.guide.state()).chosen()));
        t.guide.back();
        assertEquals(new GuideState.ChooseRegion(AgeGroup.ADULT), t.guide.state());
        t.guide.back();
        assertEquals(new GuideState.ChooseAgeGroup(), t.guide.state());
        t.guide.ageGroup(AgeGroup.CHILD);
        t.guide.region(BodyRegion.HEAD);
        t.guide.startOver();
        assertEquals(new GuideState.ChooseAgeGroup(), t.guide.state());
        t.guide.region(BodyRegion.HEAD); // out of turn: ignored
        assertEquals(new GuideState.ChooseAgeGroup(), t.guide.state());
    }

    @Test
    void aRegionWithNothingOfferedAdvisesTheInformationDesk() {
        String yaml = """
                ageGroups:
                  INFANT: { zh: 婴儿, en: Baby }
                  CHILD: { zh: 儿童, en: Child }
                  ADULT: { zh: 成人, en: Adult }
                regions:
                  HEAD: { zh: 头, en: Head }
                  CHEST: { zh: 胸, en: Chest }
                symptoms:
                  - id: headache
                    zh: 头痛
                    en: Headache
                    regions: [HEAD]
                    routes:
                      - departments: [dept-im]
                        reason: { zh: 内科医生看头痛, en: Doctors here see headaches }
                """;
        GuideRules rules = GuideRules.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
        GuideTesting t = new GuideTesting(rules, GuideTesting.noDoctors());
        t.guide.ageGroup(AgeGroup.ADULT);
        t.guide.region(BodyRegion.CHEST);
        assertEquals(new GuideState.NoSuggestion(), t.guide.state());
        t.guide.back();
        assertEquals(new GuideState.ChooseRegion(AgeGroup.ADULT), t.guide.state());
    }
}
