package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.demo.SimulatedReportPrinter;
import org.medkiosk.app.platform.AttachPlatform;
import org.medkiosk.app.ui.KioskWindow;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.device.idcard.DemoCards;
import org.medkiosk.device.idcard.IdCard;
import org.medkiosk.device.scanner.Symbology;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journal.Journal;
import org.medkiosk.journal.PrintJob;
import org.medkiosk.journey.payment.Pause;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Check in, print reports and queries on the real screens, headless (issue 9): simulated ID card, scanner, receipt
 * printer and A4 printer, the in-process demo hospital over FHIR, the real journal. The kiosk's journey clock is moved
 * to put the demo's 08:00–12:00 appointments (today, in the hospital's zone) inside or outside the check-in window.
 * Seed: patient 1 apt-1 today am, reports rep-1, rep-2 ready and rep-8, rep-9 pending, specimen 202411210001;
 * patient 2 rep-3 at its print limit; patient 3 apt-5 today am.
 */
@ExtendWith(ApplicationExtension.class)
class CheckInReportsQueriesScreensTest {
    KioskAssembly kiosk;
    KioskWindow window;
    DemoHospital hospital;
    final MovableClock clock = new MovableClock(ZoneId.systemDefault());

    /** The wall clock shifted by an offset that tests set; it keeps running. */
    static final class MovableClock extends Clock {
        private final ZoneId zone;
        private volatile Duration offset = Duration.ZERO;

        MovableClock(ZoneId zone) {
            this.zone = zone;
        }

        void set(Instant now) {
            offset = Duration.between(Instant.now(), now);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            MovableClock c = new MovableClock(z);
            c.offset = offset;
            return c;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        Path data = Files.createTempDirectory("medkiosk-checkin-reports");
        KioskConfig demo = KioskConfig.demo();
        KioskConfig config = new KioskConfig(demo.hospital(), demo.screen(),
                new KioskConfig.Session(Duration.ofSeconds(120), Duration.ofSeconds(10)), demo.backend(), demo.idCardReader(),
                new KioskConfig.Storage(Optional.of(data)), demo.receiptPrinter(), demo.journeys());
        KioskAssembly.Tuning tuning = new KioskAssembly.Tuning(DemoHospital.Options.defaults(), s -> s, Optional.empty(),
                Pause.sleeping()).withClock(clock);
        KioskWindow.loadFonts();
        kiosk = KioskAssembly.demo(config, new AttachPlatform(config.storage().dataFolder()), Platform::runLater, tuning);
        window = KioskOnStage.show(stage, kiosk, config);
        hospital = kiosk.demoHospital().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> kiosk.engine().isPresent());
    }

    @AfterEach
    void stop() {
        KioskOnStage.close(window, kiosk);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** Today at hh:mm on the kiosk's journey clock (the hospital's day stays today). */
    void at(int hour, int minute) {
        LocalDate today = hospital.now().atZone(ZoneId.systemDefault()).toLocalDate();
        clock.set(today.atTime(LocalTime.of(hour, minute)).atZone(ZoneId.systemDefault()).toInstant());
    }

    void waitFor(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> robot.lookup(query).tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    void identify(FxRobot robot, IdCard card) throws Exception {
        kiosk.devices().idCardSimulator().orElseThrow().insert(card);
        waitFor(robot, "#greeting");
    }

    void scan(String code, Symbology symbology) throws Exception {
        kiosk.devices().simulators().orElseThrow().scanner().present(code, symbology);
    }

    void click(FxRobot robot, String query) throws Exception {
        waitFor(robot, query);
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String text(FxRobot robot, String query) {
        return KioskOnStage.text(robot, query);
    }

    Journal journal() {
        return kiosk.engine().orElseThrow().journal();
    }

    List<Intent> intents(IntentKind kind) {
        return journal().all().stream().filter(i -> i.kind() == kind).toList();
    }

    void waitUntilFinal() throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> journal().all().stream().allMatch(i -> i.state().isFinal()));
    }

    SimulatedReportPrinter a4() {
        return kiosk.devices().reportPrinterSimulator().orElseThrow();
    }

    // ---- check in ----------------------------------------------------------------------------------------------

