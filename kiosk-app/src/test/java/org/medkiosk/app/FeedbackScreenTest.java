package org.medkiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.app.viewmodel.Guidance;
import org.medkiosk.device.idcard.DemoCards;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.HospitalGuide;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13, feedback on the check-in done screen: one tap sends a QuestionnaireResponse the demo hospital stores
 * (read back over its FHIR API); with the hospital's feedback failing (and slow), the patient is not held up.
 */
@ExtendWith(ApplicationExtension.class)
class FeedbackScreenTest extends OnDemoKiosk {

    void checkIn(FxRobot robot) throws Exception {
        show(robot);
        kiosk.insertCard(DemoCards.ZHANG_SANMING);
        NurseAssistedModeTest.click(robot, "#task-card"); // the morning appointment's check-in, one tap
        NurseAssistedModeTest.waitFor(robot, "#checked-in-title");
        NurseAssistedModeTest.waitFor(robot, "#feedback-row");
    }

    String storedResponses() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(kiosk.hospital().baseUrl() + "/QuestionnaireResponse?_format=json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    @Test
    void oneTapSendsAQuestionnaireResponseTheHospitalStores(FxRobot robot) throws Exception {
        checkIn(robot);
        // A nurse's hardware keyboard types into the field too, once the row's keyboard is open.
        NurseAssistedModeTest.click(robot, "#feedback-write");
        NurseAssistedModeTest.click(robot, "#feedback-comment");
        robot.write("waiting area is cold");
        tap(robot, "#feedback-4");
        NurseAssistedModeTest.waitFor(robot, "#feedback-thanks");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> storedResponses().contains("\"valueInteger\": 4")
                || storedResponses().contains("\"valueInteger\":4"));
        String body = storedResponses();
        assertTrue(body.contains("CHECK_IN"), body);
        assertTrue(body.contains("waiting area is cold"), body);
        // a second tap is not a second vote: the stars are gone, and the view model keeps the first
        KioskOnStage.onFx(() -> {
            kiosk.viewModel().feedback().orElseThrow().rate(5);
            return null;
        });
        assertEquals(4, (int) KioskOnStage.onFx(() -> kiosk.viewModel().feedback().orElseThrow().ratedProperty().get()));
        assertEquals(1, body.split("CHECK_IN", -1).length - 1, "one response: " + body);
    }

    @Test
    void aFailingHospitalNeverHoldsThePatientUp(FxRobot robot) throws Exception {
        checkIn(robot);
        // The hospital's feedback endpoint fails, and slowly.
        HospitalGuide failing = (HospitalGuide) Proxy.newProxyInstance(HospitalGuide.class.getClassLoader(),
                new Class<?>[] {HospitalGuide.class}, (p, m, a) -> {
                    Thread.sleep(5000);
                    throw new BackendException.Unavailable("feedback is down", null);
                });
        Guidance real = kiosk.assembly().guidance();
        KioskOnStage.onFx(() -> {
            kiosk.viewModel().guidance(new Guidance(real.rules(), real.backend(), failing, real.tasks(), real.clock(),
                    java.util.Map.of(), "test-kiosk"));
            return null;
        });
        // the row the patient sees now belongs to the failing hospital: leave and check in again shows "already"
        NurseAssistedModeTest.click(robot, "#home-button");
        NurseAssistedModeTest.click(robot, "#service-pay");
        NurseAssistedModeTest.waitFor(robot, "#pay-total");
        NurseAssistedModeTest.click(robot, "#pay-wallet-button");
        NurseAssistedModeTest.waitFor(robot, "#scan-prompt");
        kiosk.scan("134567890123456710", org.medkiosk.device.scanner.Symbology.QR_CODE);
        NurseAssistedModeTest.waitFor(robot, "#paid-title");
        NurseAssistedModeTest.waitFor(robot, "#feedback-row");
        long before = System.nanoTime();
        NurseAssistedModeTest.click(robot, "#feedback-2");
        NurseAssistedModeTest.waitFor(robot, "#feedback-thanks");
        NurseAssistedModeTest.click(robot, "#home-button");
        NurseAssistedModeTest.waitFor(robot, "#greeting");
        long took = Duration.ofNanos(System.nanoTime() - before).toMillis();
        assertTrue(took < 4000, "the patient moved on at once, not after the failing call: " + took + " ms");
    }
}
