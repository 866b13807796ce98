package org.medkiosk.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medkiosk.hospital.AccountBalance;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.Department;
import org.medkiosk.hospital.Doctor;
import org.medkiosk.hospital.DepartmentInfo;
import org.medkiosk.hospital.DoctorProfile;
import org.medkiosk.hospital.Feedback;
import org.medkiosk.hospital.HospitalBackend;
import org.medkiosk.hospital.HospitalGuide;
import org.medkiosk.hospital.HospitalNotice;
import org.medkiosk.hospital.HospitalPlace;
import org.medkiosk.hospital.PriceItem;
import org.medkiosk.hospital.ImagingReport;
import org.medkiosk.hospital.LabReport;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PaidInvoice;
import org.medkiosk.hospital.PatientIdentifier;
import org.medkiosk.hospital.PatientQuery;
import org.medkiosk.hospital.PaymentRequest;
import org.medkiosk.hospital.PaymentResult;
import org.medkiosk.hospital.PendingReport;
import org.medkiosk.hospital.QueueTicket;
import org.medkiosk.hospital.ReportDocument;
import org.medkiosk.hospital.ReportKind;
import org.medkiosk.hospital.ReportSummary;
import org.medkiosk.hospital.Slot;
import org.medkiosk.hospital.SlotHold;
import org.medkiosk.hospital.SpecimenReports;
import org.medkiosk.hospital.StaffCredentials;
import org.medkiosk.hospital.StaffMember;
import org.medkiosk.hospital.TopUpRequest;
import org.medkiosk.hospital.TopUpResult;
import org.medkiosk.hospital.UnpaidInvoice;

/**
 * {@link HospitalBackend} and {@link HospitalGuide} (the guidance screens, see {@link FhirGuide}) over HL7 FHIR R4
 * (JSON) with the Micronaut HTTP client. Thread-safe: one instance per
 * kiosk, shared by all journeys; every method blocks up to its operation's timeout (see {@link BackendOperation}),
 * so call it off the FX thread. Failures are {@link BackendException} subtypes, never raw I/O exceptions.
 * Close it on shutdown to release the connection pool. The interactions are listed in backend-client/INTEGRATION.md.
 */
public final class FhirHospitalBackend implements HospitalBackend, HospitalGuide, AutoCloseable {
    private static final int PAGE = 500;
    /** The HTTP header that carries the idempotency key of a keyed standard update (cancel). */
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private final FhirSettings settings;
    private final FhirTransport transport;
    private final FhirMapping mapping;
    private final ZoneId zone;
    private final FhirGuide guide;

    public FhirHospitalBackend(FhirSettings settings) {
        this(settings, ZoneId.systemDefault());
    }

    /** {@code zone} is the hospital's time zone: what a day means in searches and how date-only values are read. */
    public FhirHospitalBackend(FhirSettings settings, ZoneId zone) {
        this.settings = settings;
        this.transport = new FhirTransport(settings);
        this.mapping = new FhirMapping(zone, settings.identifierSystems());
        this.zone = zone;
        this.guide = new FhirGuide(transport, settings, zone);
    }

    /**
     * How long the price list and the place directory are kept before they are fetched again (10 minutes by
     * default; zero fetches on every call). Answers this backend.
     */
    public FhirHospitalBackend cacheGuideFor(java.time.Duration keep) {
        guide.cacheFor(keep);
        return this;
    }

    public FhirSettings settings() {
        return settings;
    }

    /** True while the circuit breaker is open: screens can show "service unavailable" without calling. */
    public boolean unavailableNow() {
        return transport.breakerState() == CircuitBreaker.State.OPEN;
    }

