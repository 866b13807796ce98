package org.medkiosk.demohospital;

import java.util.List;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;

/**
 * Patient: read, search by identifier/_id and by a nurse's parameters (name + birthdate, phone, telecom), create
 * honouring If-None-Exist (conditional create).
 */
final class PatientProvider implements IResourceProvider {
    private final HospitalRecords records;

    PatientProvider(HospitalRecords records) {
        this.records = records;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
        return records.get(Patient.class, id.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    /**
     * By identifier and _id (identification), and as a nurse searches: {@code name} (FHIR string search: starts
     * with, {@code :exact}, {@code :contains}) with {@code birthdate} (eq), {@code phone}, {@code telecom}.
     */
    @Search
    public List<Patient> search(@OptionalParam(name = Patient.SP_IDENTIFIER) TokenOrListParam identifier,
                                @OptionalParam(name = "_id") TokenOrListParam id,
                                @OptionalParam(name = Patient.SP_NAME) StringParam name,
                                @OptionalParam(name = Patient.SP_BIRTHDATE) DateParam birthdate,
                                @OptionalParam(name = Patient.SP_PHONE) TokenOrListParam phone,
                                @OptionalParam(name = Patient.SP_TELECOM) TokenOrListParam telecom) {
        if (birthdate != null && birthdate.getPrefix() != null && birthdate.getPrefix() != ParamPrefixEnum.EQUAL) {
            throw Problems.invalid("birthdate: the demo hospital searches birth dates with eq only");
        }
        return records.find(Patient.class, p -> SearchMatch.identifier(identifier, p.getIdentifier())
                && SearchMatch.token(id, null, p.getIdElement().getIdPart())
                && SearchMatch.name(name, p.getName())
                && (birthdate == null || p.hasBirthDateElement()
                        && p.getBirthDateElement().getValueAsString().startsWith(birthdate.getValueAsString()))
                && SearchMatch.phone(phone, p.getTelecom())
                && SearchMatch.telecom(telecom, p.getTelecom()));
    }

    @Create
    public MethodOutcome create(@ResourceParam Patient patient, @ConditionalUrlParam String ifNoneExist) {
        return records.atomically(() -> {
            if (ifNoneExist != null && !ifNoneExist.isBlank()) {
                List<Patient> existing = records.find(Patient.class, p -> matchesQuery(ifNoneExist, p));
                if (existing.size() == 1) {
                    MethodOutcome out = new MethodOutcome(existing.get(0).getIdElement(), false);
                    out.setResource(existing.get(0));
                    return out;
                }
                if (existing.size() > 1) {
                    throw new PreconditionFailedException("If-None-Exist matches more than one patient");
                }
            }
            patient.setId((String) null);
            Patient saved = records.put(patient);
            MethodOutcome out = new MethodOutcome(saved.getIdElement(), true);
            out.setResource(saved);
            return out;
        });
    }

    /** If-None-Exist is a search query string; the demo understands identifier=system|value and _id. */
    private static boolean matchesQuery(String query, Patient p) {
        String q = query.contains("?") ? query.substring(query.indexOf('?') + 1) : query;
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new InvalidRequestException("If-None-Exist is not a search query");
            }
            String name = pair.substring(0, eq);
            String value = java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            boolean ok = switch (name) {
                case "identifier" -> {
                    TokenOrListParam t = new TokenOrListParam();
                    for (String one : value.split(",")) {
                        int bar = one.indexOf('|');
                        t.add(bar < 0 ? null : one.substring(0, bar), bar < 0 ? one : one.substring(bar + 1));
                    }
                    yield SearchMatch.identifier(t, p.getIdentifier());
                }
                case "_id" -> value.equals(p.getIdElement().getIdPart());
                default -> throw new InvalidRequestException("If-None-Exist parameter not supported: " + name);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
