package org.medkiosk.journey.guide;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medkiosk.hospital.LocalizedText;

/**
 * What the patient feels, as the rules file words it. A red flag sends the patient to the emergency department at
 * once with its redFlagReason (urgency, never a diagnosis); an ordinary symptom has routes, the first that fits the
 * patient's age group and region wins. ageGroups: offered only to these (empty: to everyone). line: where it is
 * written in the rules file (0 when unknown).
 */
public record Symptom(String id, LocalizedText text, Set<BodyRegion> regions, Set<AgeGroup> ageGroups, boolean redFlag,
                      Optional<LocalizedText> redFlagReason, List<Route> routes, int line) {
    public Symptom {
        regions = Set.copyOf(regions);
        ageGroups = Set.copyOf(ageGroups);
        routes = List.copyOf(routes);
    }

    /** Whether the guide offers this symptom to a patient of this age group who chose this region. */
    public boolean offeredTo(AgeGroup ageGroup, BodyRegion region) {
        return regions.contains(region) && (ageGroups.isEmpty() || ageGroups.contains(ageGroup));
    }

    /** The first route that fits, if any. */
    public Optional<Route> routeFor(AgeGroup ageGroup, BodyRegion region) {
        return routes.stream().filter(r -> r.fits(ageGroup, region)).findFirst();
    }
}
