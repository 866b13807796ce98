package org.medkiosk.app.effort;

import org.medkiosk.app.DemoKiosk;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.medkiosk.device.idcard.DemoCards;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Patient effort per journey, in Chinese and in English: taps (and the budget), screens, words or characters to read,
 * the kiosk's software time and a keystroke-level-model estimate of the patient's time ({@link Klm}). Each run is one
 * fresh demo kiosk (headless Monocle, the in-process demo hospital, simulated devices) on which the demo patient
 * identifies once by ID card and walks every journey's shortest path in turn, as {@link TapBudgetTest} does:
 * check in, queue position, pay bills, print reports, top up, register today, cancel a booking.
 *
 * <pre>mvn -q -pl kiosk-app test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.medkiosk.app.effort.JourneyEffortBenchmark [-Dexec.args=RUNS]</pre>
 *
 * Software time is the median over the runs (default 3); the other measures are the same in every run (a run that
 * differs is reported). {@code -Deffort.texts=true} on the mvn command line also prints each settled screen's text as counted.
 */
public final class JourneyEffortBenchmark {
    private static final Walk[] ORDER = {Walk.CHECK_IN, Walk.QUERIES, Walk.PAY_BILLS, Walk.PRINT_REPORTS, Walk.TOP_UP,
            Walk.REGISTER, Walk.CANCEL_BOOKING};

    enum Language {
        ZH("Chinese (zh-CN, the kiosk's default)"), EN("English (header language switch, before identifying)");

        final String title;

        Language(String title) {
            this.title = title;
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        headless();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Stage stage = FxToolkit.registerPrimaryStage();
        FxRobot robot = new FxRobot();
        Map<Language, Map<Walk, List<PatientEffort.Measure>>> results = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Map<Walk, List<PatientEffort.Measure>> byWalk = new EnumMap<>(Walk.class);
            for (int run = 0; run < runs; run++) {
                DemoKiosk kiosk = WaitForAsyncUtils.asyncFx(() -> DemoKiosk.show(stage)).get(60, TimeUnit.SECONDS);
                try {
                    kiosk.awaitReady();
                    Walker patient = new Walker(robot, kiosk);
                    if (language == Language.EN) {
                        patient.switchLanguage();
                    }
                    patient.identify(DemoCards.ZHANG_SANMING);
                    for (Walk walk : ORDER) {
                        PatientEffort.Measure m = patient.walk(walk);
                        byWalk.computeIfAbsent(walk, w -> new ArrayList<>()).add(m);
                        System.err.printf("%s run %d: %s %d taps, %d ms%n", language, run + 1, walk.title(),
                                m.taps().size(), m.softwareMillis());
                    }
                } finally {
                    kiosk.close();
                }
            }
            results.put(language, byWalk);
        }
        print(out, results, runs);
        FxToolkit.cleanupStages();
        Platform.exit();
        awaitFxShutdown();
    }

