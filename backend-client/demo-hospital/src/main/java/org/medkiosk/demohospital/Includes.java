package org.medkiosk.demohospital;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/** Search results with _include'd resources marked search.mode=include, each resource once. */
final class Includes {
    private final List<IBaseResource> out = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private final Set<Include> requested;

    Includes(Set<Include> requested) {
        this.requested = requested == null ? Set.of() : requested;
    }

    boolean wants(String include) {
        return requested.stream().anyMatch(i -> i.getValue().equals(include) || i.getValue().equals("*"));
    }

    void match(Resource r) {
        if (seen.add(r.getIdElement().toUnqualifiedVersionless().getValue())) {
            out.add(r);
        }
    }

    void include(Resource r) {
        if (r == null) {
            return;
        }
        if (seen.add(r.getIdElement().toUnqualifiedVersionless().getValue())) {
            // A copy, so the mark does not stick to the stored resource and leak into a later plain read.
            Resource copy = r.copy();
            copy.setId(r.getIdElement());
            ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(copy, BundleEntrySearchModeEnum.INCLUDE);
            out.add(copy);
        }
    }

    List<IBaseResource> result() {
        return out;
    }
}
