package org.medkiosk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkiosk.journey.concurrent.TaskExecutor;
import org.medkiosk.app.config.ConfigLoader;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.journey.identify.IdentifyJourney;
import org.medkiosk.app.session.KioskScreen;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.session.Service;
import org.medkiosk.hospital.HospitalBackend;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The window a patient cannot close, and the two screen orientations. */
@ExtendWith(ApplicationExtension.class)
class KioskWindowTest {
    final HospitalBackend noBackend = (HospitalBackend) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {HospitalBackend.class}, (p, m, a) -> {
                throw new UnsupportedOperationException(m.getName());
            });

    KioskViewModel vm(KioskConfig config) {
        return new KioskViewModel(new IdentifyJourney(noBackend, TaskExecutor.synchronous()), config, Clock.systemUTC());
    }

    @Test
    void hospitalModeIsFullScreenUndecoratedAndIgnoresClose(FxRobot robot) throws Exception {
        KioskConfig config = ConfigLoader.parse("t", "backend.url=https://his.example/fhir\n");
        AtomicReference<Stage> stage = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            KioskWindow.create(vm(config), config, Clock.systemUTC(), true, false).showOn(s, config, false);
            stage.set(s);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        Stage s = stage.get();
        assertEquals(StageStyle.UNDECORATED, s.getStyle());
        assertTrue(s.isFullScreen());
        WaitForAsyncUtils.asyncFx(() -> s.fireEvent(new WindowEvent(s, WindowEvent.WINDOW_CLOSE_REQUEST))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(s.isShowing(), "a close request from the window manager must not close the kiosk");
        WaitForAsyncUtils.asyncFx(s::hide).get();
    }

    @Test
    void landscapeHomeUsesFourColumnsAndPortraitTwo(FxRobot robot) throws Exception {
        for (boolean portrait : new boolean[] {true, false}) {
            KioskConfig config = KioskConfig.demo();
            KioskViewModel vm = vm(config);
            AtomicReference<Stage> stage = new AtomicReference<>();
            WaitForAsyncUtils.asyncFx(() -> {
                Stage s = new Stage();
                s.setScene(KioskWindow.create(vm, config, Clock.systemUTC(), portrait, true).scene());
                // Monocle's headless screen is 1080×1920: a landscape window is shown scaled down to fit.
                s.setWidth(1080);
                s.setHeight(portrait ? 1920 : 608);
                s.show();
                stage.set(s);
            }).get();
            // Home screen with a patient: drive the state directly, layout is what is under test here.
            WaitForAsyncUtils.asyncFx(() -> forceHome(vm)).get();
            WaitForAsyncUtils.waitForFxEvents();
            var tiles = robot.from(stage.get().getScene().getRoot()).lookup(".service-tile").queryAllAs(Button.class);
            long columns = tiles.stream().map(b -> Math.round(b.localToScene(0, 0).getX())).distinct().count();
            assertEquals(portrait ? 2 : 4, columns, portrait ? "portrait" : "landscape");
            var root = (javafx.scene.layout.Region) robot.from(stage.get().getScene().getRoot()).lookup("#kiosk-root").query();
            assertEquals(portrait, root.getPrefHeight() > root.getPrefWidth(), "design size follows the orientation");
            WaitForAsyncUtils.asyncFx(stage.get()::hide).get();
        }
    }

    private static void forceHome(KioskViewModel vm) {
        try {
            var f = KioskViewModel.class.getDeclaredField("screen");
            f.setAccessible(true);
            @SuppressWarnings("unchecked")
            var screen = (javafx.beans.property.ObjectProperty<KioskScreen>) f.get(vm);
            screen.set(new KioskScreen.Home("张*明", java.util.List.of(Service.values())));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
