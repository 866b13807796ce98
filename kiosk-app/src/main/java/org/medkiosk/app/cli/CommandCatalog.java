package org.medkiosk.app.cli;

/**
 * The technicians' subcommands, each implemented next to the part it diagnoses (drivers, templates,
 * backend client) and only routed here.
 */
final class CommandCatalog {
    private CommandCatalog() {
    }

    static void register(KioskCli cli) {
    }

    static String usage() {
        return "";
    }
}
