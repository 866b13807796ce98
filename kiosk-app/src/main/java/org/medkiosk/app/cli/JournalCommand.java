package org.medkiosk.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.medkiosk.app.config.ConfigException;
import org.medkiosk.app.config.ConfigLoader;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.platform.AttachPlatform;
import org.medkiosk.fhir.FhirHospitalBackend;
import org.medkiosk.fhir.FhirSettings;
import org.medkiosk.hospital.Masking;
import org.medkiosk.journal.CrashPoint;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.Journal;
import org.medkiosk.journal.KioskStore;
import org.medkiosk.journal.PrintJob;
import org.medkiosk.journey.JourneyEngine;
import org.medkiosk.journey.JourneySettings;
import org.medkiosk.journey.concurrent.TaskExecutor;
import org.medkiosk.journey.payment.Pause;
import org.medkiosk.journey.payment.PaymentRules;
import org.medkiosk.journey.settle.SettlementLine;
import org.medkiosk.print.escpos.PrinterProfile;
import org.medkiosk.print.receipt.Letterhead;
import org.medkiosk.print.receipt.ReceiptTemplates;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * `kiosk journal list [--open] [--json] [--data DIR]` and `kiosk journal recover [--config FILE | --backend URL]
 * [--data DIR]` (JOURNEYS.md): the journal's intents and print jobs for staff, with no patient data beyond the
 * hospital patient id masked, and one settlement pass on demand. Exit 0 ok, 1 failed (recover: an intent is still
 * open), 2 usage.
 */
