package org.medkiosk.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.devices.DeviceAvailability;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.logging.LogFolder;
import org.medkiosk.app.logging.PersonalDataMasker;
import org.medkiosk.app.technician.SerialPorts;
import org.medkiosk.app.viewmodel.TechnicianViewModel;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.device.idcard.IdCardReader;
import org.medkiosk.device.idcard.SamCommand;
import org.medkiosk.device.idcard.SamStatus;
import org.medkiosk.device.receipt.PrintResult;
import org.medkiosk.device.receipt.ReceiptPrinter;
import org.medkiosk.fhir.BackendCheckCommand;
import org.medkiosk.fhir.FhirSettings;
import org.medkiosk.hospital.Masking;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.Journal;
import org.medkiosk.journal.PrintJob;
import org.medkiosk.journey.JourneyEngine;
import org.medkiosk.print.escpos.PrinterProfile;
import org.medkiosk.print.receipt.ReceiptTemplates;
import org.slf4j.LoggerFactory;

/**
 * What technician mode reads and does on this kiosk: the devices of its configuration and their health, the serial
 * ports present, the receipt printer's test page through the driver the journeys use, the journal and settlement.
 * The blocking methods run on the kiosk's background executor (the view model sees to it). Also: a receipt printer
 * setting tried before it is saved, the hospital's conformance check, the recent log, the ID-card reader's SAM.
 */
final class TechnicianDesk implements TechnicianViewModel.Desk {
    private final KioskAssembly kiosk;

    TechnicianDesk(KioskAssembly kiosk) {
        this.kiosk = kiosk;
    }

    @Override
    public List<TechnicianViewModel.DeviceRow> devices() {
        KioskConfig config = kiosk.config();
        boolean simulated = kiosk.devices().simulators().isPresent();
        DeviceAvailability availability = kiosk.viewModel().deviceAvailability();
        String none = I18n.tr("technician.devices.not-configured");
        String sim = I18n.tr("technician.devices.simulated");
        List<TechnicianViewModel.DeviceRow> rows = new ArrayList<>();
        KioskConfig.IdCardReader id = config.idCardReader();
        rows.add(new TechnicianViewModel.DeviceRow("idcard", I18n.key("technician.device.idcard"),
                health(availability, DeviceAvailability.Device.ID_CARD_READER),
                simulated ? sim : id.port().map(p -> "idcard.port=" + p + ", idcard.baud=" + id.baud()).orElse(none)));
        KioskConfig.Scanner sc = config.scanner();
        rows.add(new TechnicianViewModel.DeviceRow("scanner", I18n.key("technician.device.scanner"),
                health(availability, DeviceAvailability.Device.SCANNER),
                simulated ? sim : sc.port().map(p -> "scanner.port=" + p + ", scanner.baud=" + sc.baud()
                        + ", scanner.trigger=" + sc.trigger()).orElse(none)));
        KioskConfig.SmartCardReader smart = config.smartCardReader();
        rows.add(new TechnicianViewModel.DeviceRow("smartcard", I18n.key("technician.device.smartcard"),
                health(availability, DeviceAvailability.Device.SMART_CARD_READER),
                simulated ? sim : smart.reader().map(r -> "smartcard.reader=" + r).orElse(none)));
        KioskConfig.ReceiptPrinter receipt = config.receiptPrinter();
        rows.add(new TechnicianViewModel.DeviceRow("receipt-printer", I18n.key("technician.device.receipt-printer"),
                kiosk.receiptPrinter().isPresent() ? I18n.tr("technician.devices.see-below") : none,
                (simulated ? sim + ", " : receipt.spec().map(s -> "printer.receipt=" + s + ", ").orElse(""))
                        + "printer.receipt.profile=" + receipt.profile()));
        rows.add(new TechnicianViewModel.DeviceRow("report-printer", I18n.key("technician.device.report-printer"),
                simulated || config.reportPrinter().queue().isPresent() ? I18n.tr("technician.devices.installed") : none,
                simulated ? sim : config.reportPrinter().queue().map(q -> "printer.report=" + q).orElse(none)));
        return rows;
    }

