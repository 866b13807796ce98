package org.medkiosk.app.metrics;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kiosk's health for {@code /health}: DOWN when it cannot serve patients (the journal is not open, or the
 * hospital did not answer the last call), DEGRADED when a device is not ready, else UP. Device states, the backend's
 * last outcome and whether the journal is open; nothing of any patient.
 */
public record KioskHealth(Status status, Map<String, String> devices, Optional<Boolean> backendReachable,
                          Optional<String> backendLastError, boolean journalOpen) {
    public enum Status { UP, DEGRADED, DOWN }

    static KioskHealth of(Map<String, String> devices, Optional<BackendMetrics.LastCall> last, boolean journalOpen) {
        Optional<Boolean> reachable = last.map(BackendMetrics.LastCall::reachable);
        Status status;
        if (!journalOpen || reachable.equals(Optional.of(false))) {
            status = Status.DOWN;
        } else if (devices.values().stream().anyMatch(s -> !s.equals("READY"))) {
            status = Status.DEGRADED;
        } else {
            status = Status.UP;
        }
        return new KioskHealth(status, Map.copyOf(devices), reachable,
                last.map(BackendMetrics.LastCall::error).filter(e -> e != null), journalOpen);
    }

    /** 200 for UP and DEGRADED (the kiosk serves patients), 503 for DOWN. */
    public int httpStatus() {
        return status == Status.DOWN ? 503 : 200;
    }

    public String toJson() {
        String deviceJson = new java.util.TreeMap<>(devices).entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + quote(e.getValue())).collect(Collectors.joining(",", "{", "}"));
        return "{\"status\":" + quote(status.name())
                + ",\"devices\":" + deviceJson
                + ",\"backend\":{\"reachable\":" + backendReachable.map(String::valueOf).orElse("null")
                + ",\"lastError\":" + backendLastError.map(KioskHealth::quote).orElse("null") + "}"
                + ",\"journal\":{\"open\":" + journalOpen + "}}";
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
