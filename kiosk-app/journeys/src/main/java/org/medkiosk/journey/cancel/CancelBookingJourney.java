package org.medkiosk.journey.cancel;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.hospital.Money;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journey.Journey;
import org.medkiosk.journey.JourneyContext;
import org.medkiosk.journey.PatientSession;
import org.medkiosk.journey.ReceiptOutcome;
import org.medkiosk.journey.register.RegistrationSteps;
import org.medkiosk.print.receipt.RefundNotice;

/** Cancels one of the patient's bookings (CANCEL), then refunds its fee where the hospital says so (REFUND). */
public final class CancelBookingJourney extends Journey<CancelBookingState> {
    public static final String REFUND_NOTICE = "REFUND_NOTICE";

    private List<Appointment> bookings = List.of();

    public CancelBookingJourney(JourneyContext ctx, PatientSession session) {
        super(ctx, session, new CancelBookingState.Loading());
    }

    public void start() {
        show(new CancelBookingState.Loading());
        inBackground(() -> {
            LocalDate today = LocalDate.now(ctx.clock());
            List<Appointment> found = ctx.backend().bookings(session.patientId(), today,
                    today.plusDays(ctx.settings().bookAheadDays()));
            ctx.tasks().ui().execute(() -> {
                bookings = found;
                if (found.isEmpty()) {
                    finished();
                    show(new CancelBookingState.NoBookings());
                } else {
                    show(new CancelBookingState.Bookings(found));
                }
            });
        }, e -> {
            finished();
            return new CancelBookingState.Unavailable();
        });
    }

    public void choose(String appointmentId) {
        if (state() instanceof CancelBookingState.Bookings) {
            bookings.stream().filter(a -> a.id().equals(appointmentId)).findFirst()
                    .ifPresent(a -> show(new CancelBookingState.Confirm(a)));
        }
    }

    public void back() {
        if (state() instanceof CancelBookingState.Confirm) {
            show(new CancelBookingState.Bookings(bookings));
        }
    }

    @Override
    public boolean awaitingWalletCode() {
        return false;
    }

    public void confirm() {
        if (!(state() instanceof CancelBookingState.Confirm confirm)) {
            return;
        }
        Appointment booking = confirm.booking();
        moneyInFlight(true);
        show(new CancelBookingState.Cancelling());
        inBackground(() -> {
            Map<String, String> payload = new HashMap<>();
            payload.put("appointment", booking.id());
            payload.put("purpose", "PATIENT_CANCEL");
            // Whether this cancellation refunds the fee is the hospital's word, read when the bookings were listed.
            boolean refundable = booking.refundable() && booking.paymentKey() != null && booking.fee() != null
                    && booking.fee().isPositive();
            payload.put("refundable", String.valueOf(refundable));
            if (booking.paymentKey() != null) {
                payload.put("payment", booking.paymentKey());
            }
            RegistrationSteps steps = new RegistrationSteps(ctx);
            Intent cancel = ctx.journal().intend(journeyId, IntentKind.CANCEL, booking.fee(), session.patientId(), payload);
            Appointment cancelled = steps.cancel(cancel);
            if (cancelled == null) {
                boolean unanswered = !ctx.journal().find(cancel.idempotencyKey()).orElseThrow().state().isFinal();
                done(new CancelBookingState.NotCancelled(unanswered));
                return;
            }
            if (!refundable) {
                done(new CancelBookingState.Cancelled(cancelled, Money.ZERO, null, null));
                return;
            }
            Intent refund = ctx.journal().intend(journeyId, IntentKind.REFUND, booking.fee(), session.patientId(),
                    Map.of("payment", booking.paymentKey(), "appointment", booking.id()));
            RegistrationSteps.BookResult result = steps.refund(refund);
            if (result instanceof RegistrationSteps.BookResult.Refunded refunded) {
                // No method line: the hospital refunds to the channel that paid, which this kiosk may not have seen.
                RefundNotice notice = new RefundNotice(session.patient(), refunded.refund(), null,
                        LocalizedText.of("挂号费 " + booking.doctorName().zh(), "Registration fee, " + booking.doctorName().en()),
                        LocalizedText.of("患者取消预约", "Booking cancelled by the patient"));
                ReceiptOutcome printed = ctx.receipts().print(session, journeyId, refund.idempotencyKey(), REFUND_NOTICE,
                        refunded.refund().transactionNumber(), t -> t.refundNotice(notice));
                done(new CancelBookingState.Cancelled(cancelled, booking.fee(), refunded.refund().transactionNumber(), printed));
            } else {
                // Cancelled; the refund is journaled and settlement repeats it until the hospital answers.
                done(new CancelBookingState.Cancelled(cancelled, booking.fee(), null, null));
            }
        }, e -> {
            moneyInFlight(false);
            finished();
            return new CancelBookingState.NotCancelled(true);
        });
    }

    private void done(CancelBookingState end) {
        moneyInFlight(false);
        show(end);
        finished();
    }
}
