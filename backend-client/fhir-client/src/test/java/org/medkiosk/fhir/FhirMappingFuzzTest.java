package org.medkiosk.fhir;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.medkiosk.hospital.BackendException;

/**
 * Whatever bytes a hospital sends, the FHIR response mapping either gives domain records or raises
 * {@link BackendException.BadResponse}; nothing else escapes. {@code mvn test} replays the seed corpus (real demo
 * hospital answers plus odd ones); {@code JAZZER_FUZZ=1} explores.
 */
class FhirMappingFuzzTest {
    private static final FhirMapping MAPPING = new FhirMapping(ZoneId.of("Asia/Shanghai"));
    private static final org.medkiosk.hospital.Doctor DOCTOR = new org.medkiosk.hospital.Doctor("d", "dept",
            org.medkiosk.hospital.LocalizedText.same("王"), org.medkiosk.hospital.LocalizedText.same("主任医师"),
            org.medkiosk.hospital.Money.ZERO, 0, null);

    @FuzzTest(maxDuration = "60s")
    void mappingRaisesOnlyBadResponse(byte[] data) {
        OperationOutcomes.summary(data); // must never throw at all
        JsonNode root;
        try {
            root = FhirTransport.parseBody(BackendOperation.FIND_PATIENT, data);
        } catch (BackendException.BadResponse expected) {
            return;
        }
        mapEverything(root);
        for (JsonNode entry : root.path("entry")) {
            mapEverything(entry.path("resource"));
        }
        for (JsonNode p : root.path("parameter")) {
            mapEverything(p.path("resource"));
        }
        // a staff member with the roles beside it (a _revinclude Bundle, a $verify-pin answer)
        java.util.List<JsonNode> beside = new java.util.ArrayList<>();
        root.path("entry").forEach(e -> beside.add(e.path("resource")));
        root.path("parameter").forEach(p -> beside.add(p.path("resource")));
        for (JsonNode r : beside) {
            guard(() -> MAPPING.staffMember(r, beside));
        }
    }

    private static void mapEverything(JsonNode node) {
        guard(() -> MAPPING.patient(node));
        guard(() -> FhirMapping.patientName(node));
        guard(() -> MAPPING.department(node));
        guard(() -> MAPPING.doctor(node, node.path("contained").path(0), FhirMapping.fee(node), 3, "http://h/fhir"));
        guard(() -> MAPPING.slot(node, "d", "dept", null));
        guard(() -> MAPPING.appointment(node));
        guard(() -> MAPPING.holdExpiry(node));
        guard(() -> MAPPING.queueTicket(node, null, -1));
        guard(() -> MAPPING.invoice(node));
        guard(() -> MAPPING.payment(node, null, null));
        guard(() -> MAPPING.deposit(node, "k", null));
        guard(() -> MAPPING.account(node, "p"));
        guard(() -> MAPPING.reportSummary(node));
        guard(() -> MAPPING.labResult(node));
        guard(() -> MAPPING.imagingReport(node, null));
        guard(() -> MAPPING.documentSource(node));
        guard(() -> FhirMapping.reportKind(node));
        guard(() -> FhirMapping.nameMatches(node, "John Smith"));
        guard(() -> FhirMapping.nameMatches(node, "张三"));
        guard(() -> FhirMapping.hasPhone(node, "+8613800000001"));
        guard(() -> FhirMapping.hasMedicalRecordNumber(node, IdentifierSystems.MRN, "MR100001"));
        guard(() -> {
            java.util.List<JsonNode> roles = new java.util.ArrayList<>();
            node.path("entry").forEach(e -> roles.add(e.path("resource")));
            node.path("parameter").forEach(p -> roles.add(p.path("resource")));
            node.path("contained").forEach(roles::add);
            return MAPPING.staffMember(node, roles);
        });
        // the guide's mappings (prices, places, notices, doctor profiles, department introductions)
        guard(() -> FhirGuide.price(node));
        guard(() -> {
            Map<String, JsonNode> locations = new HashMap<>();
            for (JsonNode e : node.path("entry")) {
                locations.put(e.path("resource").path("id").asText(), e.path("resource"));
            }
            locations.put(node.path("id").asText(), node);
            return FhirGuide.place(node, locations);
        });
        guard(() -> FhirGuide.notice(node, ZoneId.of("Asia/Shanghai")));
        guard(() -> FhirGuide.profile(DOCTOR, node, node.path("contained").path(0)));
        guard(() -> FhirGuide.introduction(node));
        guard(() -> FhirJson.matches(node, "Patient"));
        guard(() -> FhirJson.resources(node, "Observation"));
        guard(() -> OperationOutcomes.summary(node));
        guard(() -> {
            Map<String, JsonNode> observations = new HashMap<>();
            for (JsonNode e : node.path("entry")) {
                observations.put(e.path("resource").path("id").asText(), e.path("resource"));
            }
            return MAPPING.labReport(node, null, observations, node.path("specimen").path(0));
        });
    }

    private static void guard(java.util.concurrent.Callable<?> mapping) {
        try {
            mapping.call();
        } catch (BackendException.BadResponse expected) {
            // the documented error
        } catch (Exception e) {
            throw new AssertionError("mapping leaked " + e.getClass().getName(), e);
        }
    }
}
