package org.medkiosk.journey.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medkiosk.fhir.HospitalLedger.BookedAppointment;
import org.medkiosk.fhir.HospitalLedger.MoneyMovement;
import org.medkiosk.hospital.AppointmentStatus;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journal.PrintJob;

/**
 * The crash harness's verdict: the kiosks' journals against the hospital's own ledger (read over FHIR). Pure: it
 * is handed both sides, so a test can hand it a tampered side and watch it fail.
 *
 * <ul>
 *   <li><b>lost</b>: the hospital holds money (charges minus reversals and refunds, per key, above zero) for a key
 *       whose intent is not SUCCEEDED, is unknown to every journal, or whose refund the journal records as done;</li>
 *   <li><b>duplicated</b>: a key charged more than once; a registration journey with more than one booked
 *       appointment; an appointment still booked under a journey that also refunded it; a booked appointment whose
 *       hold key no journal knows;</li>
 *   <li><b>unsettled</b>: an intent not final; an owed receipt neither PRINTED / SENT_UNVERIFIED nor UNCOLLECTED,
 *       or owed and never recorded at all;
 *       a payment the journal calls SUCCEEDED (and never refunded) for which the hospital holds nothing.</li>
 * </ul>
 * Movements and appointments whose key is in {@code before} (the ledger as it was before the harness started: the
 * demo's seeded charges, other kiosks) are not the harness's and are left out.
 */
public final class LedgerComparison {

    public record Verdict(int intents, int lost, int duplicated, int unsettled, List<String> findings) {
        public Verdict {
            findings = List.copyOf(findings);
        }

        public boolean clean() {
            return lost == 0 && duplicated == 0 && unsettled == 0;
        }
    }

    private static final Set<AppointmentStatus> BOOKED = Set.of(AppointmentStatus.BOOKED, AppointmentStatus.ARRIVED,
            AppointmentStatus.CHECKED_IN, AppointmentStatus.FULFILLED);

    private LedgerComparison() {
    }

