package org.medkiosk.journey.settle;

import org.medkiosk.journal.IntentKind;
import org.medkiosk.journal.IntentState;

/**
 * One thing settlement did: `kiosk journal recover` prints one line each. No personal data. before is null for an
 * intent settlement itself created (the booking a crash left unwritten, the release of a held number).
 */
public record SettlementLine(String idempotencyKey, IntentKind kind, IntentState before, IntentState after, String action) {
    @Override
    public String toString() {
        return kind + " " + idempotencyKey + ": " + (before == null ? "new" : before) + " -> " + after + " (" + action + ")";
    }
}
