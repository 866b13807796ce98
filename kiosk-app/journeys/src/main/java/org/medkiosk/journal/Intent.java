package org.medkiosk.journal;

import java.time.Instant;
import java.util.Map;
import org.medkiosk.hospital.Masking;
import org.medkiosk.hospital.Money;

/**
 * One row of the journal. The payload holds what settlement needs (invoice ids, slot, appointment, the key of a
 * related payment) and never personal data or a payment code.
 */
public record Intent(
        long id,
        String idempotencyKey,
        String journeyId,
        IntentKind kind,
        IntentState state,
        Money amount,
        String patientId,
        Map<String, String> payload,
        String transactionNumber,
        String reason,
        int attempts,
        Instant createdAt,
        Instant updatedAt) {

    public Intent {
        payload = Map.copyOf(payload);
    }

    public String payload(String name) {
        return payload.get(name);
    }

    /** The hospital patient id as technicians see it in `kiosk journal list`: enough to ask the HIS, no more. */
    public String maskedPatientId() {
        return patientId == null ? null : Masking.idNumber(patientId);
    }
}
