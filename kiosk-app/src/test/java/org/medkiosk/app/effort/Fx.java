package org.medkiosk.app.effort;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Scene reads on the FX thread, as {@code org.medkiosk.app.KioskOnStage.onFx} does (that class is package-private,
 * so this package has its own copy): looking nodes up from the test thread while the FX thread replaces a screen's
 * children races.
 */
final class Fx {
    private Fx() {
    }

    static <T> T onFx(Callable<T> check) {
        return org.medkiosk.app.KioskOnStage.onFx(check);
    }

    static void run(Runnable action) {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    static boolean present(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).tryQuery().isPresent());
    }

    /** Waits (up to 30 s) until the query finds a node, then for the FX queue to drain. */
    static void waitFor(FxRobot robot, String query) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> present(robot, query));
        } catch (TimeoutException e) {
            throw new AssertionError("the screen never showed " + query + "; it shows " + Fx.onFx(() -> describe(robot)), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The id of the rendered journey state's body, or the screen's id: what a failure message should name. */
    static String describe(FxRobot robot) {
        return robot.lookup(n -> n.getId() != null && n.getId().startsWith("state-")).tryQuery()
                .map(n -> n.getId())
                .orElseGet(() -> robot.lookup(n -> n.getId() != null && n.getId().endsWith("-screen")).tryQuery()
                        .map(n -> n.getId()).orElse("(unknown screen)"));
    }
}
