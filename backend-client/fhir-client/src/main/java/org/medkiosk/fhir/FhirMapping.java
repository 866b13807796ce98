package org.medkiosk.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.medkiosk.hospital.AbnormalFlag;
import org.medkiosk.hospital.AccountBalance;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.AppointmentStatus;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.ChargeItem;
import org.medkiosk.hospital.Department;
import org.medkiosk.hospital.IdentifierKind;
import org.medkiosk.hospital.ImagingReport;
import org.medkiosk.hospital.LabReport;
import org.medkiosk.hospital.LabResult;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PaidInvoice;
import org.medkiosk.hospital.PatientIdentifier;
import org.medkiosk.hospital.PaymentResult;
import org.medkiosk.hospital.PaymentStatus;
import org.medkiosk.hospital.PendingReport;
import org.medkiosk.hospital.QueueTicket;
import org.medkiosk.hospital.ReportKind;
import org.medkiosk.hospital.ReportSummary;
import org.medkiosk.hospital.Sex;
import org.medkiosk.hospital.Slot;
import org.medkiosk.hospital.StaffMember;
import org.medkiosk.hospital.StaffRole;
import org.medkiosk.hospital.TopUpResult;
import org.medkiosk.hospital.UnpaidInvoice;
import org.medkiosk.hospital.Visit;

/**
 * FHIR R4 JSON → domain records. Pure functions over Jackson trees; the only exception they raise is
 * {@link org.medkiosk.hospital.BackendException.BadResponse} (fuzz-tested).
 */
final class FhirMapping {
    private final ZoneId zone;
    private final IdentifierSystems systems;

    FhirMapping(ZoneId zone) {
        this(zone, IdentifierSystems.DEFAULTS);
    }

    FhirMapping(ZoneId zone, IdentifierSystems systems) {
        this.zone = zone;
        this.systems = systems;
    }

    Patient patient(JsonNode p) {
        FhirJson.requireType(p, "Patient");
        String id = FhirJson.requireText(p, "id", "Patient");
        String name = patientName(p);
        Sex sex = switch (String.valueOf(FhirJson.text(p, "gender"))) {
            case "male" -> Sex.MALE;
            case "female" -> Sex.FEMALE;
            case "other" -> Sex.UNSPECIFIED;
            default -> Sex.UNKNOWN;
        };
        List<PatientIdentifier> ids = new ArrayList<>();
        String mrn = null;
        for (JsonNode identifier : p.path("identifier")) {
            String system = FhirJson.text(identifier, "system");
            String value = FhirJson.text(identifier, "value");
            if (value == null || value.isBlank()) {
                continue;
            }
            IdentifierKind kind = systems.kindOf(system);
            boolean typedMr = "MR".equals(FhirJson.code(identifier.path("type"), null));
            if (kind == IdentifierKind.MEDICAL_RECORD_NUMBER || (kind == null && typedMr)) {
                kind = IdentifierKind.MEDICAL_RECORD_NUMBER;
                if (mrn == null) {
                    mrn = value;
                }
            }
            if (kind != null) {
                ids.add(new PatientIdentifier(kind, value));
            }
        }
        String phone = null;
        for (JsonNode t : p.path("telecom")) {
            if ("phone".equals(FhirJson.text(t, "system")) && FhirJson.text(t, "value") != null) {
                phone = FhirJson.text(t, "value");
                break;
            }
        }
        return new Patient(id, name, sex, FhirJson.date(FhirJson.text(p, "birthDate")), mrn, phone, ids);
    }

    /** The official name's text, else family+given (Chinese names have no space, Latin ones do). */
    static String patientName(JsonNode p) {
        JsonNode chosen = null;
        for (JsonNode n : p.path("name")) {
            if (chosen == null || "official".equals(FhirJson.text(n, "use")) && !"official".equals(FhirJson.text(chosen, "use"))) {
                chosen = n;
            }
        }
        if (chosen == null) {
            return "";
        }
        String text = FhirJson.text(chosen, "text");
        if (text != null && !text.isBlank()) {
            return text;
        }
        String family = FhirJson.text(chosen, "family");
        StringBuilder given = new StringBuilder();
        for (JsonNode g : chosen.path("given")) {
            if (g.isTextual()) {
                given.append(given.length() > 0 ? " " : "").append(g.asText());
            }
        }
        String f = family == null ? "" : family;
        boolean cjk = (f + given).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return cjk ? f + given : (given + " " + f).trim();
    }

