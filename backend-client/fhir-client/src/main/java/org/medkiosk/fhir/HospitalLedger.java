package org.medkiosk.fhir;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.medkiosk.hospital.AppointmentStatus;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.Money;

/**
 * The hospital's own books, read over FHIR: every money movement (a {@code PaymentReconciliation} per charge,
 * reversal or refund, identified by the payment intent's idempotency key) and every appointment a kiosk held (an
 * {@code Appointment} identified by its $hold key). The crash harness compares these with the kiosk's journal: money
 * moved exactly once per intent, one booking per hold key. The resources are described in backend-client/INTEGRATION.md
 * ("Ledger"). Not used by the kiosk's journeys. Thread-safe; close it to release the connection pool.
 */
public final class HospitalLedger implements AutoCloseable {
    /** Identifier system of the kiosk's idempotency keys on PaymentReconciliation and held Appointments. */
    public static final String IDEMPOTENCY_KEY_SYSTEM = "urn:medkiosk:idempotency-key";
    /** Code system of the movement kind in PaymentReconciliation.detail.type. */
    public static final String MONEY_MOVEMENT_SYSTEM = "http://medkiosk.org/fhir/CodeSystem/money-movement";
    private static final int PAGE = 1000;
    private static final int MAX_PAGES = 1000;

    /**
     * One movement of money in the hospital's books.
     *
     * @param idempotencyKey the key of the payment intent (for a reversal or refund: of the payment it undoes)
     * @param amount         the amount moved, always positive; {@code kind} says which way
     * @param patientId      whose money it was, or null when the hospital does not say
     */
    public record MoneyMovement(String idempotencyKey, Kind kind, Money amount, String patientId) {
        /** CHARGE: money taken ($pay or $deposit succeeded); REVERSAL, REFUND: money given back. */
        public enum Kind { CHARGE, REVERSAL, REFUND }
    }

    /**
     * An appointment a kiosk held, whatever became of it.
     *
     * @param holdKey the idempotency key of the $hold that created it
     * @param status  BOOKED (or ARRIVED, FULFILLED once attended) when the hold was booked; PENDING while held;
     *                CANCELLED when the hold lapsed or the booking was cancelled
     */
    public record BookedAppointment(String appointmentId, String holdKey, String slotId, AppointmentStatus status) {
    }

    private final FhirSettings settings;
    private final FhirTransport transport;

    public HospitalLedger(FhirSettings settings) {
        this.settings = settings;
        this.transport = new FhirTransport(settings);
    }

    /** Every money movement in the hospital's books, oldest first (the demo also lists its seeded charges). */
    public List<MoneyMovement> movements() {
        return movementsOf("PaymentReconciliation?_count=" + PAGE);
    }

    /** The movements of one payment intent (its charge, and a reversal or refund if there was one). */
    public List<MoneyMovement> movements(String idempotencyKey) {
        return movementsOf("PaymentReconciliation?identifier="
                + FhirTransport.urlEncode(IDEMPOTENCY_KEY_SYSTEM + "|" + idempotencyKey) + "&_count=" + PAGE);
    }

    /** Every appointment that carries a $hold key, in the hospital's order. */
    public List<BookedAppointment> bookedAppointments() {
        List<BookedAppointment> out = new ArrayList<>();
        for (JsonNode a : search("Appointment?identifier=" + FhirTransport.urlEncode(IDEMPOTENCY_KEY_SYSTEM + "|")
                + "&_count=" + PAGE, "Appointment")) {
            String holdKey = keyOf(a);
            if (holdKey == null) {
                continue;
            }
            out.add(new BookedAppointment(FhirJson.requireText(a, "id", "Appointment"), holdKey,
                    FhirJson.refId(a.path("slot").path(0)), FhirMapping.appointmentStatus(FhirJson.text(a, "status"))));
        }
        return out;
    }

    private List<MoneyMovement> movementsOf(String query) {
        List<MoneyMovement> out = new ArrayList<>();
        for (JsonNode pr : search(query, "PaymentReconciliation")) {
            String key = keyOf(pr);
            if (key == null) {
                continue; // not a kiosk payment
            }
            MoneyMovement.Kind kind = null;
            for (JsonNode detail : pr.path("detail")) {
                for (JsonNode c : detail.path("type").path("coding")) {
                    if (MONEY_MOVEMENT_SYSTEM.equals(FhirJson.text(c, "system"))) {
                        kind = kind(FhirJson.text(c, "code"));
                    }
                }
                if (kind != null) {
                    break;
                }
            }
            if (kind == null) {
                throw FhirJson.bad("PaymentReconciliation without a money-movement type");
            }
            Money amount = FhirJson.requireMoney(pr.path("paymentAmount"), "PaymentReconciliation.paymentAmount");
            String patient = FhirJson.refId(FhirJson.ours(pr, "patient").path("valueReference"));
            out.add(new MoneyMovement(key, kind, amount, patient));
        }
        return out;
    }

    private static MoneyMovement.Kind kind(String code) {
        return switch (code == null ? "" : code) {
            case "charge" -> MoneyMovement.Kind.CHARGE;
            case "reversal" -> MoneyMovement.Kind.REVERSAL;
            case "refund" -> MoneyMovement.Kind.REFUND;
            default -> throw FhirJson.bad("unknown money-movement type");
        };
    }

    private static String keyOf(JsonNode resource) {
        for (JsonNode i : resource.path("identifier")) {
            if (IDEMPOTENCY_KEY_SYSTEM.equals(FhirJson.text(i, "system"))) {
                return FhirJson.text(i, "value");
            }
        }
        return null;
    }

    /** The matches of a search, following the bundle's next links (on the hospital's own base only). */
    private List<JsonNode> search(String query, String type) {
        List<JsonNode> all = new ArrayList<>();
        String base = settings.baseUrl().toString();
        String next = query;
        for (int page = 0; next != null; page++) {
            if (page == MAX_PAGES) {
                throw FhirJson.bad("the hospital's search does not end");
            }
            JsonNode bundle = transport.get(BackendOperation.LEDGER, next);
            FhirJson.requireType(bundle, "Bundle");
            all.addAll(FhirJson.matches(bundle, type));
            next = null;
            for (JsonNode link : bundle.path("link")) {
                if ("next".equals(FhirJson.text(link, "relation"))) {
                    String url = FhirJson.text(link, "url");
                    if (url != null && url.startsWith(base)) {
                        String rel = url.substring(base.length());
                        next = rel.startsWith("/") ? rel.substring(1) : rel;
                    } else if (url != null) {
                        throw new BackendException.BadResponse("LEDGER: next page lives outside the hospital's FHIR server", null);
                    }
                }
            }
        }
        return all;
    }

    @Override
    public void close() {
        transport.close();
    }
}
