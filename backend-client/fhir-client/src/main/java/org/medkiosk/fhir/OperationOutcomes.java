package org.medkiosk.fhir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a FHIR OperationOutcome from an error body into a short, log-safe summary: issue codes and diagnostics
 * with long digit runs masked (a server may echo an ID number back) and the length bounded.
 */
final class OperationOutcomes {
    private OperationOutcomes() {
    }

    static String summary(byte[] raw) {
        if (raw == null || raw.length == 0 || raw.length > 256 * 1024) {
            return "";
        }
        try {
            JsonNode node = FhirTransport.json().readTree(raw);
            return summary(node);
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    static String summary(JsonNode node) {
        if (node == null || !"OperationOutcome".equals(node.path("resourceType").asText())) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode issue : node.path("issue")) {
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(issue.path("code").asText("?"));
            String detail = issue.path("details").path("coding").path(0).path("code").asText("");
            if (!detail.isEmpty()) {
                out.append('/').append(detail);
            }
            String diag = issue.path("diagnostics").asText(issue.path("details").path("text").asText(""));
            if (!diag.isEmpty()) {
                out.append(": ").append(safe(diag));
            }
            if (out.length() > 300) {
                break;
            }
        }
        String s = out.toString();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** The issue code of the first issue (e.g. "conflict", "not-found"), or "" . */
    static String firstCode(JsonNode node) {
        return node == null ? "" : node.path("issue").path(0).path("code").asText("");
    }

    private static String safe(String diagnostics) {
        // ID, card, phone numbers and payment codes are digit runs: never let them into a log line.
        return diagnostics.replaceAll("[0-9A-Za-z]*\\d{6,}[0-9A-Za-z]*", "****").replaceAll("[\\r\\n\\t]", " ");
    }
}