    /**
     * Whether one of the patient's names matches what a nurse typed, the way FHIR's {@code name} search does and a
     * little more: case, accents, spaces and the separators of Latin and transliterated names (", ", "·", ".")
     * are ignored; the whole query may begin any name (张三 finds 张三明) or any part of it (SMITH finds "SMITH,
     * JOHN"), or every word of it may begin some part ("John Smith" finds "SMITH, JOHN"). The client checks what a
     * server answered with this, so a server that ignored {@code name=} never shows a nurse someone else.
     */
    static boolean nameMatches(JsonNode patient, String query) {
        String whole = fold(query);
        if (whole.isEmpty()) {
            return false;
        }
        List<String> words = words(query);
        for (JsonNode n : patient.path("name")) {
            List<String> parts = new ArrayList<>();
            String family = FhirJson.text(n, "family");
            StringBuilder given = new StringBuilder();
            for (JsonNode g : n.path("given")) {
                if (g.isTextual()) {
                    parts.add(g.asText());
                    given.append(g.asText());
                }
            }
            if (family != null) {
                parts.add(family);
            }
            List<String> candidates = new ArrayList<>(parts);
            String text = FhirJson.text(n, "text");
            if (text != null) {
                candidates.add(text);
                parts.addAll(words(text));
            }
            candidates.add((family == null ? "" : family) + given);
            candidates.add(given + (family == null ? "" : family));
            if (candidates.stream().map(FhirMapping::fold).anyMatch(c -> !c.isEmpty() && c.startsWith(whole))) {
                return true;
            }
            List<String> folded = parts.stream().map(FhirMapping::fold).filter(x -> !x.isEmpty()).toList();
            if (!words.isEmpty() && words.stream().allMatch(w -> folded.stream().anyMatch(x -> x.startsWith(w)))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.split("[\\s,.·・•\\-]+")) {
            String f = fold(w);
            if (!f.isEmpty()) {
                out.add(f);
            }
        }
        return out;
    }

    private static String fold(String s) {
        String decomposed = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD);
        return decomposed.replaceAll("\\p{M}+", "").replaceAll("[\\s,.·・•\\-]+", "")
                .toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Whether the patient's record lists this phone number: digits compared, a leading +86 / 0086 country code
     * ignored on either side (13800000001 = +86 138 0000 0001).
     */
    static boolean hasPhone(JsonNode patient, String phone) {
        String want = phoneDigits(phone);
        if (want.isEmpty()) {
            return false;
        }
        for (JsonNode t : patient.path("telecom")) {
            String system = FhirJson.text(t, "system");
            String value = FhirJson.text(t, "value");
            if (value != null && ("phone".equals(system) || "sms".equals(system)) && want.equals(phoneDigits(value))) {
                return true;
            }
        }
        return false;
    }

    static String phoneDigits(String phone) {
        String d = phone.replaceAll("[^0-9]", "");
        if (d.startsWith("0086")) {
            return d.substring(4);
        }
        if (d.startsWith("86") && d.length() == 13) {
            return d.substring(2);
        }
        return d;
    }

    /** Whether the patient carries this medical record number (under the system, or any system typed v2-0203 MR). */
    static boolean hasMedicalRecordNumber(JsonNode patient, String system, String mrn) {
        for (JsonNode identifier : patient.path("identifier")) {
            boolean mr = system.equals(FhirJson.text(identifier, "system"))
                    || "MR".equals(FhirJson.code(identifier.path("type"), null));
            if (mr && mrn.equals(FhirJson.text(identifier, "value"))) {
                return true;
            }
        }
        return false;
    }

    /** FHIR's practitioner-role codes: nurse, ict (the kiosk's technicians), doctor. */
    static final String PRACTITIONER_ROLE = "http://terminology.hl7.org/CodeSystem/practitioner-role";

    /**
     * A confirmed member of staff: the Practitioner (id, staff number identifier, name) with the roles of its
     * active PractitionerRoles ({@code code} in {@link #PRACTITIONER_ROLE}; other codes are not the kiosk's
     * business). Roles naming another practitioner are ignored.
     */
    StaffMember staffMember(JsonNode practitioner, List<JsonNode> roles) {
        FhirJson.requireType(practitioner, "Practitioner");
        String id = FhirJson.requireText(practitioner, "id", "Practitioner");
        String staffNumber = null;
        for (JsonNode identifier : practitioner.path("identifier")) {
            String value = FhirJson.text(identifier, "value");
            if (systems.staffNumber().equals(FhirJson.text(identifier, "system")) && value != null && !value.isBlank()) {
                staffNumber = value;
                break;
            }
        }
        LocalizedText name = FhirJson.localized(practitioner.path("name").path(0), "text");
        if (name == null || name.zh().isBlank()) {
            String plain = patientName(practitioner);
            name = LocalizedText.same(plain.isBlank() ? id : plain);
        }
        java.util.EnumSet<StaffRole> found = java.util.EnumSet.noneOf(StaffRole.class);
        for (JsonNode role : roles) {
            if (!"PractitionerRole".equals(role.path("resourceType").asText())
                    || (role.path("active").isBoolean() && !role.path("active").asBoolean())
                    || !id.equals(FhirJson.refId(role.path("practitioner")))) {
                continue;
            }
            for (JsonNode cc : role.path("code")) {
                for (JsonNode coding : cc.path("coding")) {
                    if (!PRACTITIONER_ROLE.equals(FhirJson.text(coding, "system"))) {
                        continue;
                    }
                    switch (String.valueOf(FhirJson.text(coding, "code"))) {
                        case "nurse" -> found.add(StaffRole.NURSE);
                        case "ict" -> found.add(StaffRole.TECHNICIAN);
                        case "doctor" -> found.add(StaffRole.DOCTOR);
                        default -> {
                            // pharmacist, researcher, teacher: nothing the kiosk offers them
                        }
                    }
                }
            }
        }
        return new StaffMember(id, staffNumber, name, found);
    }

    static final LocalizedText EMPTY = LocalizedText.same("");

    Department department(JsonNode o) {
        FhirJson.requireType(o, "Organization");
        String id = FhirJson.requireText(o, "id", "Organization");
        LocalizedText name = FhirJson.localizedOr(o, "name", id);
        String alias = FhirJson.text(o.path("alias"), 0);
        if (name.en().equals(name.zh()) && alias != null && !alias.isBlank()) {
            name = LocalizedText.of(name.zh(), alias); // no translation extension: the alias is the English name
        }
        JsonNode address = o.path("address").path(0);
        LocalizedText where = FhirJson.localized(address, "text");
        if (where == null) {
            where = EMPTY;
        }
        return new Department(id, name, where);
    }

    /** A doctor: PractitionerRole + its Practitioner (may be absent) + fee and numbers left computed by the caller. */
    org.medkiosk.hospital.Doctor doctor(JsonNode role, JsonNode practitioner, Money fee, int remaining, String base) {
        FhirJson.requireType(role, "PractitionerRole");
        String id = FhirJson.requireText(role, "id", "PractitionerRole");
        LocalizedText name = null;
        String photo = null;
        if (practitioner != null) {
            JsonNode n = practitioner.path("name").path(0);
            name = FhirJson.localized(n, "text");
            if (name == null && n.isObject()) {
                String plain = patientName(practitioner);
                name = plain.isEmpty() ? null : LocalizedText.same(plain);
            }
            photo = FhirJson.text(practitioner.path("photo").path(0), "url");
        }
        if (name == null) {
            name = FhirJson.refDisplay(role.path("practitioner"));
        }
        if (name == null) {
            name = LocalizedText.same(id);
        }
        LocalizedText title = FhirJson.concept(role.path("code").path(0));
        String dept = FhirJson.refId(role.path("organization"));
        return new org.medkiosk.hospital.Doctor(id, dept, name, title == null ? EMPTY : title,
                fee == null ? Money.ZERO : fee, Math.max(0, remaining), resolve(photo, base));
    }

    static String resolve(String url, String base) {
        if (url == null || url.isBlank()) {
            return null;
        }
        if (url.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
            return url;
        }
        return base + "/" + (url.startsWith("/") ? url.substring(1) : url);
    }

    /** Numbers left in a slot: the hospital's slot-remaining extension, else 1 for a free slot. */
    static int remaining(JsonNode slot) {
        JsonNode ext = FhirJson.ours(slot, "slot-remaining");
        if (!ext.isMissingNode()) {
            return Math.max(0, FhirJson.integer(ext.path("valueInteger"), 0));
        }
        return "free".equals(FhirJson.text(slot, "status")) ? 1 : 0;
    }

    static Money fee(JsonNode resource) {
        return FhirJson.money(FhirJson.ours(resource, "registration-fee").path("valueMoney"));
    }

    Slot slot(JsonNode s, String doctorId, String departmentId, Money fallbackFee) {
        FhirJson.requireType(s, "Slot");
        String id = FhirJson.requireText(s, "id", "Slot");
        OffsetDateTime start = FhirJson.requireDateTime(s, "start", "Slot", zone);
        OffsetDateTime end = FhirJson.dateTime(FhirJson.text(s, "end"), zone);
        Money fee = fee(s);
        return new Slot(id, doctorId, departmentId, start, end == null ? start : end, remaining(s),
                fee != null ? fee : fallbackFee == null ? Money.ZERO : fallbackFee);
    }

    Appointment appointment(JsonNode a) {
        FhirJson.requireType(a, "Appointment");
        String id = FhirJson.requireText(a, "id", "Appointment");
        String patient = null;
        String doctor = null;
        LocalizedText doctorName = null;
        for (JsonNode p : a.path("participant")) {
            JsonNode actor = p.path("actor");
            String type = FhirJson.refType(actor);
            if ("Patient".equals(type) && patient == null) {
                patient = FhirJson.refId(actor);
            } else if (("PractitionerRole".equals(type) || "Practitioner".equals(type)) && doctor == null) {
                doctor = FhirJson.refId(actor);
                doctorName = FhirJson.refDisplay(actor);
            }
        }
        JsonNode dept = FhirJson.ours(a, "department").path("valueReference");
        LocalizedText deptName = FhirJson.refDisplay(dept);
        OffsetDateTime start = FhirJson.requireDateTime(a, "start", "Appointment", zone);
        OffsetDateTime end = FhirJson.dateTime(FhirJson.text(a, "end"), zone);
        Money fee = fee(a);
        String paymentKey = FhirJson.text(FhirJson.ours(a, "payment-key"), "valueString");
        // Refundable only when the hospital says so: a server without the extension never promises a refund.
        boolean refundable = FhirJson.ours(a, "refundable").path("valueBoolean").asBoolean(false);
        return new Appointment(id, patient, FhirJson.refId(dept), doctor, deptName == null ? EMPTY : deptName,
                doctorName == null ? EMPTY : doctorName, start, end == null ? start : end,
                appointmentStatus(FhirJson.text(a, "status")), fee == null ? Money.ZERO : fee,
                paymentKey == null || paymentKey.isBlank() ? null : paymentKey, refundable);
    }

    static AppointmentStatus appointmentStatus(String code) {
        if (code == null) {
            throw FhirJson.bad("Appointment has no status");
        }
        return switch (code) {
            case "proposed" -> AppointmentStatus.PROPOSED;
            case "pending" -> AppointmentStatus.PENDING;
            case "booked" -> AppointmentStatus.BOOKED;
            case "arrived" -> AppointmentStatus.ARRIVED;
            case "fulfilled" -> AppointmentStatus.FULFILLED;
            case "cancelled" -> AppointmentStatus.CANCELLED;
            case "noshow" -> AppointmentStatus.NOSHOW;
            case "checked-in" -> AppointmentStatus.CHECKED_IN;
            case "entered-in-error" -> AppointmentStatus.ENTERED_IN_ERROR;
            case "waitlist" -> AppointmentStatus.WAITLIST;
            default -> throw FhirJson.bad("unknown Appointment status");
        };
    }

    Instant holdExpiry(JsonNode appointment) {
        return FhirJson.instant(FhirJson.text(FhirJson.ours(appointment, "hold-expires"), "valueInstant"), zone);
    }

    QueueTicket queueTicket(JsonNode encounter, Appointment appointment, int patientsAhead) {
        FhirJson.requireType(encounter, "Encounter");
        String encounterId = FhirJson.text(encounter, "id");
        String number = queueNumber(encounter);
        if (number == null) {
            throw FhirJson.bad("check-in gave no queue number");
        }
        LocalizedText dept = FhirJson.refDisplay(encounter.path("serviceProvider"));
        LocalizedText room = FhirJson.refDisplay(encounter.path("location").path(0).path("location"));
        LocalizedText doctor = FhirJson.refDisplay(encounter.path("participant").path(0).path("individual"));
        Instant at = FhirJson.instant(FhirJson.text(encounter.path("period"), "start"), zone);
        if (patientsAhead < 0) {
            patientsAhead = Math.max(0, FhirJson.integer(FhirJson.ours(encounter, "patients-ahead").path("valueInteger"), 0));
        }
        return new QueueTicket(number, appointment == null ? null : appointment.id(), encounterId,
                dept != null ? dept : appointment != null ? appointment.departmentName() : EMPTY,
                room == null ? EMPTY : room,
                doctor != null ? doctor : appointment != null ? appointment.doctorName() : EMPTY,
                patientsAhead, at == null ? Instant.now() : at);
    }

    /** The Encounter's queue number (the configured queue-number system, else its first identifier), or null. */
    String queueNumber(JsonNode encounter) {
        String number = null;
        for (JsonNode i : encounter.path("identifier")) {
            if (systems.queueNumber().equals(FhirJson.text(i, "system"))) {
                number = FhirJson.text(i, "value");
            }
        }
        if (number == null) {
            number = FhirJson.text(encounter.path("identifier").path(0), "value");
        }
        return number == null || number.isBlank() ? null : number;
    }

    /** The department text of a visit the hospital did not name. */
    static final LocalizedText OTHER_DEPARTMENT = LocalizedText.of("其他", "Other");

    /** The id of the visit (Encounter) an invoice names in its invoice-encounter extension, or null. */
    static String invoiceEncounterId(JsonNode inv) {
        JsonNode ref = FhirJson.ours(inv, "invoice-encounter").path("valueReference");
        return "Encounter".equals(FhirJson.refType(ref)) ? FhirJson.refId(ref) : null;
    }

    /** An Encounter as the visit a bill belongs to: date, department (serviceProvider), doctor (first participant). */
    Visit visit(JsonNode encounter, LocalDate fallbackDate) {
        FhirJson.requireType(encounter, "Encounter");
        OffsetDateTime start = FhirJson.dateTime(FhirJson.text(encounter.path("period"), "start"), zone);
        LocalizedText dept = FhirJson.refDisplay(encounter.path("serviceProvider"));
        LocalizedText doctor = null;
        for (JsonNode p : encounter.path("participant")) {
            doctor = FhirJson.refDisplay(p.path("individual"));
            if (doctor != null) {
                break;
            }
        }
        return new Visit(FhirJson.text(encounter, "id"),
                start != null ? start.atZoneSameInstant(zone).toLocalDate() : fallbackDate,
                dept != null ? dept : OTHER_DEPARTMENT, doctor);
    }

    /** The visit of a bill whose hospital named none: its date, department "其他 / Other", no doctor. */
    static Visit unknownVisit(LocalDate invoiceDate) {
        return new Visit(null, invoiceDate, OTHER_DEPARTMENT, null);
    }

    UnpaidInvoice invoice(JsonNode inv) {
        return invoice(inv, Map.of());
    }

    /** {@code encounters}: the visits fetched for the invoices, by id; a missing one maps to {@link #unknownVisit}. */
    UnpaidInvoice invoice(JsonNode inv, Map<String, JsonNode> encounters) {
        FhirJson.requireType(inv, "Invoice");
        String id = FhirJson.requireText(inv, "id", "Invoice");
        List<ChargeItem> items = new ArrayList<>();
        Money sum = Money.ZERO;
        for (JsonNode line : inv.path("lineItem")) {
            LocalizedText name = FhirJson.concept(line.path("chargeItemCodeableConcept"));
            if (name == null) {
                name = FhirJson.refDisplay(line.path("chargeItemReference"));
            }
            Money amount = null;
            int quantity = 1;
            for (JsonNode pc : line.path("priceComponent")) {
                String type = FhirJson.text(pc, "type");
                if (type == null || "base".equals(type)) {
                    amount = FhirJson.money(pc.path("amount"));
                    JsonNode factor = pc.path("factor");
                    if (factor.isNumber() && factor.asDouble() >= 1 && factor.asDouble() <= 100000
                            && factor.asDouble() == Math.rint(factor.asDouble())) {
                        quantity = factor.asInt();
                    }
                    break;
                }
            }
            if (amount == null) {
                throw FhirJson.bad("invoice line without an amount");
            }
            Money unit = amount.fen() % quantity == 0 ? Money.ofFen(amount.fen() / quantity) : amount;
            items.add(new ChargeItem(name == null ? EMPTY : name, quantity, unit, amount));
            sum = sum.plus(amount);
        }
        Money total = FhirJson.money(inv.path("totalGross"));
        if (total == null) {
            total = FhirJson.money(inv.path("totalNet"));
        }
        LocalizedText description = FhirJson.concept(inv.path("type"));
        LocalDate issued = FhirJson.date(FhirJson.text(inv, "date"));
        String encounterId = invoiceEncounterId(inv);
        JsonNode encounter = encounterId == null ? null : encounters.get(encounterId);
        Visit visit = encounter != null ? visit(encounter, issued) : unknownVisit(issued);
        return new UnpaidInvoice(id, FhirJson.refId(inv.path("subject")), description == null ? EMPTY : description,
                issued, items, total == null ? sum : total, visit);
    }

    /**
     * A balanced invoice with when it was paid and the wallet's transaction number: the {@code paid-at}
     * (dateTime/instant) and {@code payment-transaction} (string) extensions on the Invoice; null when absent.
     */
    PaidInvoice paidInvoice(JsonNode inv, Map<String, JsonNode> encounters) {
        UnpaidInvoice i = invoice(inv, encounters);
        JsonNode paid = FhirJson.ours(inv, "paid-at");
        String at = FhirJson.text(paid, "valueDateTime");
        if (at == null) {
            at = FhirJson.text(paid, "valueInstant");
        }
        String transaction = FhirJson.text(FhirJson.ours(inv, "payment-transaction"), "valueString");
        return new PaidInvoice(i.id(), i.patientId(), i.description(), i.issued(), i.items(), i.total(), i.visit(),
                FhirJson.instant(at, zone), transaction == null || transaction.isBlank() ? null : transaction);
    }

    /** A report not final yet; {@code specimen} (may be null) gives the barcode; {@code expected-at} the time. */
    PendingReport pendingReport(JsonNode r, JsonNode specimen) {
        FhirJson.requireType(r, "DiagnosticReport");
        String id = FhirJson.requireText(r, "id", "DiagnosticReport");
        LocalizedText title = FhirJson.concept(r.path("code"));
        JsonNode expected = FhirJson.ours(r, "expected-at");
        String at = FhirJson.text(expected, "valueDateTime");
        if (at == null) {
            at = FhirJson.text(expected, "valueInstant");
        }
        String barcode = null;
        if (specimen != null && specimen.isObject()) {
            barcode = FhirJson.text(specimen.path("accessionIdentifier"), "value");
            if (barcode == null) {
                for (JsonNode i : specimen.path("identifier")) {
                    if (systems.specimen().equals(FhirJson.text(i, "system"))) {
                        barcode = FhirJson.text(i, "value");
                    }
                }
            }
        }
        return new PendingReport(id, FhirJson.refId(r.path("subject")), reportKind(r), title == null ? EMPTY : title,
                barcode, FhirJson.instant(at, zone));
    }

    PaymentResult payment(JsonNode parameters, String key, Money requested) {
        FhirJson.requireType(parameters, "Parameters");
        PaymentStatus status = paymentStatus(FhirJson.parameter(parameters, "status").path("valueCode").asText(null));
        Money amount = FhirJson.money(FhirJson.parameter(parameters, "amount").path("valueMoney"));
        String echoed = FhirJson.parameter(parameters, "idempotency-key").path("valueString").asText(null);
        if (echoed != null && key != null && !echoed.equals(key)) {
            throw FhirJson.bad("the hospital answered about a different payment");
        }
        return new PaymentResult(key != null ? key : echoed, status, amount != null ? amount : requested,
                FhirJson.parameter(parameters, "transaction").path("valueString").asText(null),
                FhirJson.instant(FhirJson.parameter(parameters, "at").path("valueInstant").asText(null), zone),
                FhirJson.parameter(parameters, "reason").path("valueString").asText(null));
    }

    TopUpResult deposit(JsonNode parameters, String key, Money requested) {
        PaymentResult p = payment(parameters, key, requested);
        Money balance = FhirJson.money(FhirJson.parameter(parameters, "balance").path("valueMoney"));
        return new TopUpResult(p.idempotencyKey(), p.status(), p.amount(), balance, p.transactionNumber(), p.at(), p.reason());
    }

    static PaymentStatus paymentStatus(String code) {
        if (code == null) {
            throw FhirJson.bad("payment answer has no status");
        }
        return switch (code) {
            case "pending" -> PaymentStatus.PENDING;
            case "success" -> PaymentStatus.SUCCESS;
            case "declined" -> PaymentStatus.DECLINED;
            case "closed" -> PaymentStatus.CLOSED;
            case "reversed" -> PaymentStatus.REVERSED;
            case "refunded" -> PaymentStatus.REFUNDED;
            default -> throw FhirJson.bad("unknown payment status");
        };
    }

    AccountBalance account(JsonNode a, String patientId) {
        FhirJson.requireType(a, "Account");
        String id = FhirJson.requireText(a, "id", "Account");
        Money balance = FhirJson.money(FhirJson.ours(a, "account-balance").path("valueMoney"));
        if (balance == null) {
            throw FhirJson.bad("Account has no balance");
        }
        return new AccountBalance(id, patientId, balance);
    }

    static ReportKind reportKind(JsonNode report) {
        for (JsonNode cat : report.path("category")) {
            for (JsonNode c : cat.path("coding")) {
                String code = FhirJson.text(c, "code");
                if (code == null) {
                    continue;
                }
                switch (code) {
                    case "LAB", "HM", "CH", "MB", "SP", "CP", "laboratory" -> {
                        return ReportKind.LAB;
                    }
                    case "RAD", "IMG", "CT", "MR", "US", "NMR", "RX", "imaging" -> {
                        return ReportKind.IMAGING;
                    }
                    default -> {
                    }
                }
            }
        }
        // No category the kiosk knows: results mean a lab report, otherwise treat it as imaging (text only).
        return report.path("result").size() > 0 ? ReportKind.LAB : ReportKind.IMAGING;
    }

    ReportSummary reportSummary(JsonNode r) {
        FhirJson.requireType(r, "DiagnosticReport");
        String id = FhirJson.requireText(r, "id", "DiagnosticReport");
        LocalizedText title = FhirJson.concept(r.path("code"));
        Instant issued = FhirJson.instant(FhirJson.text(r, "issued"), zone);
        int count = FhirJson.integer(FhirJson.ours(r, "print-count").path("valueInteger"), 0);
        int limit = FhirJson.integer(FhirJson.ours(r, "print-limit").path("valueInteger"), 0);
        return new ReportSummary(id, FhirJson.refId(r.path("subject")), reportKind(r), title == null ? EMPTY : title,
                issued, Math.max(0, count), Math.max(0, limit), r.path("presentedForm").size() > 0);
    }

    /** Department and people named on a report: performer Organization, performer Practitioner, interpreter. */
    private record ReportPeople(LocalizedText department, String performer, String interpreter) {
    }

    private static ReportPeople people(JsonNode r) {
        LocalizedText dept = null;
        String performer = null;
        for (JsonNode p : r.path("performer")) {
            String type = FhirJson.refType(p);
            LocalizedText display = FhirJson.refDisplay(p);
            if ("Organization".equals(type) && dept == null) {
                dept = display;
            } else if (display != null && performer == null && !"Organization".equals(type)) {
                performer = display.zh();
            }
        }
        LocalizedText interpreter = FhirJson.refDisplay(r.path("resultsInterpreter").path(0));
        return new ReportPeople(dept == null ? EMPTY : dept, performer, interpreter == null ? null : interpreter.zh());
    }

    LabReport labReport(JsonNode r, Patient patient, Map<String, JsonNode> observations, JsonNode specimen) {
        FhirJson.requireType(r, "DiagnosticReport");
        String id = FhirJson.requireText(r, "id", "DiagnosticReport");
        List<LabResult> results = new ArrayList<>();
        for (JsonNode ref : r.path("result")) {
            JsonNode o = observations.get(FhirJson.refId(ref));
            if (o != null) {
                results.add(labResult(o));
            }
        }
        ReportPeople people = people(r);
        LocalizedText requester = FhirJson.refDisplay(FhirJson.ours(r, "requesting-doctor").path("valueReference"));
        LocalizedText specimenType = specimen == null ? null : FhirJson.concept(specimen.path("type"));
        String specimenId = specimen == null ? null : FhirJson.text(specimen.path("accessionIdentifier"), "value");
        Instant collected = specimen == null ? null
                : FhirJson.instant(FhirJson.text(specimen.path("collection"), "collectedDateTime"), zone);
        if (collected == null) {
            collected = FhirJson.instant(FhirJson.text(r, "effectiveDateTime"), zone);
        }
        LocalizedText title = FhirJson.concept(r.path("code"));
        return new LabReport(id, patient, title == null ? EMPTY : title, specimenType == null ? EMPTY : specimenType,
                specimenId, people.department(), results, requester == null ? null : requester.zh(),
                people.interpreter() != null ? people.interpreter() : people.performer(), collected,
                FhirJson.instant(FhirJson.text(r, "issued"), zone));
    }

    LabResult labResult(JsonNode o) {
        FhirJson.requireType(o, "Observation");
        LocalizedText item = FhirJson.concept(o.path("code"));
        String value;
        String unit = null;
        JsonNode q = o.path("valueQuantity");
        if (q.isObject()) {
            JsonNode v = q.path("value");
            value = FhirJson.decimal(v);
            unit = FhirJson.text(q, "unit");
            if (unit == null) {
                unit = FhirJson.text(q, "code");
            }
        } else if (o.path("valueString").isTextual()) {
            value = o.path("valueString").asText();
        } else if (o.path("valueCodeableConcept").isObject()) {
            LocalizedText t = FhirJson.concept(o.path("valueCodeableConcept"));
            value = t == null ? "" : t.zh();
        } else {
            value = FhirJson.text(o, "valueInteger") != null ? FhirJson.text(o, "valueInteger") : "";
        }
        JsonNode range = o.path("referenceRange").path(0);
        String rangeText = FhirJson.text(range, "text");
        if (rangeText == null && range.isObject()) {
            JsonNode low = range.path("low").path("value");
            JsonNode high = range.path("high").path("value");
            rangeText = (low.isNumber() ? FhirJson.decimal(low) : "") + "-" + (high.isNumber() ? FhirJson.decimal(high) : "");
        }
        return new LabResult(item == null ? EMPTY : item, value, unit, rangeText, flag(o.path("interpretation").path(0)));
    }

    static AbnormalFlag flag(JsonNode interpretation) {
        String code = FhirJson.code(interpretation, null);
        if (code == null) {
            return AbnormalFlag.NORMAL;
        }
        return switch (code) {
            case "H", "HU" -> AbnormalFlag.HIGH;
            case "L", "LU" -> AbnormalFlag.LOW;
            case "HH" -> AbnormalFlag.CRITICAL_HIGH;
            case "LL" -> AbnormalFlag.CRITICAL_LOW;
            case "A", "AA", "POS", "DET", "R", "I" -> AbnormalFlag.ABNORMAL;
            default -> AbnormalFlag.NORMAL;
        };
    }

    ImagingReport imagingReport(JsonNode r, Patient patient) {
        FhirJson.requireType(r, "DiagnosticReport");
        String id = FhirJson.requireText(r, "id", "DiagnosticReport");
        ReportPeople people = people(r);
        LocalizedText title = FhirJson.concept(r.path("code"));
        LocalizedText modality = FhirJson.concept(FhirJson.ours(r, "imaging-modality").path("valueCodeableConcept"));
        LocalizedText site = FhirJson.concept(FhirJson.ours(r, "body-site").path("valueCodeableConcept"));
        String findings = FhirJson.text(FhirJson.ours(r, "imaging-findings"), "valueString");
        return new ImagingReport(id, patient, title == null ? EMPTY : title, modality == null ? EMPTY : modality,
                site == null ? EMPTY : site, people.department(), findings == null ? "" : findings,
                FhirJson.text(r, "conclusion") == null ? "" : FhirJson.text(r, "conclusion"),
                people.performer(), people.interpreter(),
                FhirJson.instant(FhirJson.text(r, "effectiveDateTime"), zone),
                FhirJson.instant(FhirJson.text(r, "issued"), zone));
    }

    /** The report's document: inline base64 data, or the URL (relative to the base) to fetch as a Binary; null if none. */
    sealed interface DocumentSource permits Inline, Linked {
    }

    record Inline(String contentType, byte[] content) implements DocumentSource {
    }

    record Linked(String contentType, String url) implements DocumentSource {
    }

    DocumentSource documentSource(JsonNode r) {
        FhirJson.requireType(r, "DiagnosticReport");
        JsonNode chosen = null;
        for (JsonNode a : r.path("presentedForm")) {
            if (chosen == null || "application/pdf".equals(FhirJson.text(a, "contentType"))
                    && !"application/pdf".equals(FhirJson.text(chosen, "contentType"))) {
                chosen = a;
            }
        }
        if (chosen == null) {
            return null;
        }
        String type = FhirJson.text(chosen, "contentType");
        String data = FhirJson.text(chosen, "data");
        if (data != null) {
            return new Inline(type == null ? "application/octet-stream" : type, base64(data));
        }
        String url = FhirJson.text(chosen, "url");
        if (url == null) {
            throw FhirJson.bad("report document has neither data nor url");
        }
        return new Linked(type, url);
    }

    static byte[] base64(String data) {
        try {
            return Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new BackendException.BadResponse("report document is not valid base64", e);
        }
    }
}
