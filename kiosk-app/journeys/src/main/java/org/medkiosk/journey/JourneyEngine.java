package org.medkiosk.journey;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.HospitalBackend;
import org.medkiosk.hospital.SpecimenReports;
import org.medkiosk.journal.CrashPoint;
import org.medkiosk.journal.Journal;
import org.medkiosk.journal.KioskStore;
import org.medkiosk.journey.cancel.CancelBookingJourney;
import org.medkiosk.journey.checkin.CheckInJourney;
import org.medkiosk.journey.queries.QueriesJourney;
import org.medkiosk.journey.reports.ReportPaper;
import org.medkiosk.journey.reports.ReportsJourney;
import org.medkiosk.journey.concurrent.TaskExecutor;
import org.medkiosk.journey.pay.PayBillsJourney;
import org.medkiosk.journey.payment.Pause;
import org.medkiosk.journey.payment.PaymentDesk;
import org.medkiosk.journey.payment.PaymentRules;
import org.medkiosk.journey.register.RegistrationJourney;
import org.medkiosk.journey.settle.Settlement;
import org.medkiosk.journey.settle.SettlementLine;
import org.medkiosk.journey.topup.TopUpJourney;
import org.medkiosk.print.receipt.ReceiptTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's journey engine: the journal in the data folder, the payment and receipt desks, settlement, and a
 * factory for each journey. The JavaFX kiosk, the headless runner and the crash harness all assemble it the same
 * way, so what the harness proves is what the lobby runs.
 */
