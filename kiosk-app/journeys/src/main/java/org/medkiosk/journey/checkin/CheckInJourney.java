package org.medkiosk.journey.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.AppointmentStatus;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.HospitalBackend;
import org.medkiosk.hospital.QueueTicket;
import org.medkiosk.journal.Intent;
import org.medkiosk.journey.Journey;
import org.medkiosk.journey.JourneyContext;
import org.medkiosk.journey.PatientSession;
import org.medkiosk.journey.ReceiptOutcome;
import org.medkiosk.print.receipt.ReceiptTemplates;

/**
 * Check in for today's appointment: the list of today's appointments is skipped when exactly one is open for
 * check-in (the tap on "check in" or on the home card was the patient's choice), one tap on a listed one checks it
 * in. A CHECK_IN intent is journaled before {@code $check-in} and its outcome after; the queue ticket (number, room,
 * doctor, patients ahead) prints through the receipt desk. Outside the window (JourneySettings) the patient is told
 * when it opens, or that the period is over. Started from an appointment id (the {@code MKAPT:} QR of a registration
 * slip) it checks that appointment only, after the same checks.
 */
public final class CheckInJourney extends Journey<CheckInState> {
    public static final String QUEUE_TICKET = "QUEUE_TICKET";

    private final String appointmentId;
    private final CheckInSteps steps;
    private List<Appointment> open = List.of();
    private Intent unanswered;

    public CheckInJourney(JourneyContext ctx, PatientSession session) {
        this(ctx, session, null);
    }

    /** @param appointmentId the appointment to check in (an id or a scanned {@code MKAPT:} payload); null: today's list */
    public CheckInJourney(JourneyContext ctx, PatientSession session, String appointmentId) {
        super(ctx, session, new CheckInState.Loading());
        this.appointmentId = appointmentId == null ? null : appointmentIdOf(appointmentId).orElse(appointmentId);
        this.steps = new CheckInSteps(ctx);
    }

    /** The appointment id in a scanned code: {@code MKAPT:apt-1} → apt-1; empty for any other code. */
    public static Optional<String> appointmentIdOf(String scanned) {
        if (scanned == null || !scanned.startsWith(ReceiptTemplates.APPOINTMENT_QR_PREFIX)) {
            return Optional.empty();
        }
        String id = scanned.substring(ReceiptTemplates.APPOINTMENT_QR_PREFIX.length()).trim();
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /**
     * Looks up the appointment of a scanned slip (blocking: call it off the FX thread), so the kiosk can identify
     * its patient ({@link Appointment#patientId()}) before opening a session and {@code engine.checkIn(session, id)}.
     * Empty for a code that is not an appointment or an appointment the hospital does not know.
     */
    public static Optional<Appointment> lookUp(HospitalBackend backend, String scannedOrId) {
        String id = appointmentIdOf(scannedOrId).orElse(scannedOrId);
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return backend.appointment(id);
        } catch (BackendException.NotFound e) {
            return Optional.empty();
        }
    }

    /** The appointment this journey was started for, when started from a slip. */
    public Optional<String> appointmentId() {
        return Optional.ofNullable(appointmentId);
    }

    @Override
    public boolean awaitingWalletCode() {
        return false;
    }

    public void start() {
        show(new CheckInState.Loading());
        inBackground(() -> {
            List<Appointment> today;
            if (appointmentId != null) {
                Optional<Appointment> a = lookUp(ctx.backend(), appointmentId);
                if (a.isEmpty() || !session.patientId().equals(a.get().patientId())) {
                    end(new CheckInState.UnknownAppointment());
                    return;
                }
                today = List.of(a.get());
            } else {
                today = ctx.backend().appointments(session.patientId(), LocalDate.now(ctx.clock()));
            }
            decide(today);
        }, e -> {
            finished();
            return new CheckInState.Unavailable();
        });
    }