    @Override
    public Optional<Patient> findPatient(PatientIdentifier identifier) {
        // one deadline for every search of the identification (the fallback system included)
        FhirTransport.Deadline deadline = transport.deadline(BackendOperation.FIND_PATIENT);
        for (String system : settings.identifierSystems().searchOrder(identifier.kind())) {
            JsonNode bundle = transport.get(BackendOperation.FIND_PATIENT,
                    "Patient?identifier=" + enc(system + "|" + identifier.value()), deadline);
            List<JsonNode> found = FhirJson.matches(bundle, "Patient");
            if (found.size() > 1) {
                // Two people behind one card: never guess whose records to show.
                throw new BackendException.Conflict("FIND_PATIENT: identifier matches " + found.size() + " patients");
            }
            if (found.size() == 1) {
                return Optional.of(mapping.patient(found.get(0)));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Patient> patient(String patientId) {
        if (!fhirId(patientId)) {
            return Optional.empty();
        }
        JsonNode p;
        try {
            p = transport.get(BackendOperation.FIND_PATIENT, "Patient/" + enc(patientId));
        } catch (BackendException.NotFound e) {
            return Optional.empty();
        }
        FhirJson.requireType(p, "Patient");
        return Optional.of(mapping.patient(p));
    }

    /** A nurse's search shows a first page only: more than this many means the query is too broad to pick from. */
    private static final int SEARCH_PAGE = 50;

    /**
     * {@code Patient?name={name}&birthdate={yyyy-MM-dd}}, {@code Patient?phone={phone}} or
     * {@code Patient?identifier={mrn system}|{mrn}}. What the server answers is checked again here (birth date,
     * name, phone, MRN; retired records dropped): a server that ignores a parameter must not show a nurse other
     * patients.
     */
    @Override
    public List<Patient> findPatients(PatientQuery query) {
        String search;
        Predicate<JsonNode> matches;
        if (query instanceof PatientQuery.ByNameAndBirthDate q) {
            String born = q.birthDate().toString();
            search = "Patient?name=" + enc(searchValue(q.name())) + "&birthdate=" + enc(born);
            matches = p -> {
                String birthDate = FhirJson.text(p, "birthDate");
                return birthDate != null && birthDate.startsWith(born) && FhirMapping.nameMatches(p, q.name());
            };
        } else if (query instanceof PatientQuery.ByPhone q) {
            search = "Patient?phone=" + enc(q.phone());
            matches = p -> FhirMapping.hasPhone(p, q.phone());
        } else {
            String mrn = ((PatientQuery.ByMedicalRecordNumber) query).medicalRecordNumber();
            String system = settings.identifierSystems().medicalRecordNumber();
            search = "Patient?identifier=" + enc(system + "|" + searchValue(mrn));
            matches = p -> FhirMapping.hasMedicalRecordNumber(p, system, mrn);
        }
        JsonNode bundle = transport.get(BackendOperation.PATIENT_SEARCH, search + "&_count=" + SEARCH_PAGE);
        return FhirJson.matches(bundle, "Patient").stream()
                .filter(p -> !retired(p))
                .filter(matches)
                .limit(SEARCH_PAGE)
                .map(mapping::patient)
                .toList();
    }

    /** {@code active: false}: a record the hospital no longer uses (a merged duplicate, a member of staff who left). */
    private static boolean retired(JsonNode resource) {
        return resource.path("active").isBoolean() && !resource.path("active").asBoolean();
    }

    /**
     * A staff card: {@code Practitioner?identifier={staff card system}|{number}&_revinclude=PractitionerRole:practitioner}.
     * A staff number and PIN: {@code POST Practitioner/$verify-pin} (the PIN travels in the body, never in a URL),
     * answered {@code verified} and, when true, the Practitioner and its roles. A server that leaves the roles out
     * (or ignores {@code _revinclude}) is asked {@code PractitionerRole?practitioner=Practitioner/{id}&active=true}.
     */
    @Override
    public Optional<StaffMember> signIn(StaffCredentials credentials) {
        FhirTransport.Deadline deadline = transport.deadline(BackendOperation.STAFF_SIGN_IN);
        IdentifierSystems systems = settings.identifierSystems();
        if (credentials instanceof StaffCredentials.StaffCard card) {
            return staffMember(systems.staffCard(), card.cardNumber(), deadline);
        }
        StaffCredentials.StaffNumberAndPin typed = (StaffCredentials.StaffNumberAndPin) credentials;
        JsonNode answer = transport.post(BackendOperation.STAFF_SIGN_IN, "Practitioner/$verify-pin", Params.create()
                .identifier("staff", systems.staffNumber(), typed.staffNumber())
                .string("pin", typed.pin()).node(), deadline);
        FhirJson.requireType(answer, "Parameters");
        JsonNode verified = FhirJson.parameter(answer, "verified").path("valueBoolean");
        if (!verified.isBoolean()) {
            throw FhirJson.bad("$verify-pin answer has no verified");
        }
        if (!verified.asBoolean()) {
            return Optional.empty();
        }
        JsonNode practitioner = FhirJson.parameter(answer, "practitioner").path("resource");
        if (!practitioner.isObject()) {
            return staffMember(systems.staffNumber(), typed.staffNumber(), deadline); // the server said only "yes"
        }
        FhirJson.requireType(practitioner, "Practitioner");
        if (!hasIdentifier(practitioner, systems.staffNumber(), typed.staffNumber())) {
            // Signing someone in as another person is worse than not signing them in at all.
            throw FhirJson.bad("$verify-pin answered with a staff member of another staff number");
        }
        if (retired(practitioner)) {
            return Optional.empty();
        }
        List<JsonNode> roles = new ArrayList<>();
        for (JsonNode p : answer.path("parameter")) {
            if ("role".equals(p.path("name").asText()) && p.path("resource").isObject()) {
                roles.add(p.path("resource"));
            }
        }
        return Optional.of(withRoles(practitioner, roles, deadline));
    }

    private Optional<StaffMember> staffMember(String system, String value, FhirTransport.Deadline deadline) {
        JsonNode bundle = transport.get(BackendOperation.STAFF_SIGN_IN, "Practitioner?identifier="
                + enc(system + "|" + searchValue(value)) + "&_revinclude=PractitionerRole:practitioner", deadline);
        // a server that ignores identifier= must not sign anyone in as whoever it lists
        List<JsonNode> found = FhirJson.matches(bundle, "Practitioner").stream()
                .filter(p -> hasIdentifier(p, system, value)).toList();
        if (found.size() > 1) {
            // Two people behind one card: never guess who is signing in.
            throw new BackendException.Conflict("STAFF_SIGN_IN: identifier matches " + found.size() + " staff members");
        }
        if (found.isEmpty() || retired(found.get(0))) {
            return Optional.empty();
        }
        return Optional.of(withRoles(found.get(0), FhirJson.resources(bundle, "PractitionerRole"), deadline));
    }

    private StaffMember withRoles(JsonNode practitioner, List<JsonNode> roles, FhirTransport.Deadline deadline) {
        String id = FhirJson.requireText(practitioner, "id", "Practitioner");
        List<JsonNode> theirs = roles.stream().filter(r -> id.equals(FhirJson.refId(r.path("practitioner")))).toList();
        if (theirs.isEmpty()) {
            theirs = FhirJson.matches(transport.get(BackendOperation.STAFF_SIGN_IN, "PractitionerRole?practitioner="
                    + enc("Practitioner/" + id) + "&active=true&_count=" + PAGE, deadline), "PractitionerRole");
        }
        return mapping.staffMember(practitioner, theirs);
    }

    private static boolean hasIdentifier(JsonNode resource, String system, String value) {
        for (JsonNode i : resource.path("identifier")) {
            if (system.equals(FhirJson.text(i, "system")) && value.equals(FhirJson.text(i, "value"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Department> departments() {
        JsonNode bundle = transport.get(BackendOperation.DEPARTMENTS, "Organization?type=dept&active=true&_count=" + PAGE);
        return FhirJson.matches(bundle, "Organization").stream().map(mapping::department).toList();
    }

    @Override
    public List<Doctor> doctors(String departmentId, LocalDate day) {
        return doctorsOf(BackendOperation.DOCTORS, departmentId, day).stream().map(SeenDoctor::doctor).toList();
    }

    /** A doctor with the FHIR resources it was read from (the guide's profile reads more of them). */
    private record SeenDoctor(Doctor doctor, JsonNode role, JsonNode practitioner) {
    }

    private List<SeenDoctor> doctorsOf(BackendOperation op, String departmentId, LocalDate day) {
        JsonNode roles = transport.get(op, "PractitionerRole?organization="
                + enc("Organization/" + departmentId) + "&active=true&_include=PractitionerRole:practitioner&_count=" + PAGE);
        List<JsonNode> matched = FhirJson.matches(roles, "PractitionerRole");
        if (matched.isEmpty()) {
            return List.of();
        }
        List<JsonNode> practitioners = new ArrayList<>(FhirJson.resources(roles, "Practitioner"));
        List<String> missing = matched.stream().map(r -> FhirJson.refId(r.path("practitioner")))
                .filter(id -> id != null && FhirJson.byId(practitioners, id).isEmpty()).distinct().toList();
        if (!missing.isEmpty()) {
            // A server that ignores _include: one search for the practitioners it left out.
            practitioners.addAll(FhirJson.matches(transport.get(op,
                    "Practitioner?_id=" + enc(String.join(",", missing))), "Practitioner"));
        }
        Map<String, List<JsonNode>> schedulesByRole = schedules(op,
                matched.stream().map(r -> r.path("id").asText()).toList());
        List<String> scheduleIds = schedulesByRole.values().stream().flatMap(List::stream)
                .map(s -> s.path("id").asText()).distinct().toList();
        Map<String, Integer> remainingBySchedule = new HashMap<>();
        if (!scheduleIds.isEmpty()) {
            for (JsonNode slot : freeSlots(op, scheduleIds, day, day)) {
                remainingBySchedule.merge(FhirJson.refId(slot.path("schedule")), FhirMapping.remaining(slot), Integer::sum);
            }
        }
        List<SeenDoctor> doctors = new ArrayList<>();
        for (JsonNode role : matched) {
            String roleId = role.path("id").asText();
            JsonNode practitioner = FhirJson.byId(practitioners, FhirJson.refId(role.path("practitioner"))).orElse(null);
            List<JsonNode> schedules = schedulesByRole.getOrDefault(roleId, List.of());
            Money fee = schedules.stream().map(FhirMapping::fee).filter(f -> f != null).findFirst().orElse(null);
            int remaining = schedules.stream().mapToInt(s -> remainingBySchedule.getOrDefault(s.path("id").asText(), 0)).sum();
            doctors.add(new SeenDoctor(mapping.doctor(role, practitioner, fee, remaining, settings.baseUrl().toString()),
                    role, practitioner));
        }
        return doctors;
    }

    /** Schedules whose actor is one of the roles, grouped by role id. */
    private Map<String, List<JsonNode>> schedules(BackendOperation op, List<String> roleIds) {
        String actors = roleIds.stream().map(id -> "PractitionerRole/" + id).collect(Collectors.joining(","));
        JsonNode bundle = transport.get(op, "Schedule?actor=" + enc(actors) + "&active=true&_count=" + PAGE);
        Map<String, List<JsonNode>> byRole = new HashMap<>();
        for (JsonNode s : FhirJson.matches(bundle, "Schedule")) {
            for (JsonNode actor : s.path("actor")) {
                String id = FhirJson.refId(actor);
                if ("PractitionerRole".equals(FhirJson.refType(actor)) && roleIds.contains(id)) {
                    byRole.computeIfAbsent(id, k -> new ArrayList<>()).add(s);
                }
            }
        }
        return byRole;
    }

    private List<JsonNode> freeSlots(BackendOperation op, List<String> scheduleIds, LocalDate from, LocalDate to) {
        String schedules = scheduleIds.stream().map(id -> "Schedule/" + id).collect(Collectors.joining(","));
        JsonNode bundle = transport.get(op, "Slot?schedule=" + enc(schedules) + "&status=free"
                + "&start=" + enc("ge" + dayStart(from)) + "&start=" + enc("lt" + dayStart(to.plusDays(1)))
                + "&_count=" + PAGE);
        return FhirJson.matches(bundle, "Slot");
    }

    private String dayStart(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    @Override
    public List<Slot> freeSlots(String doctorId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return List.of();
        }
        JsonNode bundle = transport.get(BackendOperation.FREE_SLOTS, "Schedule?actor="
                + enc("PractitionerRole/" + doctorId) + "&active=true&_include=Schedule:actor");
        List<JsonNode> schedules = FhirJson.matches(bundle, "Schedule");
        if (schedules.isEmpty()) {
            return List.of();
        }
        String departmentId = FhirJson.resources(bundle, "PractitionerRole").stream()
                .filter(r -> doctorId.equals(r.path("id").asText())).findFirst()
                .map(r -> FhirJson.refId(r.path("organization"))).orElse(null);
        Map<String, Money> feeBySchedule = new HashMap<>();
        for (JsonNode s : schedules) {
            Money fee = FhirMapping.fee(s);
            if (fee != null) {
                feeBySchedule.put(s.path("id").asText(), fee);
            }
        }
        List<Slot> slots = new ArrayList<>();
        for (JsonNode s : freeSlots(BackendOperation.FREE_SLOTS,
                schedules.stream().map(x -> x.path("id").asText()).toList(), from, to)) {
            Slot slot = mapping.slot(s, doctorId, departmentId, feeBySchedule.get(FhirJson.refId(s.path("schedule"))));
            if (slot.remaining() > 0) {
                slots.add(slot);
            }
        }
        slots.sort(Comparator.comparing(Slot::start));
        return slots;
    }

    @Override
    public SlotHold hold(String patientId, String slotId, String idempotencyKey) {
        ObjectNode params = Params.create()
                .reference("patient", "Patient/" + patientId)
                .reference("slot", "Slot/" + slotId)
                .string("idempotency-key", idempotencyKey).node();
        JsonNode answer = transport.post(BackendOperation.HOLD, "Appointment/$hold", params);
        JsonNode appointmentNode = resourceIn(answer, "appointment", "Appointment");
        Appointment appointment = mapping.appointment(appointmentNode);
        JsonNode slotNode = "Parameters".equals(answer.path("resourceType").asText())
                ? FhirJson.parameter(answer, "slot").path("resource") : null;
        Slot slot;
        if (slotNode != null && "Slot".equals(slotNode.path("resourceType").asText())) {
            slot = mapping.slot(slotNode, appointment.doctorId(), appointment.departmentId(), appointment.fee());
        } else {
            slot = new Slot(slotId, appointment.doctorId(), appointment.departmentId(), appointment.start(),
                    appointment.end(), 0, appointment.fee());
        }
        Instant expires = mapping.holdExpiry(appointmentNode);
        // A hospital that does not say when the hold lapses gets the conservative default of the IHE profile.
        return new SlotHold(appointment.id(), slot, expires != null ? expires : Instant.now().plusSeconds(300));
    }

    @Override
    public Appointment book(String holdAppointmentId, String idempotencyKey) {
        JsonNode answer = transport.post(BackendOperation.BOOK, "Appointment/$book", Params.create()
                .reference("appointment", "Appointment/" + holdAppointmentId)
                .string("idempotency-key", idempotencyKey).node());
        return mapping.appointment(resourceIn(answer, "appointment", "Appointment"));
    }

    /**
     * Standard update: read the appointment, set status=cancelled, PUT it back with If-Match when versioned. The
     * kiosk's key travels in the {@code Idempotency-Key} header (draft-ietf-httpapi-idempotency-key-header): a
     * hospital that honours it answers a repeat with the same cancellation and refuses the key for another
     * appointment (422); one that ignores it still cancels by the standard update.
     */
    @Override
    public Appointment cancel(String appointmentId, String idempotencyKey) {
        String path = "Appointment/" + enc(appointmentId);
        JsonNode current = transport.get(BackendOperation.CANCEL, path);
        FhirJson.requireType(current, "Appointment");
        if ("cancelled".equals(current.path("status").asText())) {
            return mapping.appointment(current);
        }
        ObjectNode updated = current.deepCopy(); // keeps every element the kiosk does not understand
        updated.put("status", "cancelled");
        updated.putObject("cancelationReason").put("text", "cancelled at kiosk");
        String version = current.path("meta").path("versionId").asText(null);
        Map<String, String> headers = new HashMap<>();
        headers.put(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
        if (version != null) {
            headers.put("If-Match", "W/\"" + version + "\"");
        }
        JsonNode answer = transport.put(BackendOperation.CANCEL, path, updated, headers);
        if (!"Appointment".equals(answer.path("resourceType").asText())) {
            answer = transport.get(BackendOperation.CANCEL, path); // the server answered return=minimal
        }
        return mapping.appointment(answer);
    }

    @Override
    public List<Appointment> appointments(String patientId, LocalDate day) {
        JsonNode bundle = transport.get(BackendOperation.APPOINTMENTS, "Appointment?patient=" + enc("Patient/" + patientId)
                + "&date=" + enc("ge" + dayStart(day)) + "&date=" + enc("lt" + dayStart(day.plusDays(1)))
                + "&_count=" + PAGE);
        return FhirJson.matches(bundle, "Appointment").stream().map(mapping::appointment)
                .sorted(Comparator.comparing(Appointment::start)).toList();
    }

    @Override
    public List<Appointment> bookings(String patientId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return List.of();
        }
        JsonNode bundle = transport.get(BackendOperation.BOOKINGS, "Appointment?patient=" + enc("Patient/" + patientId)
                + "&date=" + enc("ge" + dayStart(from)) + "&date=" + enc("lt" + dayStart(to.plusDays(1)))
                + "&status=booked&_count=" + PAGE);
        // a server that ignores status= must not offer an attended or cancelled appointment as a booking
        return FhirJson.matches(bundle, "Appointment").stream().map(mapping::appointment)
                .filter(a -> a.status() == org.medkiosk.hospital.AppointmentStatus.BOOKED)
                .sorted(Comparator.comparing(Appointment::start)).toList();
    }

    @Override
    public QueueTicket checkIn(String appointmentId, String idempotencyKey) {
        JsonNode answer = transport.post(BackendOperation.CHECK_IN, "Appointment/$check-in", Params.create()
                .reference("appointment", "Appointment/" + appointmentId)
                .string("idempotency-key", idempotencyKey).node());
        FhirJson.requireType(answer, "Parameters");
        JsonNode appointmentNode = FhirJson.parameter(answer, "appointment").path("resource");
        Appointment appointment = appointmentNode.isObject() ? mapping.appointment(appointmentNode) : null;
        JsonNode encounter = FhirJson.parameter(answer, "encounter").path("resource");
        if (!encounter.isObject()) {
            throw FhirJson.bad("check-in answer has no Encounter");
        }
        int ahead = FhirJson.integer(FhirJson.parameter(answer, "patients-ahead").path("valueInteger"), -1);
        QueueTicket t = mapping.queueTicket(encounter, appointment, ahead);
        return t.appointmentId() != null ? t : new QueueTicket(t.queueNumber(), appointmentId, t.encounterId(),
                t.department(), t.room(), t.doctorName(), t.patientsAhead(), t.checkedInAt());
    }

    /** A FHIR logical id: anything else (a QR payload, a path) is not looked up at all. */
    private static boolean fhirId(String id) {
        return id != null && id.matches("[A-Za-z0-9\\-.]{1,64}");
    }

    @Override
    public Optional<Appointment> appointment(String appointmentId) {
        if (!fhirId(appointmentId)) {
            return Optional.empty();
        }
        JsonNode a;
        try {
            a = transport.get(BackendOperation.APPOINTMENT, "Appointment/" + enc(appointmentId));
        } catch (BackendException.NotFound e) {
            return Optional.empty();
        }
        FhirJson.requireType(a, "Appointment");
        return Optional.of(mapping.appointment(a));
    }

    /**
     * The queue position of a checked-in appointment: the Encounter that names it ({@code Encounter?appointment=}),
     * its queue-number identifier and its {@code patients-ahead} extension.
     */
    @Override
    public Optional<QueueTicket> queueStatus(String appointmentId) {
        if (!fhirId(appointmentId)) {
            return Optional.empty();
        }
        JsonNode bundle = transport.get(BackendOperation.QUEUE_STATUS, "Encounter?appointment="
                + enc("Appointment/" + appointmentId) + "&_count=" + PAGE);
        List<JsonNode> found = FhirJson.matches(bundle, "Encounter").stream()
                .filter(e -> namesAppointment(e, appointmentId))
                .filter(e -> !"cancelled".equals(FhirJson.text(e, "status"))
                        && !"entered-in-error".equals(FhirJson.text(e, "status")))
                .filter(e -> mapping.queueNumber(e) != null)
                .toList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        QueueTicket t = mapping.queueTicket(found.get(found.size() - 1), null, -1);
        return Optional.of(new QueueTicket(t.queueNumber(), appointmentId, t.encounterId(), t.department(), t.room(),
                t.doctorName(), t.patientsAhead(), t.checkedInAt()));
    }

    private static boolean namesAppointment(JsonNode encounter, String appointmentId) {
        for (JsonNode ref : encounter.path("appointment")) {
            if (appointmentId.equals(FhirJson.refId(ref))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<PaidInvoice> paidInvoices(String patientId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return List.of();
        }
        JsonNode bundle = transport.get(BackendOperation.PAID_INVOICES, "Invoice?patient=" + enc("Patient/" + patientId)
                + "&status=balanced&date=" + enc("ge" + dayStart(from)) + "&date=" + enc("lt" + dayStart(to.plusDays(1)))
                + "&_count=" + PAGE);
        Instant lo = from.atStartOfDay(zone).toInstant();
        Instant hi = to.plusDays(1).atStartOfDay(zone).toInstant();
        // a server that ignores status= or date= must not list unpaid bills or bills of other days as paid
        List<JsonNode> invoices = FhirJson.matches(bundle, "Invoice").stream()
                .filter(i -> "balanced".equals(FhirJson.text(i, "status")))
                .filter(i -> patientId.equals(FhirJson.refId(i.path("subject"))))
                .filter(i -> {
                    Instant at = FhirJson.instant(FhirJson.text(i, "date"), zone);
                    return at == null || (!at.isBefore(lo) && at.isBefore(hi));
                }).toList();
        Map<String, JsonNode> visits = visits(invoices, BackendOperation.PAID_INVOICES);
        return invoices.stream().map(inv -> mapping.paidInvoice(inv, visits))
                .sorted(Comparator.comparing(PaidInvoice::issued, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    @Override
    public List<UnpaidInvoice> unpaidInvoices(String patientId) {
        JsonNode bundle = transport.get(BackendOperation.UNPAID_INVOICES, "Invoice?patient=" + enc("Patient/" + patientId)
                + "&status=issued&_count=" + PAGE);
        List<JsonNode> invoices = FhirJson.matches(bundle, "Invoice");
        Map<String, JsonNode> visits = visits(invoices, BackendOperation.UNPAID_INVOICES);
        return invoices.stream().map(inv -> mapping.invoice(inv, visits)).toList();
    }

    /**
     * The visits (Encounters) the invoices name, in one search. A hospital that cannot answer it (no Encounter
     * search, a malformed answer) gives bills without a visit rather than no bills at all; an outage still fails.
     */
    private Map<String, JsonNode> visits(List<JsonNode> invoices, BackendOperation op) {
        List<String> ids = invoices.stream().map(FhirMapping::invoiceEncounterId).filter(id -> id != null)
                .distinct().toList();
        Map<String, JsonNode> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        try {
            JsonNode bundle = transport.get(op, "Encounter?_id="
                    + enc(String.join(",", ids)) + "&_count=" + PAGE);
            for (JsonNode e : FhirJson.matches(bundle, "Encounter")) {
                String id = FhirJson.text(e, "id");
                if (id != null && ids.contains(id)) {
                    byId.put(id, e);
                }
            }
        } catch (BackendException.Rejected | BackendException.NotFound | BackendException.BadResponse
                 | BackendException.NotAuthorized e) {
            return byId;
        }
        return byId;
    }

    @Override
    public PaymentResult pay(PaymentRequest request) {
        Params p = Params.create().string("idempotency-key", request.idempotencyKey());
        if (request.patientId() != null) {
            p.reference("patient", "Patient/" + request.patientId());
        }
        for (String invoice : request.invoiceIds()) {
            p.reference("invoice", "Invoice/" + invoice);
        }
        if (request.appointmentId() != null) {
            p.reference("appointment", "Appointment/" + request.appointmentId());
        }
        p.money("amount", request.amount()).code("method", request.method().name());
        if (request.paymentCode() != null) {
            p.string("payment-code", request.paymentCode());
        }
        JsonNode answer = transport.post(BackendOperation.PAY, "Invoice/$pay", p.node());
        return mapping.payment(answer, request.idempotencyKey(), request.amount());
    }

    @Override
    public PaymentResult paymentStatus(String idempotencyKey) {
        return mapping.payment(transport.post(BackendOperation.PAYMENT_STATUS, "Invoice/$payment-status",
                Params.create().string("idempotency-key", idempotencyKey).node()), idempotencyKey, null);
    }

    @Override
    public PaymentResult reversePayment(String idempotencyKey) {
        return mapping.payment(transport.post(BackendOperation.PAYMENT_REVERSE, "Invoice/$payment-reverse",
                Params.create().string("idempotency-key", idempotencyKey).node()), idempotencyKey, null);
    }

    @Override
    public PaymentResult refund(String idempotencyKey, String reason) {
        Params p = Params.create().string("idempotency-key", idempotencyKey);
        if (reason != null) {
            p.string("reason", reason);
        }
        return mapping.payment(transport.post(BackendOperation.REFUND, "Invoice/$payment-refund", p.node()),
                idempotencyKey, null);
    }

    @Override
    public AccountBalance balance(String patientId) {
        JsonNode bundle = transport.get(BackendOperation.BALANCE, "Account?patient=" + enc("Patient/" + patientId)
                + "&status=active");
        List<JsonNode> accounts = FhirJson.matches(bundle, "Account");
        if (accounts.isEmpty()) {
            throw new BackendException.NotFound("BALANCE: the patient has no prepaid account");
        }
        return mapping.account(accounts.get(0), patientId);
    }

    @Override
    public TopUpResult topUp(TopUpRequest request) {
        Params p = Params.create().string("idempotency-key", request.idempotencyKey())
                .reference("account", "Account/" + request.accountId())
                .money("amount", request.amount()).code("method", request.method().name());
        if (request.paymentCode() != null) {
            p.string("payment-code", request.paymentCode());
        }
        return mapping.deposit(transport.post(BackendOperation.DEPOSIT, "Account/$deposit", p.node()),
                request.idempotencyKey(), request.amount());
    }

    @Override
    public List<ReportSummary> finalReports(String patientId) {
        JsonNode bundle = transport.get(BackendOperation.REPORTS, "DiagnosticReport?patient=" + enc("Patient/" + patientId)
                + "&status=final&_count=" + PAGE);
        return FhirJson.matches(bundle, "DiagnosticReport").stream()
                .filter(r -> "final".equals(r.path("status").asText("final")))
                .map(mapping::reportSummary)
                .sorted(Comparator.comparing(ReportSummary::issued, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /** Statuses of a report ordered but not final yet. */
    private static final List<String> PENDING_STATUSES = List.of("registered", "partial", "preliminary");

    @Override
    public List<PendingReport> pendingReports(String patientId) {
        JsonNode bundle = transport.get(BackendOperation.PENDING_REPORTS, "DiagnosticReport?patient="
                + enc("Patient/" + patientId) + "&status=" + enc(String.join(",", PENDING_STATUSES))
                + "&_include=DiagnosticReport:specimen&_count=" + PAGE);
        List<JsonNode> reports = FhirJson.matches(bundle, "DiagnosticReport").stream()
                .filter(r -> PENDING_STATUSES.contains(FhirJson.text(r, "status")))
                .filter(r -> patientId.equals(FhirJson.refId(r.path("subject"))))
                .toList();
        List<JsonNode> specimens = new ArrayList<>(FhirJson.resources(bundle, "Specimen"));
        List<String> missing = reports.stream().map(r -> FhirJson.refId(r.path("specimen").path(0)))
                .filter(id -> id != null && FhirJson.byId(specimens, id).isEmpty()).distinct().toList();
        if (!missing.isEmpty()) {
            // A server that ignores _include: one search for the specimens it left out.
            specimens.addAll(FhirJson.matches(transport.get(BackendOperation.PENDING_REPORTS,
                    "Specimen?_id=" + enc(String.join(",", missing)) + "&_count=" + PAGE), "Specimen"));
        }
        return reports.stream().map(r -> mapping.pendingReport(r, FhirJson.byId(specimens,
                        FhirJson.refId(r.path("specimen").path(0))).orElse(null)))
                .sorted(Comparator.comparing(PendingReport::expectedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /**
     * {@code Specimen?identifier={specimen system}|{barcode}} (falling back to {@code Specimen?accession={barcode}}),
     * then {@code DiagnosticReport?specimen=Specimen/{id}}: whose specimen it is, the final reports and those pending.
     */
    @Override
    public SpecimenReports reportsForSpecimen(String specimenId) {
        if (specimenId == null || specimenId.isBlank() || specimenId.length() > 64) {
            throw new BackendException.NotFound("SPECIMEN_REPORTS: no such specimen");
        }
        String system = settings.identifierSystems().specimen();
        JsonNode bundle = transport.get(BackendOperation.SPECIMEN_REPORTS, "Specimen?identifier="
                + enc(system + "|" + specimenId) + "&_include=Specimen:subject");
        List<JsonNode> found = FhirJson.matches(bundle, "Specimen").stream()
                .filter(sp -> carries(sp, system, specimenId)).toList();
        if (found.isEmpty()) {
            bundle = transport.get(BackendOperation.SPECIMEN_REPORTS, "Specimen?accession=" + enc(specimenId)
                    + "&_include=Specimen:subject");
            found = FhirJson.matches(bundle, "Specimen").stream()
                    .filter(sp -> specimenId.equals(FhirJson.text(sp.path("accessionIdentifier"), "value"))).toList();
        }
        if (found.isEmpty()) {
            throw new BackendException.NotFound("SPECIMEN_REPORTS: no such specimen");
        }
        if (found.size() > 1) {
            throw new BackendException.Conflict("SPECIMEN_REPORTS: barcode matches " + found.size() + " specimens");
        }
        JsonNode specimen = found.get(0);
        String specimenRes = FhirJson.requireText(specimen, "id", "Specimen");
        String patientId = FhirJson.refId(specimen.path("subject"));
        if (patientId == null || !"Patient".equals(FhirJson.refType(specimen.path("subject")))) {
            throw FhirJson.bad("specimen has no patient");
        }
        JsonNode patientNode = FhirJson.byId(FhirJson.resources(bundle, "Patient"), patientId)
                .orElseGet(() -> transport.get(BackendOperation.SPECIMEN_REPORTS, "Patient/" + enc(patientId)));
        Patient patient = mapping.patient(patientNode);
        JsonNode reports = transport.get(BackendOperation.SPECIMEN_REPORTS, "DiagnosticReport?specimen="
                + enc("Specimen/" + specimenRes) + "&_count=" + PAGE);
        List<ReportSummary> ready = new ArrayList<>();
        List<PendingReport> pending = new ArrayList<>();
        for (JsonNode r : FhirJson.matches(reports, "DiagnosticReport")) {
            boolean ofSpecimen = false;
            for (JsonNode ref : r.path("specimen")) {
                ofSpecimen |= specimenRes.equals(FhirJson.refId(ref));
            }
            if (!ofSpecimen || !patientId.equals(FhirJson.refId(r.path("subject")))) {
                continue; // a server that ignores specimen=, or a report of someone else: never shown
            }
            String status = FhirJson.text(r, "status");
            if ("final".equals(status)) {
                ready.add(mapping.reportSummary(r));
            } else if (PENDING_STATUSES.contains(status)) {
                pending.add(mapping.pendingReport(r, specimen));
            }
        }
        ready.sort(Comparator.comparing(ReportSummary::issued, Comparator.nullsLast(Comparator.reverseOrder())));
        pending.sort(Comparator.comparing(PendingReport::expectedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        String barcode = FhirJson.text(specimen.path("accessionIdentifier"), "value");
        return new SpecimenReports(patient, barcode != null ? barcode : specimenId, ready, pending);
    }

    private static boolean carries(JsonNode resource, String system, String value) {
        for (JsonNode i : resource.path("identifier")) {
            if (system.equals(FhirJson.text(i, "system")) && value.equals(FhirJson.text(i, "value"))) {
                return true;
            }
        }
        return value.equals(FhirJson.text(resource.path("accessionIdentifier"), "value"));
    }

    @Override
    public Optional<LabReport> labReport(String reportId) {
        JsonNode bundle = transport.get(BackendOperation.REPORT_DETAIL, "DiagnosticReport?_id=" + enc(reportId)
                + "&_include=DiagnosticReport:result&_include=DiagnosticReport:specimen&_include=DiagnosticReport:subject");
        Optional<JsonNode> report = FhirJson.matches(bundle, "DiagnosticReport").stream().findFirst();
        if (report.isEmpty() || FhirMapping.reportKind(report.get()) != ReportKind.LAB) {
            return Optional.empty();
        }
        JsonNode r = report.get();
        Map<String, JsonNode> observations = new HashMap<>();
        for (JsonNode o : FhirJson.resources(bundle, "Observation")) {
            observations.put(o.path("id").asText(), o);
        }
        // A server that ignores _include: fetch what is missing one by one.
        for (JsonNode ref : r.path("result")) {
            String id = FhirJson.refId(ref);
            if (id != null && !observations.containsKey(id)) {
                observations.put(id, transport.get(BackendOperation.REPORT_DETAIL, "Observation/" + enc(id)));
            }
        }
        JsonNode specimen = null;
        String specimenId = FhirJson.refId(r.path("specimen").path(0));
        if (specimenId != null) {
            specimen = FhirJson.byId(FhirJson.resources(bundle, "Specimen"), specimenId)
                    .orElseGet(() -> transport.get(BackendOperation.REPORT_DETAIL, "Specimen/" + enc(specimenId)));
        }
        return Optional.of(mapping.labReport(r, reportPatient(bundle, r), observations, specimen));
    }

    @Override
    public Optional<ImagingReport> imagingReport(String reportId) {
        JsonNode bundle = transport.get(BackendOperation.REPORT_DETAIL, "DiagnosticReport?_id=" + enc(reportId)
                + "&_include=DiagnosticReport:subject");
        Optional<JsonNode> report = FhirJson.matches(bundle, "DiagnosticReport").stream().findFirst();
        if (report.isEmpty() || FhirMapping.reportKind(report.get()) != ReportKind.IMAGING) {
            return Optional.empty();
        }
        return Optional.of(mapping.imagingReport(report.get(), reportPatient(bundle, report.get())));
    }

    private Patient reportPatient(JsonNode bundle, JsonNode report) {
        String patientId = FhirJson.refId(report.path("subject"));
        if (patientId == null) {
            throw FhirJson.bad("report has no subject");
        }
        JsonNode patient = FhirJson.byId(FhirJson.resources(bundle, "Patient"), patientId)
                .orElseGet(() -> transport.get(BackendOperation.REPORT_DETAIL, "Patient/" + enc(patientId)));
        return mapping.patient(patient);
    }

    @Override
    public ReportDocument reportDocument(String reportId) {
        JsonNode report = transport.get(BackendOperation.REPORT_DOCUMENT, "DiagnosticReport/" + enc(reportId));
        FhirMapping.DocumentSource source = mapping.documentSource(report);
        if (source == null) {
            throw new BackendException.NotFound("REPORT_DOCUMENT: the report has no document");
        }
        if (source instanceof FhirMapping.Inline inline) {
            return new ReportDocument(reportId, inline.contentType(), inline.content());
        }
        FhirMapping.Linked linked = (FhirMapping.Linked) source;
        String relative = relativeToBase(linked.url());
        JsonNode binary = transport.get(BackendOperation.REPORT_DOCUMENT, relative);
        FhirJson.requireType(binary, "Binary");
        String data = FhirJson.text(binary, "data");
        if (data == null) {
            throw FhirJson.bad("report Binary has no data");
        }
        String type = FhirJson.text(binary, "contentType");
        return new ReportDocument(reportId, type != null ? type : linked.contentType(), FhirMapping.base64(data));
    }

    /** Documents are only fetched from the hospital's own FHIR base: a report must not send the kiosk elsewhere. */
    private String relativeToBase(String url) {
        String base = settings.baseUrl().toString();
        String rel;
        if (url.startsWith(base + "/")) {
            rel = url.substring(base.length() + 1);
        } else if (url.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
            throw FhirJson.bad("report document lives outside the hospital's FHIR server");
        } else {
            rel = url.startsWith("/") ? url.substring(1) : url;
        }
        if (!rel.matches("Binary/[A-Za-z0-9\\-.]{1,64}")) {
            throw FhirJson.bad("report document URL is not a Binary on the FHIR server");
        }
        return rel;
    }

    @Override
    public void markPrinted(String reportId, String idempotencyKey) {
        transport.post(BackendOperation.MARK_PRINTED, "DiagnosticReport/$mark-printed", Params.create()
                .reference("report", "DiagnosticReport/" + reportId)
                .string("idempotency-key", idempotencyKey).node());
    }

    /** The named resource of a Parameters answer, or the answer itself when the server returned the resource. */
    private static JsonNode resourceIn(JsonNode answer, String name, String type) {
        if (type.equals(answer.path("resourceType").asText())) {
            return answer;
        }
        FhirJson.requireType(answer, "Parameters");
        JsonNode r = FhirJson.parameter(answer, name).path("resource");
        if (!r.isObject()) {
            throw FhirJson.bad("answer has no " + type);
        }
        return r;
    }

    /**
     * A value as FHIR search syntax needs it: {@code , | $ \\} escaped with a backslash, or "SMITH, JOHN" would be
     * two names (OR) and a value with a bar a system and a code.
     */
    static String searchValue(String value) {
        return value.replace("\\", "\\\\").replace(",", "\\,").replace("|", "\\|").replace("$", "\\$");
    }

    private static String enc(String s) {
        return FhirTransport.urlEncode(s);
    }

    // ---- HospitalGuide (see FhirGuide) ---------------------------------------------------------------------------

    @Override
    public List<PriceItem> findPrices(String query, int limit) {
        return guide.findPrices(query, limit);
    }

    @Override
    public List<HospitalPlace> places() {
        return guide.directory().places();
    }

    @Override
    public Optional<HospitalPlace> placeOf(String locationId) {
        if (!fhirId(locationId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(guide.directory().byId().get(locationId));
    }

    @Override
    public Optional<HospitalPlace> emergencyDepartment() {
        return guide.directory().emergency();
    }

    /**
     * {@code Organization?type=dept&active=true} as for {@link #departments()}, with the {@code introduction}
     * extension, and the place directory for the clinic each department manages.
     */
    @Override
    public List<DepartmentInfo> departmentInfo() {
        JsonNode bundle = transport.get(BackendOperation.DEPARTMENT_INFO, "Organization?type=dept&active=true&_count=" + PAGE);
        List<JsonNode> organizations = FhirJson.matches(bundle, "Organization");
        if (organizations.isEmpty()) {
            return List.of();
        }
        Map<String, String> clinics = guide.directory().clinicOfDepartment();
        return organizations.stream().map(o -> {
            Department d = mapping.department(o);
            return new DepartmentInfo(d, FhirGuide.introduction(o), Optional.ofNullable(clinics.get(d.id())));
        }).toList();
    }

    /** The doctors as {@link #doctors} finds them today, with the role's specialty and week and the qualifications. */
    @Override
    public List<DoctorProfile> doctorProfiles(String departmentId) {
        if (!fhirId(departmentId)) {
            return List.of();
        }
        return doctorsOf(BackendOperation.DOCTOR_PROFILES, departmentId, LocalDate.now(zone)).stream()
                .map(d -> FhirGuide.profile(d.doctor(), d.role(), d.practitioner())).toList();
    }

    @Override
    public List<HospitalNotice> notices(LocalDate day) {
        return guide.notices(day);
    }

    @Override
    public void sendFeedback(Feedback feedback, String idempotencyKey) {
        guide.sendFeedback(feedback, idempotencyKey);
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Builds a FHIR Parameters resource. */
    static final class Params {
        private final ObjectNode node = FhirTransport.object();
        private final ArrayNode parameters;

        private Params() {
            node.put("resourceType", "Parameters");
            parameters = node.putArray("parameter");
        }

        static Params create() {
            return new Params();
        }

        Params string(String name, String value) {
            parameters.addObject().put("name", name).put("valueString", value);
            return this;
        }

        Params code(String name, String value) {
            parameters.addObject().put("name", name).put("valueCode", value);
            return this;
        }

        Params identifier(String name, String system, String value) {
            parameters.addObject().put("name", name).putObject("valueIdentifier").put("system", system).put("value", value);
            return this;
        }

        Params reference(String name, String reference) {
            parameters.addObject().put("name", name).putObject("valueReference").put("reference", reference);
            return this;
        }

        Params money(String name, Money money) {
            parameters.addObject().put("name", name).putObject("valueMoney").put("value", money.yuan()).put("currency", "CNY");
            return this;
        }

        ObjectNode node() {
            return node;
        }
    }
}
