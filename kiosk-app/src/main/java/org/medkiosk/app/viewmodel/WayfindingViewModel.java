package org.medkiosk.app.viewmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.AppointmentStatus;
import org.medkiosk.hospital.DepartmentInfo;
import org.medkiosk.hospital.HospitalGuide;
import org.medkiosk.hospital.HospitalPlace;
import org.medkiosk.hospital.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where to go next (issue 13): after check-in the queue ticket's consulting room, after registration the booked
 * department's clinic, after printing reports the clinic of today's appointment. The hospital's place (floor, room,
 * floor map) is looked up once, in the background. Empty while looking, when the hospital names no such place or
 * fails, and after {@link #leave()}: the screen's own words stand alone.
 */
public final class WayfindingViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(WayfindingViewModel.class);

    /** Why the patient goes there: the words differ, the place and its map do not. */
    public enum Purpose {
        /** Wait at the ticket's consulting room. */
        QUEUE,
        /** The clinic of a booked appointment (today, or {@link #day()} ahead). */
        APPOINTMENT,
        /** Take the printed reports to the clinic of today's appointment. */
        REPORTS
    }

    private final Guidance guidance;
    private final Purpose purpose;
    private final Optional<LocalDate> day;
    private final SimpleObjectProperty<Optional<HospitalPlace>> place = new SimpleObjectProperty<>(Optional.empty());
    /** UI thread: true once the hospital answered, place or no place (a test knows "none" from "not yet"). */
    private final SimpleBooleanProperty answered = new SimpleBooleanProperty(false);
    /** Set on the UI thread when the screen is left; read by the background look-up, hence volatile. */
    private volatile boolean left;

    private WayfindingViewModel(Guidance guidance, Purpose purpose, Optional<LocalDate> day,
                                Function<HospitalGuide, Optional<HospitalPlace>> lookUp) {
        this.guidance = guidance;
        this.purpose = purpose;
        this.day = day;
        guidance.guide().ifPresent(g -> {
            try {
                guidance.tasks().background().execute(() -> {
                    if (left) {
                        return;
                    }
                    try {
                        Optional<HospitalPlace> found = lookUp.apply(g);
                        guidance.tasks().ui().execute(() -> {
                            if (!left) {
                                place.set(found);
                                answered.set(true);
                            }
                        });
                    } catch (RuntimeException e) {
                        // A failing hospital just shows no wayfinding; the type only, never what was asked.
                        LOG.warn("the place to go next could not be looked up: {}", e.getClass().getSimpleName());
                        guidance.tasks().ui().execute(() -> answered.set(true));
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.info("wayfinding not looked up: the kiosk is closing");
            }
        });
    }

    /** After check-in: the place whose room or name is the ticket's room. */
    public static WayfindingViewModel forQueueRoom(Guidance guidance, LocalizedText room) {
        return new WayfindingViewModel(guidance, Purpose.QUEUE, Optional.empty(), g -> match(g.places(), room));
    }

    /**
     * After registration: the department's clinic. {@code day} is the appointment's day; a day other than today (on
     * the kiosk's clock) makes the words say when.
     */
    public static WayfindingViewModel forAppointment(Guidance guidance, String departmentId, LocalDate day) {
        Optional<LocalDate> ahead = day == null || day.equals(LocalDate.now(guidance.clock()))
                ? Optional.empty() : Optional.of(day);
        return new WayfindingViewModel(guidance, Purpose.APPOINTMENT, ahead, g -> clinicOf(g, departmentId));
    }

    /**
     * After printing reports: the clinic of the department {@code departmentToday} names (run in the background, it
     * may ask the hospital); nothing when it names none.
     */
    public static WayfindingViewModel forReports(Guidance guidance, Supplier<Optional<String>> departmentToday) {
        return new WayfindingViewModel(guidance, Purpose.REPORTS, Optional.empty(),
                g -> departmentToday.get().flatMap(d -> clinicOf(g, d)));
    }

    public ReadOnlyObjectProperty<Optional<HospitalPlace>> placeProperty() {
        return place;
    }

    public ReadOnlyBooleanProperty answeredProperty() {
        return answered;
    }

    public Guidance guidance() {
        return guidance;
    }

    public Purpose purpose() {
        return purpose;
    }

    /** The appointment's day when it is not today; empty for today (and for queue and reports). */
    public Optional<LocalDate> day() {
        return day;
    }

    /** UI thread: the screen was left; an answer arriving later is dropped, a look-up not yet started never asks. */
    public void leave() {
        left = true;
    }

    /** Appointments that still send the patient to a clinic today (not cancelled, not a hold, not a no-show). */
    private static final java.util.Set<AppointmentStatus> ATTENDED = java.util.EnumSet.of(
            AppointmentStatus.BOOKED, AppointmentStatus.ARRIVED, AppointmentStatus.CHECKED_IN, AppointmentStatus.FULFILLED);

    /**
     * Of today's appointments, the one printed reports go to: the earliest whose period has not ended (the doctor is
     * still seeing patients), else the latest one of the day; none when none is attended.
     */
    public static Optional<Appointment> appointmentForReports(List<Appointment> today, Instant now) {
        List<Appointment> attended = today.stream().filter(a -> a.start() != null && ATTENDED.contains(a.status()))
                .sorted(Comparator.comparing(Appointment::start)).toList();
        return attended.stream().filter(a -> (a.end() != null ? a.end() : a.start()).toInstant().isAfter(now))
                .findFirst().or(() -> attended.isEmpty() ? Optional.empty()
                        : Optional.of(attended.get(attended.size() - 1)));
    }

    /** The clinic of a department, as the hospital's department introductions place it. */
    static Optional<HospitalPlace> clinicOf(HospitalGuide guide, String departmentId) {
        if (departmentId == null) {
            return Optional.empty();
        }
        return guide.departmentInfo().stream()
                .filter(i -> departmentId.equals(i.department().id()))
                .findFirst()
                .flatMap(DepartmentInfo::placeId)
                .flatMap(guide::placeOf);
    }

    /** The place whose room or name is the ticket's room ("101诊室" / "Room 101" / "101"). */
    static Optional<HospitalPlace> match(List<HospitalPlace> places, LocalizedText room) {
        if (room == null) {
            return Optional.empty();
        }
        for (HospitalPlace p : places) {
            if (p.name().zh().equals(room.zh()) || p.name().en().equals(room.en())
                    || !p.room().isEmpty() && (p.room().equals(room.zh()) || p.room().equals(room.en())
                    || ("Room " + p.room()).equals(room.en()) || (p.room() + "诊室").equals(room.zh()))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