    private void decide(List<Appointment> appointments) {
        List<Appointment> candidates = appointments.stream().filter(CheckInJourney::checkable)
                .sorted(Comparator.comparing(Appointment::start)).toList();
        if (candidates.isEmpty()) {
            end(new CheckInState.NoAppointments());
            return;
        }
        Instant now = ctx.clock().instant();
        List<Appointment> inWindow = new ArrayList<>();
        Appointment nextToOpen = null;
        Appointment lastMissed = null;
        for (Appointment a : candidates) {
            switch (CheckInWindow.of(a, ctx.settings()).at(now)) {
                case OPEN -> inWindow.add(a);
                case TOO_EARLY -> {
                    if (nextToOpen == null) {
                        nextToOpen = a;
                    }
                }
                case TOO_LATE -> lastMissed = a;
            }
        }
        if (inWindow.size() == 1) {
            proceed(inWindow.get(0));
        } else if (inWindow.size() > 1) {
            List<Appointment> found = List.copyOf(inWindow);
            ctx.tasks().ui().execute(() -> {
                open = found;
                show(new CheckInState.Appointments(found));
            });
        } else if (nextToOpen != null) {
            end(new CheckInState.TooEarly(nextToOpen, CheckInWindow.of(nextToOpen, ctx.settings()).opensAt()));
        } else {
            end(new CheckInState.TooLate(lastMissed));
        }
    }

    /** One tap on an appointment of the list checks it in. */
    public void choose(String id) {
        if (state() instanceof CheckInState.Appointments) {
            open.stream().filter(a -> a.id().equals(id)).findFirst().ifPresent(a -> {
                show(new CheckInState.CheckingIn(a));
                inBackground(() -> proceed(a), e -> {
                    finished();
                    return new CheckInState.Unavailable();
                });
            });
        }
    }

    /** After {@link CheckInState.Unanswered}: repeats the same CHECK_IN with its key. */
    public void retry() {
        if (state() instanceof CheckInState.Unanswered u && unanswered != null) {
            Appointment a = u.appointment();
            Intent again = unanswered;
            show(new CheckInState.CheckingIn(a));
            inBackground(() -> send(a, again), e -> new CheckInState.Unanswered(a));
        }
    }

    private void proceed(Appointment a) {
        if (alreadyArrived(a)) {
            Optional<QueueTicket> where = queueStatus(a.id());
            if (where.isPresent() || a.status() != AppointmentStatus.ARRIVED) {
                end(new CheckInState.AlreadyCheckedIn(a, where.orElse(null)));
                return;
            }
            // ARRIVED without a queue entry (marked arrived at a desk): the hospital still gives it a number
        }
        show(new CheckInState.CheckingIn(a));
        send(a, steps.intend(journeyId, session.patientId(), a.id()));
    }

    private void send(Appointment a, Intent checkIn) {
        CheckInSteps.Result result = steps.send(checkIn);
        if (result instanceof CheckInSteps.Result.CheckedIn done) {
            unanswered = null;
            QueueTicket ticket = done.ticket();
            ReceiptOutcome printed = ctx.receipts().print(session, journeyId, done.key(), QUEUE_TICKET,
                    ticket.queueNumber(), t -> t.queueTicket(ticket, session.patient().name()));
            end(new CheckInState.CheckedIn(a, ticket, printed));
        } else if (result instanceof CheckInSteps.Result.Refused refused) {
            unanswered = null;
            end(new CheckInState.Refused(a, refused.reason()));
        } else {
            unanswered = checkIn;
            show(new CheckInState.Unanswered(a)); // still live: the patient may retry; settlement repeats it after
        }
    }

    private Optional<QueueTicket> queueStatus(String id) {
        try {
            return ctx.backend().queueStatus(id);
        } catch (BackendException e) {
            return Optional.empty();
        }
    }

    private void end(CheckInState state) {
        show(state);
        finished();
    }

    private static boolean checkable(Appointment a) {
        return a.status() == AppointmentStatus.BOOKED || alreadyArrived(a);
    }

    private static boolean alreadyArrived(Appointment a) {
        return a.status() == AppointmentStatus.ARRIVED || a.status() == AppointmentStatus.CHECKED_IN;
    }
}
