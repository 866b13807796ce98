package org.medkiosk.journey.runner;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.medkiosk.device.idcard.DemoCards;
import org.medkiosk.device.idcard.IdCard;
import org.medkiosk.device.idcard.IdCardEvent;
import org.medkiosk.device.scanner.ScannedCode;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.AppointmentStatus;
import org.medkiosk.hospital.Department;
import org.medkiosk.hospital.Doctor;
import org.medkiosk.hospital.HospitalBackend;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.hospital.Masking;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.Slot;
import org.medkiosk.journal.CrashPoint;
import org.medkiosk.journey.Journey;
import org.medkiosk.journey.JourneyEngine;
import org.medkiosk.journey.JourneySettings;
import org.medkiosk.journey.PatientSession;
import org.medkiosk.journey.ReceiptOutcome;
import org.medkiosk.journey.cancel.CancelBookingJourney;
import org.medkiosk.journey.cancel.CancelBookingState;
import org.medkiosk.journey.concurrent.TaskExecutor;
import org.medkiosk.journey.identify.IdCardIdentity;
import org.medkiosk.journey.identify.IdentifyJourney;
import org.medkiosk.journey.identify.IdentifyOutcome;
import org.medkiosk.journey.pay.PayBillsJourney;
import org.medkiosk.journey.pay.PayBillsState;
import org.medkiosk.journey.payment.Pause;
import org.medkiosk.journey.payment.PaymentRules;
import org.medkiosk.journey.payment.WalletCode;
import org.medkiosk.journey.payment.WalletCodes;
import org.medkiosk.journey.register.RegistrationJourney;
import org.medkiosk.journey.register.RegistrationState;
import org.medkiosk.journey.settle.SettlementLine;
import org.medkiosk.journey.topup.TopUpJourney;
import org.medkiosk.journey.topup.TopUpState;
import org.medkiosk.print.escpos.PrinterProfile;
import org.medkiosk.print.receipt.Letterhead;
import org.medkiosk.print.receipt.ReceiptTemplates;

/**
 * The scripted patient: the kiosk's journey engine (real journal in the data folder, real drivers in front of
 * simulated devices, synchronous tasks) driven by a {@link Script}, no window. Settles once at start as the kiosk
 * does, then runs the steps, printing one line each: the step, the state it ended in, and details with no name,
 * ID number or payment code.
 */
public final class JourneyRunner implements AutoCloseable {
    /** Exit statuses: every expectation held / an expectation failed or a step could not run. */
    public static final int OK = 0;
    public static final int FAILED = 1;

    private final HospitalBackend backend;
    private final HospitalLevers levers;
    private final PrintStream out;
    private final SimulatedDevices devices;
    private final JourneyEngine engine;
    private final Clock clock = Clock.systemDefaultZone();

    private PatientSession session;
    private final List<Journey<?>> sessionJourneys = new ArrayList<>();
    private String lastState;
    private String bookedHere;

    /**
     * @param levers the demo hospital's levers for the {@code invoice} step; null when the backend is not the demo
     */
    public JourneyRunner(HospitalBackend backend, HospitalLevers levers, Path dataFolder, PrintStream out) {
        this.backend = backend;
        this.levers = levers;
        this.out = out;
        this.devices = new SimulatedDevices();
        Letterhead letterhead = new Letterhead(LocalizedText.of("演示医院", "Demo Hospital"), null,
                LocalizedText.of("祝您早日康复", "Get well soon"), "journey-runner", ZoneId.systemDefault());
        try {
            this.engine = JourneyEngine.open(new JourneyEngine.Parts(dataFolder, backend, Optional.of(devices::print),
                    locale -> new ReceiptTemplates(letterhead, PrinterProfile.EPSON_80, locale), TaskExecutor.synchronous(),
                    clock, PaymentRules.fromSystemProperties(), Pause.sleeping(), JourneySettings.defaults(),
                    CrashPoint.fromSystemProperties()));
        } catch (RuntimeException e) {
            devices.close();
            throw e;
        }
    }

