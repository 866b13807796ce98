package org.medkiosk.journey.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.Department;
import org.medkiosk.hospital.Doctor;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.hospital.PaymentRequest;
import org.medkiosk.hospital.PaymentResult;
import org.medkiosk.hospital.Slot;
import org.medkiosk.hospital.SlotHold;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journey.Journey;
import org.medkiosk.journey.JourneyContext;
import org.medkiosk.journey.PatientSession;
import org.medkiosk.journey.ReceiptOutcome;
import org.medkiosk.journey.payment.PaymentOutcome;
import org.medkiosk.journey.payment.WalletCode;
import org.medkiosk.print.receipt.RefundNotice;
import org.medkiosk.print.receipt.RegistrationSlip;

/**
 * Registration: HOLD the number, PAY the fee, BOOK it, each journaled first; a BOOK refused after payment is
 * REFUNDED with a printed notice. The steps after HOLD are shared with settlement through {@link RegistrationSteps}.
 */
public final class RegistrationJourney extends Journey<RegistrationState> {
    public static final String SLIP = "REGISTRATION_SLIP";
    public static final String REFUND_NOTICE = "REFUND_NOTICE";

    private List<Department> departments = List.of();
    private Department department;
    private Doctor doctor;
    private LocalDate day;
    private Slot slot;
    private Intent hold;
    private SlotHold held;

    public RegistrationJourney(JourneyContext ctx, PatientSession session) {
        super(ctx, session, new RegistrationState.Loading());
    }

    public void start() {
        show(new RegistrationState.Loading());
        inBackground(() -> {
            List<Department> found = ctx.backend().departments();
            ctx.tasks().ui().execute(() -> {
                departments = found;
                show(new RegistrationState.Departments(found));
            });
        }, this::unavailable);
    }

    /**
     * Starts at one department's doctors (the department guide's "register here"): Back leads to the department
     * list as usual. A department the hospital no longer lists starts at that list instead.
     */
    public void startAt(String departmentId) {
        show(new RegistrationState.Loading());
        inBackground(() -> {
            List<Department> found = ctx.backend().departments();
            // show() posts to the UI thread, so the department is chosen here rather than through chooseDepartment,
            // which would still see Loading.
            Department chosen = found.stream().filter(d -> d.id().equals(departmentId)).findFirst().orElse(null);
            ctx.tasks().ui().execute(() -> {
                departments = found;
                department = chosen;
                if (chosen == null) {
                    show(new RegistrationState.Departments(found));
                } else {
                    loadDoctors(today());
                }
            });
        }, this::unavailable);
    }

    private RegistrationState unavailable(RuntimeException e) {
        finished();
        return new RegistrationState.Unavailable();
    }

    public void chooseDepartment(String departmentId) {
        if (!(state() instanceof RegistrationState.Departments)) {
            return;
        }
        department = departments.stream().filter(d -> d.id().equals(departmentId)).findFirst().orElse(null);
        if (department != null) {
            loadDoctors(today());
        }
    }

    /** Another day in the week ahead (the doctors screen opens on today). */
    public void chooseDay(LocalDate other) {
        if (state() instanceof RegistrationState.Doctors && bookableDays().contains(other)) {
            loadDoctors(other);
        }
    }

    private void loadDoctors(LocalDate on) {
        day = on;
        show(new RegistrationState.Loading());
        inBackground(() -> {
            List<Doctor> doctors = ctx.backend().doctors(department.id(), on);
            show(new RegistrationState.Doctors(department, on, bookableDays(), doctors));
        }, this::unavailable);
    }

    public void chooseDoctor(String doctorId) {
        if (state() instanceof RegistrationState.Doctors doctors) {
            doctors.doctors().stream().filter(d -> d.id().equals(doctorId)).findFirst().ifPresent(d -> {
                doctor = d;
                loadPeriods(false);
            });
        }
    }

    private void loadPeriods(boolean justTaken) {
        show(new RegistrationState.Loading());
        inBackground(() -> {
            List<Slot> slots = ctx.backend().freeSlots(doctor.id(), day, day).stream()
                    .filter(s -> s.remaining() > 0 && s.end().toInstant().isAfter(ctx.clock().instant())).toList();
            show(new RegistrationState.Periods(department, doctor, day, slots, justTaken));
        }, this::unavailable);
    }

    public void chooseSlot(String slotId) {
        if (state() instanceof RegistrationState.Periods periods) {
            periods.slots().stream().filter(s -> s.id().equals(slotId)).findFirst().ifPresent(s -> {
                slot = s;
                show(new RegistrationState.Confirm(department, doctor, s));
            });
        }
    }

    /** Back one screen (not while money moves). */
    public void back() {
        RegistrationState now = state();
        if (now instanceof RegistrationState.Doctors) {
            show(new RegistrationState.Departments(departments));
        } else if (now instanceof RegistrationState.Periods) {
            loadDoctors(day);
        } else if (now instanceof RegistrationState.Confirm) {
            loadPeriods(false);
        } else if (now instanceof RegistrationState.ScanCode) {
            show(new RegistrationState.Working(RegistrationState.Working.Step.RELEASING));
            inBackground(() -> {
                releaseHold();
                loadPeriods(false);
            }, this::unavailable);
        }
    }

