package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.viewmodel.Guidance;
import org.medkiosk.device.idcard.DemoCards;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.DepartmentInfo;
import org.medkiosk.hospital.DoctorProfile;
import org.medkiosk.hospital.HospitalGuide;
import org.medkiosk.hospital.HospitalNotice;
import org.medkiosk.hospital.HospitalPlace;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.hospital.WeeklySession;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13, hospital information on the real screen against the demo hospital: the departments, Internal Medicine's
 * introduction, clinic and doctors (title, specialty, qualification, the week, photo), today's notices, in Chinese
 * and English; and a hospital that fails shows plain words and lets the patient leave. The expected values are the
 * demo seed's (HospitalSeed, HospitalGuideSeed), read back over the hospital's own port where they vary by day.
 */
@ExtendWith(ApplicationExtension.class)
class HospitalInfoScreenTest extends OnDemoKiosk {
    /** Internal Medicine and its chief physician, as HospitalSeed and HospitalGuideSeed seed them. */
    static final String DEPT = "dept-im";
    static final String DOCTOR = "doc-01";

    HospitalGuide hospital() {
        return kiosk.assembly().guidance().guide().orElseThrow();
    }

    LocalDate today() {
        return LocalDate.now(kiosk.assembly().guidance().clock());
    }

    static String in(LocalizedText text, Locale locale) {
        return text.in(locale);
    }

    @Test
    void aVisitorReadsADepartmentItsDoctorsAndTodaysNotices(FxRobot robot) throws Exception {
        show(robot);
        NurseAssistedModeTest.click(robot, "#idle-hospital-info");
        walk(robot, I18n.CHINESE, "内科", "高血压", "医学博士，内科主任", "高血压、冠心病、心力衰竭",
                List.of("节假日门诊安排", "停车提示"), "流感疫苗接种");
        NurseAssistedModeTest.click(robot, "#home-button");
        NurseAssistedModeTest.waitFor(robot, "#idle-screen");
    }

    @Test
    void inEnglishToo(FxRobot robot) throws Exception {
        show(robot);
        NurseAssistedModeTest.click(robot, "#language-switch");
        NurseAssistedModeTest.click(robot, "#idle-hospital-info");
        walk(robot, I18n.ENGLISH, "Internal Medicine", "Hypertension", "MD (PhD), head of Internal Medicine",
                "Hypertension, coronary heart disease, heart failure", List.of("Holiday outpatient hours", "Parking"),
                "Flu vaccination");
        assertEquals("Back to the start", KioskOnStage.text(robot, "#home-button"), "a visitor's way out");
    }

    @Test
    void aPatientOpensItFromHomeAndGoesBackHome(FxRobot robot) throws Exception {
        show(robot);
        kiosk.insertCard(DemoCards.ZHANG_SANMING);
        NurseAssistedModeTest.click(robot, "#service-hospital-info");
        NurseAssistedModeTest.waitFor(robot, "#hospital-department-" + DEPT);
        assertEquals(I18n.tr(I18n.CHINESE, "journey.home"), KioskOnStage.text(robot, "#home-button"));
        NurseAssistedModeTest.click(robot, "#home-button");
        NurseAssistedModeTest.waitFor(robot, "#greeting");
    }

