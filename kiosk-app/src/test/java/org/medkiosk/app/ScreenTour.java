package org.medkiosk.app;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.medkiosk.app.ui.KioskWindow;
import org.medkiosk.app.voice.Voice;
import org.medkiosk.device.idcard.DemoCards;
import org.medkiosk.device.scanner.Symbology;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One walk through every screen a patient meets, in the order a patient meets them: idle, keypad, a notice, home
 * with its pending card, each journey's screens including a declined and a pending payment, a session notice, and
 * "take your card". At each screen it calls {@link Visitor#at}; the screenshot tour photographs it, the
 * accessibility audit measures it, the voice test listens to it. Runs on the {@link DemoKiosk} at 09:00 today.
 */
final class ScreenTour {

    /** Called when a screen has settled, on the test thread. */
    interface Visitor {
        void at(String screen) throws Exception;
    }

    private final DemoKiosk demo;
    final KioskAssembly kiosk;
    final KioskWindow window;
    private final FxRobot robot;

    private ScreenTour(DemoKiosk demo, FxRobot robot) {
        this.demo = demo;
        this.kiosk = demo.assembly();
        this.window = demo.window();
        this.robot = robot;
    }

    /** The demo kiosk on the stage, with a long session (the tour must not time out) and the given voice. */
    static ScreenTour start(Stage stage, FxRobot robot, Voice voice) throws Exception {
        return start(stage, robot, voice, Duration.ofSeconds(600), Duration.ofSeconds(10));
    }

    /** The same kiosk with the given inactivity timeout and countdown. */
    static ScreenTour start(Stage stage, FxRobot robot, Voice voice, Duration timeout, Duration countdown)
            throws Exception {
        DemoKiosk demo = WaitForAsyncUtils.asyncFx(() -> DemoKiosk.show(stage, timeout, countdown, voice))
                .get(30, TimeUnit.SECONDS);
        return new ScreenTour(demo.awaitReady(), robot);
    }

    void close() {
        demo.close();
    }

    /** Language and text size and contrast for this walk, chosen with the header's switches as a patient would. */
    void choose(boolean english, boolean largeText, boolean highContrast) throws Exception {
        this.english = english;
        this.largeText = largeText;
        this.highContrast = highContrast;
        chooseAgain();
    }

    private boolean english;
    private boolean largeText;
    private boolean highContrast;

    /** Each session ends in the configured language and text size: the next patient chooses again. */
    private void chooseAgain() throws Exception {
        if (english) {
            click("#language-switch");
        }
        if (largeText) {
            click("#large-text-switch");
        }
        if (highContrast) {
            click("#high-contrast-switch");
        }
    }

    void walk(Visitor visitor) throws Exception {
        var idCards = kiosk.devices().idCardSimulator().orElseThrow();
        visitor.at("01-idle");
        click("#way-typed");
        waitFor("#id-number-keypad");
        visitor.at("01b-id-keypad");
        click("#id-number-back");
        scan("134567890123456710"); // a wallet code before anyone identified: a notice says what to do
        waitFor("#notice-title");
        visitor.at("01c-notice");
        click("#back-button");
        waitFor("#idle-screen");
        chooseAgain();

        idCards.insert(DemoCards.ZHANG_SANMING);
        waitFor("#task-card");
        visitor.at("02-home");

        click("#service-pay");
        waitFor("#pay-total");
        click("#invoice-details-inv-1");
        visitor.at("03-pay-bills");
        click("#pay-wallet-button");
        waitFor("#scan-prompt");
        visitor.at("04-pay-scan");
        scan("134567890123456793"); // the wallet declines
        waitFor("#not-charged-title");
        visitor.at("04b-not-charged");
        click("#home-button");
        click("#service-pay");
        click("#pay-wallet-button");
        waitFor("#scan-prompt");
        scan("134567890123456791"); // pending, then paid
        waitFor("#paying-countdown");
        visitor.at("04c-paying-countdown");
        waitFor("#paid-title");
        visitor.at("05-paid");
        click("#home-button");

        click("#service-top-up");
        waitFor("#topup-balance");
        visitor.at("06-top-up");
        click("#home-button");

        click("#service-register");
        clickFirst("dept-", "07-departments", visitor);
        clickFirst("doctor-", "08-doctors", visitor);
        clickFirst("slot-", "09-periods", visitor);
        waitFor("#confirm-fee");
        visitor.at("09b-confirm");
        click("#home-button");

        click("#service-my-bookings");
        waitFor("#booking-apt-2");
        visitor.at("10-my-bookings");
        click("#home-button");

        click("#task-card"); // the pending card: check in for the morning appointment in one tap
        waitFor("#checked-in-title");
        waitFor("#wayfinding-place"); // where to go and the floor map arrive after the ticket
        visitor.at("11-checked-in");
        // Issue 13: the feedback row's own keyboard, open with a topic and a few letters written.
        click("#feedback-write");
        click("#feedback-topic-waiting");
        click("#feedback-key-O");
        click("#feedback-key-K");
        // As the patient sees it while writing: the field with the keys under it (scrolled so the field is in view).
        reveal("#feedback-comment");
        visitor.at("11b-feedback-keyboard");
        click("#home-button");

        click("#service-print-reports");
        waitFor("#reports-print-button");
        visitor.at("12-reports");
        click("#reports-print-button");
        waitFor("#reports-done-title");
        visitor.at("13-reports-printed");
        click("#home-button");

        click("#service-queries");
        waitFor("#query-queue");
        visitor.at("14-queries");
        click("#query-queue");
        waitFor("#queue-number-apt-1");
        visitor.at("15-queue");
        click("#back-button");
        click("#query-paid-history");
        click("#paid-details-inv-8");
        waitFor("#paid-items-inv-8");
        visitor.at("16-paid-history");
        click("#back-button");
        click("#back-button");
        click("#query-my-receipts");
        waitFor("#state-myreceipts");
        visitor.at("17-my-receipts");
        click("#home-button");

        waitFor("#greeting");
        idCards.remove();
        Thread.sleep(1500); // the reader reports each card once per placement: let it see the card go
        idCards.insert(DemoCards.LI_XIUYING); // someone else's card during this session
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> KioskOnStage.onFx(() -> robot.lookup("#session-notice").query().isVisible()));
        visitor.at("18-different-card");
        click("#session-notice-dismiss");
        click("#finish-button");
        waitFor("#take-your-card-screen");
        visitor.at("19-take-your-card");
        idCards.remove();
        waitFor("#idle-screen");

        // Nurse-assisted mode: the staff desk's screens and a patient's home with the "acting for" band.
        chooseAgain();
        click("#staff-sign-in");
        waitFor("#staff-signin-title");
        visitor.at("20-staff-sign-in");
        for (char c : "200101".toCharArray()) {
            click("#staff-key-" + c);
        }
        click("#staff-pin-field");
        for (char c : "246810".toCharArray()) {
            click("#staff-key-" + c);
        }
        click("#staff-signin-button");
        waitFor("#staff-search-phone");
        visitor.at("21-staff-search-phone");
        click("#staff-way-name-and-birth-date");
        waitFor("#staff-search-birth-date");
        visitor.at("21b-staff-search-name");
        click("#staff-way-phone");
        for (char c : "13800000002".toCharArray()) {
            click("#staff-key-" + c);
        }
        click("#staff-search-button");
        waitFor("#staff-result-1");
        visitor.at("22-staff-results");
        click("#staff-result-0");
        waitFor("#acting-for-text");
        visitor.at("23-assisted-home");
        click("#acting-for-sign-out");
        waitFor("#idle-screen");

        // Guidance (issue 13), as a visitor from the lobby: the department guide, its emergency screen, prices.
        chooseAgain();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> KioskOnStage.onFx(() -> !robot.lookup("#idle-guide").query().isDisabled()));
        click("#idle-guide");
        waitFor("#guide-age-adult");
        visitor.at("24-guide-age");
        click("#guide-age-adult");
        waitFor("#guide-region-chest");
        visitor.at("25-guide-region");
        click("#guide-region-chest");
        waitFor("#guide-symptom-cough");
        click("#guide-symptom-cough");
        waitFor("#guide-suggest");
        visitor.at("26-guide-symptoms");
        click("#guide-suggest");
        waitFor("#guide-suggestion-dept-im");
        visitor.at("27-guide-suggestions");
        click("#back-button");
        click("#guide-symptom-chest-pain");
        waitFor("#emergency-title");
        waitFor("#floor-map-marker");
        visitor.at("28-guide-emergency");
        click("#home-button");
        waitFor("#idle-screen");
        chooseAgain();
        click("#idle-prices");
        for (String key : new String[] {"X", "C", "G"}) {
            click("#price-key-" + key);
        }
        waitFor("#price-name-LAB-CBC");
        visitor.at("29-prices");
        click("#home-button");
        waitFor("#idle-screen");
        // Hospital information (issue 13): a department with its doctors (photos loaded), then today's notices.
        chooseAgain();
        click("#idle-hospital-info");
        click("#hospital-department-dept-im");
        waitFor("#hospital-doctor-doc-01");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> KioskOnStage.onFx(
                () -> robot.lookup("#hospital-doctor-photo-image-doc-01").query().isVisible()));
        visitor.at("30-hospital-info");
        click("#back-button");
        click("#hospital-notices");
        waitFor("#hospital-notice-title-notice-holiday");
        visitor.at("31-notices");
        click("#home-button");
        waitFor("#idle-screen");
    }

    /** Scrolls a long screen (large text) so the node is in view, as the patient's finger would. */
    private void reveal(String query) {
        KioskOnStage.reveal(robot, query);
    }

    void scan(String code) throws Exception {
        kiosk.devices().simulators().orElseThrow().scanner().present(code, Symbology.QR_CODE);
    }

    /** Waits for the first node whose id starts with the prefix, visits the screen, then taps that node. */
    private void clickFirst(String idPrefix, String name, Visitor visitor) throws Exception {
        Predicate<Node> match = n -> n.getId() != null && n.getId().startsWith(idPrefix) && !n.isDisabled();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> robot.lookup(match).tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
        visitor.at(name);
        robot.clickOn(KioskOnStage.onFx(() -> robot.lookup(match).<Node>query()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    void waitFor(String query) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> robot.lookup(query).tryQuery().isPresent()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no " + query + " on the screen; it shows: "
                    + WalkingSkeletonTest.texts(robot), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    void click(String query) throws Exception {
        waitFor(query);
        reveal(query);
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
