package org.medkiosk.hospital;

import java.time.Instant;

/** A slot held for a patient while they pay; released by the hospital at expiresAt if not booked. */
public record SlotHold(String appointmentId, Slot slot, Instant expiresAt) {
}