    private static String health(DeviceAvailability availability, DeviceAvailability.Device device) {
        DeviceAvailability.State state = availability.state(device);
        String words;
        switch (state) {
            case NOT_INSTALLED -> words = I18n.tr("technician.health.not-installed");
            case STARTING -> words = I18n.tr("technician.health.starting");
            case READY -> words = I18n.tr("technician.health.ready");
            default -> words = I18n.tr("technician.health.out-of-order");
        }
        return state == DeviceAvailability.State.OUT_OF_ORDER || state == DeviceAvailability.State.READY
                ? words + " — " + availability.reason(device) : words;
    }

    @Override
    public TechnicianViewModel.Facts facts() {
        String printer = kiosk.receiptPrinter()
                .map(p -> p.address() + ": " + p.health())
                .orElse(I18n.tr("technician.devices.not-configured"));
        return new TechnicianViewModel.Facts(SerialPorts.present(), printer);
    }

    @Override
    public Optional<PrintResult> printTestPage() {
        if (kiosk.receiptPrinter().isEmpty()) {
            return Optional.empty();
        }
        KioskConfig config = kiosk.config();
        PrinterProfile profile = PrinterProfile.byName(config.receiptPrinter().profile()).orElse(PrinterProfile.EPSON_80);
        byte[] page = new ReceiptTemplates(KioskAssembly.letterhead(config.hospital()), profile, I18n.locale())
                .testPage(Instant.now());
        return Optional.of(kiosk.receiptPrinter().get().print(page));
    }

    @Override
    public Optional<List<TechnicianViewModel.JournalLine>> journal() {
        Optional<JourneyEngine> engine = kiosk.engine();
        if (engine.isEmpty()) {
            return Optional.empty();
        }
        Journal journal = engine.get().journal();
        List<TechnicianViewModel.JournalLine> lines = new ArrayList<>();
        for (Intent i : journal.open()) {
            lines.add(new TechnicianViewModel.JournalLine(I18n.tr("technician.journal.intent", i.kind(), i.state(),
                    i.amount() == null ? "-" : i.amount().toString(), i.maskedPatientId(), i.idempotencyKey(),
                    String.valueOf(i.updatedAt()))));
        }
        for (PrintJob j : journal.printJobs()) {
            if (j.state() == PrintJob.State.UNCOLLECTED || j.state() == PrintJob.State.QUEUED
                    || j.state() == PrintJob.State.NOT_PRINTED) {
                lines.add(new TechnicianViewModel.JournalLine(I18n.tr("technician.journal.receipt", j.template(),
                        j.state(), Masking.idNumber(j.patientId()), String.valueOf(j.id()),
                        String.valueOf(j.updatedAt()))));
            }
        }
        return Optional.of(lines);
    }

