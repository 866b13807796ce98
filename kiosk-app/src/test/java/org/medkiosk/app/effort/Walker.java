package org.medkiosk.app.effort;

import org.medkiosk.app.DemoKiosk;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import org.medkiosk.device.idcard.IdCard;
import org.medkiosk.device.scanner.Symbology;
import org.medkiosk.hospital.Department;
import org.medkiosk.hospital.Doctor;
import org.medkiosk.hospital.HospitalBackend;
import org.medkiosk.hospital.Slot;
import org.medkiosk.journey.JourneyContext;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A patient at the demo kiosk: real taps through the TestFX robot, the card and the wallet code through the simulated
 * devices, and a {@link PatientEffort} meter on the scene. Each walk starts on the patient's home screen (after
 * identification), waits before every tap until the screen is settled (as a patient waits to see it), and ends when
 * the journey's done screen is settled; then it goes back home, uncounted.
 */
final class Walker {
    /** A wallet payment code the demo hospital accepts at once (JourneyScreensTest). */
    static final String WALLET_CODE = "134567890123456710";
    /** A screen is settled when it is not a working screen and nothing on it changed for this long. */
    static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(400);

    private final FxRobot robot;
    private final DemoKiosk kiosk;
    private final PatientEffort effort;
    private boolean checkedIn;

    Walker(FxRobot robot, DemoKiosk kiosk) {
        this.robot = robot;
        this.kiosk = kiosk;
        this.effort = Fx.onFx(() -> PatientEffort.install(kiosk.window().scene(), kiosk.viewModel()));
    }

    PatientEffort effort() {
        return effort;
    }

    // ---- the patient's moves ------------------------------------------------------------------------------------

    /** On the idle screen: the header's language switch (before identification, so never counted). */
    void switchLanguage() {
        Fx.waitFor(robot, "#idle-screen");
        tap("#language-switch");
    }

