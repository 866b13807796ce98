package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javafx.scene.shape.Circle;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.app.a11y.AccessibilityAudit;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.viewmodel.WayfindingViewModel;
import org.medkiosk.device.idcard.DemoCards;
import org.medkiosk.device.scanner.Symbology;
import org.medkiosk.hospital.DepartmentInfo;
import org.medkiosk.hospital.Doctor;
import org.medkiosk.hospital.HospitalGuide;
import org.medkiosk.hospital.HospitalPlace;
import org.medkiosk.journey.register.RegistrationState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13, wayfinding: after check-in the done screen says the floor and room of the ticket's consulting room; after
 * registration the booked screen says where the department's clinic is (worded for the day when booked ahead); after
 * printing reports the done screen says which clinic to take them to (today's appointment), and nothing without one.
 * Each shows a floor map (the drawn schematic: the demo configures no images) with the destination marked. The
 * places are the demo hospital's own answers, never guesses written here.
 */
@ExtendWith(ApplicationExtension.class)
class WayfindingScreenTest extends OnDemoKiosk {
    private static final String WALLET_CODE = "134567890123456710";
    private static final Path SHOTS = Path.of("target", "wayfinding-screens");

    @Test
    void afterCheckInTheFloorRoomAndAMarkedMapShow(FxRobot robot) throws Exception {
        show(robot);
        kiosk.insertCard(DemoCards.ZHANG_SANMING);
        NurseAssistedModeTest.click(robot, "#task-card");
        NurseAssistedModeTest.waitFor(robot, "#checked-in-title");
        NurseAssistedModeTest.waitFor(robot, "#wayfinding-place");
        String where = KioskOnStage.text(robot, "#wayfinding-place");
        String room = KioskOnStage.text(robot, "#floor-map-room");
        assertTrue(where.startsWith("请前往：") && where.matches(".*\\dF.*") && where.contains(room), where + " / " + room);
        assertTrue(KioskOnStage.text(robot, "#queue-room").contains(room), KioskOnStage.text(robot, "#queue-room"));
        NurseAssistedModeTest.waitFor(robot, "#floor-map-schematic");
        Circle marker = KioskOnStage.onFx(() -> (Circle) robot.lookup("#floor-map-marker").query());
        assertTrue(KioskOnStage.onFx(marker::isVisible));
        assertTrue(KioskOnStage.onFx(() -> marker.getCenterX() > 0 && marker.getCenterY() > 0));
        assertTrue(KioskOnStage.text(robot, "#floor-map-caption").contains("示意图"));
        assertEquals(1, KioskOnStage.onFx(() -> robot.lookup("#floor-map").queryAll().size()));
    }

    /**
     * Registered for today: the clinic of the booked department with the hospital's building and floor, the check-in
     * step, the marked map and the feedback row; then the same screen is measured in the five variants the tour
     * uses (the tour itself stops before paying) and photographed in Chinese and in English large text.
     */
    @Test
    void afterRegisteringTodayTheClinicItsFloorAndAMarkedMapShow(FxRobot robot) throws Exception {
        show(robot);
        RegistrationState.Booked booked = register(robot, 0);
        HospitalPlace clinic = clinicOf(booked.department().id());
        NurseAssistedModeTest.waitFor(robot, "#wayfinding-place");
        String where = KioskOnStage.text(robot, "#wayfinding-place");
        assertTrue(where.startsWith("请前往" + clinic.name().zh() + "："), where);
        assertTrue(where.contains(clinic.building().zh()) && where.contains(clinic.floor()) && where.contains(clinic.room()),
                where + " / " + clinic);
        assertMarked(robot, clinic);
        assertTrue(KioskOnStage.onFx(() -> robot.lookup("#booked-where").tryQuery().isEmpty()),
                "the hospital's place replaces the department's own words");
        assertTrue(KioskOnStage.text(robot, "#wayfinding-check-in").contains("签到"));
        assertTrue(KioskOnStage.onFx(() -> robot.lookup("#feedback-row").tryQuery().isPresent()), "the feedback row");

        // A redraw (language, text size) keeps the one look-up.
        WayfindingViewModel before = KioskOnStage.onFx(() -> kiosk.viewModel().wayfinding(booked.appointment(),
                booked.department()).orElseThrow());
        List<AccessibilityAudit.Violation> violations = auditFiveWays(robot, "booked",
                "Go to " + clinic.name().en() + ": ");
        assertTrue(KioskOnStage.onFx(() -> kiosk.viewModel().wayfinding(booked.appointment(), booked.department())
                .orElseThrow()) == before, "one wayfinding look-up per screen");
        assertTrue(violations.isEmpty(), violations.size() + " accessibility violations:\n"
                + AccessibilityAudit.report(violations));
    }

    @Test
    void afterBookingAheadTheClinicIsWordedForThatDay(FxRobot robot) throws Exception {
        show(robot);
        RegistrationState.Booked booked = register(robot, 1);
        LocalDate day = booked.appointment().start().atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDate();
        assertFalse(day.equals(LocalDate.now(DemoKiosk.nineToday())), "booked ahead");
        HospitalPlace clinic = clinicOf(booked.department().id());
        NurseAssistedModeTest.waitFor(robot, "#wayfinding-place");
        String date = DateTimeFormatter.ofPattern(I18n.tr(I18n.CHINESE, "format.date"), I18n.CHINESE).format(day);
        String where = KioskOnStage.text(robot, "#wayfinding-place");
        assertTrue(where.startsWith(date + "，请前往" + clinic.name().zh() + "："), where);
        assertTrue(where.contains(clinic.building().zh()) && where.contains(clinic.floor()), where);
        assertMarked(robot, clinic);
        assertTrue(KioskOnStage.onFx(() -> robot.lookup("#feedback-row").tryQuery().isPresent()), "the feedback row");
    }

    /** 张三明 has his 09:00 appointment at internal medicine today: his printed reports go to its clinic. */
    @Test
    void afterPrintingReportsTheClinicOfTodaysAppointmentShows(FxRobot robot) throws Exception {
        show(robot);
        String department = backend().appointment("apt-1").orElseThrow().departmentId();
        kiosk.insertCard(DemoCards.ZHANG_SANMING);
        NurseAssistedModeTest.waitFor(robot, "#task-card");
        tap(robot, "#service-print-reports");
        tap(robot, "#reports-print-button");
        NurseAssistedModeTest.waitFor(robot, "#reports-done-title");
        HospitalPlace clinic = clinicOf(department);
        NurseAssistedModeTest.waitFor(robot, "#wayfinding-place");
        String where = KioskOnStage.text(robot, "#wayfinding-place");
        assertTrue(where.startsWith("请将报告带到" + clinic.name().zh() + "："), where);
        assertTrue(where.contains(clinic.building().zh()) && where.contains(clinic.floor()), where);
        assertMarked(robot, clinic);
        assertTrue(KioskOnStage.onFx(() -> robot.lookup("#wayfinding-check-in").tryQuery().isEmpty()),
                "checking in is the booked screen's step, not the reports'");
        assertTrue(KioskOnStage.onFx(() -> robot.lookup("#feedback-row").tryQuery().isPresent()), "the feedback row");
        List<AccessibilityAudit.Violation> violations = auditFiveWays(robot, "reports-done",
                "Take your reports to " + clinic.name().en() + ": ");
        assertTrue(violations.isEmpty(), violations.size() + " accessibility violations:\n"
                + AccessibilityAudit.report(violations));
    }

    /** 王小红's only appointment today is cancelled first: her done screen stays as it was, with its feedback row. */
    @Test
    void afterPrintingReportsWithNoAppointmentTodayNoWayfindingShows(FxRobot robot) throws Exception {
        show(robot);
        backend().cancel("apt-5", "wayfinding-test-cancel-apt-5");
        kiosk.insertCard(DemoCards.WANG_XIAOHONG);
        NurseAssistedModeTest.waitFor(robot, "#greeting");
        tap(robot, "#service-print-reports");
        tap(robot, "#reports-print-button");
        NurseAssistedModeTest.waitFor(robot, "#reports-done-title");
        WayfindingViewModel asked = KioskOnStage.onFx(() -> kiosk.viewModel().wayfindingAfterReports().orElseThrow());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> asked.answeredProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(KioskOnStage.onFx(() -> asked.placeProperty().get().isEmpty()));
        assertTrue(KioskOnStage.onFx(() -> robot.lookup("#wayfinding-place").tryQuery().isEmpty()
                && robot.lookup("#floor-map").tryQuery().isEmpty()
                && robot.lookup("#wayfinding").tryQuery().map(n -> !n.isVisible() && !n.isManaged()).orElse(true)),
                "no wayfinding without an appointment today");
        assertTrue(KioskOnStage.onFx(() -> robot.lookup("#feedback-row").tryQuery().isPresent()), "the feedback row");
    }

    /** Which of today's appointments printed reports go to: not a cancelled one; the doctor still seeing patients. */
    @Test
    void reportsGoToTheAppointmentStillRunningElseTheDaysLast(FxRobot robot) {
        java.time.OffsetDateTime nine = java.time.OffsetDateTime.parse("2026-12-01T09:00:00+08:00");
        org.medkiosk.hospital.Appointment morning = appointment("am", nine.minusHours(1), nine.plusHours(3),
                org.medkiosk.hospital.AppointmentStatus.ARRIVED);
        org.medkiosk.hospital.Appointment early = appointment("early", nine.minusHours(2), nine.minusHours(1),
                org.medkiosk.hospital.AppointmentStatus.FULFILLED);
        org.medkiosk.hospital.Appointment cancelled = appointment("x", nine.minusHours(1), nine.plusHours(3),
                org.medkiosk.hospital.AppointmentStatus.CANCELLED);
        assertEquals("am", WayfindingViewModel.appointmentForReports(List.of(early, cancelled, morning),
                nine.toInstant()).orElseThrow().id());
        assertEquals("early", WayfindingViewModel.appointmentForReports(List.of(early, cancelled),
                nine.toInstant()).orElseThrow().id(), "all over: the day's last attended one");
        assertTrue(WayfindingViewModel.appointmentForReports(List.of(cancelled), nine.toInstant()).isEmpty());
    }

    private static org.medkiosk.hospital.Appointment appointment(String id, java.time.OffsetDateTime start,
            java.time.OffsetDateTime end, org.medkiosk.hospital.AppointmentStatus status) {
        return new org.medkiosk.hospital.Appointment(id, "pat-x", "dept-" + id, "doc-x", null, null, start, end,
                status, null, null, false);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private org.medkiosk.hospital.HospitalBackend backend() {
        return kiosk.engine().orElseThrow().context().backend();
    }

    /** The department's clinic as the demo hospital itself places it (asked off the FX thread). */
    private HospitalPlace clinicOf(String departmentId) {
        HospitalGuide guide = kiosk.viewModel().guidance().orElseThrow().guide().orElseThrow();
        String placeId = guide.departmentInfo().stream().filter(i -> i.department().id().equals(departmentId))
                .findFirst().flatMap(DepartmentInfo::placeId).orElseThrow();
        return guide.placeOf(placeId).orElseThrow();
    }

    /** The schematic's marker at the place's position, labelled with its room (or its name for an area). */
    private static void assertMarked(FxRobot robot, HospitalPlace place) throws Exception {
        NurseAssistedModeTest.waitFor(robot, "#floor-map-schematic");
        Circle marker = KioskOnStage.onFx(() -> (Circle) robot.lookup("#floor-map-marker").query());
        assertTrue(KioskOnStage.onFx(marker::isVisible));
        assertEquals(4 + place.mapX() * 552, KioskOnStage.onFx(marker::getCenterX), 0.01);
        assertEquals(4 + place.mapY() * 312, KioskOnStage.onFx(marker::getCenterY), 0.01);
        String label = place.room().isEmpty() ? place.name().zh() : place.room();
        assertEquals(label, KioskOnStage.text(robot, "#floor-map-room"));
        assertTrue(place.floor().isEmpty() || KioskOnStage.text(robot, "#floor-map-caption").startsWith(place.floor()));
        assertEquals(1, KioskOnStage.onFx(() -> robot.lookup("#floor-map").queryAll().size()));
    }

    /**
     * 张三明 registers at the first department with a free period {@code daysAhead} days from today (0: today),
     * through the screens, and pays by wallet; answers the booked state.
     */
    private RegistrationState.Booked register(FxRobot robot, int daysAhead) throws Exception {
        kiosk.insertCard(DemoCards.ZHANG_SANMING);
        NurseAssistedModeTest.waitFor(robot, "#greeting");
        tap(robot, "#service-register");
        RegistrationState.Departments departments = await(RegistrationState.Departments.class);
        for (org.medkiosk.hospital.Department d : departments.departments()) {
            tap(robot, "#dept-" + d.id());
            RegistrationState.Doctors doctors = await(RegistrationState.Doctors.class);
            if (daysAhead > 0) {
                LocalDate day = doctors.days().get(daysAhead);
                tap(robot, "#day-" + day);
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> state() instanceof RegistrationState.Doctors now
                        && now.day().equals(day));
                doctors = (RegistrationState.Doctors) state();
            }
            for (Doctor doc : doctors.doctors()) {
                if (doc.remainingToday() <= 0) {
                    continue;
                }
                tap(robot, "#doctor-" + doc.id());
                RegistrationState.Periods periods = await(RegistrationState.Periods.class);
                if (!periods.slots().isEmpty()) {
                    tap(robot, "#slot-" + periods.slots().get(0).id());
                    tap(robot, "#confirm-button");
                    await(RegistrationState.ScanCode.class);
                    kiosk.scan(WALLET_CODE, Symbology.QR_CODE);
                    RegistrationState.Booked booked = await(RegistrationState.Booked.class);
                    NurseAssistedModeTest.waitFor(robot, "#booked-title");
                    return booked;
                }
                tap(robot, "#back-button");
                await(RegistrationState.Doctors.class);
            }
            tap(robot, "#back-button");
            await(RegistrationState.Departments.class);
        }
        throw new AssertionError("no department with a free period " + daysAhead + " days ahead");
    }

    private Object state() {
        return KioskOnStage.onFx(() -> kiosk.viewModel().journey().map(j -> (Object) j.state()).orElse(null));
    }

    private <S> S await(Class<S> type) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> type.isInstance(state()));
        WaitForAsyncUtils.waitForFxEvents();
        return type.cast(state());
    }

    /**
     * The screen in the tour's five variants, switched with the header's switches as a patient would: each measured
     * against JOURNEYS.md's table once the place is shown; photographed in Chinese and in English large text.
     */
    private List<AccessibilityAudit.Violation> auditFiveWays(FxRobot robot, String screen, String englishStart)
            throws Exception {
        List<AccessibilityAudit.Violation> violations = new ArrayList<>();
        audit(robot, "zh/" + screen, false, false, violations);
        shoot(robot, screen + "-zh");
        NurseAssistedModeTest.click(robot, "#language-switch");
        audit(robot, "en/" + screen, false, false, violations);
        assertTrue(KioskOnStage.text(robot, "#wayfinding-place").startsWith(englishStart),
                KioskOnStage.text(robot, "#wayfinding-place"));
        NurseAssistedModeTest.click(robot, "#language-switch");
        NurseAssistedModeTest.click(robot, "#large-text-switch");
        audit(robot, "zh-large/" + screen, true, false, violations);
        shoot(robot, screen + "-zh-large");
        NurseAssistedModeTest.click(robot, "#language-switch");
        audit(robot, "en-large/" + screen, true, false, violations);
        shoot(robot, screen + "-en-large");
        NurseAssistedModeTest.click(robot, "#high-contrast-switch");
        audit(robot, "en-large-contrast/" + screen, true, true, violations);
        return violations;
    }

    /** Measures the screen as it is now against JOURNEYS.md's table. */
    private void audit(FxRobot robot, String tag, boolean large, boolean contrast,
                       List<AccessibilityAudit.Violation> violations) throws Exception {
        NurseAssistedModeTest.waitFor(robot, "#wayfinding-place");
        WaitForAsyncUtils.waitForFxEvents();
        violations.addAll(KioskOnStage.onFx(() -> AccessibilityAudit.audit(tag,
                (Parent) kiosk.window().scene().lookup("#kiosk-root"), AccessibilityAudit.Targets.of(large, contrast))));
    }

    /** The window as the patient sees it, and the whole scrolled screen, as PNGs under target/wayfinding-screens. */
    private void shoot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Files.createDirectories(SHOTS);
        WritableImage window = WaitForAsyncUtils.asyncFx(() -> kiosk.window().scene().snapshot(null))
                .get(20, TimeUnit.SECONDS);
        write(window, SHOTS.resolve(name + ".png"));
        Optional<WritableImage> whole = WaitForAsyncUtils.asyncFx(() -> robot.lookup(n -> n instanceof ScrollPane
                && n.isVisible()).tryQuery().map(n -> ((ScrollPane) n).getContent()).map(c -> c.snapshot(null, null)))
                .get(20, TimeUnit.SECONDS);
        if (whole.isPresent()) {
            write(whole.get(), SHOTS.resolve(name + "-whole.png"));
        }
    }

    private static void write(WritableImage image, Path to) throws Exception {
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        ImageIO.write(png, "png", to.toFile());
    }
}