    public JourneyEngine engine() {
        return engine;
    }

    /** Settles (as the kiosk does at start-up), then runs the script. Returns {@link #OK} or {@link #FAILED}. */
    public int run(Script script) {
        List<SettlementLine> atStart = engine.settle();
        atStart.forEach(l -> out.println("settle " + l));
        out.println("settled at start: " + atStart.size() + " action(s), " + engine.journal().open().size() + " open");
        int expectations = 0;
        for (Script.Step step : script.steps()) {
            if (step instanceof Script.Expect expect) {
                expectations++;
                if (expect.state().equals(lastState)) {
                    out.println(step.line() + " " + step + " -> ok");
                    continue;
                }
                out.println(step.line() + " " + step + " -> FAILED: the state is " + lastState);
                out.flush();
                return FAILED;
            }
            String result;
            try {
                result = perform(step);
            } catch (RuntimeException e) {
                lastState = "Error";
                out.println(step.line() + " " + step + " -> Error " + e.getClass().getSimpleName() + ": "
                        + String.valueOf(e.getMessage()));
                out.flush();
                return FAILED;
            }
            out.println(step.line() + " " + step + " -> " + result);
            out.flush();
        }
        out.println("script done: " + script.steps().size() + " step(s), " + expectations + " expectation(s) held, "
                + engine.journal().open().size() + " intent(s) open");
        return OK;
    }

    private String perform(Script.Step step) {
        if (step instanceof Script.Card card) {
            return card(card);
        } else if (step instanceof Script.Invoice invoice) {
            return invoice(invoice);
        } else if (step instanceof Script.Pay pay) {
            return pay(pay);
        } else if (step instanceof Script.TopUp topUp) {
            return topUp(topUp);
        } else if (step instanceof Script.Register register) {
            return register(register);
        } else if (step instanceof Script.Cancel cancel) {
            return cancel(cancel);
        } else if (step instanceof Script.Finish) {
            boolean had = session != null;
            finishSession();
            return state(had ? "SessionEnded" : "NoSession");
        } else if (step instanceof Script.Recover) {
            List<SettlementLine> lines = engine.settle();
            lines.forEach(l -> out.println("  settle " + l));
            int open = engine.journal().open().size();
            return state(open == 0 ? "Settled" : "Open") + " (" + lines.size() + " action(s), " + open + " open)";
        }
        throw new IllegalArgumentException("not a step: " + step);
    }

    private String card(Script.Card step) {
        finishSession(); // a new card starts a new session; the kiosk would ask to finish first
        IdCard card = DemoCards.byRosterNumber(step.roster());
        IdCardEvent event = devices.presentCard(card);
        if (event instanceof IdCardEvent.ReadFailed failed) {
            return state("CardUnreadable") + " " + failed.failure();
        }
        IdCard read = ((IdCardEvent.CardRead) event).card();
        if (read.isExpired(LocalDate.now(clock))) {
            return state("CardExpired");
        }
        IdentifyOutcome outcome = new IdentifyJourney(backend, TaskExecutor.synchronous())
                .identify(IdCardIdentity.of(read)).join();
        if (outcome instanceof IdentifyOutcome.Identified identified) {
            session = new PatientSession(identified.patient(), () -> Locale.SIMPLIFIED_CHINESE);
            return state("Identified") + " patient " + Masking.idNumber(session.patientId());
        }
        return state(outcome.getClass().getSimpleName());
    }

    private String invoice(Script.Invoice step) {
        if (session == null) {
            return state("NoSession");
        }
        if (levers == null) {
            throw new IllegalStateException("the invoice step needs the demo hospital's levers");
        }
        String id = levers.issueInvoice(session.patientId(), step.amount());
        return state("Issued") + " " + id + " " + step.amount();
    }