    /** A card on the reader; waits for the home screen and the journeys to be ready. */
    void identify(IdCard card) throws Exception {
        kiosk.insertCard(card);
        waitForEither("#greeting", "#notice-title");
        if (!Fx.present(robot, "#greeting")) {
            // The hospital did not answer the look-up in time (a loaded build machine): present the card again, as a
            // patient would. Identification is never part of a measure.
            kiosk.removeCard();
            Thread.sleep(1500); // the reader reports each card once per placement: let it see the card go
            kiosk.insertCard(card);
        }
        Fx.waitFor(robot, "#greeting");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> kiosk.engine().isPresent());
        awaitSettled();
    }

    /** Waits for the screen to settle, then taps the node the query finds. */
    void tap(String query) {
        Fx.waitFor(robot, query);
        awaitSettled();
        Node node = Fx.onFx(() -> robot.lookup(query).query());
        robot.clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Taps the first enabled node whose id starts with the prefix (the first department, booking, preset…). */
    void tapFirst(String idPrefix) throws TimeoutException {
        java.util.function.Supplier<String> first = () -> Fx.onFx(() -> robot.lookup((Node n) -> n.getId() != null
                && n.getId().startsWith(idPrefix) && !n.isDisabled()).tryQuery().map(n -> "#" + n.getId()).orElse(null));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> first.get() != null);
        tap(first.get());
    }

    /** Shows the wallet code to the scanner: a scan, not a tap. */
    void scanWalletCode() throws Exception {
        awaitSettled();
        effort.scanned();
        kiosk.scan(WALLET_CODE, Symbology.QR_CODE);
    }

    void waitFor(String query) {
        Fx.waitFor(robot, query);
    }

    /** Until the kiosk is not working and the screen has not changed for {@link #QUIET_NANOS}. */
    void awaitSettled() {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> Fx.onFx(() -> !effort.working() && effort.quietNanos() >= QUIET_NANOS));
        } catch (TimeoutException e) {
            throw new AssertionError("the screen never settled: " + Fx.onFx(() -> Fx.describe(robot)), e);
        }
    }

    // ---- walks ----------------------------------------------------------------------------------------------------

    /** Walks the journey's shortest path from home, counting only the walk itself (not its setup). */
    PatientEffort.Measure walk(Walk walk) throws Exception {
        Plan plan = setUp(walk);
        return measure(() -> steps(walk, plan), walk.done());
    }

    /** Counts what the steps ask of the patient, from the settled home screen to the settled screen showing {@code done}. */
    PatientEffort.Measure measure(Steps steps, String done) throws Exception {
        waitFor("#greeting");
        awaitSettled();
        Fx.run(effort::reset);
        steps.run();
        waitFor(done);
        awaitSettled();
        PatientEffort.Measure m = Fx.onFx(effort::measure);
        goHome();
        return m;
    }

    interface Steps {
        void run() throws Exception;
    }

    /** What a walk needs decided before it starts (found without taps: the patient knows what they came for). */
    private record Plan(String department, String doctor, String slot) {
        static final Plan NONE = new Plan(null, null, null);
    }

    private Plan setUp(Walk walk) throws Exception {
        switch (walk) {
            case QUERIES:
                if (!checkedIn) {
                    steps(Walk.CHECK_IN, Plan.NONE); // setup: the queue position needs a check-in first
                    waitFor(Walk.CHECK_IN.done());
                    goHome();
                }
                return Plan.NONE;
            case CANCEL_BOOKING:
                if (bookings().isEmpty()) {
                    Plan booking = registrationToday();
                    steps(Walk.REGISTER, booking); // setup: a booking to cancel
                    waitFor(Walk.REGISTER.done());
                    goHome();
                }
                return Plan.NONE;
            case REGISTER:
                return registrationToday();
            default:
                return Plan.NONE;
        }
    }

    private void steps(Walk walk, Plan plan) throws Exception {
        switch (walk) {
            case CHECK_IN:
                tap("#service-check-in");
                waitForEither("#checked-in-title", "#state-appointments");
                if (Fx.present(robot, "#state-appointments")) {
                    tapFirst("appointment-");
                }
                checkedIn = true;
                break;
            case QUERIES:
                tap("#service-queries");
                tap("#query-queue");
                break;
            case PAY_BILLS:
                tap("#service-pay");
                tap("#pay-wallet-button");
                waitFor("#scan-prompt");
                scanWalletCode();
                break;
            case PRINT_REPORTS:
                tap("#service-print-reports");
                tap("#reports-print-button");
                break;
            case TOP_UP:
                tap("#service-top-up");
                waitFor("#topup-balance");
                tapFirst("preset-");
                waitFor("#scan-prompt");
                scanWalletCode();
                break;
            case REGISTER:
                tap("#service-register");
                tap("#dept-" + plan.department());
                tap("#doctor-" + plan.doctor());
                tap("#slot-" + plan.slot());
                tap("#confirm-button");
                waitFor("#scan-prompt");
                scanWalletCode();
                break;
            case CANCEL_BOOKING:
                tap("#service-my-bookings");
                waitFor("#state-bookings");
                tapFirst("booking-");
                tap("#cancel-confirm-button");
                break;
            default:
                throw new IllegalArgumentException(walk.name());
        }
    }

    /** Back to the home screen (uncounted: the walk has been measured). */
    void goHome() {
        tap("#home-button");
        waitFor("#greeting");
        awaitSettled();
    }

    private void waitForEither(String a, String b) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Fx.present(robot, a) || Fx.present(robot, b));
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ---- what the hospital has (asked directly, never through taps) ----------------------------------------------

    private JourneyContext context() {
        return kiosk.engine().orElseThrow().context();
    }

    private String patientId() {
        return Fx.onFx(() -> kiosk.viewModel().patient().orElseThrow().id());
    }

    private List<?> bookings() {
        JourneyContext ctx = context();
        LocalDate today = LocalDate.now(ctx.clock());
        return ctx.backend().bookings(patientId(), today, today.plusDays(ctx.settings().bookAheadDays()));
    }

    /**
     * The shortest registration: a department with a doctor who has numbers left today and a period today that has
     * not ended, so no day needs choosing (the doctors screen opens on today). The patient knows their department.
     */
    private Plan registrationToday() {
        JourneyContext ctx = context();
        HospitalBackend backend = ctx.backend();
        LocalDate today = LocalDate.now(ctx.clock());
        for (Department d : backend.departments()) {
            for (Doctor doc : backend.doctors(d.id(), today)) {
                if (doc.remainingToday() <= 0) {
                    continue;
                }
                for (Slot s : backend.freeSlots(doc.id(), today, today)) {
                    if (s.remaining() > 0 && s.end().toInstant().isAfter(ctx.clock().instant())) {
                        return new Plan(d.id(), doc.id(), s.id());
                    }
                }
            }
        }
        throw new AssertionError("no doctor has a free period today: registering today is impossible (book ahead instead)");
    }
}
