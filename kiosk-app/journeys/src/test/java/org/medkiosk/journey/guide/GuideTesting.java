package org.medkiosk.journey.guide;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.medkiosk.hospital.Doctor;
import org.medkiosk.hospital.HospitalBackend;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.hospital.Money;
import org.medkiosk.journey.concurrent.TaskExecutor;

/** A guide over a stub hospital that answers only doctors(…), synchronously; every state it shows is recorded. */
final class GuideTesting {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final Optional<LocalizedText> DIRECTIONS = Optional.of(LocalizedText.of("急诊楼1层（沿红色标线走）",
            "Emergency Building 1F (follow the red line)"));

    final DepartmentGuide guide;
    final List<GuideState> shown = new ArrayList<>();
    final List<String> backendCalls = new ArrayList<>();

    GuideTesting(GuideRules rules, Function<String, List<Doctor>> doctors) {
        this(rules, doctors, TaskExecutor.synchronous());
    }

    GuideTesting(GuideRules rules, Function<String, List<Doctor>> doctors, TaskExecutor tasks) {
        guide = new DepartmentGuide(rules, backend(doctors, backendCalls), tasks, CLOCK, DIRECTIONS);
        guide.onChange(shown::add);
    }

    /** A backend that fails the test on anything but doctors(…), and records every call. */
    static HospitalBackend backend(Function<String, List<Doctor>> doctors, List<String> calls) {
        return (HospitalBackend) Proxy.newProxyInstance(GuideTesting.class.getClassLoader(),
                new Class<?>[] {HospitalBackend.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "toString":
                            return "stub hospital";
                        case "hashCode":
                            return 0;
                        case "equals":
                            return proxy == args[0];
                        case "doctors":
                            calls.add("doctors " + args[0]);
                            return doctors.apply((String) args[0]);
                        default:
                            calls.add(method.getName());
                            throw new AssertionError("the guide asked the hospital for " + method.getName());
                    }
                });
    }

    static Doctor doctor(String id, String department, int left) {
        return new Doctor(id, department, LocalizedText.of("医生" + id, "Dr " + id), LocalizedText.of("主治医师",
                "Attending Physician"), Money.ofFen(1500), left, null);
    }

    static Function<String, List<Doctor>> noDoctors() {
        return d -> List.of();
    }
}
