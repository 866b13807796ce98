package org.medkiosk.app.effort;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Text;
import org.medkiosk.app.session.KioskScreen;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.viewmodel.JourneyViewModel;

/**
 * What a journey asks of the patient, measured on the real scene: taps, screens, words to read, and the time the
 * kiosk (not the patient) was working. Installed as event filters and listeners on the kiosk window's scene and view
 * model; everything here runs on the FX thread except {@link #scanned}, and all state is guarded by {@code this}.
 *
 * <ul>
 * <li><b>Tap</b>: a primary press ({@code MOUSE_PRESSED}) whose picked node is, or is inside, an enabled
 *     {@link ButtonBase} (buttons, tiles, check boxes, toggles) or a node with its own click handler
 *     ({@code onMouseClicked}; press and drag handlers are what skins use inside, e.g. a ScrollPane pans on press,
 *     and do not make a target). Presses on
 *     backgrounds, labels or disabled controls are kept apart as <i>strays</i> and not counted. A card on the reader
 *     or a code at the scanner is never a tap (see {@link #scanned}).</li>
 * <li><b>Screen</b>: each change of what the kiosk renders, as the view models say it: a change of
 *     {@link KioskViewModel#screenProperty()}'s kind (Home, LookingUp, Notice, a journey) or of the open journey's
 *     {@link JourneyViewModel#stateProperty()} kind ({@code Bills → ScanCode → Paying → Paid}). A new state of the
 *     same kind (a ticked invoice, a countdown second) updates the screen on view and is not a new screen.
 *     <i>Working</i> screens are those where the kiosk, not the patient, has the next move: {@link #WORKING}.</li>
 * <li><b>Words to read</b>: the text the screen shows once it has settled: every visible {@link Text} node under
 *     the screen area (the header with the hospital name, clock and language switch, and the countdown banner, are
 *     chrome and left out; the in-session notice banner is in). English and numbers are counted in words (runs of
 *     non-space characters holding a letter or digit, so "¥200.00", "09:30–12:00" and a queue number are one word
 *     each); Chinese is counted in characters of Han script, the unit Chinese reading speed is measured in.</li>
 * <li><b>Software time</b>: for each stimulus (a tap, at the release that fires the control; a scan, when the code
 *     is handed to the scanner), the time from the stimulus to the <i>last</i> visible change of the screen before
 *     the next stimulus (or the end of the measure). A visible change is a layout pulse at which the screen's kind,
 *     its view-model state object or its visible text differs from the pulse before. So it covers look-ups,
 *     spinners, payment round trips and receipt printing up to the screen the patient then acts on, and nothing of
 *     the patient's own think or reach time (the walker waits for the screen to be quiet before the next tap).</li>
 * </ul>
 */
public final class PatientEffort {
    /** Kinds of screens on which the kiosk is working: a spinner, a wait for the hospital, the wallet or a printer. */
    public static final Set<String> WORKING = Set.of("LookingUp", "Loading", "CheckingIn", "Cancelling", "Working",
            "Paying", "Printing", "Reprinting");

    /** One counted tap: what was tapped, and when the control fired (release). */
    public record Tap(String target, long atNanos) {
        @Override
        public String toString() {
            return target;
        }
    }

    /** Words (English, numbers) and characters (Chinese) of some text. */
    public record Reading(int words, int cjkCharacters) {
        public static final Reading NONE = new Reading(0, 0);

        public Reading plus(Reading o) {
            return new Reading(words + o.words, cjkCharacters + o.cjkCharacters);
        }

        /** Counts the texts: Han characters one each; other runs between spaces or Han characters, if they hold a letter or digit. */
        public static Reading of(Collection<String> texts) {
            int words = 0;
            int cjk = 0;
            for (String text : texts) {
                boolean inToken = false;
                boolean alnum = false;
                for (int i = 0; i < text.length(); ) {
                    int cp = text.codePointAt(i);
                    i += Character.charCount(cp);
                    boolean han = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
                    if (han || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                        if (inToken && alnum) {
                            words++;
                        }
                        inToken = false;
                        alnum = false;
                        if (han) {
                            cjk++;
                        }
                    } else {
                        inToken = true;
                        alnum |= Character.isLetterOrDigit(cp);
                    }
                }
                if (inToken && alnum) {
                    words++;
                }
            }
            return new Reading(words, cjk);
        }

        @Override
        public String toString() {
            String w = words + (words == 1 ? " word" : " words");
            return cjkCharacters > 0 ? cjkCharacters + (cjkCharacters == 1 ? " char + " : " chars + ") + w : w;
        }
    }

    /** One screen as the patient saw it: its kind, whether the kiosk was working, and its text once settled. */
    public record Screen(String key, boolean working, long shownAtNanos, List<String> texts, Reading reading) {
        @Override
        public String toString() {
            return working ? key + "*" : key + "[" + reading + "]";
        }
    }