public final class JourneyEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JourneyEngine.class);

    /** Everything an engine is built from; tests swap the clock, the pause and the printer. */
    public record Parts(Path dataFolder, HospitalBackend backend, Optional<ReceiptDesk.ReceiptPrinting> printer,
                        Function<Locale, ReceiptTemplates> templates, TaskExecutor tasks, Clock clock,
                        PaymentRules rules, Pause pause, JourneySettings settings, CrashPoint crashPoint,
                        ReportPaper reportPaper) {
        public Parts {
            reportPaper = reportPaper == null ? ReportPaper.none() : reportPaper;
        }

        /** Without a report printer (reports are listed; printing says there is no printer here). */
        public Parts(Path dataFolder, HospitalBackend backend, Optional<ReceiptDesk.ReceiptPrinting> printer,
                     Function<Locale, ReceiptTemplates> templates, TaskExecutor tasks, Clock clock,
                     PaymentRules rules, Pause pause, JourneySettings settings, CrashPoint crashPoint) {
            this(dataFolder, backend, printer, templates, tasks, clock, rules, pause, settings, crashPoint, ReportPaper.none());
        }

        public Parts withReportPaper(ReportPaper paper) {
            return new Parts(dataFolder, backend, printer, templates, tasks, clock, rules, pause, settings, crashPoint, paper);
        }

        public Parts withSettings(JourneySettings other) {
            return new Parts(dataFolder, backend, printer, templates, tasks, clock, rules, pause, other, crashPoint, reportPaper);
        }
    }

    private final KioskStore store;
    private final JourneyContext context;
    private final Settlement settlement;
    private ScheduledExecutorService settleTimer;
    private final org.medkiosk.journal.StaffAudit staffAudit;

    private JourneyEngine(KioskStore store, JourneyContext context) {
        this.store = store;
        this.context = context;
        this.staffAudit = new org.medkiosk.journal.StaffAudit(store.file().getParent());
        this.settlement = new Settlement(context);
    }

    public static JourneyEngine open(Parts p) {
        KioskStore store = KioskStore.open(p.dataFolder());
        Journal journal = new Journal(store, p.clock(), p.crashPoint());
        PaymentDesk payments = new PaymentDesk(p.backend(), journal, p.rules(), p.pause(), p.clock());
        ReceiptDesk receipts = new ReceiptDesk(journal, p.printer(), p.templates());
        JourneyContext ctx = new JourneyContext(p.backend(), journal, payments, receipts, p.tasks(), p.clock(),
                new LiveJourneys(), p.settings(), p.reportPaper());
        return new JourneyEngine(store, ctx);
    }

    public JourneyContext context() {
        return context;
    }

    public Journal journal() {
        return context.journal();
    }

    public KioskStore store() {
        return store;
    }

    /** One settlement pass now (start-up, `kiosk journal recover`, tests). */
    public List<SettlementLine> settle() {
        return settlement.settle();
    }

    /** Settles at once in the background, then every {@code period} while the kiosk runs. */
    public synchronized void settleEvery(Duration period) {
        if (settleTimer != null) {
            return;
        }
        settleTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "journal-settlement");
            t.setDaemon(true);
            return t;
        });
        settleTimer.scheduleWithFixedDelay(() -> {
            try {
                settlement.settle();
            } catch (RuntimeException e) {
                LOG.warn("settlement pass failed: {}", e.toString());
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Nurse-assisted mode's desk for one sign-in; its audit log sits beside the journal in the data folder. */
    public org.medkiosk.journey.assist.StaffDesk staffDesk() {
        return new org.medkiosk.journey.assist.StaffDesk(context.backend(), context.tasks(), staffAudit, context.clock());
    }

    public org.medkiosk.journal.StaffAudit staffAudit() {
        return staffAudit;
    }

    public PayBillsJourney payBills(PatientSession session) {
        return new PayBillsJourney(context, session);
    }

    public TopUpJourney topUp(PatientSession session) {
        return new TopUpJourney(context, session);
    }

    public RegistrationJourney registration(PatientSession session) {
        return new RegistrationJourney(context, session);
    }

    public CancelBookingJourney cancelBooking(PatientSession session) {
        return new CancelBookingJourney(context, session);
    }

    /** Check in for today's appointment (the list is skipped when exactly one is open for check-in). */
    public CheckInJourney checkIn(PatientSession session) {
        return new CheckInJourney(context, session);
    }

    /** Check in one appointment: an id, or a scanned {@code MKAPT:} code of a registration slip. */
    public CheckInJourney checkIn(PatientSession session, String appointmentIdOrCode) {
        return new CheckInJourney(context, session, appointmentIdOrCode);
    }

    /**
     * The appointment of a scanned {@code MKAPT:} code (blocking: off the FX thread): the kiosk identifies its
     * patient by {@code appointment.patientId()}, opens a session, then {@link #checkIn(PatientSession, String)}.
     */
    public Optional<Appointment> lookUpAppointment(String appointmentIdOrCode) {
        return CheckInJourney.lookUp(context.backend(), appointmentIdOrCode);
    }

    /** Print reports: all the patient's ready reports. */
    public ReportsJourney reports(PatientSession session) {
        return new ReportsJourney(context, session);
    }

    /**
     * A specimen barcode's reports and whose they are (blocking: off the FX thread); empty for an unknown barcode.
     * The kiosk opens a session for {@code found.patient()}, then {@link #specimenReports(PatientSession, SpecimenReports)}.
     */
    public Optional<SpecimenReports> lookUpSpecimen(String specimenId) {
        return ReportsJourney.lookUpSpecimen(context.backend(), specimenId);
    }

    /** Print reports: only the reports of a specimen already looked up with {@link #lookUpSpecimen}. */
    public ReportsJourney specimenReports(PatientSession session, SpecimenReports found) {
        return new ReportsJourney(context, session, found.specimenId(), found);
    }

    /** Print reports: only the reports of a scanned specimen barcode (looked up when the journey starts). */
    public ReportsJourney specimenReports(PatientSession session, String specimenId) {
        return new ReportsJourney(context, session, specimenId, null);
    }

    /** Queries: queue position, fee details and paid history, my receipts. */
    /** What the home screen's card offers this patient (an appointment to check in, bills, reports). */
    public org.medkiosk.journey.home.PendingTasks pendingTasks() {
        return new org.medkiosk.journey.home.PendingTasks(context());
    }

    public QueriesJourney queries(PatientSession session) {
        return new QueriesJourney(context, session);
    }

    @Override
    public synchronized void close() {
        if (settleTimer != null) {
            settleTimer.shutdownNow();
        }
        store.close();
    }
}
