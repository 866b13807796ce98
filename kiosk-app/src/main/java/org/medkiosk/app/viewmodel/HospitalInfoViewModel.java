package org.medkiosk.app.viewmodel;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.medkiosk.hospital.DepartmentInfo;
import org.medkiosk.hospital.DoctorProfile;
import org.medkiosk.hospital.HospitalGuide;
import org.medkiosk.hospital.HospitalNotice;
import org.medkiosk.hospital.HospitalPlace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hospital information (医院信息): the departments, one department with where its clinic is and its doctors (title,
 * specialty, qualification, the week's consulting sessions, photo), and today's notices from the hospital. Every
 * question to the hospital goes in the background; an answer to a screen already left is dropped.
 */
public final class HospitalInfoViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(HospitalInfoViewModel.class);

    /** What the screen shows. */
    public sealed interface State {
        record Loading() implements State {
        }

        /** The department list, with how many notices are up today (empty when they could not be read). */
        record Departments(List<DepartmentInfo> departments, OptionalInt noticesToday) implements State {
            public Departments {
                departments = List.copyOf(departments);
            }
        }

        /** One department: its clinic's place (empty when the hospital names none) and its doctors. */
        record Department(DepartmentInfo info, Optional<HospitalPlace> place, List<DoctorProfile> doctors)
                implements State {
            public Department {
                doctors = List.copyOf(doctors);
            }
        }

        /** Today's notices, newest first. */
        record Notices(List<HospitalNotice> notices) implements State {
            public Notices {
                notices = List.copyOf(notices);
            }
        }

        /** The hospital did not answer: plain words and what to do, never the error. */
        record Unavailable() implements State {
        }
    }

    private final Guidance guidance;
    private final boolean identified;
    private final Runnable leave;
    private final SimpleObjectProperty<State> state = new SimpleObjectProperty<>(new State.Loading());
    /** The list as last read: Back from a department shows it again without asking the hospital. */
    private State.Departments list;
    private long asked;

    /**
     * @param identified whether a patient's session is open (the way out says "Home") or a visitor's (it says "Done")
     * @param leave      back home for a patient, back to the lobby for a visitor
     */
    public HospitalInfoViewModel(Guidance guidance, boolean identified, Runnable leave) {
        this.guidance = guidance;
        this.identified = identified;
        this.leave = leave;
        showDepartments();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    public boolean identified() {
        return identified;
    }

    /** The department list (the first screen); read once, then kept. */
    public void showDepartments() {
        if (list != null) {
            asked++;
            state.set(list);
            return;
        }
        ask("department list", hospital -> {
            List<DepartmentInfo> departments = hospital.departmentInfo();
            OptionalInt count;
            try {
                count = OptionalInt.of(hospital.notices(today()).size());
            } catch (RuntimeException e) {
                // The list is still worth showing; the notices entry then shows no count.
                LOG.warn("today's notices could not be counted: {}", e.getClass().getSimpleName());
                count = OptionalInt.empty();
            }
            OptionalInt c = count;
            return () -> {
                list = new State.Departments(departments, c);
                return list;
            };
        });
    }

    /** One department of the list: where its clinic is and its doctors. */
    public void openDepartment(String departmentId) {
        if (list == null) {
            return;
        }
        Optional<DepartmentInfo> info = list.departments().stream()
                .filter(d -> d.department().id().equals(departmentId)).findFirst();
        if (info.isEmpty()) {
            return;
        }
        DepartmentInfo d = info.get();
        ask("department", hospital -> {
            Optional<HospitalPlace> place = d.placeId().flatMap(hospital::placeOf);
            List<DoctorProfile> doctors = hospital.doctorProfiles(departmentId);
            return () -> new State.Department(d, place, doctors);
        });
    }

    /** Today's notices, read afresh. */
    public void openNotices() {
        ask("notices", hospital -> {
            List<HospitalNotice> notices = hospital.notices(today());
            return () -> new State.Notices(notices);
        });
    }

    /** Back: from a department or the notices to the list; when there is no list to go back to, the screen is left. */
    public void back() {
        if (list == null || state.get() instanceof State.Departments) {
            leave();
        } else {
            showDepartments();
        }
    }

    public void leave() {
        asked++;
        leave.run();
    }

    /** Whether Back has somewhere to go inside this screen (a department or the notices, with the list read). */
    public boolean canGoBack() {
        return list != null && !(state.get() instanceof State.Departments);
    }

    private LocalDate today() {
        return LocalDate.now(guidance.clock());
    }

    /** A question to the hospital: asked in the background, its answer built into a state on the UI thread. */
    private interface Question {
        Supplier<State> ask(HospitalGuide hospital);
    }

    private void ask(String what, Question question) {
        long mine = ++asked;
        Optional<HospitalGuide> hospital = guidance.guide();
        if (hospital.isEmpty()) {
            state.set(new State.Unavailable());
            return;
        }
        state.set(new State.Loading());
        guidance.tasks().background().execute(() -> {
            Supplier<State> answer;
            try {
                answer = question.ask(hospital.get());
            } catch (RuntimeException e) {
                LOG.warn("hospital information ({}) could not be read: {}", what, e.getClass().getSimpleName());
                answer = State.Unavailable::new;
            }
            Supplier<State> a = answer;
            guidance.tasks().ui().execute(() -> {
                if (mine == asked) {
                    state.set(a.get());
                }
            });
        });
    }
}