    /** What one walk asked of the patient. The first screen is the one the count started on (Home). */
    public record Measure(List<Tap> taps, List<String> strays, List<Screen> screens, int stateChanges, int scans,
                          long softwareNanos, boolean settled) {
        /** Screens after the start screen, as JOURNEYS.md counts them ("screens after home"). */
        public int screensAfterStart() {
            return screens.size() - 1;
        }

        /** Screens the patient acts on or reads (not working), the start screen included. */
        public List<Screen> settledScreens() {
            return screens.stream().filter(s -> !s.working()).toList();
        }

        /** What there is to read on the start screen (home). */
        public Reading onStart() {
            return screens.get(0).reading();
        }

        /** Everything to read on the settled screens, the start screen included. */
        public Reading toRead() {
            return settledScreens().stream().map(Screen::reading).reduce(Reading.NONE, Reading::plus);
        }

        public long softwareMillis() {
            return Math.round(softwareNanos / 1e6);
        }

        public String tapList() {
            return taps.stream().map(Tap::target).collect(Collectors.joining(" → ", "[", "]"));
        }

        public String screenList() {
            return screens.stream().map(Screen::toString).collect(Collectors.joining(" → "));
        }
    }

    private static final class Visit {
        final String key;
        final boolean working;
        final long shownAt;
        List<String> texts = List.of();

        Visit(String key, long shownAt) {
            this.key = key;
            this.working = WORKING.contains(key.substring(key.indexOf(':') + 1));
            this.shownAt = shownAt;
        }

        Screen snapshot() {
            return new Screen(key, working, shownAt, texts, Reading.of(texts));
        }
    }

    private final Scene scene;
    private final KioskViewModel vm;
    private final EventHandler<MouseEvent> onPress = this::pressed;
    private final EventHandler<MouseEvent> onRelease = this::released;
    private final Runnable onPulse = this::afterLayout;
    private final ChangeListener<KioskScreen> onScreen = (o, was, now) -> screenChanged(now);
    private final InvalidationListener onState = o -> stateChanged();
    private JourneyViewModel<?> watched;

    private final List<Tap> taps = new ArrayList<>();
    private final List<String> strays = new ArrayList<>();
    private final List<Visit> visits = new ArrayList<>();
    private final List<Long> scans = new ArrayList<>();
    /** Times of layout pulses at which the screen visibly changed. */
    private final List<Long> changes = new ArrayList<>();
    private int pendingTap = -1;
    private int stateChanges;
    /** Bumped by every screen or state change, so a new state object of the same kind is a visible change. */
    private long modelChanges;
    private int fingerprint;
    private long lastChange;

    private PatientEffort(Scene scene, KioskViewModel vm) {
        this.scene = scene;
        this.vm = vm;
    }

