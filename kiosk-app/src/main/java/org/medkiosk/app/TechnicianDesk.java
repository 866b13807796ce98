package org.medkiosk.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.devices.DeviceAvailability;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.technician.SerialPorts;
import org.medkiosk.app.viewmodel.TechnicianViewModel;
import org.medkiosk.device.receipt.PrintResult;
import org.medkiosk.hospital.Masking;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.Journal;
import org.medkiosk.journal.PrintJob;
import org.medkiosk.journey.JourneyEngine;
import org.medkiosk.print.escpos.PrinterProfile;
import org.medkiosk.print.receipt.ReceiptTemplates;

/**
 * What technician mode reads and does on this kiosk: the devices of its configuration and their health, the serial
 * ports present, the receipt printer's test page through the driver the journeys use, the journal and settlement.
 * The blocking methods run on the kiosk's background executor (the view model sees to it).
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
    public void exit() {
        kiosk.technicianExit().run();
    }
}
