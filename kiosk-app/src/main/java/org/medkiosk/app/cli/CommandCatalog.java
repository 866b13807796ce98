package org.medkiosk.app.cli;

import org.medkiosk.demohospital.DemoHospitalCommand;
import org.medkiosk.device.idcard.IdCardCommand;
import org.medkiosk.device.receipt.StatusCommand;
import org.medkiosk.device.scanner.ScanCommand;
import org.medkiosk.device.smartcard.SmartCardCommand;
import org.medkiosk.fhir.BackendCheckCommand;
import org.medkiosk.print.cli.ReceiptRenderCommand;
import org.medkiosk.print.cli.ReportRenderCommand;

/**
 * The technicians' subcommands. Each is implemented next to the part it diagnoses (drivers, templates,
 * backend client) and only routed here; `devices print-test` is glue because it needs a template and a driver.
 */
final class CommandCatalog {
    private CommandCatalog() {
    }

    static void register(KioskCli cli) {
        cli.groupCommand("devices", "idcard", IdCardCommand::run);
        cli.groupCommand("devices", "scan", ScanCommand::run);
        cli.groupCommand("devices", "smartcard", SmartCardCommand::run);
        cli.groupCommand("devices", "print-test", PrintTestCommand::run);
        cli.groupCommand("devices", "status", StatusCommand::run);
        cli.groupCommand("receipt", "render", ReceiptRenderCommand::run);
        cli.groupCommand("report", "render", ReportRenderCommand::run);
        cli.groupCommand("backend", "check", BackendCheckCommand::run);
        cli.command("demo-hospital", DemoHospitalCommand::run);
        cli.groupCommand("journal", "list", JournalCommand::list);
        cli.groupCommand("journal", "recover", JournalCommand::recover);
        cli.groupCommand("journal", "audit", JournalCommand::audit);
        cli.groupCommand("journey", "run", JourneyCommand::run);
        cli.groupCommand("journey", "crash-test", JourneyCommand::crashTest);
        cli.groupCommand("technician", "set-pin", org.medkiosk.app.technician.TechnicianCommand::setPin);
        cli.groupCommand("technician", "status", org.medkiosk.app.technician.TechnicianCommand::status);
    }

    static String usage() {
        return """

                Devices (for technicians):
                  devices idcard --port PATH [--baud N] [--once] [--unmasked] [--timeout SECONDS]
                                                wait for ID cards, print one JSON object per card
                  devices scan --port PATH [--baud N] [--prefix TEXT] [--suffix cr|crlf|lf|tab|none] [--trigger honeywell|zebra|newland]
                  devices scan --image FILE     decode a QR/PDF417/CODE128 image; one JSON line per code, classified
                  devices smartcard [--reader NAME] [--unmasked]
                                                list PC/SC readers and read the inserted card
                  devices status --printer SPEC receipt printer status as JSON
                  devices print-test --printer SPEC [--profile epson-80|generic-80|generic-58] [--lang zh|en]
                                                status, test page, status; names the problem and sends nothing
                                                when the printer has no paper, an open cover or is offline
                                                SPEC is serial:PATH[@BAUD] | tcp://HOST:PORT | file:PATH

                Paper:
                  receipt render --template NAME --out FILE.png|FILE.bin [--profile NAME] [--lang zh|en]
                  report render --sample lab|imaging --out FILE.pdf [--lang zh|en]

                Hospital backend:
                  demo-hospital [--port N]      serve the demo hospital at http://127.0.0.1:N/fhir
                  backend check --url URL [--token T] [--patient ID-NUMBER] [--ca PEM] [--write]
                                                conformance check of a FHIR server, one line per operation

                Journal and journeys:
                  journal list [--open] [--json] [--data DIR]
                                                intents and print jobs, one line (or JSON object) each; the
                                                patient id masked, no other patient data; --open: not yet final
                  journal recover [--config FILE | --backend URL] [--data DIR]
                                                one settlement pass, one line per action, then the number still
                                                open; exits 1 while any intent is open
                  journal audit [--json] [--data DIR]
                                                nurse-assisted mode's staff audit log, one line per entry: time,
                                                staff id and number, action, journey, outcome, patient record id
                  journey run --backend URL --data DIR SCRIPT
                                                a scripted patient with simulated devices and no window
                                                (kiosk-app/journeys/SCRIPTS.md); exits 1 if an expectation fails
                  journey crash-test [--backend URL] [--data DIR] [--seed N] [--kills K] [--no-step-kills]
                                                kills the scripted kiosk at every journaled step and K random
                                                moments, recovers, compares journals with the hospital's ledger;
                                                ends "kills K, intents N, lost L, duplicated D, unsettled U"

                Technician mode:
                  technician set-pin (--config FILE | --data DIR)
                                                set the technician PIN (asked twice, never an argument); stored
                                                as a salted PBKDF2 hash; also clears a lockout
                  technician status (--config FILE | --data DIR)
                                                whether a PIN is set, wrong entries, locked until
                """;
    }
}
