package org.medkiosk.journey.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.medkiosk.hospital.LocalizedText;

/**
 * Issue 13's acceptance: every red flag of the default rules reaches the emergency screen in one step, in both
 * languages, for every age group and region it is offered in; and no reason in the default rules reads like a
 * diagnosis.
 */
class GuideRedFlagsTest {
    private static final GuideRules RULES = GuideRules.loadDefault();

    /** The red flags issue 13 names, by id: the default rules must keep them. */
    private static final Set<String> REQUIRED = Set.of("chest-pain", "stroke-signs", "heavy-bleeding",
            "difficulty-breathing", "infant-fever", "severe-allergic-reaction", "fainting", "seizure",
            "severe-head-injury", "sudden-severe-headache", "vomiting-blood-or-black-stool", "suicidal-thoughts",
            "pregnancy-bleeding-or-pain", "severe-burn");

    @Test
    void theDefaultRulesHoldTheRedFlagsTheIssueNames() {
        Set<String> flags = RULES.redFlags().stream().map(Symptom::id).collect(Collectors.toSet());
        Set<String> missing = new java.util.TreeSet<>(REQUIRED);
        missing.removeAll(flags);
        assertTrue(missing.isEmpty(), "red flags missing from the default rules: " + missing);
        assertTrue(RULES.symptom("infant-fever").orElseThrow().ageGroups().equals(Set.of(AgeGroup.INFANT)),
                "infant fever is offered for infants");
    }

    @TestFactory
    Stream<DynamicTest> everyRedFlagReachesTheEmergencyScreenInOneTapForEveryAgeAndRegionItIsOfferedIn() {
        assertFalse(RULES.redFlags().isEmpty());
        List<DynamicTest> tests = new ArrayList<>();
        for (Symptom flag : RULES.redFlags()) {
            Set<AgeGroup> ages = flag.ageGroups().isEmpty() ? EnumSet.allOf(AgeGroup.class) : flag.ageGroups();
            assertFalse(flag.regions().isEmpty(), flag.id() + " is offered somewhere");
            for (AgeGroup age : ages) {
                for (BodyRegion region : flag.regions()) {
                    tests.add(DynamicTest.dynamicTest(flag.id() + " " + age + " " + region,
                            () -> reachesEmergencyInOneTap(flag, age, region)));
                }
            }
        }
        return tests.stream();
    }

    private static void reachesEmergencyInOneTap(Symptom flag, AgeGroup age, BodyRegion region) {
        GuideTesting t = new GuideTesting(RULES, d -> fail("nothing is fetched before the emergency screen"));
        t.guide.ageGroup(age);
        t.guide.region(region);
        GuideState.ChooseSymptoms symptoms = assertInstanceOf(GuideState.ChooseSymptoms.class, t.guide.state());
        assertTrue(symptoms.offered().contains(flag), flag.id() + " is offered to " + age + " in " + region);
        int before = t.shown.size();

        t.guide.toggleSymptom(flag.id());

        assertEquals(before + 1, t.shown.size(), "exactly one step");
        GuideState.GoToEmergency emergency = assertInstanceOf(GuideState.GoToEmergency.class, t.shown.get(before));
        assertEquals(emergency, t.guide.state());
        assertEquals(flag.id(), emergency.redFlag().id());
        assertEquals(GuideTesting.DIRECTIONS, emergency.directions());
        bothLanguages(emergency.reason(), flag.id() + " reason");
        bothLanguages(flag.text(), flag.id() + " text");
        assertTrue(emergency.reason().en().toLowerCase(Locale.ROOT).contains("emergency department"),
                flag.id() + " says where to go: " + emergency.reason().en());
        assertTrue(emergency.reason().zh().contains("急诊"), flag.id() + " says where to go: " + emergency.reason().zh());
        assertTrue(t.backendCalls.isEmpty(), "the hospital was asked " + t.backendCalls);
    }

    private static void bothLanguages(LocalizedText text, String what) {
        String zh = text.in(Locale.SIMPLIFIED_CHINESE);
        String en = text.in(Locale.ENGLISH);
        assertFalse(zh.isBlank(), what + " zh");
        assertFalse(en.isBlank(), what + " en");
        assertTrue(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                what + " zh is Chinese: " + zh);
        assertTrue(en.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                && en.chars().anyMatch(Character::isLetter), what + " en is English: " + en);
    }

    @Test
    void redFlagsAreOfferedFirst() {
        for (AgeGroup age : AgeGroup.values()) {
            for (BodyRegion region : RULES.regions().keySet()) {
                List<Symptom> offered = RULES.offered(age, region);
                boolean ordinarySeen = false;
                for (Symptom s : offered) {
                    ordinarySeen |= !s.redFlag();
                    assertFalse(ordinarySeen && s.redFlag(), s.id() + " (a red flag) comes after an ordinary symptom in "
                            + age + " " + region);
                }
            }
        }
    }

    @Test
    void noTextInTheDefaultRulesReadsLikeADiagnosis() {
        List<String> banned = List.of("you have", "diagnos", "诊断为", "您患有", "你患有", "诊断", "确诊", "您得了");
        List<String> texts = new ArrayList<>();
        for (Symptom s : RULES.symptoms()) {
            s.redFlagReason().ifPresent(r -> texts.addAll(List.of(r.zh(), r.en())));
            s.routes().forEach(r -> texts.addAll(List.of(r.reason().zh(), r.reason().en())));
        }
        assertTrue(texts.size() > 50, "the reasons were found: " + texts.size());
        for (String text : texts) {
            for (String word : banned) {
                assertFalse(text.toLowerCase(Locale.ROOT).contains(word), "'" + text + "' contains '" + word + "'");
            }
        }
    }

    @Test
    void everyAgeGroupAndRegionHasWordsInBothLanguages() {
        assertEquals(EnumSet.allOf(AgeGroup.class), EnumSet.copyOf(RULES.ageGroups().keySet()));
        assertEquals(EnumSet.allOf(BodyRegion.class), EnumSet.copyOf(RULES.regions().keySet()));
        RULES.ageGroups().forEach((a, t) -> bothLanguages(t, a.name()));
        RULES.regions().forEach((r, t) -> bothLanguages(t, r.name()));
        RULES.symptoms().forEach(s -> bothLanguages(s.text(), s.id()));
    }
}
