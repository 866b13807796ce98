package org.medkiosk.journey.assist;

import java.util.List;
import org.medkiosk.hospital.Patient;

/** What the staff desk shows: signing in, then finding the patient to act for. */
public sealed interface StaffDeskState {

    /** Why a sign-in did not work, in words the nurse can act on. */
    enum SignInProblem {
        NONE, NOT_RECOGNISED, NOT_ALLOWED, HOSPITAL_UNAVAILABLE
    }

    /** Why a search found nobody to pick. */
    enum SearchProblem {
        NONE, NONE_FOUND, HOSPITAL_UNAVAILABLE
    }

    /** The staff number and PIN pad (or a staff card on the reader). */
    record SignIn(SignInProblem problem) implements StaffDeskState {
    }

    /** The hospital is confirming who is signing in. */
    record SigningIn() implements StaffDeskState {
    }

    /** Signed in: the patient search, by name and birth date, phone, or medical record number. */
    record FindPatient(SearchProblem problem) implements StaffDeskState {
    }

    /** The hospital is searching. */
    record Searching() implements StaffDeskState {
    }

    /** Whom the search found, for the nurse to pick the person beside them (at most the backend's 50). */
    record Found(List<Patient> patients) implements StaffDeskState {
        public Found {
            patients = List.copyOf(patients);
        }
    }
}
