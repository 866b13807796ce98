package org.medkiosk.journey.guide;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.medkiosk.hospital.Doctor;
import org.medkiosk.hospital.HospitalBackend;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.journey.concurrent.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The department guide's state machine (智能导诊). Not a {@code Journey}: it needs no identified patient, so it
 * serves a visitor from the idle screen as well as a patient from home. Age group → body region → symptoms →
 * suggested departments with today's numbers left; a red-flag symptom goes at once, in the one tap, to the
 * emergency screen, before anything else is asked or fetched. Choices arrive on the UI thread; the hospital is
 * asked in the background (only to count numbers left, never before a suggestion is shown) and states come back on
 * the UI thread through the kiosk's {@link TaskExecutor}.
 */
public final class DepartmentGuide {
    private static final Logger LOG = LoggerFactory.getLogger(DepartmentGuide.class);

    private final GuideRules rules;
    private final HospitalBackend backend;
    private final TaskExecutor tasks;
    private final Clock clock;
    private final Optional<LocalizedText> emergencyDirections;
    private final List<Consumer<GuideState>> listeners = new CopyOnWriteArrayList<>();
    private volatile GuideState state = new GuideState.ChooseAgeGroup();

    // UI-thread state
    private AgeGroup ageGroup;
    private BodyRegion region;
    private List<Symptom> offered = List.of();
    private Set<String> chosen = new LinkedHashSet<>();
    private List<Suggestion> suggestions = List.of();
    /** Bumped whenever the suggestions are left, so a count answered late is dropped. */
    private long epoch;

    /**
     * @param emergencyDirections where the emergency department is (its place, in both languages), shown on the
     *                            emergency screen; empty when the kiosk does not know it
     */
    public DepartmentGuide(GuideRules rules, HospitalBackend backend, TaskExecutor tasks, Clock clock,
                           Optional<LocalizedText> emergencyDirections) {
        this.rules = Objects.requireNonNull(rules);
        this.backend = Objects.requireNonNull(backend);
        this.tasks = Objects.requireNonNull(tasks);
        this.clock = Objects.requireNonNull(clock);
        this.emergencyDirections = Objects.requireNonNull(emergencyDirections);
    }

    public GuideState state() {
        return state;
    }

    public GuideRules rules() {
        return rules;
    }

    public void onChange(Consumer<GuideState> listener) {
        listeners.add(listener);
    }

    /** Who the visit is for. */
    public void ageGroup(AgeGroup chosenAge) {
        Objects.requireNonNull(chosenAge);
        if (!(state instanceof GuideState.ChooseAgeGroup)) {
            return;
        }
        ageGroup = chosenAge;
        show(new GuideState.ChooseRegion(chosenAge));
    }

    /** Where it hurts. */
    public void region(BodyRegion chosenRegion) {
        Objects.requireNonNull(chosenRegion);
        if (!(state instanceof GuideState.ChooseRegion)) {
            return;
        }
        region = chosenRegion;
        offered = rules.offered(ageGroup, chosenRegion);
        chosen = new LinkedHashSet<>();
        show(offered.isEmpty() ? new GuideState.NoSuggestion()
                : new GuideState.ChooseSymptoms(chosenRegion, offered, chosen));
    }

    /** Taps a symptom: a red flag goes straight to the emergency screen; an ordinary one is chosen or unchosen. */
    public void toggleSymptom(String id) {
        if (!(state instanceof GuideState.ChooseSymptoms)) {
            return;
        }
        Optional<Symptom> tapped = offered.stream().filter(s -> s.id().equals(id)).findFirst();
        if (tapped.isEmpty()) {
            return;
        }
        Symptom s = tapped.get();
        if (s.redFlag()) {
            epoch++;
            show(new GuideState.GoToEmergency(s, s.redFlagReason().orElseThrow(), emergencyDirections));
            return;
        }
        if (!chosen.remove(id)) {
            chosen.add(id);
        }
        show(new GuideState.ChooseSymptoms(region, offered, chosen));
    }

    /** The departments for what was chosen; today's numbers left are counted in the background. */
    public void suggest() {
        if (!(state instanceof GuideState.ChooseSymptoms) || chosen.isEmpty()) {
            return;
        }
        List<Suggestion> found = rules.suggest(ageGroup, region, chosen);
        long mine = ++epoch;
        if (found.isEmpty()) {
            show(new GuideState.NoSuggestion());
            return;
        }
        suggestions = found;
        show(new GuideState.Suggestions(found));
        LocalDate today = LocalDate.now(clock);
        for (Suggestion s : found) {
            String code = s.departmentCode();
            tasks.background().execute(() -> {
                OptionalInt left = numbersLeft(code, today);
                if (left.isPresent()) {
                    tasks.ui().execute(() -> counted(mine, code, left));
                }
            });
        }
    }

    /** One step back: emergency screen, suggestions → symptoms (as chosen); symptoms → region; region → age group. */
    public void back() {
        GuideState now = state;
        epoch++;
        if (now instanceof GuideState.GoToEmergency || now instanceof GuideState.Suggestions
                || now instanceof GuideState.NoSuggestion && !offered.isEmpty()) {
            show(new GuideState.ChooseSymptoms(region, offered, chosen));
        } else if (now instanceof GuideState.ChooseSymptoms || now instanceof GuideState.NoSuggestion) {
            chosen = new LinkedHashSet<>();
            show(new GuideState.ChooseRegion(ageGroup));
        } else {
            startOver();
        }
    }

    /** Back to the first question, everything forgotten. */
    public void startOver() {
        epoch++;
        ageGroup = null;
        region = null;
        offered = List.of();
        chosen = new LinkedHashSet<>();
        suggestions = List.of();
        show(new GuideState.ChooseAgeGroup());
    }

    private OptionalInt numbersLeft(String departmentCode, LocalDate today) {
        try {
            long sum = 0;
            for (Doctor d : backend.doctors(departmentCode, today)) {
                sum += Math.max(0, d.remainingToday());
            }
            return OptionalInt.of((int) Math.min(Integer.MAX_VALUE, sum));
        } catch (RuntimeException e) {
            // the suggestion stands without its count
            LOG.warn("numbers left in {} could not be counted: {}", departmentCode, e.getClass().getSimpleName());
            return OptionalInt.empty();
        }
    }

    /** On the UI thread: one department's count arrived. */
    private void counted(long forEpoch, String code, OptionalInt left) {
        if (forEpoch != epoch) {
            return;
        }
        List<Suggestion> next = new ArrayList<>(suggestions.size());
        for (Suggestion s : suggestions) {
            next.add(s.departmentCode().equals(code) ? s.withNumbersLeft(left) : s);
        }
        suggestions = List.copyOf(next);
        publish(new GuideState.Suggestions(suggestions));
    }

    /** Delivers a new state on the UI thread. */
    private void show(GuideState next) {
        tasks.ui().execute(() -> publish(next));
    }

    /** On the UI thread. */
    private void publish(GuideState next) {
        state = next;
        for (Consumer<GuideState> l : listeners) {
            l.accept(next);
        }
    }
}
