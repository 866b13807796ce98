package org.medkiosk.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.hospital.Money;

/**
 * Tolerant reading of FHIR JSON: unknown elements and extensions are ignored, optional elements may be missing,
 * and only what the kiosk cannot do without raises {@link BackendException.BadResponse}.
 */
final class FhirJson {
    static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
    static final String EXT = "http://medkiosk.org/fhir/StructureDefinition/";

    private FhirJson() {
    }

    static String requireText(JsonNode node, String field, String what) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw bad(what + " has no " + field);
        }
        return v.asText();
    }

    /** A JSON number as plain decimal text, without blowing up on 1e400 or 1e999999999. */
    static String decimal(JsonNode v) {
        if (!v.isNumber()) {
            return v.isTextual() ? v.asText() : "";
        }
        if (v.isDouble() || v.isFloat()) {
            double d = v.asDouble();
            return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : "";
        }
        BigDecimal d = v.decimalValue();
        return Math.abs((long) d.scale()) > 30 || d.precision() > 40 ? d.toString() : d.toPlainString();
    }

    static String text(JsonNode array, int index) {
        JsonNode v = array.path(index);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    static BackendException.BadResponse bad(String message) {
        return new BackendException.BadResponse(message, null);
    }

    /** A string element with its optional translation extension ({@code _field.extension[translation]}). */
    static LocalizedText localized(JsonNode parent, String field) {
        String zh = text(parent, field);
        if (zh == null) {
            return null;
        }
        return LocalizedText.of(zh, translation(parent.path("_" + field)));
    }

    static LocalizedText localizedOr(JsonNode parent, String field, String fallback) {
        LocalizedText t = localized(parent, field);
        return t != null ? t : LocalizedText.same(fallback);
    }

    /** The English translation carried by an element's extensions, or null. */
    static String translation(JsonNode element) {
        for (JsonNode ext : element.path("extension")) {
            if (!TRANSLATION.equals(ext.path("url").asText())) {
                continue;
            }
            String lang = null;
            String content = null;
            for (JsonNode part : ext.path("extension")) {
                if ("lang".equals(part.path("url").asText())) {
                    lang = part.path("valueCode").asText(null);
                } else if ("content".equals(part.path("url").asText())) {
                    content = part.path("valueString").asText(null);
                }
            }
            if (lang != null && lang.toLowerCase(java.util.Locale.ROOT).startsWith("en") && content != null) {
                return content;
            }
        }
        return null;
    }

    /** CodeableConcept as text: text, else first coding display, else code. */
    static LocalizedText concept(JsonNode cc) {
        if (cc == null || cc.isMissingNode() || cc.isNull()) {
            return null;
        }
        LocalizedText t = localized(cc, "text");
        if (t != null) {
            return t;
        }
        JsonNode coding = cc.path("coding").path(0);
        t = localized(coding, "display");
        if (t != null) {
            return t;
        }
        String code = text(coding, "code");
        return code == null ? null : LocalizedText.same(code);
    }

    static String code(JsonNode cc, String system) {
        for (JsonNode c : cc.path("coding")) {
            if (system == null || system.equals(c.path("system").asText())) {
                String v = text(c, "code");
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /** A reference's id part: "Patient/pat-1" → "pat-1"; absolute URLs and _history are tolerated. */
    static String refId(JsonNode ref) {
        String r = text(ref, "reference");
        if (r == null) {
            return null;
        }
        int hist = r.indexOf("/_history/");
        if (hist >= 0) {
            r = r.substring(0, hist);
        }
        int slash = r.lastIndexOf('/');
        return slash >= 0 ? r.substring(slash + 1) : r;
    }

    static String refType(JsonNode ref) {
        String type = text(ref, "type");
        if (type != null) {
            return type;
        }
        String r = text(ref, "reference");
        if (r == null) {
            return null;
        }
        String[] parts = r.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] : null;
    }

    static LocalizedText refDisplay(JsonNode ref) {
        return localized(ref, "display");
    }

    /** A FHIR extension by URL (our own, or any): the node or missing. */
    static JsonNode extension(JsonNode node, String url) {
        for (JsonNode ext : node.path("extension")) {
            if (url.equals(ext.path("url").asText())) {
                return ext;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    static JsonNode ours(JsonNode node, String name) {
        return extension(node, EXT + name);
    }

    /** FHIR Money {value, currency}; only CNY (or no currency) is accepted: a kiosk must not misprice. */
    static Money money(JsonNode m) {
        if (m == null || m.isMissingNode() || m.isNull()) {
            return null;
        }
        JsonNode v = m.path("value");
        if (!v.isNumber() && !v.isTextual()) {
            return null;
        }
        String currency = text(m, "currency");
        if (currency != null && !currency.equals("CNY")) {
            throw bad("amount in unsupported currency " + currency.replaceAll("\\W", "?"));
        }
        try {
            BigDecimal d = new BigDecimal(v.asText());
            if (d.scale() > 2 || d.abs().compareTo(new BigDecimal("100000000")) > 0) {
                throw bad("amount out of range or with more than 2 decimals");
            }
            return Money.ofYuan(d);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BackendException.BadResponse("unreadable amount", e);
        }
    }

    static Money requireMoney(JsonNode m, String what) {
        Money money = money(m);
        if (money == null) {
            throw bad(what + " has no amount");
        }
        return money;
    }

    static LocalDate date(String s) {
        if (s == null || s.length() < 4) {
            return null;
        }
        try {
            if (s.length() == 4) {
                return LocalDate.of(Integer.parseInt(s), 1, 1);
            }
            if (s.length() == 7) {
                return LocalDate.parse(s + "-01");
            }
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }

    static OffsetDateTime dateTime(String s, ZoneId zone) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            LocalDate d = date(s);
            return d == null ? null : d.atStartOfDay(zone).toOffsetDateTime();
        }
    }

    static OffsetDateTime requireDateTime(JsonNode node, String field, String what, ZoneId zone) {
        OffsetDateTime t = dateTime(text(node, field), zone);
        if (t == null) {
            throw bad(what + " has no readable " + field);
        }
        return t;
    }

    static Instant instant(String s, ZoneId zone) {
        OffsetDateTime t = dateTime(s, zone);
        return t == null ? null : t.toInstant();
    }

    static int integer(JsonNode v, int fallback) {
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.asInt();
        }
        if (v.isTextual()) {
            try {
                return Integer.parseInt(v.asText().trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    /** Resources of a type in a searchset Bundle (match or include entries alike). */
    static List<JsonNode> resources(JsonNode bundle, String type) {
        if (!"Bundle".equals(bundle.path("resourceType").asText())) {
            throw bad("expected a Bundle, got " + safeType(bundle));
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode r = entry.path("resource");
            if (type.equals(r.path("resourceType").asText())) {
                out.add(r);
            }
        }
        return out;
    }

    /** Only the entries the search matched (not _include'd ones). */
    static List<JsonNode> matches(JsonNode bundle, String type) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode r = entry.path("resource");
            String mode = entry.path("search").path("mode").asText("match");
            if (type.equals(r.path("resourceType").asText()) && !"include".equals(mode)) {
                out.add(r);
            }
        }
        if (!"Bundle".equals(bundle.path("resourceType").asText())) {
            throw bad("expected a Bundle, got " + safeType(bundle));
        }
        return out;
    }

    static Optional<JsonNode> byId(List<JsonNode> resources, String id) {
        return resources.stream().filter(r -> id != null && id.equals(r.path("id").asText())).findFirst();
    }

    static void requireType(JsonNode node, String type) {
        if (!type.equals(node.path("resourceType").asText())) {
            throw bad("expected " + type + ", got " + safeType(node));
        }
    }

    static String safeType(JsonNode node) {
        String t = node.path("resourceType").asText("nothing");
        return t.length() > 40 ? t.substring(0, 40) : t.replaceAll("[^A-Za-z]", "?");
    }

    /** A Parameters resource's named parameter, or missing. */
    static JsonNode parameter(JsonNode parameters, String name) {
        for (JsonNode p : parameters.path("parameter")) {
            if (name.equals(p.path("name").asText())) {
                return p;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
