package org.medkiosk.demohospital;

import java.util.List;

import org.medkiosk.hospital.StaffRole;

/**
 * The demo hospital's staff who may sign in at a kiosk (nurse-assisted mode, technicians): two nurses, one
 * technician, and a nurse who has left (her card and PIN still exist but the hospital no longer confirms her). The
 * smart-card simulator's demo staff cards (smartcard-reader {@code DemoSmartCards}) carry the same card numbers.
 *
 * <p>The PINs are given here only because this is a demo that people must be able to try: the hospital itself keeps
 * nothing but a salted PBKDF2 hash of each ({@code StaffOffice}), and checks a PIN in {@code Practitioner/$verify-pin}.
 */
public final class DemoStaff {

    /** Identifier systems of staff (Practitioner.identifier), the FHIR client's defaults. */
    public static final String SYSTEM_STAFF_NUMBER = "urn:medkiosk:staff-number";
    public static final String SYSTEM_STAFF_CARD = "urn:medkiosk:staff-card";

    /**
     * One member of staff.
     *
     * @param staffNumber     the staff number (工号) typed with the PIN
     * @param staffCardNumber the number on the staff card (read by the smart-card reader)
     * @param pin             the demo PIN (never logged: toString leaves it out)
     * @param active          false for someone who has left the hospital
     */
    public record Person(int number, String staffNumber, String staffCardNumber, String nameZh, String nameEn,
                         StaffRole role, String pin, boolean active) {

        /** The FHIR Practitioner id. */
        public String practitionerId() {
            return "staff-" + staffNumber;
        }

        @Override
        public String toString() {
            return "DemoStaff.Person[" + number + ", " + staffNumber + ", " + role + (active ? "" : ", left") + "]";
        }
    }

    private static final List<Person> STAFF = List.of(
            new Person(1, "200101", "7100000001", "王芳", "WANG Fang", StaffRole.NURSE, "246810", true),
            new Person(2, "200102", "7100000002", "刘婷", "LIU Ting", StaffRole.NURSE, "135790", true),
            new Person(3, "300201", "7100000003", "张伟", "ZHANG Wei", StaffRole.TECHNICIAN, "112358", true),
            new Person(4, "200199", "7100000004", "赵雪", "ZHAO Xue", StaffRole.NURSE, "999000", false));

    private DemoStaff() {
    }

    /** Everyone, in number order (1, 2 nurses; 3 technician; 4 the nurse who left). */
    public static List<Person> everyone() {
        return STAFF;
    }

    /** Staff member 1–4. */
    public static Person member(int number) {
        if (number < 1 || number > STAFF.size()) {
            throw new IllegalArgumentException("no demo staff member " + number);
        }
        return STAFF.get(number - 1);
    }

    /** The first nurse (王芳, 200101, card 7100000001, PIN 246810). */
    public static Person nurse() {
        return STAFF.get(0);
    }

    /** The technician (张伟, 300201, card 7100000003, PIN 112358). */
    public static Person technician() {
        return STAFF.get(2);
    }

    /** The nurse who has left (赵雪, 200199, card 7100000004): neither her card nor her PIN signs her in. */
    public static Person formerNurse() {
        return STAFF.get(3);
    }
}