    /** On the FX thread: starts watching the kiosk window's scene and view model. */
    public static PatientEffort install(Scene scene, KioskViewModel vm) {
        PatientEffort effort = new PatientEffort(scene, vm);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, effort.onPress);
        scene.addEventFilter(MouseEvent.MOUSE_RELEASED, effort.onRelease);
        scene.addPostLayoutPulseListener(effort.onPulse);
        vm.screenProperty().addListener(effort.onScreen);
        effort.watch(vm.screen());
        effort.reset();
        return effort;
    }

    /** On the FX thread. */
    public void uninstall() {
        scene.removeEventFilter(MouseEvent.MOUSE_PRESSED, onPress);
        scene.removeEventFilter(MouseEvent.MOUSE_RELEASED, onRelease);
        scene.removePostLayoutPulseListener(onPulse);
        vm.screenProperty().removeListener(onScreen);
        watch(null);
    }

    /** On the FX thread: forgets everything; the count starts on the screen showing now (its text read now). */
    public synchronized void reset() {
        taps.clear();
        strays.clear();
        visits.clear();
        scans.clear();
        changes.clear();
        pendingTap = -1;
        stateChanges = 0;
        long now = System.nanoTime();
        Visit first = new Visit(key(), now);
        first.texts = visibleTexts();
        visits.add(first);
        fingerprint = fingerprint(first.texts);
        lastChange = now;
    }

    /** Any thread: a code was handed to the scanner now (a scan, not a tap; a stimulus for the software time). */
    public synchronized void scanned() {
        scans.add(System.nanoTime());
    }

    /** On the FX thread: what has been asked of the patient since {@link #reset}. */
    public synchronized Measure measure() {
        long end = System.nanoTime();
        List<Long> stimuli = new ArrayList<>(scans);
        taps.forEach(t -> stimuli.add(t.atNanos()));
        stimuli.sort(null);
        long software = 0;
        for (int i = 0; i < stimuli.size(); i++) {
            long from = stimuli.get(i);
            long to = i + 1 < stimuli.size() ? stimuli.get(i + 1) : end;
            long last = -1;
            for (long c : changes) {
                if (c >= from && c < to) {
                    last = c;
                }
            }
            if (last >= 0) {
                software += last - from;
            }
        }
        List<Screen> screens = visits.stream().map(Visit::snapshot).toList();
        return new Measure(List.copyOf(taps), List.copyOf(strays), screens, stateChanges, scans.size(), software,
                !visits.get(visits.size() - 1).working);
    }

    /** On the FX thread: how long the screen has not visibly changed, and whether the kiosk is still working. */
    public synchronized long quietNanos() {
        return System.nanoTime() - lastChange;
    }

    public synchronized boolean working() {
        return visits.get(visits.size() - 1).working;
    }

    // ---- taps --------------------------------------------------------------------------------------------------

    private synchronized void pressed(MouseEvent e) {
        Node hit = e.getPickResult() == null ? null : e.getPickResult().getIntersectedNode();
        if (hit == null && e.getTarget() instanceof Node n) {
            hit = n;
        }
        Node target = actionable(hit);
        if (target == null) {
            strays.add(describe(hit));
            return;
        }
        if (target.isDisabled()) {
            strays.add("disabled " + describe(target));
            return;
        }
        taps.add(new Tap(describe(target), System.nanoTime()));
        pendingTap = taps.size() - 1;
    }

    private synchronized void released(MouseEvent e) {
        if (pendingTap >= 0) {
            Tap t = taps.get(pendingTap);
            taps.set(pendingTap, new Tap(t.target(), System.nanoTime())); // the control fires on release
            pendingTap = -1;
        }
    }

    /** The node a press on {@code hit} operates: the nearest button-like ancestor, or one with its own handler. */
    static Node actionable(Node hit) {
        for (Node n = hit; n != null; n = n.getParent()) {
            // Only a click handler marks a tap target: skins set press/drag handlers on their insides (the
            // ScrollPane's viewport pans on press), and a press there is not a tap on anything.
            if (n instanceof ButtonBase || n.getOnMouseClicked() != null) {
                return n;
            }
        }
        return null;
    }

    static String describe(Node n) {
        if (n == null) {
            return "(nothing)";
        }
        String type = n.getClass().getSimpleName().isEmpty() ? n.getClass().getName() : n.getClass().getSimpleName();
        String name = n.getId() != null ? "#" + n.getId() : type;
        String text = n instanceof Labeled l && l.getText() != null && !l.getText().isBlank() ? l.getText() : null;
        if (text == null && n instanceof Labeled l && l.getGraphic() != null) {
            List<String> inside = new ArrayList<>(); // a card button: its text is in labels inside its graphic
            collect(l.getGraphic(), inside);
            text = inside.isEmpty() ? null : String.join(" ", inside);
        }
        if (text != null) {
            text = text.replaceAll("\\s+", " ").trim();
            name += " \"" + (text.length() > 32 ? text.substring(0, 31) + "…" : text) + "\"";
        }
        return name;
    }

    // ---- screens -----------------------------------------------------------------------------------------------

    private void screenChanged(KioskScreen now) {
        watch(now);
        entered();
    }

    private void stateChanged() {
        entered();
    }

    private void watch(KioskScreen screen) {
        JourneyViewModel<?> next = screen instanceof KioskScreen.InJourney j ? j.model() : null;
        if (next == watched) {
            return;
        }
        if (watched != null) {
            watched.stateProperty().removeListener(onState);
        }
        watched = next;
        if (watched != null) {
            watched.stateProperty().addListener(onState);
        }
    }

    private synchronized void entered() {
        stateChanges++;
        modelChanges++;
        String key = key(); // also revalidates the state property, so the next change is reported again
        if (!visits.get(visits.size() - 1).key.equals(key)) {
            visits.add(new Visit(key, System.nanoTime()));
        }
    }

    private String key() {
        KioskScreen s = vm.screen();
        if (s instanceof KioskScreen.InJourney j) {
            Object state = j.model().stateProperty().get();
            return j.service().name() + ":" + (state == null ? "none" : state.getClass().getSimpleName());
        }
        return s.getClass().getSimpleName();
    }

    // ---- what shows --------------------------------------------------------------------------------------------

    private void afterLayout() {
        List<String> texts = visibleTexts();
        synchronized (this) {
            int fp = fingerprint(texts);
            if (fp != fingerprint) {
                fingerprint = fp;
                lastChange = System.nanoTime();
                changes.add(lastChange);
                visits.get(visits.size() - 1).texts = texts;
            }
        }
    }

    private int fingerprint(List<String> texts) {
        return Objects.hash(modelChanges, texts);
    }

    /** The screen area: the lobby screen's centre (notice banner and the current screen), without header and countdown. */
    private Node screenArea() {
        Node root = scene.lookup("#kiosk-root");
        if (root instanceof BorderPane main && main.getCenter() != null) {
            return main.getCenter();
        }
        return scene.getRoot();
    }

    private List<String> visibleTexts() {
        List<String> out = new ArrayList<>();
        collect(screenArea(), out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Text t && t.getText() != null && !t.getText().isBlank()) {
            out.add(t.getText());
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }
}
