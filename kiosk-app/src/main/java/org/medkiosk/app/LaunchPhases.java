package org.medkiosk.app;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Milestones from JVM start to an interactive idle screen, for the launch benchmark's "what dominates". */
final class LaunchPhases {
    private static final Instant JVM_START = ProcessHandle.current().info().startInstant().orElse(Instant.now());
    private static final Map<String, Long> MARKS = new LinkedHashMap<>();

    private LaunchPhases() {
    }

    static synchronized void mark(String phase) {
        MARKS.putIfAbsent(phase, sinceJvmStart());
    }

    static long sinceJvmStart() {
        return Duration.between(JVM_START, Instant.now()).toMillis();
    }

    /** "main=210 fx-toolkit-started=480 …" in milliseconds since the JVM started. */
    static synchronized String report() {
        return MARKS.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