public final class JournalCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Backend settings from the configuration, exactly as the kiosk builds them. */
    static Function<KioskConfig.Backend, FhirSettings> settingsFromConfig = KioskConfig.Backend::fhirSettings;

    private JournalCommand() {
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Intents and print jobs, one line (or JSON object) each.",
                    "The patient id masked, no other patient data."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:ok", "1:no journal or unreadable", "2:usage"})
    static final class ListCommand implements Callable<Integer> {
        @Option(names = "--open", description = "only what is not yet final")
        boolean open;

        @Option(names = "--json", description = "one JSON object per line")
        boolean json;

        @Option(names = "--data", paramLabel = "DIR", description = "the kiosk's data folder (default: the kiosk's own)")
        Path data;

        private final PrintStream out;
        private final PrintStream err;

        ListCommand(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            return list(open, json, data, out, err);
        }
    }

    static int list(boolean open, boolean json, Path data, PrintStream out, PrintStream err) {
        Path folder = data != null ? data : defaultDataFolder(Optional.empty());
        if (!Files.isRegularFile(folder.resolve(KioskStore.FILE_NAME))) {
            err.println("kiosk journal list: no journal in " + folder + " (no " + KioskStore.FILE_NAME + ")");
            return 1;
        }
        try (KioskStore store = KioskStore.open(folder)) {
            Journal journal = new Journal(store, Clock.systemDefaultZone(), CrashPoint.none());
            List<Intent> intents = open ? journal.open() : journal.all();
            for (Intent i : intents) {
                out.println(json ? json(i) : line(i));
            }
            for (PrintJob job : journal.printJobs()) {
                if (!open || isOpen(job)) {
                    out.println(json ? json(job) : line(job));
                }
            }
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            err.println("kiosk journal list: the journal in " + folder + " cannot be read: " + e.getMessage());
            return 1;
        }
    }

    /** The staff audit log of nurse-assisted mode, oldest first: one line (or its JSON object) per entry. */
    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = {"Nurse-assisted mode's staff audit log, one line per entry.",
                    "Time, staff id and number, action, journey, outcome, patient record id."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:ok", "1:no audit log or unreadable", "2:usage"})
    static final class AuditCommand implements Callable<Integer> {
        @Option(names = "--json", description = "one JSON object per line")
        boolean json;

        @Option(names = "--data", paramLabel = "DIR", description = "the kiosk's data folder (default: the kiosk's own)")
        Path data;

        private final PrintStream out;
        private final PrintStream err;

        AuditCommand(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            return audit(json, data, out, err);
        }
    }

    static int audit(boolean json, Path data, PrintStream out, PrintStream err) {
        Path folder = data != null ? data : defaultDataFolder(Optional.empty());
        org.medkiosk.journal.StaffAudit audit = new org.medkiosk.journal.StaffAudit(folder);
        if (!Files.isRegularFile(audit.file())) {
            err.println("kiosk journal audit: no staff audit log in " + folder + " (no "
                    + org.medkiosk.journal.StaffAudit.FILE_NAME + ")");
            return 1;
        }
        try {
            for (org.medkiosk.journal.StaffAudit.Entry e : audit.entries()) {
                if (json) {
                    out.println(JSON.valueToTree(java.util.Map.of("at", e.at().toString(), "staffId", String.valueOf(e.staffId()),
                            "staffNumber", String.valueOf(e.staffNumber()), "action", e.action().name(),
                            "journey", String.valueOf(e.journey()), "outcome", String.valueOf(e.outcome()),
                            "patientId", String.valueOf(e.patientId()))).toString());
                } else {
                    out.println(e.at() + " " + e.action() + " staff=" + e.staffId() + " (" + e.staffNumber() + ")"
                            + (e.journey() == null ? "" : " " + e.journey())
                            + (e.outcome() == null ? "" : " outcome=" + e.outcome())
                            + (e.patientId() == null ? "" : " patient=" + e.patientId()));
                }
            }
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            err.println("kiosk journal audit: " + e.getMessage());
            return 1;
        }
    }

    @Command(name = "recover", mixinStandardHelpOptions = true,
            description = {"One settlement pass, one line per action, then the number still open."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:nothing left open", "1:an intent is still open, or the pass failed", "2:usage"})
    static final class RecoverCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--config", paramLabel = "FILE", required = true, description = "the kiosk's configuration")
            Path config;

            @Option(names = "--backend", paramLabel = "URL", required = true, description = "the hospital's FHIR base URL")
            String backend;
        }

        @Option(names = "--data", paramLabel = "DIR", description = "the kiosk's data folder (default: the kiosk's own)")
        Path data;

        private final PrintStream out;
        private final PrintStream err;

        RecoverCommand(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            try {
                return recover(source.config, source.backend, data, out, err);
            } catch (BadBackend e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
    }

    /** A --backend URL that FhirSettings refuses: a usage error. */
    static final class BadBackend extends IllegalArgumentException {
        BadBackend(String message) {
            super(message);
        }
    }

    static int recover(Path config, String backend, Path data, PrintStream out, PrintStream err) {
        FhirSettings settings;
        Optional<Path> configured = Optional.empty();
        try {
            if (config != null) {
                KioskConfig c = ConfigLoader.load(config);
                if (c.backend().url().isEmpty()) {
                    err.println("kiosk journal recover: " + config + ": backend.url is required to settle the journal");
                    return 1;
                }
                settings = settingsFromConfig.apply(c.backend());
                configured = c.storage().dataFolder();
            } else {
                settings = FhirSettings.of(backend);
            }
        } catch (ConfigException e) {
            err.println("kiosk: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            throw new BadBackend("kiosk journal recover: --backend: " + e.getMessage());
        }
        Path folder = data != null ? data : defaultDataFolder(configured);
        if (!Files.isRegularFile(folder.resolve(KioskStore.FILE_NAME))) {
            err.println("kiosk journal recover: no journal in " + folder + " (no " + KioskStore.FILE_NAME + ")");
            return 1;
        }
        KioskConfig.Hospital hospital = KioskConfig.demo().hospital();
        Letterhead letterhead = new Letterhead(hospital.name(), null, hospital.footer(), "journal-recover", ZoneId.systemDefault());
        try (FhirHospitalBackend hospitalBackend = new FhirHospitalBackend(settings);
             JourneyEngine engine = JourneyEngine.open(new JourneyEngine.Parts(folder, hospitalBackend, Optional.empty(),
                     locale -> new ReceiptTemplates(letterhead, PrinterProfile.EPSON_80, locale), TaskExecutor.synchronous(),
                     Clock.systemDefaultZone(), PaymentRules.standard(), Pause.sleeping(), JourneySettings.defaults(),
                     CrashPoint.none()))) {
            List<SettlementLine> lines = engine.settle();
            lines.forEach(out::println);
            int stillOpen = engine.journal().open().size();
            out.println(lines.size() + " settled, " + stillOpen + " still open");
            out.flush();
            return stillOpen == 0 ? 0 : 1;
        } catch (RuntimeException e) {
            err.println("kiosk journal recover: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    /** The kiosk's data folder: storage.data-folder when configured, else ~/.gluon/medkiosk. */
    /** The folder the kiosk itself uses: storage.data-folder, else the platform's private storage. */
    static Path defaultDataFolder(Optional<Path> configured) {
        return new AttachPlatform(configured).dataFolder();
    }

    static boolean isOpen(PrintJob job) {
        return job.state() == PrintJob.State.QUEUED || job.state() == PrintJob.State.NOT_PRINTED;
    }

    static String line(Intent i) {
        StringBuilder b = new StringBuilder("intent ").append(i.kind()).append(' ').append(i.state())
                .append(" key=").append(i.idempotencyKey())
                .append(" journey=").append(i.journeyId());
        if (i.amount() != null) {
            b.append(" amount=").append(i.amount());
        }
        b.append(" patient=").append(i.maskedPatientId());
        if (i.transactionNumber() != null) {
            b.append(" txn=").append(i.transactionNumber());
        }
        b.append(" attempts=").append(i.attempts()).append(" updated=").append(i.updatedAt());
        if (i.reason() != null) {
            b.append(" reason=").append(JSON.valueToTree(i.reason()).toString());
        }
        return b.toString();
    }

    static String line(PrintJob j) {
        StringBuilder b = new StringBuilder("print ").append(j.template()).append(' ').append(j.state())
                .append(" job=").append(j.id())
                .append(" journey=").append(j.journeyId());
        if (j.intentKey() != null) {
            b.append(" intent=").append(j.intentKey());
        }
        b.append(" patient=").append(Masking.idNumber(j.patientId()));
        if (j.transactionNumber() != null) {
            b.append(" txn=").append(j.transactionNumber());
        }
        if (j.problem() != null) {
            b.append(" problem=").append(j.problem());
        }
        return b.append(" updated=").append(j.updatedAt()).toString();
    }

    /** One intent as the JSON object `journal list --json` prints (the patient id masked); also the technician's export. */
    public static String json(Intent i) {
        ObjectNode o = JSON.createObjectNode().put("type", "intent")
                .put("key", i.idempotencyKey()).put("journey", i.journeyId())
                .put("kind", i.kind().name()).put("state", i.state().name());
        if (i.amount() == null) {
            o.putNull("amountFen");
        } else {
            o.put("amountFen", i.amount().fen());
        }
        o.put("patient", i.maskedPatientId()).put("transactionNumber", i.transactionNumber())
                .put("reason", i.reason()).put("attempts", i.attempts())
                .put("createdAt", String.valueOf(i.createdAt())).put("updatedAt", String.valueOf(i.updatedAt()));
        return o.toString();
    }

    public static String json(PrintJob j) {
        return JSON.createObjectNode().put("type", "print_job")
                .put("id", j.id()).put("journey", j.journeyId()).put("intent", j.intentKey())
                .put("patient", Masking.idNumber(j.patientId())).put("printer", j.printer().name())
                .put("template", j.template()).put("state", j.state().name()).put("problem", j.problem())
                .put("transactionNumber", j.transactionNumber()).put("attempts", j.attempts())
                .put("createdAt", String.valueOf(j.createdAt())).put("updatedAt", String.valueOf(j.updatedAt()))
                .toString();
    }
}