    private String pay(Script.Pay step) {
        if (session == null) {
            return state("NoSession");
        }
        PayBillsJourney journey = track(engine.payBills(session));
        journey.start();
        if (!(journey.state() instanceof PayBillsState.Bills bills)) {
            return describe(journey.state());
        }
        if (step.fromAccount()) {
            if (!bills.prepaidCovers()) {
                return state("AccountDoesNotCover") + " total " + bills.total();
            }
            journey.payFromAccount();
            return describe(journey.state());
        }
        journey.payByWallet();
        return scanWalletCode(step.code(), journey::codeScanned, journey::state);
    }

    /** The patient shows a wallet code to the scanner of a journey waiting for one; the line the step prints. */
    private String scanWalletCode(String raw, java.util.function.Predicate<WalletCode> scanned,
                                  java.util.function.Supplier<Object> stateAfter) {
        Optional<WalletCode> code = walletCode(raw);
        if (code.isEmpty()) {
            return state("NotAWalletCode");
        }
        scanned.test(code.get());
        return describe(stateAfter.get());
    }

    private String topUp(Script.TopUp step) {
        if (session == null) {
            return state("NoSession");
        }
        TopUpJourney journey = track(engine.topUp(session));
        journey.start();
        if (!(journey.state() instanceof TopUpState.ChooseAmount choose)) {
            return describe(journey.state());
        }
        if (choose.presets().contains(step.amount())) {
            journey.choosePreset(step.amount());
        } else {
            for (char c : String.valueOf(step.amount().fen() / 100).toCharArray()) {
                journey.typeDigit(c - '0');
            }
            journey.confirmTyped();
        }
        if (!(journey.state() instanceof TopUpState.ScanCode)) {
            return describe(journey.state());
        }
        return scanWalletCode(step.code(), journey::codeScanned, journey::state);
    }

    private String register(Script.Register step) {
        if (session == null) {
            return state("NoSession");
        }
        RegistrationJourney journey = track(engine.registration(session));
        journey.start();
        if (!(journey.state() instanceof RegistrationState.Departments departments)) {
            return describe(journey.state());
        }
        LocalDate day = LocalDate.now(clock).plusDays(step.dayOffset());
        boolean periodChosen = false;
        for (Department d : departments.departments()) {
            if (!step.department().equals("first") && !step.department().equals(d.id())) {
                continue;
            }
            journey.chooseDepartment(d.id());
            if (!day.equals(LocalDate.now(clock))) {
                journey.chooseDay(day);
            }
            if (journey.state() instanceof RegistrationState.Doctors doctors && doctors.day().equals(day)) {
                periodChosen = chooseDoctorAndSlot(journey, doctors, step);
            }
            if (periodChosen) {
                break;
            }
            if (journey.state() instanceof RegistrationState.Doctors) {
                journey.back();
            } else {
                return describe(journey.state()); // unavailable
            }
        }
        if (!periodChosen) {
            return state("NoFreeNumber") + " on day +" + step.dayOffset();
        }
        journey.confirm();
        if (!(journey.state() instanceof RegistrationState.ScanCode) || step.code() == null) {
            return describe(journey.state());
        }
        return scanWalletCode(step.code(), journey::codeScanned, journey::state);
    }

    /** Leaves the journey on Confirm and returns true, or on Doctors and returns false. */
    private boolean chooseDoctorAndSlot(RegistrationJourney journey, RegistrationState.Doctors doctors, Script.Register step) {
        for (Doctor doctor : doctors.doctors()) {
            if (!step.doctor().equals("first") && !step.doctor().equals(doctor.id())) {
                continue;
            }
            journey.chooseDoctor(doctor.id());
            if (journey.state() instanceof RegistrationState.Periods periods) {
                for (Slot slot : periods.slots()) {
                    if (step.slot().equals("first") || step.slot().equals(slot.id())) {
                        journey.chooseSlot(slot.id());
                        return journey.state() instanceof RegistrationState.Confirm;
                    }
                }
                journey.back();
            }
            if (!(journey.state() instanceof RegistrationState.Doctors)) {
                return false;
            }
        }
        return false;
    }