    @Test
    void checkInWithinTheWindowShowsTheQueueNumberAndTheQueryShowsThePlaceInTheQueue(FxRobot robot) throws Exception {
        at(9, 0);
        identify(robot, DemoCards.ZHANG_SANMING);
        click(robot, "#service-check-in");
        waitFor(robot, "#checked-in-title");
        assertEquals("签到成功", text(robot, "#checked-in-title"));
        String number = text(robot, "#queue-number");
        assertTrue(number.matches("您的号码：\\S+"), number);
        assertTrue(text(robot, "#patients-ahead").matches("您前面还有 \\d+ 人"), text(robot, "#patients-ahead"));
        assertTrue(text(robot, "#queue-doctor").startsWith("医生："), text(robot, "#queue-doctor"));
        assertEquals("凭条已打印，请取走。", text(robot, "#receipt-outcome"));
        waitUntilFinal();
        Intent checkIn = intents(IntentKind.CHECK_IN).get(0);
        assertEquals(IntentState.SUCCEEDED, checkIn.state());
        assertEquals("apt-1", checkIn.payload("appointment"));
        assertEquals(number, "您的号码：" + checkIn.transactionNumber());

        click(robot, "#home-button");
        click(robot, "#service-queries");
        click(robot, "#query-queue");
        waitFor(robot, "#queue-number-apt-1");
        assertEquals(number, text(robot, "#queue-number-apt-1"));
        assertTrue(text(robot, "#queue-ahead-apt-1").matches("您前面还有 \\d+ 人"));
        click(robot, "#back-button");
        waitFor(robot, "#query-queue");
    }

    @Test
    void tooEarlySaysWhenCheckInOpens(FxRobot robot) throws Exception {
        at(6, 0);
        identify(robot, DemoCards.ZHANG_SANMING);
        click(robot, "#service-check-in");
        waitFor(robot, "#too-early-title");
        assertEquals("07:00 开始签到", text(robot, "#check-in-opens-at"));
        assertTrue(journal().all().isEmpty(), "nothing journaled");
    }

    @Test
    void tooLateSendsThePatientToTheRegistrationDesk(FxRobot robot) throws Exception {
        at(13, 0);
        identify(robot, DemoCards.ZHANG_SANMING);
        click(robot, "#service-check-in");
        waitFor(robot, "#too-late-title");
        assertTrue(text(robot, "#too-late-advice").contains("挂号窗口"), text(robot, "#too-late-advice"));
        assertTrue(journal().all().isEmpty());
    }

    @Test
    void theSlipsQrAtTheIdleScreenGoesStraightToThatCheckIn(FxRobot robot) throws Exception {
        at(9, 0);
        waitFor(robot, "#idle-screen");
        scan("MKAPT:apt-5", Symbology.QR_CODE);
        waitFor(robot, "#checked-in-title");
        assertEquals("pat-3", kiosk.viewModel().patient().orElseThrow().id());
        click(robot, "#home-button");
        waitFor(robot, "#greeting");
        assertEquals("您好，王*红", text(robot, "#greeting"), "the hospital told the kiosk whose slip it is");
        waitUntilFinal();
        assertEquals("apt-5", intents(IntentKind.CHECK_IN).get(0).payload("appointment"));
        assertEquals(IntentState.SUCCEEDED, intents(IntentKind.CHECK_IN).get(0).state());
    }

