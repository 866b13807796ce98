package org.medkiosk.device.smartcard;

import java.util.List;
import org.medkiosk.device.link.DeviceHealth;

/** What a {@link SmartCardReader} tells the app, on its thread. */
public sealed interface SmartCardEvent permits SmartCardEvent.ReadersChanged, SmartCardEvent.CardRead,
        SmartCardEvent.CardFailed, SmartCardEvent.CardRemoved, SmartCardEvent.HealthChanged {

    /** Readers were plugged in or out; the current list. */
    record ReadersChanged(List<String> readers) implements SmartCardEvent {
        public ReadersChanged {
            readers = List.copyOf(readers);
        }
    }

    /** A card was inserted and read; once per insertion. */
    record CardRead(String reader, SmartCardIdentity identity) implements SmartCardEvent {
    }

    /** A card was inserted but could not be read (unknown card, blocked file, PIN required, pulled out). */
    record CardFailed(String reader, SmartCardException.Reason reason, String detail) implements SmartCardEvent {
    }

    record CardRemoved(String reader) implements SmartCardEvent {
    }

    record HealthChanged(DeviceHealth health) implements SmartCardEvent {
    }
}
