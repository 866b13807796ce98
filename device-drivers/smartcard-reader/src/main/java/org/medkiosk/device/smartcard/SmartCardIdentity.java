package org.medkiosk.device.smartcard;

/** What a card in a PC/SC reader identifies. */
public sealed interface SmartCardIdentity
        permits SmartCardIdentity.SocialSecurityCard, SmartCardIdentity.ContactlessPatientCard,
        SmartCardIdentity.StaffCard {

    /**
     * Public data of a Chinese social security (insurance) card, read without a PSAM (DEVICES.md §4).
     *
     * @param cardNumber           insurance card number (e.g. A00000001)
     * @param socialSecurityNumber usually the holder's citizen ID number
     * @param name                 holder's name
     * @param sex                  code as on the card: 1 male, 2 female
     * @param nation               two-digit nation code
     * @param birthplace           6-digit region code
     * @param birthDate            YYYYMMDD
     */
    record SocialSecurityCard(String cardNumber, String socialSecurityNumber, String name, String sex, String nation,
                              String birthplace, String birthDate) implements SmartCardIdentity {
        /** Masked: safe for logs. */
        @Override
        public String toString() {
            return "SocialSecurityCard[" + mask(cardNumber, 2) + ", " + mask(socialSecurityNumber, 4) + "]";
        }
    }

    /** A hospital patient card recognised by its contactless UID (uppercase hex, e.g. 04A1B2C3D4E501). */
    record ContactlessPatientCard(String uid) implements SmartCardIdentity {
    }

    /**
     * A hospital staff card (nurse, technician), read by {@link StaffCardProfile}: not a patient's identity. The
     * hospital confirms who holds it; the number signs its holder in without a PIN, so it is masked in logs.
     *
     * @param staffCardNumber the number the hospital issued on the card (4–32 letters, digits or '-')
     */
    record StaffCard(String staffCardNumber) implements SmartCardIdentity {
        @Override
        public String toString() {
            return "StaffCard[" + mask(staffCardNumber, 2) + "]";
        }
    }

    /** Keeps {@code keep} characters at each end. */
    static String mask(String s, int keep) {
        if (s == null) {
            return null;
        }
        if (s.length() <= keep * 2) {
            return "*".repeat(s.length());
        }
        return s.substring(0, keep) + "*".repeat(s.length() - keep * 2) + s.substring(s.length() - keep);
    }
}