    /**
     * The list, Internal Medicine (introduction, clinic, the chief physician's title, qualification, specialty, week
     * and photo), Back, then today's notices: the seed's literal words, and exactly what the hospital's port says.
     */
    private void walk(FxRobot robot, Locale locale, String deptName, String introWord, String qualification,
                      String specialty, List<String> noticesUp, String noticeNotYetUp) throws Exception {
        NurseAssistedModeTest.waitFor(robot, "#hospital-department-" + DEPT);
        List<DepartmentInfo> departments = hospital().departmentInfo();
        assertEquals(9, departments.size(), "the demo hospital's nine departments");
        for (DepartmentInfo d : departments) {
            assertEquals(in(d.department().name(), locale),
                    KioskOnStage.text(robot, "#hospital-department-" + d.department().id()));
        }
        assertEquals(deptName, KioskOnStage.text(robot, "#hospital-department-" + DEPT));
        List<HospitalNotice> up = hospital().notices(today());
        assertEquals(I18n.tr(locale, "hospital.notices.open.count", up.size()),
                KioskOnStage.text(robot, "#hospital-notices"));

        NurseAssistedModeTest.click(robot, "#hospital-department-" + DEPT);
        NurseAssistedModeTest.waitFor(robot, "#hospital-department-intro");
        DepartmentInfo im = departments.stream().filter(d -> d.department().id().equals(DEPT)).findFirst().orElseThrow();
        String intro = KioskOnStage.text(robot, "#hospital-department-intro");
        assertEquals(in(im.introduction(), locale), intro);
        assertTrue(intro.contains(introWord), intro);

        HospitalPlace clinic = hospital().placeOf(im.placeId().orElseThrow()).orElseThrow();
        String place = KioskOnStage.text(robot, "#hospital-department-place");
        for (String part : new String[] {in(clinic.building(), locale), clinic.floor(), in(clinic.name(), locale)}) {
            assertFalse(part.isBlank(), "the seed names the clinic's building, floor and name");
            assertTrue(place.contains(part), place + " names " + part);
        }
        assertTrue(place.contains("2F"), "Internal Medicine is on the 2nd floor: " + place);

        DoctorProfile chief = hospital().doctorProfiles(DEPT).stream().filter(p -> p.doctor().id().equals(DOCTOR))
                .findFirst().orElseThrow();
        String d = "#hospital-doctor-";
        assertEquals(in(chief.doctor().name(), locale), KioskOnStage.text(robot, d + "name-" + DOCTOR));
        assertEquals(in(chief.doctor().title(), locale), KioskOnStage.text(robot, d + "title-" + DOCTOR));
        assertEquals(locale == I18n.CHINESE ? "主任医师" : "Chief Physician",
                KioskOnStage.text(robot, d + "title-" + DOCTOR), "HospitalSeed's CHIEF title");
        assertTrue(KioskOnStage.text(robot, d + "qualification-" + DOCTOR).contains(qualification));
        assertTrue(KioskOnStage.text(robot, d + "specialty-" + DOCTOR).contains(specialty));
        assertFalse(chief.week().isEmpty(), "the chief physician consults this week");
        for (DayOfWeek day : DayOfWeek.values()) {
            List<String> periods = chief.week().stream().filter(s -> s.day() == day).map(WeeklySession::period)
                    .map(p -> in(p, locale)).toList();
            String expected = periods.isEmpty() ? I18n.tr(locale, "hospital.week.off") : String.join("  ", periods);
            assertEquals(expected, KioskOnStage.text(robot, d + "session-" + DOCTOR + "-" + day.name().toLowerCase()),
                    day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        }
        assertTrue(KioskOnStage.onFx(() -> robot.lookup(d + "week-" + DOCTOR).queryAll().size()) == 1);
        // The photo: the demo hospital serves one per doctor; it arrives in the background, the initial until then.
        assertTrue(chief.doctor().photoUrl() != null && chief.doctor().photoUrl().startsWith("http"),
                "the demo's photos are served over HTTP: " + chief.doctor().photoUrl());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> KioskOnStage.onFx(() -> {
            ImageView photo = robot.lookup(d + "photo-image-" + DOCTOR).queryAs(ImageView.class);
            return photo.isVisible() && photo.getImage().getWidth() > 0
                    && !robot.lookup(d + "photo-placeholder-" + DOCTOR).query().isVisible();
        }));

        tap(robot, "#back-button"); // under the doctors: the page is scrolled to it, as a finger would
        NurseAssistedModeTest.click(robot, "#hospital-notices");
        NurseAssistedModeTest.waitFor(robot, "#hospital-notice-title-" + up.get(0).id());
        List<String> shown = KioskOnStage.onFx(() -> robot.lookup(n -> n.getId() != null
                        && n.getId().startsWith("hospital-notice-title-")).queryAllAs(javafx.scene.control.Label.class)
                .stream().map(javafx.scene.control.Label::getText).toList());
        assertEquals(up.stream().map(n -> in(n.title(), locale)).toList(), shown, "today's notices, newest first");
        assertEquals(noticesUp, shown, "the seed's holiday notice (3 days old) above parking (30 days old)");
        assertFalse(shown.contains(noticeNotYetUp), "the flu notice is up only in 5 days");
        tap(robot, "#back-button");
        NurseAssistedModeTest.waitFor(robot, "#hospital-department-" + DEPT);
    }

