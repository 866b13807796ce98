package org.medkiosk.journey.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.demohospital.DemoRoster;
import org.medkiosk.device.link.InMemoryLink;
import org.medkiosk.device.link.LinkPair;
import org.medkiosk.device.receipt.PrinterSimulator;
import org.medkiosk.device.receipt.ReceiptPrinter;
import org.medkiosk.fhir.FhirHospitalBackend;
import org.medkiosk.fhir.FhirSettings;
import org.medkiosk.hospital.HospitalBackend;
import org.medkiosk.hospital.IdentifierKind;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PatientIdentifier;
import org.medkiosk.journal.CrashPoint;
import org.medkiosk.journey.JourneyEngine;
import org.medkiosk.journey.JourneySettings;
import org.medkiosk.journey.PatientSession;
import org.medkiosk.journey.concurrent.TaskExecutor;
import org.medkiosk.journey.payment.PaymentRules;
import org.medkiosk.journey.reports.ReportPaper;
import org.medkiosk.print.escpos.PrinterProfile;
import org.medkiosk.print.receipt.Letterhead;
import org.medkiosk.print.receipt.ReceiptTemplates;

/**
 * A journey engine against the real demo hospital over HTTP, with the real ESC/POS driver talking to the printer
 * simulator over an in-memory link, a synchronous executor and a test clock that polling advances.
 */
public final class EngineFixture implements AutoCloseable {
    public final DemoHospital hospital;
    public final FhirHospitalBackend backend;
    public final PrinterSimulator printer = new PrinterSimulator();
    public final ReceiptPrinter receiptPrinter;
    public final TestClock clock = new TestClock(Instant.now(), ZoneId.of("Asia/Shanghai"));
    public final JourneyEngine engine;
    /** Every pause the payment desk asked for, in order. */
    public final List<Duration> pauses = new ArrayList<>();
    /** The A4 report printer: in memory, records every page, can be told to refuse, fail or never complete. */
    public final MemoryReportPrinter reportPrinter = new MemoryReportPrinter();
    private final Thread printerThread;
    private final java.util.function.UnaryOperator<JourneySettings> journeySettings;

    public EngineFixture(Path data) {
        this(data, DemoHospital.Options.defaults(), s -> s);
    }

    public EngineFixture(Path data, DemoHospital.Options options, java.util.function.UnaryOperator<FhirSettings> settings) {
        this(data, options, settings, s -> s);
    }

    /** With the hospital's clock in the kiosk's zone (so "today" is one day for both) and adjusted journey settings. */
    public static EngineFixture inKioskZone(Path data, java.util.function.UnaryOperator<JourneySettings> journeySettings) {
        return new EngineFixture(data, DemoHospital.Options.defaults().withClock(java.time.Clock.system(ZONE)), s -> s,
                journeySettings);
    }

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public EngineFixture(Path data, DemoHospital.Options options, java.util.function.UnaryOperator<FhirSettings> settings,
                         java.util.function.UnaryOperator<JourneySettings> journeySettings) {
        this.journeySettings = journeySettings;
        hospital = DemoHospital.start(0, options);
        backend = new FhirHospitalBackend(settings.apply(FhirSettings.of(hospital.baseUrl())));
        LinkPair paper = InMemoryLink.pair("test-receipt-printer");
        printerThread = new Thread(() -> {
            try {
                printer.runOn(paper.device());
            } catch (Exception e) {
                // the link closed with the test
            }
        }, "test-printer");
        printerThread.setDaemon(true);
        printerThread.start();
        receiptPrinter = new ReceiptPrinter(paper.host(), true, Duration.ofSeconds(2));
        engine = JourneyEngine.open(parts(data, backend));
    }

    public JourneyEngine.Parts parts(Path data, HospitalBackend via) {
        Letterhead letterhead = new Letterhead(LocalizedText.of("示范医院", "Demo Hospital"), null, null, "K-TEST", clock.getZone());
        return new JourneyEngine.Parts(data, via, Optional.of(receiptPrinter::print),
                locale -> new ReceiptTemplates(letterhead, PrinterProfile.EPSON_80, locale), TaskExecutor.synchronous(),
                clock, PaymentRules.standard(), d -> {
                    pauses.add(d);
                    clock.advance(d);
                }, journeySettings.apply(JourneySettings.defaults()), CrashPoint.none(),
                new ReportPaper(Optional.of(reportPrinter), letterhead));
    }

    public PatientSession session(int rosterNumber) {
        Patient p = backend.findPatient(new PatientIdentifier(IdentifierKind.RESIDENT_ID,
                DemoRoster.patient(rosterNumber).idNumber())).orElseThrow();
        return new PatientSession(p, () -> Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public void close() {
        engine.close();
        receiptPrinter.close();
        printer.close();
        backend.close();
        hospital.close();
    }
}
