package org.medkiosk.app.viewmodel;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.medkiosk.hospital.Department;
import org.medkiosk.hospital.HospitalBackend;
import org.medkiosk.hospital.HospitalGuide;
import org.medkiosk.hospital.HospitalPlace;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.journey.concurrent.TaskExecutor;
import org.medkiosk.journey.guide.GuideRules;
import org.medkiosk.journey.guide.GuideRulesException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the guidance screens (department guide, prices, feedback, wayfinding, hospital information) share: the guide's
 * rules as checked at start-up, the hospital's two ports, the kiosk's executor and clock, and what the kiosk learns of
 * the hospital once it answers (its departments, its emergency department). The department check runs then: a rules
 * file naming a department the hospital lacks makes the guide unavailable, never the kiosk.
 */
public final class Guidance {
    private static final Logger LOG = LoggerFactory.getLogger(Guidance.class);

    private final GuideRules rules;
    private final HospitalBackend backend;
    private final HospitalGuide guide;
    private final TaskExecutor tasks;
    private final Clock clock;
    private final Map<String, java.nio.file.Path> floorMaps;
    private final String kioskId;
    /** UI thread: false until the rules are checked against the hospital's departments, and when they fail it. */
    private final SimpleBooleanProperty guideAvailable = new SimpleBooleanProperty(false);
    private volatile Map<String, LocalizedText> departmentNames = Map.of();
    private volatile Optional<HospitalPlace> emergency = Optional.empty();

    public Guidance(GuideRules rules, HospitalBackend backend, HospitalGuide guide, TaskExecutor tasks, Clock clock,
                    Map<String, java.nio.file.Path> floorMaps, String kioskId) {
        this.rules = rules;
        this.backend = backend;
        this.guide = guide;
        this.tasks = tasks;
        this.clock = clock;
        this.floorMaps = Map.copyOf(floorMaps);
        this.kioskId = kioskId;
    }

    /**
     * In the background: the hospital's departments (the rules are checked against them) and its emergency
     * department. Tried a few times, since the hospital may still be starting when the kiosk does.
     */
    public void learnHospital() {
        tasks.background().execute(() -> {
            for (int attempt = 1; attempt <= 5; attempt++) {
                try {
                    List<Department> found = backend.departments();
                    Map<String, LocalizedText> names = found.stream()
                            .collect(Collectors.toMap(Department::id, Department::name, (a, b) -> a));
                    departmentNames = names;
                    boolean ok = check(names.keySet());
                    try {
                        emergency = guide == null ? Optional.empty() : guide.emergencyDepartment();
                    } catch (RuntimeException e) {
                        LOG.warn("the emergency department's place is not known: {}", e.getClass().getSimpleName());
                    }
                    tasks.ui().execute(() -> guideAvailable.set(ok));
                    return;
                } catch (RuntimeException e) {
                    LOG.warn("the hospital's departments could not be read (attempt {}): {}", attempt,
                            e.getClass().getSimpleName());
                    pause(Duration.ofSeconds(5L * attempt));
                }
            }
            LOG.warn("department guide unavailable: the hospital's departments are not known");
        });
    }

    private boolean check(Set<String> codes) {
        try {
            rules.validate(codes);
            return true;
        } catch (GuideRulesException e) {
            LOG.warn("department guide unavailable: {}", e.getMessage());
            return false;
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public ReadOnlyBooleanProperty guideAvailableProperty() {
        return guideAvailable;
    }

    public GuideRules rules() {
        return rules;
    }

    public HospitalBackend backend() {
        return backend;
    }

    /** The guidance port; empty when the hospital's adapter offers none. */
    public Optional<HospitalGuide> guide() {
        return Optional.ofNullable(guide);
    }

    public TaskExecutor tasks() {
        return tasks;
    }

    public Clock clock() {
        return clock;
    }

    public String kioskId() {
        return kioskId;
    }

    /** Where feedback is counted (the fleet metrics, issue 12): satisfaction 1–5 and whether the hospital took it. */
    public interface FeedbackCount {
        void counted(int satisfaction, boolean sent);
    }

    private volatile FeedbackCount feedbackCount = (satisfaction, sent) -> { };

    /** The kiosk's metrics count each rating; without metrics nothing does. */
    public void countFeedback(FeedbackCount count) {
        this.feedbackCount = count;
    }

    /** Any thread: one rating, sent to the hospital or not. */
    void feedbackCounted(int satisfaction, boolean sent) {
        feedbackCount.counted(satisfaction, sent);
    }

    /** wayfinding.map.*: the image of a floor map id, when configured. */
    public Optional<java.nio.file.Path> floorMap(String mapId) {
        return Optional.ofNullable(floorMaps.get(mapId));
    }

    public Optional<LocalizedText> departmentName(String code) {
        return Optional.ofNullable(departmentNames.get(code));
    }

    public Optional<HospitalPlace> emergencyDepartment() {
        return emergency;
    }

    /** The emergency department's place in words ("门诊楼 1F 急诊科 101"), for the guide's red-flag screen. */
    public Optional<LocalizedText> emergencyDirections() {
        return emergency.map(p -> LocalizedText.of(words(p.building().zh(), p.floor(), p.name().zh(), p.room()),
                words(p.building().en(), p.floor(), p.name().en(), p.room())));
    }

    private static String words(String... parts) {
        return java.util.Arrays.stream(parts).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
    }
}
