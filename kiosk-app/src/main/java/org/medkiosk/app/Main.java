package org.medkiosk.app;

import java.util.List;
import org.medkiosk.app.cli.KioskCli;

/**
 * Entry point of the `kiosk` command. Deliberately not a javafx.application.Application: the JavaFX jars run
 * from the classpath, and CLI subcommands must work on a headless technician's shell without a toolkit.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LaunchPhases.mark("main");
        int code = new KioskCli(KioskApplication::launchAndWait).execute(List.of(args), System.out, System.err);
        if (code != 0 || !KioskApplication.wasLaunched()) {
            System.exit(code);
        }
    }
}
