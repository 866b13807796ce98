package org.medkiosk.app.cli;

import java.io.PrintStream;
import java.util.List;
import org.medkiosk.journey.crash.CrashTestCommand;
import org.medkiosk.journey.runner.JourneyRunCommand;

/**
 * `kiosk journey run` (a scripted patient, kiosk-app/journeys/SCRIPTS.md) and `kiosk journey crash-test` (the crash
 * harness, JOURNEYS.md). Both live in the journeys module, which has no JavaFX; they are only routed here. The
 * harness starts its child JVMs with this process's java and classpath, so it runs from `./kiosk` as it does under
 * Maven.
 */
final class JourneyCommand {
    private JourneyCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        return JourneyRunCommand.run(args, out, err);
    }

    static int crashTest(List<String> args, PrintStream out, PrintStream err) {
        return CrashTestCommand.run(args, out, err);
    }
}
