package org.medkiosk.demohospital;

import java.util.Date;
import java.util.List;

import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * The search-parameter semantics the demo honours (the stock HashMapResourceProvider honours none): token
 * system|value with OR lists, references by id with or without type, and date ranges. A null parameter matches all.
 */
final class SearchMatch {
    private SearchMatch() {
    }

    static boolean identifier(TokenOrListParam param, List<Identifier> identifiers) {
        if (param == null) {
            return true;
        }
        for (TokenParam token : param.getValuesAsQueryTokens()) {
            for (Identifier id : identifiers) {
                if (token(token, id.getSystem(), id.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean token(TokenParam token, String system, String value) {
        if (token == null) {
            return true;
        }
        boolean systemOk = token.getSystem() == null || token.getSystem().isEmpty()
                || token.getSystem().equals(system);
        boolean valueOk = token.getValue() == null || token.getValue().isEmpty()
                || token.getValue().equals(value);
        return systemOk && valueOk;
    }

    static boolean token(TokenOrListParam param, String system, String value) {
        if (param == null) {
            return true;
        }
        return param.getValuesAsQueryTokens().stream().anyMatch(t -> token(t, system, value));
    }

    static boolean reference(ReferenceParam param, Reference ref) {
        if (param == null) {
            return true;
        }
        if (ref == null || !ref.hasReference()) {
            return false;
        }
        String want = param.getIdPart();
        String wantType = param.getResourceType();
        String have = ref.getReferenceElement().getIdPart();
        String haveType = ref.getReferenceElement().getResourceType();
        return want != null && want.equals(have) && (wantType == null || haveType == null || wantType.equals(haveType));
    }

    static boolean reference(ReferenceOrListParam param, List<Reference> refs) {
        if (param == null) {
            return true;
        }
        for (ReferenceParam p : param.getValuesAsQueryTokens()) {
            for (Reference r : refs) {
                if (reference(p, r)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean date(DateRangeParam range, Date at) {
        if (range == null) {
            return true;
        }
        if (at == null) {
            return false;
        }
        DateParam lower = range.getLowerBound();
        DateParam upper = range.getUpperBound();
        if (lower != null && lower.getValue() != null) {
            boolean inclusive = lower.getPrefix() == null
                    || lower.getPrefix() == ca.uhn.fhir.rest.param.ParamPrefixEnum.GREATERTHAN_OR_EQUALS
                    || lower.getPrefix() == ca.uhn.fhir.rest.param.ParamPrefixEnum.EQUAL;
            Date lo = range.getLowerBoundAsInstant();
            if (inclusive ? at.before(lo) : !at.after(lo)) {
                return false;
            }
        }
        if (upper != null && upper.getValue() != null) {
            Date hi = range.getUpperBoundAsInstant();
            boolean inclusive = upper.getPrefix() == null
                    || upper.getPrefix() == ca.uhn.fhir.rest.param.ParamPrefixEnum.LESSTHAN_OR_EQUALS
                    || upper.getPrefix() == ca.uhn.fhir.rest.param.ParamPrefixEnum.EQUAL;
            if (inclusive ? at.after(hi) : !at.before(hi)) {
                return false;
            }
        }
        return true;
    }
}