    @Test
    void someoneElsesSlipDuringASessionGetsTheOnePatientNotice(FxRobot robot) throws Exception {
        at(9, 0);
        identify(robot, DemoCards.ZHANG_SANMING);
        scan("MKAPT:apt-5", Symbology.QR_CODE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> robot.lookup("#session-notice").query().isVisible()));
        assertEquals("检测到另一张卡，请先结束当前业务", text(robot, "#session-notice-text"));
        assertEquals("pat-1", kiosk.viewModel().patient().orElseThrow().id());
        assertTrue(robot.lookup("#greeting").tryQuery().isPresent(), "still this patient's home");
        assertTrue(journal().all().isEmpty(), "nothing checked in for the other patient");
    }

    @Test
    void anUnknownSlipAtTheIdleScreenSaysSo(FxRobot robot) throws Exception {
        waitFor(robot, "#idle-screen");
        scan("MKAPT:apt-nobody", Symbology.QR_CODE);
        waitFor(robot, "#notice-title");
        assertEquals("医院查不到这张挂号凭条", text(robot, "#notice-title"));
    }

    // ---- reports -----------------------------------------------------------------------------------------------

    @Test
    void readyReportsPrintAndAreMarkedOnlyAfterTheA4PrinterCompleted(FxRobot robot) throws Exception {
        List<Integer> marksWhenCompleted = new CopyOnWriteArrayList<>();
        a4().onPrinted(pdf -> marksWhenCompleted.add(intents(IntentKind.MARK_PRINTED).size()));
        identify(robot, DemoCards.ZHANG_SANMING);
        click(robot, "#service-print-reports");
        waitFor(robot, "#reports-print-button");
        assertTrue(robot.lookup("#report-rep-1").tryQuery().isPresent());
        assertTrue(robot.lookup("#report-rep-2").tryQuery().isPresent());
        assertTrue(robot.lookup("#pending-rep-8").tryQuery().isPresent(), "not-ready reports listed with their time");
        assertTrue(text(robot, "#pending-rep-8").startsWith("预计") || text(robot, "#pending-rep-8").contains("未告知"));
        click(robot, "#reports-print-button");
        waitFor(robot, "#reports-done-title");
        assertEquals("报告已打印，请取走。", text(robot, "#reports-done-title"));
        assertEquals("已打印", text(robot, "#report-outcome-rep-1"));
        waitUntilFinal();
        List<Intent> marks = intents(IntentKind.MARK_PRINTED);
        assertEquals(2, marks.size());
        assertTrue(marks.stream().allMatch(i -> i.state() == IntentState.SUCCEEDED));
        assertEquals(List.of(0, 1), marksWhenCompleted, "no MARK_PRINTED before the A4 printer completed its job");
        assertEquals(2, a4().printed().size());
        assertTrue(journal().printJobs().stream().filter(j -> j.printer() == PrintJob.Printer.REPORT)
                .allMatch(j -> j.state() == PrintJob.State.PRINTED));
    }

    @Test
    void anA4PrinterOutOfPaperCountsNothingAndSaysSo(FxRobot robot) throws Exception {
        a4().fault(SimulatedReportPrinter.Fault.OUT_OF_PAPER);
        identify(robot, DemoCards.ZHANG_SANMING);
        click(robot, "#service-print-reports");
        click(robot, "#reports-print-button");
        waitFor(robot, "#reports-printer-problem");
        assertEquals("部分报告没有打印出来", text(robot, "#reports-done-title"));
        assertEquals("未打印，也未计入打印次数", text(robot, "#report-outcome-rep-1"));
        assertTrue(intents(IntentKind.MARK_PRINTED).isEmpty(), "nothing marked printed");
        assertTrue(a4().printed().isEmpty());
    }

    @Test
    void aReportAtItsLimitIsListedForTheReportDesk(FxRobot robot) throws Exception {
        identify(robot, DemoCards.LI_XIUYING);
        click(robot, "#service-print-reports");
        waitFor(robot, "#report-at-limit-rep-3");
        assertEquals("本机打印次数已满，请到报告领取处补打", text(robot, "#report-at-limit-rep-3"));
        assertFalse(robot.lookup("#report-rep-3").tryQuery().isPresent(), "cannot be ticked");
        assertTrue(robot.lookup("#report-rep-4").tryQuery().isPresent());
    }

    @Test
    void aSpecimenBarcodeAtTheIdleScreenOpensThatSpecimensReports(FxRobot robot) throws Exception {
        waitFor(robot, "#idle-screen");
        scan("202411210001", Symbology.CODE_128);
        waitFor(robot, "#reports-print-button");
        assertEquals("pat-1", kiosk.viewModel().patient().orElseThrow().id());
        assertTrue(text(robot, "#journey-title").contains("202411210001"), text(robot, "#journey-title"));
        assertTrue(robot.lookup("#report-rep-1").tryQuery().isPresent());
        assertFalse(robot.lookup("#report-rep-2").tryQuery().isPresent(), "only that specimen's reports");
    }

    // ---- queries -----------------------------------------------------------------------------------------------

    @Test
    void paidHistoryShowsLineItemsOnTap(FxRobot robot) throws Exception {
        identify(robot, DemoCards.ZHANG_SANMING);
        click(robot, "#service-queries");
        click(robot, "#query-paid-history");
        waitFor(robot, "#paid-inv-8");
        assertFalse(robot.lookup("#paid-items-inv-8").tryQuery().isPresent());
        click(robot, "#paid-details-inv-8");
        waitFor(robot, "#paid-items-inv-8");
        click(robot, "#paid-details-inv-8");
        assertFalse(robot.lookup("#paid-items-inv-8").tryQuery().isPresent());
    }

    @Test
    void anUncollectedReceiptIsPrintedAgainFromMyReceipts(FxRobot robot) throws Exception {
        KioskDevices.Simulators sim = kiosk.devices().simulators().orElseThrow();
        sim.printer().setPaperMm(0); // the receipt cannot print: the patient leaves without it
        identify(robot, DemoCards.ZHANG_SANMING);
        click(robot, "#service-pay");
        click(robot, "#pay-account-button");
        waitFor(robot, "#paid-title");
        waitUntilFinal();
        click(robot, "#home-button");
        waitFor(robot, "#greeting");
        kiosk.engine().orElseThrow().settle(); // what the minute's settlement does: the receipt is owed, UNCOLLECTED
        PrintJob original = journal().printJobs().get(0);
        assertEquals(PrintJob.State.UNCOLLECTED, original.state());
        sim.printer().setPaperMm(50_000);

        click(robot, "#service-queries");
        click(robot, "#query-my-receipts");
        waitFor(robot, "#receipt-" + original.id());
        click(robot, "#reprint-" + original.id());
        waitFor(robot, "#reprinted-title");
        assertEquals("凭条已打印，请取走。", text(robot, "#receipt-outcome"));
        PrintJob reprint = journal().printJobs().stream().filter(PrintJob::isReprint).findFirst().orElseThrow();
        assertEquals(original.id(), reprint.reprintOf());
        assertEquals(PrintJob.State.PRINTED, reprint.state());

        click(robot, "#back-button");
        waitFor(robot, "#receipt-unavailable-" + original.id());
        assertEquals("今天已补打过", text(robot, "#receipt-unavailable-" + original.id()));
    }
}
