package org.medkiosk.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.viewmodel.CancelBookingViewModel;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.journey.cancel.CancelBookingState;

/** My bookings → cancel (says whether the fee comes back) → done. */
final class CancelBookingView extends JourneyView<CancelBookingState> {

    CancelBookingView(KioskViewModel kiosk, CancelBookingViewModel model) {
        super(kiosk, model, "cancel-booking-screen");
    }

    private CancelBookingViewModel vm() {
        return (CancelBookingViewModel) model;
    }

    private static String describe(Appointment a) {
        return date(a.start().toLocalDate()) + " " + time(a.start()) + "  " + local(a.departmentName()) + "  "
                + local(a.doctorName()) + (a.fee() == null ? "" : "  " + a.fee());
    }

    @Override
    List<Node> render(CancelBookingState s) {
        if (s instanceof CancelBookingState.Bookings b) {
            VBox list = new VBox(TARGET_GAP);
            for (Appointment a : b.bookings()) {
                list.getChildren().add(choice("booking-" + a.id(), describe(a), () -> vm().choose(a.id())));
            }
            return List.of(title(I18n.bind("cancel.bookings.title")), list);
        } else if (s instanceof CancelBookingState.Confirm c) {
            Appointment a = c.booking();
            boolean refund = a.refundable() && a.paymentKey() != null && a.fee() != null && a.fee().isPositive();
            Label info = wrapped(refund ? I18n.bind("cancel.confirm.refund", a.fee().toString())
                    : I18n.bind("cancel.confirm.no-refund"), "subtitle");
            info.setId("cancel-refund-info");
            return List.of(title(I18n.bind("cancel.confirm.title")), plain(describe(a), "subtitle"), info,
                    primary("cancel-confirm-button", I18n.bind("cancel.confirm.button"), vm()::confirm));
        } else if (s instanceof CancelBookingState.Cancelled done) {
            List<Node> out = new ArrayList<>();
            Label t = title(I18n.bind("cancel.done.title"));
            t.setId("cancelled-title");
            out.add(t);
            Label r;
            if (done.refunded().isPositive() && done.refundTransaction() != null) {
                r = wrapped(I18n.bind("cancel.done.refunded", done.refunded().toString()), "subtitle");
            } else if (done.refunded().isPositive()) {
                r = wrapped(I18n.bind("cancel.done.refund-pending", done.refunded().toString()), "subtitle");
            } else {
                r = wrapped(I18n.bind("cancel.done.no-refund"), "subtitle");
            }
            r.setId("cancel-refund-outcome");
            out.add(r);
            if (done.refundTransaction() != null) {
                out.add(transaction(done.refundTransaction()));
            }
            if (done.notice() != null) {
                out.add(receipt(done.notice()));
            }
            return withFeedback(out);
        } else if (s instanceof CancelBookingState.NotCancelled no) {
            Label t = title(I18n.bind("cancel.not-cancelled.title"));
            t.setId("not-cancelled-title");
            return List.of(t, wrapped(no.unanswered() ? I18n.bind("cancel.not-cancelled.unanswered")
                    : I18n.bind("cancel.not-cancelled.refused"), "subtitle"));
        } else if (s instanceof CancelBookingState.NoBookings) {
            Label t = title(I18n.bind("cancel.none.title"));
            t.setId("no-bookings");
            return List.of(t);
        } else if (s instanceof CancelBookingState.Cancelling) {
            return loading();
        } else if (s instanceof CancelBookingState.Unavailable) {
            return unavailable();
        }
        return loading();
    }

    @Override
    Runnable back(CancelBookingState s) {
        return s instanceof CancelBookingState.Confirm ? vm()::back : null;
    }
}
