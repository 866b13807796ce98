package org.medkiosk.app.effort;

/**
 * The journeys of JOURNEYS.md ("The journeys and their budgets"), each walked on its shortest path from the
 * patient's home screen to the journey's done screen, with its tap budget. Setup (what the walk needs to exist
 * first, e.g. a check-in before asking for the queue position) is done by {@link Walker} and never counted.
 */
enum Walk {
    /** Home → check-in tile; the list is skipped when only one appointment fits the window → checked in. */
    CHECK_IN("check in", 2, "#checked-in-title"),
    /** Home → queries → queue position (after a check-in in setup). */
    QUERIES("queries: queue position", 2, "#state-queue"),
    /** Home → pay tile → all bills selected, pay by wallet → scan the wallet code → paid. */
    PAY_BILLS("pay bills", 3, "#paid-title"),
    /** Home → reports tile → all ready reports selected, print → printed. */
    PRINT_REPORTS("print reports", 2, "#reports-done-title"),
    /** Home → top-up tile → a preset → scan the wallet code → topped up. */
    TOP_UP("top up", 3, "#topped-up-title"),
    /** Home → register → department → doctor → period → confirm → scan the wallet code → booked (today). */
    REGISTER("register today", 5, "#booked-title"),
    /** Home → my bookings → a booking → cancel → cancelled (a booking made in setup if there is none). */
    CANCEL_BOOKING("cancel a booking", 3, "#cancelled-title");

    private final String title;
    private final int budget;
    private final String done;

    Walk(String title, int budget, String done) {
        this.title = title;
        this.budget = budget;
        this.done = done;
    }

    String title() {
        return title;
    }

    /** At most this many taps after identification (JOURNEYS.md). */
    int budget() {
        return budget;
    }

    /** A node only the journey's done screen shows. */
    String done() {
        return done;
    }
}