    /** Confirmed: hold the number (HOLD intent), then ask for the wallet code — or book at once when it is free. */
    public void confirm() {
        if (!(state() instanceof RegistrationState.Confirm)) {
            return;
        }
        show(new RegistrationState.Working(RegistrationState.Working.Step.HOLDING));
        inBackground(() -> {
            hold = ctx.journal().intend(journeyId, IntentKind.HOLD, null, session.patientId(),
                    Map.of("slot", slot.id(), "doctor", doctor.id()));
            Optional<SlotHold> answer = new RegistrationSteps(ctx).hold(hold);
            if (answer.isEmpty()) {
                hold = null;
                loadPeriods(true);
                return;
            }
            held = answer.get();
            if (!slot.fee().isPositive()) {
                moneyInFlight(true);
                bookAndFinish(null, null);
                return;
            }
            show(new RegistrationState.ScanCode(department, doctor, slot, slot.fee(), held.expiresAt()));
        }, this::unavailable);
    }

    @Override
    public boolean awaitingWalletCode() {
        return state() instanceof RegistrationState.ScanCode;
    }

    public boolean codeScanned(WalletCode code) {
        if (!(state() instanceof RegistrationState.ScanCode scan)) {
            return false;
        }
        Money fee = scan.fee();
        moneyInFlight(true);
        show(new RegistrationState.Paying(fee, -1));
        inBackground(() -> {
            Intent pay = ctx.journal().intend(journeyId, IntentKind.PAY, fee, session.patientId(),
                    Map.of("appointment", held.appointmentId(), "method", code.method().name(), "purpose", "REGISTRATION"));
            PaymentRequest request = new PaymentRequest(pay.idempotencyKey(), session.patientId(), List.of(), fee,
                    code.method(), code.code(), held.appointmentId());
            PaymentOutcome outcome = ctx.payments().pay(pay, request,
                    left -> show(new RegistrationState.Paying(fee, secondsLeft(left))));
            if (outcome instanceof PaymentOutcome.Paid paid) {
                bookAndFinish(pay, paid.result());
            } else if (outcome instanceof PaymentOutcome.NotCharged no) {
                show(new RegistrationState.Working(RegistrationState.Working.Step.RELEASING));
                releaseHold();
                moneyInFlight(false);
                show(new RegistrationState.NotCharged(fee, no.state(), no.reason()));
                finished();
            } else {
                moneyInFlight(false);
                show(new RegistrationState.Unsettled(fee));
                finished();
            }
        }, e -> {
            moneyInFlight(false);
            finished();
            return new RegistrationState.Unsettled(fee);
        });
        return true;
    }

    /** BOOK after a successful payment (or for a free number); a refused booking refunds the payment. */
    private void bookAndFinish(Intent pay, PaymentResult paid) {
        show(new RegistrationState.Working(RegistrationState.Working.Step.BOOKING));
        RegistrationSteps steps = new RegistrationSteps(ctx);
        RegistrationSteps.BookResult result = steps.book(journeyId, session.patientId(), held.appointmentId(),
                pay == null ? null : pay.idempotencyKey());
        moneyInFlight(false);
        if (result instanceof RegistrationSteps.BookResult.Booked booked) {
            String txn = paid == null ? null : paid.transactionNumber();
            PaymentMethod method = pay == null ? null : PaymentMethod.valueOf(pay.payload("method"));
            RegistrationSlip slipData = new RegistrationSlip(session.patient(), booked.appointment(), doctor.title(),
                    department.location(), method, txn, ctx.clock().instant());
            ReceiptOutcome slip = ctx.receipts().print(session, journeyId, booked.bookKey(), SLIP, txn,
                    t -> t.registrationSlip(slipData));
            show(new RegistrationState.Booked(booked.appointment(), doctor, department, txn, slip));
        } else if (result instanceof RegistrationSteps.BookResult.Refunded refunded) {
            PaymentMethod method = PaymentMethod.valueOf(pay.payload("method"));
            RefundNotice notice = new RefundNotice(session.patient(), refunded.refund(), method,
                    LocalizedText.of("挂号费 " + doctor.name().zh(), "Registration fee, " + doctor.name().en()),
                    LocalizedText.of("号源已被占用，挂号未成功", "The number was taken before it could be booked"));
            ReceiptOutcome printed = ctx.receipts().print(session, journeyId, refunded.refundKey(), REFUND_NOTICE,
                    refunded.refund().transactionNumber(), t -> t.refundNotice(notice));
            show(new RegistrationState.Refunded(slot.fee(), refunded.refund().transactionNumber(), printed));
        } else {
            show(new RegistrationState.Unsettled(slot.fee()));
        }
        hold = null;
        finished();
    }

    /** Gives a held, unpaid number back (a CANCEL intent), so the next patient can have it. */
    private void releaseHold() {
        if (hold != null && held != null) {
            new RegistrationSteps(ctx).release(journeyId, session.patientId(), held.appointmentId());
            hold = null;
            held = null;
        }
    }

    @Override
    protected void release() {
        if (!moneyInFlight()) {
            releaseHold();
        }
    }

    private LocalDate today() {
        return LocalDate.now(ctx.clock());
    }

    private List<LocalDate> bookableDays() {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i <= ctx.settings().bookAheadDays(); i++) {
            days.add(today().plusDays(i));
        }
        return days;
    }

    static Map<String, String> payload(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
