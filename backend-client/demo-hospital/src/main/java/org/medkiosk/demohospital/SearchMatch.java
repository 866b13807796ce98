package org.medkiosk.demohospital;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
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

    /**
     * FHIR string search on names: {@code :exact} equals a part (text, family, a given), {@code :contains} is
     * inside one, and the plain search starts one. Like a real server it ignores case, accents and spaces; it also
     * lets "John Smith" find "SMITH, JOHN" (every word starts some part) and 张三 find 张三明.
     */
    static boolean name(StringParam param, List<HumanName> names) {
        if (param == null) {
            return true;
        }
        String value = param.getValue();
        if (value == null || value.isBlank()) {
            return true;
        }
        String whole = fold(value);
        List<String> words = words(value);
        for (HumanName n : names) {
            List<String> parts = new ArrayList<>();
            n.getGiven().forEach(g -> parts.add(g.getValue()));
            if (n.hasFamily()) {
                parts.add(n.getFamily());
            }
            if (n.hasText()) {
                parts.add(n.getText());
            }
            if (param.isExact()) {
                if (parts.contains(value)) {
                    return true;
                }
                continue;
            }
            List<String> folded = new ArrayList<>();
            parts.forEach(x -> folded.add(fold(x)));
            folded.add(fold((n.hasFamily() ? n.getFamily() : "") + n.getGivenAsSingleString()));
            if (param.isContains() ? folded.stream().anyMatch(x -> x.contains(whole))
                    : folded.stream().anyMatch(x -> x.startsWith(whole))) {
                return true;
            }
            List<String> partWords = new ArrayList<>();
            parts.forEach(x -> partWords.addAll(words(x)));
            if (!param.isContains() && !words.isEmpty()
                    && words.stream().allMatch(w -> partWords.stream().anyMatch(x -> x.startsWith(w)))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.split("[\\s,.·・•\\-]+")) {
            if (!fold(w).isEmpty()) {
                out.add(fold(w));
            }
        }
        return out;
    }

    private static String fold(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .replaceAll("[\\s,.·・•\\-]+", "").toLowerCase(Locale.ROOT);
    }

    /** {@code phone}: a telecom of system phone whose digits are these (a +86 / 0086 country code aside). */
    static boolean phone(TokenOrListParam param, List<ContactPoint> telecom) {
        if (param == null) {
            return true;
        }
        for (TokenParam token : param.getValuesAsQueryTokens()) {
            if (phoneDigits(token.getValue()).isEmpty()) {
                continue;
            }
            for (ContactPoint c : telecom) {
                if (c.getSystem() == ContactPoint.ContactPointSystem.PHONE && c.hasValue()
                        && phoneDigits(c.getValue()).equals(phoneDigits(token.getValue()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code telecom}: system|value, the system being the ContactPoint's (phone, email…); phones compared by digits. */
    static boolean telecom(TokenOrListParam param, List<ContactPoint> telecom) {
        if (param == null) {
            return true;
        }
        for (TokenParam token : param.getValuesAsQueryTokens()) {
            for (ContactPoint c : telecom) {
                String system = c.hasSystem() ? c.getSystem().toCode() : null;
                boolean systemOk = token.getSystem() == null || token.getSystem().isEmpty()
                        || token.getSystem().equals(system);
                boolean valueOk = c.getSystem() == ContactPoint.ContactPointSystem.PHONE
                        ? phoneDigits(String.valueOf(c.getValue())).equals(phoneDigits(String.valueOf(token.getValue())))
                        : token.getValue() != null && token.getValue().equals(c.getValue());
                if (systemOk && valueOk) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String phoneDigits(String phone) {
        String d = phone == null ? "" : phone.replaceAll("[^0-9]", "");
        if (d.startsWith("0086")) {
            return d.substring(4);
        }
        return d.startsWith("86") && d.length() == 13 ? d.substring(2) : d;
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
