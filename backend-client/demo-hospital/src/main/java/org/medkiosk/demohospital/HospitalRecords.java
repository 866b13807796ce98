package org.medkiosk.demohospital;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.hl7.fhir.r4.model.Resource;

/**
 * The demo hospital's records: every resource by type and id, in insertion order. One lock for the lot: the demo
 * serves one kiosk, and payments, holds and check-ins must see and change several resources atomically.
 */
final class HospitalRecords {
    private final Map<String, Map<String, Resource>> byType = new LinkedHashMap<>();
    private long nextId = 1;

    synchronized <T extends Resource> T put(T resource) {
        String type = resource.fhirType();
        if (!resource.hasIdElement() || resource.getIdElement().getIdPart() == null) {
            resource.setId(type.toLowerCase() + "-n" + nextId++);
        }
        String id = resource.getIdElement().getIdPart();
        resource.setId(type + "/" + id);
        byType.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(id, resource);
        return resource;
    }

    synchronized <T extends Resource> Optional<T> get(Class<T> type, String id) {
        Map<String, Resource> all = byType.get(typeName(type));
        return all == null ? Optional.empty() : Optional.ofNullable(type.cast(all.get(id)));
    }

    synchronized <T extends Resource> List<T> find(Class<T> type, Predicate<? super T> filter) {
        Map<String, Resource> all = byType.get(typeName(type));
        List<T> out = new ArrayList<>();
        if (all != null) {
            for (Resource r : all.values()) {
                T t = type.cast(r);
                if (filter.test(t)) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Runs a read-modify-write over several resources without another request interleaving. */
    synchronized <R> R atomically(java.util.function.Supplier<R> work) {
        return work.get();
    }

    private static String typeName(Class<? extends Resource> type) {
        return type.getSimpleName();
    }
}
