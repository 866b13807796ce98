package org.medkiosk.journey.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.Department;
import org.medkiosk.hospital.Doctor;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.Slot;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journey.ReceiptOutcome;

/**
 * Register for today or book ahead: department → doctor → period → confirm → scan → booked, and the branches: the
 * number was just taken, payment declined (the hold is released), booked-after-paid conflict (refund and notice).
 */
public sealed interface RegistrationState {

    record Loading() implements RegistrationState {
    }

    record Departments(List<Department> departments) implements RegistrationState {
        public Departments {
            departments = List.copyOf(departments);
        }
    }

    /** Doctors of a department on a day; days are today and the days a patient may book ahead. */
    record Doctors(Department department, LocalDate day, List<LocalDate> days, List<Doctor> doctors)
            implements RegistrationState {
        public Doctors {
            days = List.copyOf(days);
            doctors = List.copyOf(doctors);
        }
    }

    /** The doctor's free periods on the day; justTaken when the period the patient chose went to someone else. */
    record Periods(Department department, Doctor doctor, LocalDate day, List<Slot> slots, boolean justTaken)
            implements RegistrationState {
        public Periods {
            slots = List.copyOf(slots);
        }
    }

    record Confirm(Department department, Doctor doctor, Slot slot) implements RegistrationState {
    }

    /** Holding the number, booking it, or refunding: a short wait with nothing to do. */
    record Working(Step step) implements RegistrationState {
        public enum Step { HOLDING, BOOKING, REFUNDING, RELEASING }
    }

    /** The number is held until holdExpires while the patient shows the wallet code. */
    record ScanCode(Department department, Doctor doctor, Slot slot, Money fee, Instant holdExpires)
            implements RegistrationState {
    }

    record Paying(Money fee, int secondsLeft) implements RegistrationState {
    }

    record Booked(Appointment appointment, Doctor doctor, Department department, String transactionNumber,
                  ReceiptOutcome slip) implements RegistrationState {
    }

    /** Nothing was charged and the held number was given back. */
    record NotCharged(Money fee, IntentState outcome, String reason) implements RegistrationState {
    }

    /** Paid, but the number had gone when the booking was made: the fee was refunded (notice printed). */
    record Refunded(Money fee, String refundTransaction, ReceiptOutcome notice) implements RegistrationState {
    }

    /** Paid or possibly paid, but not yet confirmed: the kiosk settles it (books or refunds); nothing to do. */
    record Unsettled(Money fee) implements RegistrationState {
    }

    record Unavailable() implements RegistrationState {
    }
}
