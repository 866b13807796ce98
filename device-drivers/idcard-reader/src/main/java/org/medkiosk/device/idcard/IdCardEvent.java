package org.medkiosk.device.idcard;

import org.medkiosk.device.link.DeviceHealth;

/** What an {@link IdCardReader} tells the app, on the reader's thread. */
public sealed interface IdCardEvent
        permits IdCardEvent.CardRead, IdCardEvent.CardRemoved, IdCardEvent.HealthChanged, IdCardEvent.ReadFailed {

    /** A card was placed and read; reported once per placement. Check {@link IdCard#isExpired} before use. */
    record CardRead(IdCard card) implements IdCardEvent {
    }

    /** The card reported by the last {@link CardRead} left the reader. */
    record CardRemoved() implements IdCardEvent {
    }

    /** The reader's health changed. */
    record HealthChanged(DeviceHealth health) implements IdCardEvent {
    }

    /**
     * A card was found but could not be read; the reader keeps trying while the card stays. Reported once per
     * placement and kind of failure. {@code detail} is technician text without personal data.
     */
    record ReadFailed(Failure failure, String detail) implements IdCardEvent {
    }

    enum Failure {
        /** The answer kept arriving corrupted (checksum / length) after the retries. */
        CORRUPTED_ANSWER,
        /** The answer stopped half way: the card was usually pulled during the read. */
        INCOMPLETE_ANSWER,
        /** The SAM refused the card (unknown card type, authentication or read failure). */
        CARD_REJECTED,
        /** The card's text is in a layout we do not know. */
        UNREADABLE_TEXT
    }
}