    @Override
    public java.nio.file.Path exportJournal() {
        JourneyEngine engine = kiosk.engine().orElseThrow(() -> new IllegalStateException(I18n.tr("technician.journal.not-open")));
        Journal journal = engine.journal();
        List<String> lines = new ArrayList<>();
        for (Intent i : journal.all()) {
            lines.add(org.medkiosk.app.cli.JournalCommand.json(i));
        }
        for (PrintJob j : journal.printJobs()) {
            lines.add(org.medkiosk.app.cli.JournalCommand.json(j));
        }
        java.nio.file.Path folder = kiosk.dataFolder().resolve("exports");
        String name = "journal-" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(java.time.LocalDateTime.now()) + ".jsonl";
        try {
            java.nio.file.Files.createDirectories(folder);
            // Written beside and renamed: a technician copying the folder to a USB stick never gets half a file.
            java.nio.file.Path part = folder.resolve(name + ".part");
            java.nio.file.Files.write(part, lines, java.nio.charset.StandardCharsets.UTF_8);
            return java.nio.file.Files.move(part, folder.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the export in " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<TechnicianViewModel.PaperCount> paperCount() {
        Optional<JourneyEngine> engine = kiosk.engine();
        if (engine.isEmpty()) {
            return Optional.empty();
        }
        org.medkiosk.app.technician.ReceiptPaper paper = org.medkiosk.app.technician.ReceiptPaper.in(kiosk.dataFolder());
        return Optional.of(new TechnicianViewModel.PaperCount(paper.printedSince(engine.get().journal().printJobs()),
                paper.rollLoadedAt()));
    }

    @Override
    public void paperRollLoaded() {
        org.medkiosk.app.technician.ReceiptPaper.in(kiosk.dataFolder()).rollLoaded(Instant.now());
    }

    @Override
    public int[] settle() {
        Optional<JourneyEngine> engine = kiosk.engine();
        if (engine.isEmpty()) {
            return null;
        }
        int settled = engine.get().settle().size();
        return new int[] {settled, engine.get().journal().open().size()};
    }

    @Override
    public Optional<TechnicianViewModel.ReceiptPrinterSetting> receiptPrinterSetting() {
        if (kiosk.configOverrides().isEmpty()) {
            return Optional.empty();
        }
        KioskConfig.ReceiptPrinter receipt = kiosk.config().receiptPrinter();
        return Optional.of(new TechnicianViewModel.ReceiptPrinterSetting(receipt.spec().orElse(""), receipt.profile()));
    }

    @Override
    public void saveReceiptPrinterSetting(TechnicianViewModel.ReceiptPrinterSetting setting) {
        org.medkiosk.app.technician.ConfigOverrides overrides = kiosk.configOverrides()
                .orElseThrow(() -> new UnsupportedOperationException("no configuration file to override"));
        overrides.setAll(java.util.Map.of("printer.receipt", setting.spec(), "printer.receipt.profile", setting.profile()));
    }

    @Override
    public PrintResult testReceiptPrinterSetting(TechnicianViewModel.ReceiptPrinterSetting setting) {
        KioskConfig.ReceiptPrinter edited = validated(setting).receiptPrinter();
        if (edited.spec().isEmpty()) {
            throw new org.medkiosk.app.config.ConfigException(I18n.tr("technician.setting.no-printer"));
        }
        PrinterProfile profile = PrinterProfile.byName(edited.profile()).orElse(PrinterProfile.EPSON_80);
        byte[] page = new ReceiptTemplates(KioskAssembly.letterhead(kiosk.config().hospital()), profile, I18n.locale())
                .testPage(Instant.now());
        // The factory the kiosk starts its printer with (printer.receipt → driver), opened only for this page.
        try (ReceiptPrinter printer = ReceiptPrinter.connect(edited.spec().get())) {
            return printer.print(page);
        }
    }

    /**
     * The configuration the kiosk would start with if {@code setting} were saved: the loader itself parses the
     * administrator's file with the overrides and this edit on top (nothing is written), so a bad value gets the
     * loader's one-line message, as Save does.
     */
    private KioskConfig validated(TechnicianViewModel.ReceiptPrinterSetting setting) {
        org.medkiosk.app.technician.ConfigOverrides overrides = kiosk.configOverrides()
                .orElseThrow(() -> new UnsupportedOperationException("no configuration file to override"));
        java.util.Properties edited = new java.util.Properties();
        edited.putAll(overrides.values());
        edited.put("printer.receipt", setting.spec());
        edited.put("printer.receipt.profile", setting.profile());
        java.io.StringWriter text = new java.io.StringWriter();
        try {
            edited.store(text, null);
            return org.medkiosk.app.config.ConfigLoader.parse(overrides.mainFile().toString(),
                    java.nio.file.Files.readString(overrides.mainFile()), overrides.file().toString(), text.toString());
        } catch (java.io.IOException e) {
            throw new org.medkiosk.app.config.ConfigException("cannot read configuration file " + overrides.mainFile()
                    + ": " + e.getMessage());
        }
    }

    @Override
    public String backendAddress() {
        Optional<String> url = kiosk.config().backend().url();
        if (url.isPresent()) {
            return withoutUserInfo(url.get());
        }
        DemoHospital demo = kiosk.demoHospital().getNow(null);
        return demo == null ? I18n.tr("technician.backend.demo-starting") : I18n.tr("technician.backend.demo", demo.baseUrl());
    }

    /** Only scheme, host, port and path: a URL can carry a user and password, which the screen must not show. */
    static String withoutUserInfo(String url) {
        try {
            java.net.URI u = java.net.URI.create(url);
            if (u.getHost() == null) {
                return url.replaceAll("//[^/@]*@", "//");
            }
            return new java.net.URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return url.replaceAll("//[^/@]*@", "//").replaceAll("\\?.*$", "");
        }
    }

    @Override
    public TechnicianViewModel.BackendCheck checkBackend() {
        KioskConfig.Backend backend = kiosk.config().backend();
        FhirSettings settings;
        if (backend.url().isPresent()) {
            settings = backend.fhirSettings(); // the kiosk's own credentials and identifier systems
        } else {
            try {
                settings = FhirSettings.of(kiosk.demoHospital().get(60, TimeUnit.SECONDS).baseUrl());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the demo hospital started", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the demo hospital did not start: " + e.getMessage(), e);
            }
        }
        BackendCheckCommand.Outcome outcome = BackendCheckCommand.check(settings);
        return new TechnicianViewModel.BackendCheck(outcome.lines(), outcome.conformant());
    }

    @Override
    public Optional<List<String>> recentLog(int lines) {
        Optional<Path> file = currentLogFile();
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        try {
            // Masked again: the layout masked every line when written; this also covers a file written otherwise.
            return Optional.of(tail(file.get(), lines).stream().map(PersonalDataMasker::mask)
                    .map(TechnicianDesk::withoutMaskedNames).toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file.get(), e);
        }
    }

    /** A name as the log masks it (张*明, J*********H): a letter and stars, or a lone star before a letter. */
    private static final java.util.regex.Pattern MASKED_NAME =
            java.util.regex.Pattern.compile("\\p{L}[\\p{L}*]*\\*[\\p{L}*]*|(?<![\\p{L}\\d*])\\*+\\p{L}[\\p{L}*]*");

    /**
     * The log keeps a masked name for the patient's own receipts and complaints; the technician screen shows none at
     * all, not even masked (a technician may open it while the patient is still standing there).
     */
    static String withoutMaskedNames(String line) {
        return MASKED_NAME.matcher(line).replaceAll("***");
    }

    /** The file logback writes now (its file appender), else ${medkiosk.log.dir}/kiosk.log. */
    static Optional<Path> currentLogFile() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Iterator<Appender<ILoggingEvent>> appenders = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                    .iteratorForAppenders();
            while (appenders.hasNext()) {
                if (appenders.next() instanceof FileAppender<?> appender && appender.getFile() != null) {
                    return Optional.of(Path.of(appender.getFile()));
                }
            }
        }
        String dir = System.getProperty(LogFolder.PROPERTY);
        return dir == null ? Optional.empty() : Optional.of(Path.of(dir, "kiosk.log"));
    }

    /** The last {@code n} lines, reading only the file's end (a log may be 20 MB). */
    static List<String> tail(Path file, int n) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int chunk = (int) Math.min(length, 256L * n + 64 * 1024);
            byte[] bytes = new byte[chunk];
            in.seek(length - chunk);
            in.readFully(bytes);
            List<String> all = new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().toList());
            if (chunk < length && !all.isEmpty()) {
                all.remove(0); // begins mid-line
            }
            all.removeIf(String::isBlank);
            return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
        }
    }

    @Override
    public Optional<String> samId() {
        Optional<IdCardReader> reader = kiosk.devices().idCardReader();
        return reader.isEmpty() ? Optional.empty() : Optional.of(answer(reader.get().samId()));
    }

    @Override
    public Optional<SamStatus> samSelfTest() {
        Optional<IdCardReader> reader = kiosk.devices().idCardReader();
        return reader.isEmpty() ? Optional.empty() : Optional.of(answer(reader.get().submit(SamCommand.SAM_STATUS)).status());
    }

    /** The reader answers between its polls: a few hundred milliseconds, or it is not answering. */
    private static <T> T answer(java.util.concurrent.CompletableFuture<T> asked) {
        try {
            return asked.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the ID-card reader did not answer within 5 s", e);
        }
    }

    @Override
    public void exit() {
        kiosk.technicianExit().accept(0);
    }

    @Override
    public void exit(int code) {
        kiosk.technicianExit().accept(code);
    }

    @Override
    public boolean canPowerOff() {
        return kiosk.systemPower().isPresent();
    }

    @Override
    public Optional<org.medkiosk.app.technician.SystemPower.Outcome> powerOff() {
        return kiosk.systemPower().map(org.medkiosk.app.technician.SystemPower::powerOff);
    }
}
