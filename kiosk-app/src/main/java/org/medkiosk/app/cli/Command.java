package org.medkiosk.app.cli;

import java.io.PrintStream;
import java.util.List;

/** One `kiosk` subcommand: arguments after its name in, process exit code out (0 ok, 1 failed, 2 usage). */
@FunctionalInterface
public interface Command {
    int run(List<String> args, PrintStream out, PrintStream err);
}
