package org.medkiosk.journey.guide;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medkiosk.hospital.LocalizedText;

/** The department guide (智能导诊): where the patient is in it. Never a diagnosis, only where to go. */
public sealed interface GuideState {

    /** "Who is the visit for?": under 1 year, under 14, or 14 and over (words: {@link GuideRules#ageGroups()}). */
    record ChooseAgeGroup() implements GuideState {
    }

    /** Where it hurts, on the body outline (words: {@link GuideRules#regions()}). */
    record ChooseRegion(AgeGroup ageGroup) implements GuideState {
    }

    /**
     * What the patient feels in the region: offered has the red flags first; chosen holds the ids of the ordinary
     * symptoms tapped, in the order tapped. Tapping a red flag goes straight to {@link GoToEmergency}.
     */
    record ChooseSymptoms(BodyRegion region, List<Symptom> offered, Set<String> chosen) implements GuideState {
        public ChooseSymptoms {
            offered = List.copyOf(offered);
            chosen = Collections.unmodifiableSet(new LinkedHashSet<>(chosen));
        }
    }

    /**
     * Full screen: go to the emergency department now. reason is the red flag's words (urgency, never a diagnosis);
     * directions is where the emergency department is, when the kiosk knows it.
     */
    record GoToEmergency(Symptom redFlag, LocalizedText reason, Optional<LocalizedText> directions) implements GuideState {
    }

    /** Departments to register with, best first, each with today's numbers left once counted (one tap registers). */
    record Suggestions(List<Suggestion> departments) implements GuideState {
        public Suggestions {
            departments = List.copyOf(departments);
        }
    }

    /** The rules name no department for what was chosen: the information desk (咨询台) will help. */
    record NoSuggestion() implements GuideState {
    }
}
