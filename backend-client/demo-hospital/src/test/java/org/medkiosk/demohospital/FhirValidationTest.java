package org.medkiosk.demohospital;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo hospital held to the standard: every resource it serves, fetched over HTTP as a kiosk would, validates
 * against base FHIR R4 with HAPI's instance validator with no errors; no reference points at a resource it does not
 * have; and paging returns each entry exactly once.
 */
class FhirValidationTest {
    static final List<String> TYPES = List.of("Patient", "Organization", "Practitioner", "PractitionerRole", "Location",
            "Schedule", "Slot", "Appointment", "Encounter", "Invoice", "Account", "DiagnosticReport", "Observation",
            "Specimen", "PaymentReconciliation", "ChargeItemDefinition", "Communication", "Questionnaire",
            "QuestionnaireResponse");

    static DemoHospital hospital;
    static final FhirContext CTX = FhirContext.forR4();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        hospital = DemoHospital.start(0);
    }

    @AfterAll
    static void stop() {
        hospital.close();
    }

    static Bundle search(String query) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(hospital.baseUrl() + "/" + query))
                .header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), query + ": " + r.body());
        return CTX.newJsonParser().parseResource(Bundle.class, r.body());
    }

    static Map<String, Resource> everything() throws Exception {
        Map<String, Resource> all = new LinkedHashMap<>();
        for (String type : TYPES) {
            for (Bundle.BundleEntryComponent e : search(type + "?_count=1000").getEntry()) {
                Resource r = e.getResource();
                all.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
            }
        }
        return all;
    }

    static FhirValidator validator() {
        FhirValidator validator = CTX.newValidator();
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(CTX),
                new CommonCodeSystemsTerminologyService(CTX), new InMemoryTerminologyServerValidationSupport(CTX),
                new SnapshotGeneratingValidationSupport(CTX));
        FhirInstanceValidator instance = new FhirInstanceValidator(support);
        instance.setAnyExtensionsAllowed(true); // the hospital's own extensions are documented in INTEGRATION.md
        validator.registerValidatorModule(instance);
        return validator;
    }

    @Test
    void theValidatorCatchesAnInvalidResource() {
        // An Observation without its required status and code (both 1..1 in R4).
        org.hl7.fhir.r4.model.Observation bad = new org.hl7.fhir.r4.model.Observation();
        bad.setSubject(new Reference("Patient/pat-1"));
        ValidationResult result = validator().validateWithResult(bad);
        assertTrue(result.getMessages().stream().anyMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR),
                "a check that cannot fail proves nothing: " + result.getMessages());
    }

    @Test
    void everyCustomOperationDeclaresItsOutputParameters() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(hospital.baseUrl() + "/metadata"))
                .header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString());
        org.hl7.fhir.r4.model.CapabilityStatement cs = CTX.newJsonParser()
                .parseResource(org.hl7.fhir.r4.model.CapabilityStatement.class, r.body());
        List<String> checked = new ArrayList<>();
        for (var rest : cs.getRest()) {
            List<org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceOperationComponent> ops = new ArrayList<>(rest.getOperation());
            rest.getResource().forEach(res -> ops.addAll(res.getOperation()));
            for (var op : ops) {
                String canonical = op.getDefinition();
                String id = canonical.substring(canonical.lastIndexOf('/') + 1);
                HttpResponse<String> d = HTTP.send(HttpRequest.newBuilder(URI.create(hospital.baseUrl() + "/OperationDefinition/" + id))
                        .header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, d.statusCode(), id);
                org.hl7.fhir.r4.model.OperationDefinition def = CTX.newJsonParser()
                        .parseResource(org.hl7.fhir.r4.model.OperationDefinition.class, d.body());
                boolean out = def.getParameter().stream()
                        .anyMatch(p -> p.getUse() == org.hl7.fhir.r4.model.OperationDefinition.OperationParameterUse.OUT);
                assertTrue(out, "$" + def.getCode() + " declares no output parameter");
                checked.add(def.getCode());
            }
        }
        assertTrue(checked.containsAll(List.of("pay", "payment-status", "payment-reverse", "payment-refund", "deposit",
                "hold", "book", "check-in", "mark-printed", "verify-pin")), checked.toString());
    }

    @Test
    void everyResourceValidatesAgainstBaseR4WithoutErrors() throws Exception {
        FhirValidator validator = validator();
        Map<String, Resource> all = everything();
        List<String> errors = new ArrayList<>();
        int warnings = 0;
        for (Map.Entry<String, Resource> e : all.entrySet()) {
            ValidationResult result = validator.validateWithResult((IBaseResource) e.getValue());
            for (SingleValidationMessage m : result.getMessages()) {
                if (m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL) {
                    errors.add(e.getKey() + " " + m.getLocationString() + ": " + m.getMessage());
                } else if (m.getSeverity() == ResultSeverityEnum.WARNING) {
                    warnings++;
                }
            }
        }
        System.out.println("FHIR R4 validation of the demo hospital: " + all.size() + " resources, " + errors.size()
                + " errors, " + warnings + " warnings");
        assertTrue(all.size() > 100, "the whole demo hospital was fetched: " + all.size());
        assertTrue(errors.isEmpty(), errors.size() + " errors:\n" + String.join("\n", errors.subList(0, Math.min(40, errors.size()))));
    }

    @Test
    void noReferenceDangles() throws Exception {
        Map<String, Resource> all = everything();
        Set<String> dangling = new LinkedHashSet<>();
        for (Resource r : all.values()) {
            for (Reference ref : CTX.newTerser().getAllPopulatedChildElementsOfType(r, Reference.class)) {
                String target = ref.getReferenceElement().getValue();
                if (target == null || target.startsWith("#") || target.startsWith("urn:")) {
                    continue;
                }
                String key = ref.getReferenceElement().getResourceType() + "/" + ref.getReferenceElement().getIdPart();
                if (!all.containsKey(key)) {
                    dangling.add(r.fhirType() + "/" + r.getIdElement().getIdPart() + " -> " + target);
                }
            }
        }
        assertTrue(dangling.isEmpty(), dangling.size() + " dangling references:\n" + String.join("\n", dangling));
    }

    @Test
    void everyPageAfterTheFirstHoldsTheNextEntriesOnlyOnce() throws Exception {
        List<String> whole = new ArrayList<>();
        search("Slot?_count=1000").getEntry().forEach(e -> whole.add(e.getResource().getIdElement().getIdPart()));
        List<String> paged = new ArrayList<>();
        Bundle page = search("Slot?_count=7");
        int pages = 0;
        while (true) {
            pages++;
            page.getEntry().forEach(e -> paged.add(e.getResource().getIdElement().getIdPart()));
            Bundle.BundleLinkComponent next = page.getLink(Bundle.LINK_NEXT);
            if (next == null) {
                break;
            }
            String url = next.getUrl();
            page = search(url.substring(url.indexOf("/fhir") + "/fhir".length()).replaceFirst("^/", ""));
        }
        assertTrue(pages > 2, "several pages: " + pages);
        assertEquals(whole, paged);
    }
}
