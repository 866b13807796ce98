package org.medkiosk.journey.guide;

import java.util.List;
import java.util.Set;
import org.medkiosk.hospital.LocalizedText;

/**
 * Where an ordinary symptom is seen: the departments in order of preference (the hospital's department ids), for the
 * given age groups and regions (empty: any), with a short neutral reason ("Doctors here see coughs and fevers"),
 * never a diagnosis. line is where the route is written in the rules file, for messages (0 when unknown).
 */
public record Route(Set<AgeGroup> ageGroups, Set<BodyRegion> regions, List<String> departments, LocalizedText reason,
                    int line) {
    public Route {
        ageGroups = Set.copyOf(ageGroups);
        regions = Set.copyOf(regions);
        departments = List.copyOf(departments);
    }

    /** Whether this route is for a patient of this age group who chose this region. */
    public boolean fits(AgeGroup ageGroup, BodyRegion region) {
        return (ageGroups.isEmpty() || ageGroups.contains(ageGroup)) && (regions.isEmpty() || regions.contains(region));
    }
}
