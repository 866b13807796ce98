package org.medkiosk.app.effort;

import org.medkiosk.app.DemoKiosk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.device.idcard.DemoCards;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The tap budgets of JOURNEYS.md, on the real screens (headless, the demo hospital, simulated card reader and
 * scanner): the demo patient 张三明 identifies by ID card (not a tap), then walks each journey's shortest path with
 * real taps to its done screen; wallet codes are scans (not taps). Setup a walk needs (a check-in before the queue
 * position, a booking to cancel) is not counted. See {@link PatientEffort} for what counts as a tap.
 */
@ExtendWith(ApplicationExtension.class)
class TapBudgetTest {
    DemoKiosk kiosk;

    @Start
    void start(Stage stage) {
        kiosk = DemoKiosk.show(stage);
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    private Walker patient(FxRobot robot) throws Exception {
        kiosk.awaitReady();
        Walker walker = new Walker(robot, kiosk);
        walker.identify(DemoCards.ZHANG_SANMING);
        return walker;
    }

    private PatientEffort.Measure withinBudget(FxRobot robot, Walk walk) throws Exception {
        PatientEffort.Measure m = patient(robot).walk(walk);
        assertWithinBudget(walk, m);
        return m;
    }

    static void assertWithinBudget(Walk walk, PatientEffort.Measure m) {
        assertTrue(m.settled(), walk.title() + " did not end on a settled screen: " + m.screenList());
        assertTrue(m.taps().size() <= walk.budget(), walk.title() + ": " + m.taps().size() + " taps, budget "
                + walk.budget() + "; tapped " + m.tapList() + "; screens " + m.screenList());
        assertTrue(m.strays().isEmpty(), walk.title() + ": stray presses " + m.strays());
    }

    @Test
    void checkIn(FxRobot robot) throws Exception {
        PatientEffort.Measure m = withinBudget(robot, Walk.CHECK_IN);
        assertEquals(1, m.taps().size(), "one appointment in the window: the list is skipped " + m.tapList());
    }

    @Test
    void payBills(FxRobot robot) throws Exception {
        PatientEffort.Measure m = withinBudget(robot, Walk.PAY_BILLS);
        assertEquals(1, m.scans(), "the wallet code is a scan");
    }

    @Test
    void printReports(FxRobot robot) throws Exception {
        withinBudget(robot, Walk.PRINT_REPORTS);
    }

    @Test
    void registerToday(FxRobot robot) throws Exception {
        PatientEffort.Measure m = withinBudget(robot, Walk.REGISTER);
        assertEquals(1, m.scans());
    }

    @Test
    void cancelABooking(FxRobot robot) throws Exception {
        withinBudget(robot, Walk.CANCEL_BOOKING);
    }

    @Test
    void topUp(FxRobot robot) throws Exception {
        withinBudget(robot, Walk.TOP_UP);
    }

    @Test
    void queuePosition(FxRobot robot) throws Exception {
        PatientEffort.Measure m = withinBudget(robot, Walk.QUERIES);
        assertTrue(m.screens().get(m.screens().size() - 1).texts().stream().anyMatch(t -> t.matches(".*\\d.*")),
                "the queue screen shows a number: " + m.screens().get(m.screens().size() - 1).texts());
    }

    /**
     * The count can fail: the same top-up with a Back and forward again on the scan screen costs two more taps and
     * breaks the budget; presses on a label and on a disabled key are strays, not taps.
     */
    @Test
    void aBackAndForwardDetourCostsTwoTapsAndBreaksTheBudget(FxRobot robot) throws Exception {
        Walker walker = patient(robot);
        PatientEffort.Measure shortest = walker.walk(Walk.TOP_UP);
        assertWithinBudget(Walk.TOP_UP, shortest);

        PatientEffort.Measure detour = walker.measure(() -> {
            walker.tap("#service-top-up");
            walker.waitFor("#topup-balance");
            walker.tap("#topup-balance");  // a label: a stray press, not a tap
            walker.tap("#key-confirm");    // disabled until an amount is typed: not a tap
            walker.tapFirst("preset-");
            walker.waitFor("#scan-prompt");
            walker.tap("#back-button");    // the detour: back…
            walker.waitFor("#topup-balance");
            walker.tapFirst("preset-");    // …and forward again
            walker.waitFor("#scan-prompt");
            walker.scanWalletCode();
        }, Walk.TOP_UP.done());

        assertEquals(shortest.taps().size() + 2, detour.taps().size(),
                "Back + forward are two more taps: " + shortest.tapList() + " vs " + detour.tapList());
        assertEquals(shortest.screensAfterStart() + 2, detour.screensAfterStart(),
                "and two more screens: " + shortest.screenList() + " vs " + detour.screenList());
        assertEquals(2, detour.strays().size(), "the label and the disabled key are strays: " + detour.strays());
        assertTrue(detour.taps().size() > Walk.TOP_UP.budget(), "the detour breaks the top-up budget: " + detour.tapList());
    }
}