    public static Verdict compare(List<Intent> intents, List<PrintJob> printJobs, List<MoneyMovement> movements,
                                  List<BookedAppointment> appointments, Set<String> before) {
        List<String> findings = new ArrayList<>();
        Map<String, Intent> byKey = new HashMap<>();
        Map<String, List<Intent>> byJourney = new HashMap<>();
        Map<String, Intent> refundOf = new HashMap<>();
        for (Intent i : intents) {
            byKey.put(i.idempotencyKey(), i);
            byJourney.computeIfAbsent(i.journeyId(), j -> new ArrayList<>()).add(i);
            if (i.kind() == IntentKind.REFUND && i.payload("payment") != null) {
                refundOf.merge(i.payload("payment"), i, (a, b) -> a.state() == IntentState.REFUNDED ? a : b);
            }
        }
        int lost = 0;
        int duplicated = 0;
        int unsettled = 0;

        Map<String, Long> net = new HashMap<>();
        Map<String, Integer> charges = new HashMap<>();
        for (MoneyMovement m : movements) {
            if (before.contains(m.idempotencyKey())) {
                continue;
            }
            long fen = m.amount().fen();
            if (m.kind() == MoneyMovement.Kind.CHARGE) {
                net.merge(m.idempotencyKey(), fen, Long::sum);
                charges.merge(m.idempotencyKey(), 1, Integer::sum);
            } else {
                net.merge(m.idempotencyKey(), -fen, Long::sum);
            }
        }
        for (Map.Entry<String, Long> e : net.entrySet()) {
            String key = e.getKey();
            Intent intent = byKey.get(key);
            Intent refund = refundOf.get(key);
            if (e.getValue() > 0) {
                if (intent == null) {
                    lost++;
                    findings.add("lost: the hospital holds " + fen(e.getValue()) + " under key " + key + ", unknown to the journal");
                } else if (intent.state() != IntentState.SUCCEEDED) {
                    lost++;
                    findings.add("lost: the hospital holds " + fen(e.getValue()) + " under " + intent.kind() + " " + key
                            + ", which the journal has as " + intent.state());
                } else if (refund != null && refund.state() == IntentState.REFUNDED) {
                    lost++;
                    findings.add("lost: the journal has " + key + " refunded, the hospital still holds " + fen(e.getValue()));
                }
            }
            if (charges.getOrDefault(key, 0) > 1) {
                duplicated++;
                findings.add("duplicated: key " + key + " charged " + charges.get(key) + " times");
            }
        }
        for (Intent i : intents) {
            if ((i.kind() == IntentKind.PAY || i.kind() == IntentKind.TOP_UP) && i.state() == IntentState.SUCCEEDED
                    && net.getOrDefault(i.idempotencyKey(), 0L) <= 0) {
                Intent refund = refundOf.get(i.idempotencyKey());
                boolean refunded = refund != null && refund.state() == IntentState.REFUNDED;
                boolean free = i.amount() == null || !i.amount().isPositive();
                if (!refunded && !free) {
                    unsettled++;
                    findings.add("unsettled: the journal has " + i.kind() + " " + i.idempotencyKey()
                            + " SUCCEEDED, the hospital holds nothing for it");
                }
            }
            if (!i.state().isFinal()) {
                unsettled++;
                findings.add("unsettled: " + i.kind() + " " + i.idempotencyKey() + " is still " + i.state());
            }
        }
        Set<String> paperFor = new HashSet<>();
        printJobs.forEach(j -> paperFor.add(j.intentKey()));
        for (Intent i : intents) {
            java.util.Optional<String> owed = org.medkiosk.journey.ReceiptDesk.owedFor(i);
            if (owed.isPresent() && !paperFor.contains(i.idempotencyKey())) {
                unsettled++;
                findings.add("unsettled: " + i.kind() + " " + i.idempotencyKey() + " owes a " + owed.get()
                        + " that the journal never recorded");
            }
        }
        for (PrintJob job : printJobs) {
            if (job.state() != PrintJob.State.PRINTED && job.state() != PrintJob.State.SENT_UNVERIFIED
                    && job.state() != PrintJob.State.UNCOLLECTED) {
                unsettled++;
                findings.add("unsettled: " + job.template() + " job " + job.id() + " of journey " + job.journeyId()
                        + " is " + job.state() + (job.problem() == null ? "" : " (" + job.problem() + ")"));
            }
        }

        Map<String, String> journeyOfHold = new HashMap<>();
        for (Intent i : intents) {
            if (i.kind() == IntentKind.HOLD) {
                journeyOfHold.put(i.idempotencyKey(), i.journeyId());
            }
        }
        Map<String, List<BookedAppointment>> bookedByJourney = new HashMap<>();
        Set<String> seenAppointments = new HashSet<>();
        for (BookedAppointment a : appointments) {
            if (before.contains(a.holdKey()) || !BOOKED.contains(a.status()) || !seenAppointments.add(a.appointmentId())) {
                continue;
            }
            String journey = journeyOfHold.get(a.holdKey());
            if (journey == null) {
                duplicated++;
                findings.add("duplicated: appointment " + a.appointmentId() + " is booked under hold key " + a.holdKey()
                        + ", which no journal knows");
                continue;
            }
            bookedByJourney.computeIfAbsent(journey, j -> new ArrayList<>()).add(a);
        }
        for (Map.Entry<String, List<BookedAppointment>> e : bookedByJourney.entrySet()) {
            if (e.getValue().size() > 1) {
                duplicated++;
                findings.add("duplicated: registration journey " + e.getKey() + " has " + e.getValue().size()
                        + " booked appointments");
            }
            boolean refunded = byJourney.getOrDefault(e.getKey(), List.of()).stream()
                    .anyMatch(i -> i.kind() == IntentKind.REFUND && i.state() == IntentState.REFUNDED);
            if (refunded) {
                duplicated++;
                findings.add("duplicated: journey " + e.getKey() + " refunded its fee but appointment "
                        + e.getValue().get(0).appointmentId() + " is still booked");
            }
        }
        return new Verdict(intents.size(), lost, duplicated, unsettled, findings);
    }

    private static String fen(long fen) {
        return org.medkiosk.hospital.Money.ofFen(fen).toString();
    }
}