    /**
     * Lets the JavaFX launcher and application threads end before main returns: exec:java interrupts the threads
     * still alive in main's thread group, and a launcher interrupted while it stops the toolkit fails the build.
     */
    private static void awaitFxShutdown() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        ThreadGroup mine = Thread.currentThread().getThreadGroup();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != Thread.currentThread() && !t.isDaemon() && t.getThreadGroup() == mine && t.getName().contains("JavaFX")) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        }
    }

    private static void print(PrintStream out, Map<Language, Map<Walk, List<PatientEffort.Measure>>> results, int runs) {
        Klm adult = Klm.ADULT;
        Klm elderly = Klm.ELDERLY;
        List<String> notes = new ArrayList<>();
        for (Map.Entry<Language, Map<Walk, List<PatientEffort.Measure>>> lang : results.entrySet()) {
            out.printf("%n### Patient effort per journey: %s, demo patient 张三明, %d run%s%n%n", lang.getKey().title, runs,
                    runs == 1 ? "" : "s (software time: median)");
            out.println("| journey | taps (budget) | screens after home (settled) | to read, home included | scans | software time (ms) "
                    + "| KLM adult (s) | KLM elderly ×" + fmt(elderly.factor()) + " (s) |");
            out.println("|---|---|---|---|---|---|---|---|");
            for (Map.Entry<Walk, List<PatientEffort.Measure>> e : lang.getValue().entrySet()) {
                Walk walk = e.getKey();
                PatientEffort.Measure m = e.getValue().get(0);
                double software = medianMillis(e.getValue());
                out.printf("| %s | %d (≤ %d)%s | %d (%d) | %s | %d | %.0f | %.1f | %.1f |%n", walk.title(), m.taps().size(),
                        walk.budget(), m.taps().size() > walk.budget() ? " **over**" : "", m.screensAfterStart(),
                        m.settledScreens().size() - 1, read(m), m.scans(), software,
                        adult.seconds(m, software / 1000), elderly.seconds(m, software / 1000));
                for (PatientEffort.Measure other : e.getValue()) {
                    if (other.taps().size() != m.taps().size() || other.screens().size() != m.screens().size()
                            || !other.toRead().equals(m.toRead())) {
                        notes.add(lang.getKey() + " " + walk.title() + ": a run differed: " + other.tapList() + " "
                                + other.screenList());
                    }
                }
            }
            out.printf("%nPaths walked (%s): taps, then screens (* = the kiosk is working; [what there is to read once "
                    + "settled]; the first screen is home, where the count starts):%n%n", lang.getKey().name().toLowerCase());
            for (Map.Entry<Walk, List<PatientEffort.Measure>> e : lang.getValue().entrySet()) {
                PatientEffort.Measure m = e.getValue().get(0);
                out.printf("- **%s**: %s; software %s ms over the runs; %d view-model changes%n  %s%n", e.getKey().title(),
                        m.tapList(), e.getValue().stream().map(x -> Long.toString(x.softwareMillis())).toList(),
                        m.stateChanges(), m.screenList());
                if (Boolean.getBoolean("effort.texts")) {
                    for (PatientEffort.Screen s : m.settledScreens()) {
                        out.printf("  - %s: %s%n", s.key(), s.texts());
                    }
                }
            }
        }
        out.println();
        out.println("Measures (PatientEffort):");
        out.println("- taps: presses on an enabled button-like control (Button, tile, CheckBox, toggle) or a node with "
                + "its own click handler, after identification; the ID card and the wallet-code scans are not taps; "
                + "presses on labels, backgrounds or disabled controls are not counted.");
        out.println("- screens: each change of the kiosk view model's screen kind or of the open journey's state kind "
                + "(Home → PAY:Loading → PAY:Bills → …), home not counted; (settled) = the ones the patient acts on or "
                + "reads, i.e. not Loading/CheckingIn/Working/Paying/Printing/Cancelling/Reprinting/LookingUp.");
        out.println("- to read: visible text of each settled screen (home included) once it settled, header and "
                + "countdown banner left out; chars = Han characters; words = space-separated runs holding a letter "
                + "or digit (Latin words, amounts, times, queue numbers).");
        out.println("- software time: per tap (from the release that fires it) or scan (from handing the code to the "
                + "simulated scanner), the time to the last visible change of the screen (a layout pulse at which the "
                + "screen kind, its state object or its visible text changed) before the next tap or scan; summed. "
                + "Demo hospital in-process over FHIR/HTTP, wallet code 134567890123456710 (paid at once), simulated "
                + "serial scanner, receipt and A4 printers; journeys' and hospital's clock at 09:00 today.");
        out.println();
        out.println("KLM estimate = factor × (M × settled screens incl. home + (P + tap) × taps + reading) + scan × scans "
                + "+ software time. Assumptions:");
        for (String a : adult.assumptions()) {
            out.println("- " + a);
        }
        for (String n : notes) {
            out.println("- note: " + n);
        }
    }

    /** "133 chars + 4 words (home 94 chars + 1 words)": all settled screens, and the home screen's share. */
    private static String read(PatientEffort.Measure m) {
        return m.toRead() + " (home: " + m.onStart() + ")";
    }

    private static double medianMillis(List<PatientEffort.Measure> ms) {
        long[] v = ms.stream().mapToLong(PatientEffort.Measure::softwareMillis).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** What the surefire argLine of kiosk-app sets for TestFX: headless Monocle, software rendering, the portrait panel. */
    private static void headless() {
        String[][] defaults = {{"testfx.robot", "glass"}, {"testfx.headless", "true"}, {"glass.platform", "Monocle"},
                {"monocle.platform", "Headless"}, {"prism.order", "sw"}, {"prism.text", "t2k"},
                {"java.awt.headless", "true"}, {"headless.geometry", "1080x1920-32"}, {"medkiosk.log.level", "WARN"}};
        for (String[] kv : defaults) {
            if (System.getProperty(kv[0]) == null) {
                System.setProperty(kv[0], kv[1]);
            }
        }
    }

    private JourneyEffortBenchmark() {
    }
}
