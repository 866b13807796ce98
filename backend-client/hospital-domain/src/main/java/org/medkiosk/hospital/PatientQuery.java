package org.medkiosk.hospital;

import java.time.LocalDate;

/**
 * How a nurse looks a patient up on the patient's behalf (nurse-assisted mode), when the patient has no card to
 * hand: by name and birth date, by mobile phone number, or by medical record number. toString masks every value:
 * a query is as personal as the patient it finds.
 */
public sealed interface PatientQuery
        permits PatientQuery.ByNameAndBirthDate, PatientQuery.ByPhone, PatientQuery.ByMedicalRecordNumber {

    /**
     * A name as the patient gives it (Chinese 张三明, or Latin "John Smith" / "SMITH, JOHN") with the birth date;
     * the birth date is required because a name alone finds too many people.
     */
    record ByNameAndBirthDate(String name, LocalDate birthDate) implements PatientQuery {
        public ByNameAndBirthDate {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name is empty");
            }
            if (name.length() > 100) {
                throw new IllegalArgumentException("name is too long");
            }
            if (birthDate == null) {
                throw new IllegalArgumentException("birth date is missing");
            }
            name = name.strip();
        }

        @Override
        public String toString() {
            return "ByNameAndBirthDate[name=" + Masking.name(name) + ", birthDate=****-**-**]";
        }
    }

    /**
     * A phone number the hospital has on file (13812345678, +86 138 1234 5678). Spaces, dashes and brackets are
     * dropped; what is left must be 5 to 20 digits, with an optional leading +.
     */
    record ByPhone(String phone) implements PatientQuery {
        public ByPhone {
            if (phone == null) {
                throw new IllegalArgumentException("phone number is empty");
            }
            phone = phone.replaceAll("[\\s()\\-]", "");
            if (!phone.matches("\\+?\\d{5,20}")) {
                throw new IllegalArgumentException("a phone number is 5 to 20 digits");
            }
        }

        @Override
        public String toString() {
            return "ByPhone[" + Masking.phone(phone) + "]";
        }
    }

    /** The medical record number (病案号) from a record folder, a slip or the patient's memory. */
    record ByMedicalRecordNumber(String medicalRecordNumber) implements PatientQuery {
        public ByMedicalRecordNumber {
            if (medicalRecordNumber == null || medicalRecordNumber.isBlank()) {
                throw new IllegalArgumentException("medical record number is empty");
            }
            if (medicalRecordNumber.length() > 64) {
                throw new IllegalArgumentException("medical record number is too long");
            }
            medicalRecordNumber = medicalRecordNumber.trim();
        }

        @Override
        public String toString() {
            return "ByMedicalRecordNumber[" + Masking.idNumber(medicalRecordNumber) + "]";
        }
    }
}