    /** A hospital whose guidance port fails in the given methods (all when empty), and answers the others. */
    private void failing(Set<String> methods) {
        HospitalGuide real = hospital();
        HospitalGuide broken = (HospitalGuide) Proxy.newProxyInstance(HospitalGuide.class.getClassLoader(),
                new Class<?>[] {HospitalGuide.class}, (p, m, a) -> {
                    if (methods.isEmpty() || methods.contains(m.getName())) {
                        throw new BackendException.Unavailable("hospital information is down", null);
                    }
                    try {
                        return m.invoke(real, a);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Guidance parts = kiosk.assembly().guidance();
        KioskOnStage.onFx(() -> {
            kiosk.viewModel().guidance(new Guidance(parts.rules(), parts.backend(), broken, parts.tasks(), parts.clock(),
                    java.util.Map.of(), "test-kiosk"));
            return null;
        });
    }

    private void assertPlainWords(FxRobot robot) throws Exception {
        NurseAssistedModeTest.waitFor(robot, "#hospital-unavailable-title");
        assertEquals(I18n.tr(I18n.CHINESE, "hospital.unavailable.title"), KioskOnStage.text(robot, "#hospital-unavailable-title"));
        assertEquals(I18n.tr(I18n.CHINESE, "hospital.unavailable.advice"), KioskOnStage.text(robot, "#hospital-unavailable-advice"));
        String all = String.join(" | ", WalkingSkeletonTest.texts(robot));
        for (String technical : new String[] {"Exception", "Unavailable", "is down", "at org."}) {
            assertFalse(all.contains(technical), "no error text on the screen: " + all);
        }
    }

    @Test
    void aFailingHospitalShowsPlainWordsAndTheVisitorLeaves(FxRobot robot) throws Exception {
        show(robot);
        failing(Set.of());
        NurseAssistedModeTest.click(robot, "#idle-hospital-info");
        assertPlainWords(robot);
        assertTrue(KioskOnStage.onFx(() -> robot.lookup("#back-button").tryQuery().isEmpty()),
                "no list to go back to: only the way out");
        NurseAssistedModeTest.click(robot, "#home-button");
        NurseAssistedModeTest.waitFor(robot, "#idle-screen");
    }

    @Test
    void doctorsThatCannotBeReadLeaveTheListOneTapAway(FxRobot robot) throws Exception {
        show(robot);
        failing(Set.of("doctorProfiles", "notices"));
        kiosk.insertCard(DemoCards.ZHANG_SANMING);
        NurseAssistedModeTest.click(robot, "#service-hospital-info");
        // The notices could not be counted: the list still shows, its notices entry without a count.
        NurseAssistedModeTest.waitFor(robot, "#hospital-department-" + DEPT);
        assertEquals(I18n.tr(I18n.CHINESE, "hospital.notices.open"), KioskOnStage.text(robot, "#hospital-notices"));
        NurseAssistedModeTest.click(robot, "#hospital-department-" + DEPT);
        assertPlainWords(robot);
        tap(robot, "#back-button");
        NurseAssistedModeTest.waitFor(robot, "#hospital-department-" + DEPT);
        NurseAssistedModeTest.click(robot, "#home-button");
        NurseAssistedModeTest.waitFor(robot, "#greeting");
    }
    /**
     * The lobby's new button shares the row of guidance buttons: in Chinese at normal text the lobby is still one
     * panel high, the button on it (1080×1920). In English and with large text the lobby scrolled before this button.
     */
    @Test
    void theLobbyStillFitsOnePanelInChinese(FxRobot robot) throws Exception {
        show(robot);
        NurseAssistedModeTest.waitFor(robot, "#idle-hospital-info");
        KioskOnStage.onFx(() -> {
            Node idle = robot.lookup("#idle-screen").query();
            Node p = idle.getParent();
            while (!(p instanceof javafx.scene.control.ScrollPane)) {
                p = p.getParent();
            }
            javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) p;
            double viewport = scroll.getViewportBounds().getHeight();
            double content = ((javafx.scene.layout.Region) scroll.getContent()).prefHeight(scroll.getViewportBounds().getWidth());
            assertTrue(content <= viewport, "the lobby needs " + content + " px of " + viewport);
            javafx.geometry.Bounds button = robot.lookup("#idle-hospital-info").query()
                    .localToScene(robot.lookup("#idle-hospital-info").query().getLayoutBounds());
            assertTrue(button.getMaxY() <= idle.getScene().getHeight(), "on the panel: " + button);
            return null;
        });
    }
}
