package org.medkiosk.hospital;

/**
 * What a member of staff presents to sign in at the kiosk. The hospital checks both kinds: the kiosk holds no
 * list of staff and no PIN. toString never shows a PIN and masks card numbers, so credentials are safe in a log.
 */
public sealed interface StaffCredentials permits StaffCredentials.StaffCard, StaffCredentials.StaffNumberAndPin {

    /** The number read from a staff card on the smart-card reader. */
    record StaffCard(String cardNumber) implements StaffCredentials {
        public StaffCard {
            if (cardNumber == null || cardNumber.isBlank()) {
                throw new IllegalArgumentException("staff card number is empty");
            }
            cardNumber = cardNumber.trim();
        }

        @Override
        public String toString() {
            // Whoever holds the number can sign in with it (card sign-in asks for no PIN): only the last two digits
            // are ever shown, enough for a technician to tell two cards apart.
            int keep = cardNumber.length() > 4 ? 2 : 0;
            return "StaffCard[" + "*".repeat(cardNumber.length() - keep)
                    + cardNumber.substring(cardNumber.length() - keep) + "]";
        }
    }

    /**
     * A staff number (工号) typed on screen with the person's PIN. The PIN goes to the hospital in a request body
     * and nowhere else: it is never logged, stored, or shown, not even its length.
     */
    record StaffNumberAndPin(String staffNumber, String pin) implements StaffCredentials {
        public StaffNumberAndPin {
            if (staffNumber == null || staffNumber.isBlank()) {
                throw new IllegalArgumentException("staff number is empty");
            }
            if (pin == null || pin.isEmpty() || pin.length() > 64) {
                throw new IllegalArgumentException("PIN is empty or too long");
            }
            staffNumber = staffNumber.trim();
        }

        @Override
        public String toString() {
            return "StaffNumberAndPin[staffNumber=" + staffNumber + ", pin=****]";
        }
    }
}
