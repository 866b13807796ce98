package org.medkiosk.app.ui;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.viewmodel.CheckInViewModel;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.QueueTicket;
import org.medkiosk.journey.checkin.CheckInState;

/** Check in: today's appointments → checked in (queue number, room, doctor, patients ahead) / too early / too late. */
final class CheckInView extends JourneyView<CheckInState> {

    CheckInView(KioskViewModel kiosk, CheckInViewModel model) {
        super(kiosk, model, "check-in-screen");
    }

    private CheckInViewModel vm() {
        return (CheckInViewModel) model;
    }

    @Override
    List<Node> render(CheckInState s) {
        if (s instanceof CheckInState.Appointments list) {
            return appointments(list);
        } else if (s instanceof CheckInState.CheckingIn c) {
            List<Node> out = new ArrayList<>(loading());
            out.set(1, title(I18n.bind("checkin.checking-in")));
            out.add(appointmentLine(c.appointment()));
            return out;
        } else if (s instanceof CheckInState.CheckedIn done) {
            Label t = title(I18n.bind("checkin.done.title"));
            t.setId("checked-in-title");
            List<Node> out = new ArrayList<>(List.of(t));
            out.addAll(ticket(done.ticket()));
            kiosk.wayfinding(done.ticket()).ifPresent(w -> out.add(new WayfindingView(w)));
            out.add(receipt(done.printed()));
            return withFeedback(out);
        } else if (s instanceof CheckInState.AlreadyCheckedIn already) {
            Label t = title(I18n.bind("checkin.already.title"));
            t.setId("already-checked-in-title");
            List<Node> out = new ArrayList<>(List.of(t, appointmentLine(already.appointment())));
            if (already.ticket() != null) {
                out.addAll(ticket(already.ticket()));
            } else {
                out.add(wrapped(I18n.bind("checkin.already.no-ticket"), "subtitle"));
            }
            return out;
        } else if (s instanceof CheckInState.TooEarly early) {
            Label t = title(I18n.bind("checkin.too-early.title"));
            t.setId("too-early-title");
            Label when = wrapped(I18n.bind("checkin.too-early.opens", clock(early.opensAt())), "amount");
            when.setId("check-in-opens-at");
            return List.of(t, appointmentLine(early.appointment()), when,
                    wrapped(I18n.bind("checkin.too-early.advice"), "subtitle"));
        } else if (s instanceof CheckInState.TooLate late) {
            Label t = title(I18n.bind("checkin.too-late.title"));
            t.setId("too-late-title");
            Label advice = wrapped(I18n.bind("checkin.too-late.advice"), "subtitle");
            advice.setId("too-late-advice");
            return List.of(t, appointmentLine(late.appointment()), advice);
        } else if (s instanceof CheckInState.NoAppointments) {
            Label t = title(I18n.bind("checkin.none.title"));
            t.setId("no-appointments");
            return List.of(t, wrapped(I18n.bind("checkin.none.advice"), "subtitle"));
        } else if (s instanceof CheckInState.UnknownAppointment) {
            Label t = title(I18n.bind("checkin.unknown.title"));
            t.setId("unknown-appointment");
            return List.of(t, wrapped(I18n.bind("checkin.too-late.advice"), "subtitle"));
        } else if (s instanceof CheckInState.Refused refused) {
            Label t = title(I18n.bind("checkin.refused.title"));
            t.setId("check-in-refused");
            return List.of(t, appointmentLine(refused.appointment()), wrapped(I18n.bind("checkin.too-late.advice"), "subtitle"));
        } else if (s instanceof CheckInState.Unanswered u) {
            Label t = title(I18n.bind("checkin.unanswered.title"));
            t.setId("check-in-unanswered");
            return List.of(t, appointmentLine(u.appointment()), wrapped(I18n.bind("checkin.unanswered.advice"), "subtitle"),
                    primary("check-in-retry", I18n.bind("checkin.unanswered.retry"), vm()::retry));
        } else if (s instanceof CheckInState.Unavailable) {
            return unavailable();
        }
        return loading();
    }

    private List<Node> appointments(CheckInState.Appointments list) {
        VBox buttons = new VBox(TARGET_GAP);
        for (Appointment a : list.open()) {
            Button b = choice("appointment-" + a.id(), line(a), () -> vm().choose(a.id()));
            buttons.getChildren().add(b);
        }
        return List.of(title(I18n.bind("checkin.list.title")), wrapped(I18n.bind("checkin.list.hint"), "subtitle"), buttons);
    }

    /** "09:30–12:00  内科  王医生". Times never wrap: the label only wraps between the words. */
    private static Label appointmentLine(Appointment a) {
        Label l = plain(line(a), "subtitle");
        l.setId("appointment-line");
        return l;
    }

    private static String line(Appointment a) {
        return clock(a.start()) + "–" + clock(a.end()) + "  " + local(a.departmentName()) + "  " + local(a.doctorName());
    }

    private static List<Node> ticket(QueueTicket t) {
        Label number = wrapped(I18n.bind("checkin.queue-number", t.queueNumber()), "amount");
        number.setId("queue-number");
        Label room = wrapped(I18n.bind("checkin.room", local(t.department()), local(t.room())), "subtitle");
        room.setId("queue-room");
        Label doctor = wrapped(I18n.bind("checkin.doctor", local(t.doctorName())), "subtitle");
        doctor.setId("queue-doctor");
        Label ahead = wrapped(t.patientsAhead() < 0 ? I18n.bind("checkin.ahead.unknown")
                : I18n.bind("checkin.ahead", Integer.toString(t.patientsAhead())), "subtitle");
        ahead.setId("patients-ahead");
        return List.of(number, room, doctor, ahead);
    }

    /** The appointment's time of day on the kiosk's clock face. */
    static String clock(java.time.OffsetDateTime t) {
        return DateTimeFormatterHolder.HH_MM.format(t.atZoneSameInstant(ZoneId.systemDefault()));
    }

    private static final class DateTimeFormatterHolder {
        static final java.time.format.DateTimeFormatter HH_MM = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
    }

    @Override
    Runnable back(CheckInState s) {
        return null;
    }
}
