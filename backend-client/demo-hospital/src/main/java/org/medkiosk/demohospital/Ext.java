package org.medkiosk.demohospital;

import java.math.BigDecimal;

import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Type;

/** MedKiosk's FHIR extensions (documented in backend-client/INTEGRATION.md). */
final class Ext {
    static final String BASE = "http://medkiosk.org/fhir/StructureDefinition/";
    static final String REGISTRATION_FEE = BASE + "registration-fee";
    static final String SLOT_REMAINING = BASE + "slot-remaining";
    static final String SLOT_CAPACITY = BASE + "slot-capacity";
    static final String HOLD_EXPIRES = BASE + "hold-expires";
    static final String DEPARTMENT = BASE + "department";
    static final String ACCOUNT_BALANCE = BASE + "account-balance";
    static final String PRINT_COUNT = BASE + "print-count";
    static final String PRINT_LIMIT = BASE + "print-limit";
    static final String IMAGING_FINDINGS = BASE + "imaging-findings";
    static final String IMAGING_MODALITY = BASE + "imaging-modality";
    static final String BODY_SITE = BASE + "body-site";
    static final String REQUESTING_DOCTOR = BASE + "requesting-doctor";
    /** Appointment: the idempotency key of the $pay that paid its registration fee (valueString). */
    static final String PAYMENT_KEY = BASE + "payment-key";
    /** Appointment: whether cancelling it now refunds the fee (valueBoolean, computed by the hospital). */
    static final String REFUNDABLE = BASE + "refundable";
    /** Appointment: when it was cancelled (valueInstant), which decides whether the fee is refundable. */
    static final String CANCELLED_AT = BASE + "cancelled-at";
    /** Invoice: the visit (Encounter) the bill belongs to (valueReference). R4 Invoice has no encounter element. */
    static final String INVOICE_ENCOUNTER = BASE + "invoice-encounter";
    /** Invoice (balanced): when it was paid (valueDateTime). */
    static final String PAID_AT = BASE + "paid-at";
    /** Invoice (balanced): the wallet's transaction number of the payment (valueString). */
    static final String PAYMENT_TRANSACTION = BASE + "payment-transaction";
    /** DiagnosticReport (registered / partial / preliminary): when the hospital expects it final (valueDateTime). */
    static final String EXPECTED_AT = BASE + "expected-at";
    /** PaymentReconciliation: the patient whose money moved (valueReference). */
    static final String PATIENT = BASE + "patient";
    /** Code system of money movements in PaymentReconciliation.detail.type: charge | reversal | refund. */
    static final String MONEY_MOVEMENT = "http://medkiosk.org/fhir/CodeSystem/money-movement";
    /** ChargeItemDefinition: the price-list heading, examination | lab-test | medicine | service (valueCode). */
    static final String PRICE_CATEGORY = BASE + "price-category";
    /** ChargeItemDefinition: what the price is per (次, 盒 0.25g×24粒), valueString with translation. */
    static final String PRICE_UNIT = BASE + "price-unit";
    /** ChargeItemDefinition: what to know before it (fasting, sedation), valueString with translation. */
    static final String PRICE_NOTES = BASE + "price-notes";
    /** ChargeItemDefinition: the pinyin initials of the title for keypad search ("xcg" for 血常规), valueString. */
    static final String PINYIN_INITIALS = BASE + "pinyin-initials";
    /** Location (level): the id of the floor's map image (valueString). */
    static final String FLOOR_MAP = BASE + "floor-map";
    /** Location: where it is on its floor's map, sub-extensions x and y (valueDecimal, 0..1 from the top-left). */
    static final String MAP_POSITION = BASE + "map-position";
    /** Organization (department): what it treats, for the guidance screen (valueString with translation). */
    static final String INTRODUCTION = BASE + "introduction";
    /** Communication (notice): the days it is shown (valuePeriod of dates; no end = until withdrawn). */
    static final String NOTICE_PERIOD = BASE + "notice-period";
    /** Identifier system of the kiosks (the logical author of feedback). */
    static final String KIOSK = "urn:medkiosk:kiosk";
    /** Identifier system of the kiosk's idempotency keys (PaymentReconciliation, held Appointment). */
    static final String IDEMPOTENCY_KEY = "urn:medkiosk:idempotency-key";

    private Ext() {
    }

    static Money cny(long fen) {
        return new Money().setValue(BigDecimal.valueOf(fen, 2)).setCurrency("CNY");
    }

    static void set(DomainResource r, String url, Type value) {
        r.getExtension().removeIf(e -> url.equals(e.getUrl()));
        r.addExtension(new Extension(url, value));
    }

    static void set(Element r, String url, Type value) {
        r.getExtension().removeIf(e -> url.equals(e.getUrl()));
        r.addExtension(new Extension(url, value));
    }

    static int intValue(DomainResource r, String url, int fallback) {
        Extension e = r.getExtensionByUrl(url);
        return e != null && e.getValue() instanceof IntegerType i ? i.getValue() : fallback;
    }

    static long fen(DomainResource r, String url) {
        Extension e = r.getExtensionByUrl(url);
        return e != null && e.getValue() instanceof Money m ? m.getValue().movePointRight(2).longValueExact() : 0;
    }
}