    private String cancel(Script.Cancel step) {
        if (session == null) {
            return state("NoSession");
        }
        CancelBookingJourney journey = track(engine.cancelBooking(session));
        journey.start();
        if (!(journey.state() instanceof CancelBookingState.Bookings bookings)) {
            return describe(journey.state());
        }
        List<Appointment> booked = bookings.bookings().stream().filter(a -> a.status() == AppointmentStatus.BOOKED).toList();
        Appointment target = null;
        if (step.which().equals("first") && !booked.isEmpty()) {
            target = booked.get(0);
        } else if (step.which().equals("last") && !booked.isEmpty()) {
            target = booked.get(booked.size() - 1);
        } else if (step.which().equals("booked")) {
            target = booked.stream().filter(a -> a.id().equals(bookedHere)).findFirst().orElse(null);
        } else {
            target = booked.stream().filter(a -> a.id().equals(step.which())).findFirst().orElse(null);
        }
        if (target == null) {
            return state("NoSuchBooking");
        }
        journey.choose(target.id());
        journey.confirm();
        return describe(journey.state());
    }

    private Optional<WalletCode> walletCode(String code) {
        ScannedCode scanned = devices.scan(code);
        return WalletCodes.of(scanned);
    }

    private <J extends Journey<?>> J track(J journey) {
        sessionJourneys.add(journey);
        return journey;
    }

    private void finishSession() {
        if (session == null) {
            return;
        }
        sessionJourneys.forEach(Journey::abandon);
        sessionJourneys.clear();
        session.end();
        session = null;
    }

    private String state(String name) {
        lastState = name;
        return name;
    }

    /** The state's simple name and what a technician may see of it: amounts, transaction numbers, outcomes. */
    private String describe(Object s) {
        String name = state(s.getClass().getSimpleName());
        String detail = "";
        if (s instanceof PayBillsState.Paid p) {
            detail = p.total() + " txn " + p.transactionNumber() + " " + p.invoices() + " invoice(s) " + receipt(p.receipt());
        } else if (s instanceof PayBillsState.NotCharged n) {
            detail = n.total() + " " + n.outcome();
        } else if (s instanceof PayBillsState.Unsettled u) {
            detail = u.total().toString();
        } else if (s instanceof TopUpState.ToppedUp t) {
            detail = t.amount() + " txn " + t.transactionNumber() + " " + receipt(t.receipt());
        } else if (s instanceof TopUpState.NotCharged n) {
            detail = n.amount() + " " + n.outcome();
        } else if (s instanceof TopUpState.ChooseAmount c) {
            detail = c.problem() == null ? "" : c.problem();
        } else if (s instanceof RegistrationState.Booked b) {
            bookedHere = b.appointment().id();
            detail = b.appointment().id() + " txn " + b.transactionNumber() + " " + receipt(b.slip());
        } else if (s instanceof RegistrationState.Refunded r) {
            detail = r.fee() + " refund txn " + r.refundTransaction() + " " + receipt(r.notice());
        } else if (s instanceof RegistrationState.NotCharged n) {
            detail = n.fee() + " " + n.outcome();
        } else if (s instanceof RegistrationState.ScanCode c) {
            detail = "fee " + c.fee() + " slot " + c.slot().id();
        } else if (s instanceof RegistrationState.Periods p) {
            detail = p.justTaken() ? "the number was just taken" : "";
        } else if (s instanceof CancelBookingState.Cancelled c) {
            Money refunded = c.refunded();
            detail = c.booking().id() + " refunded " + refunded
                    + (c.refundTransaction() == null ? "" : " txn " + c.refundTransaction())
                    + (c.notice() == null ? "" : " " + receipt(c.notice()));
        } else if (s instanceof CancelBookingState.NotCancelled n) {
            detail = n.unanswered() ? "unanswered" : "refused";
        }
        return detail.isBlank() ? name : name + " " + detail.trim();
    }

    private static String receipt(ReceiptOutcome r) {
        return "receipt " + r.getClass().getSimpleName();
    }

    @Override
    public void close() {
        finishSession();
        engine.close();
        devices.close();
    }
}
