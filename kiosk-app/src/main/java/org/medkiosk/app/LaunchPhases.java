package org.medkiosk.app;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Milestones from JVM start to an interactive idle screen, for the launch benchmark's "what dominates".
 * Marks are wall-clock instants; they are turned into "ms since the JVM started" only when reported, with the JVM's own
 * creation time (RuntimeMXBean), so java.management loads after what is measured. Not ProcessHandle's start instant:
 * on Linux that is derived from /proc/stat's btime, in whole seconds, so it is up to a second early (0.8 s on the
 * benchmark machine, which every launch time then included).
 */
final class LaunchPhases {
    private static final Map<String, Long> MARKS = new LinkedHashMap<>();

    private LaunchPhases() {
    }

    static synchronized void mark(String phase) {
        MARKS.putIfAbsent(phase, System.currentTimeMillis());
    }

    /** When the JVM was created, in epoch milliseconds. */
    static long jvmStartEpochMillis() {
        return ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** The time of a mark, in milliseconds since the JVM started; -1 when it was not marked. */
    static synchronized long sinceJvmStart(String phase) {
        Long at = MARKS.get(phase);
        return at == null ? -1 : at - jvmStartEpochMillis();
    }

    /** CPU time the process has used so far, all threads (-1 where the JVM cannot tell). */
    static long processCpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
    }

    /** "main=210 fx-toolkit-started=480 …" in milliseconds since the JVM started. */
    static synchronized String report() {
        long start = jvmStartEpochMillis();
        return MARKS.entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue() - start)).collect(Collectors.joining(" "));
    }
}
