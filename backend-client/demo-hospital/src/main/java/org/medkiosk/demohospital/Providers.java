package org.medkiosk.demohospital;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Account;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.StringType;

/** The demo hospital's resource providers: reads, searches that honour their parameters, and the custom operations. */
final class Providers {
    private Providers() {
    }

    static List<IResourceProvider> all(HospitalRecords records, RegistrationDesk desk, Cashier cashier, ReportDesk reports,
                                       java.time.Clock clock, DemoLevers levers) {
        return List.of(new PatientProvider(records), new OrganizationProvider(records), new PractitionerProvider(records, new StaffOffice(records)),
                new PractitionerRoleProvider(records), new LocationProvider(records), new ScheduleProvider(records),
                new SlotProvider(records, clock, desk), new AppointmentProvider(records, desk),
                new EncounterProvider(records), new InvoiceProvider(records, cashier, levers),
                new AccountProvider(records, cashier), new PaymentReconciliationProvider(records),
                new DiagnosticReportProvider(records, reports), new ObservationProvider(records),
                new SpecimenProvider(records), new BinaryProvider(records),
                new GuideProviders.ChargeItemDefinitionProvider(records), new GuideProviders.CommunicationProvider(records),
                new GuideProviders.QuestionnaireProvider(records), new GuideProviders.QuestionnaireResponseProvider(records));
    }

    static <T extends Resource> T read(HospitalRecords records, Class<T> type, IdType id) {
        return records.get(type, id.getIdPart()).orElseThrow(() -> Problems.notFound(type.getSimpleName() + " not found"));
    }

    static String idOf(Reference r) {
        return r == null ? null : r.getReferenceElement().getIdPart();
    }

    static boolean id(TokenOrListParam ids, Resource r) {
        return SearchMatch.token(ids, null, r.getIdElement().getIdPart());
    }

    public static final class OrganizationProvider implements IResourceProvider {
        private final HospitalRecords records;

        OrganizationProvider(HospitalRecords records) {
            this.records = records;
        }

        @Override
        public Class<Organization> getResourceType() {
            return Organization.class;
        }

        @Read
        public Organization read(@IdParam IdType id) {
            return Providers.read(records, Organization.class, id);
        }

        @Search
        public List<Organization> search(@OptionalParam(name = "_id") TokenOrListParam ids,
                                         @OptionalParam(name = Organization.SP_TYPE) TokenOrListParam type,
                                         @OptionalParam(name = Organization.SP_ACTIVE) TokenOrListParam active,
                                         @OptionalParam(name = Organization.SP_PARTOF) ReferenceOrListParam partOf) {
            return records.find(Organization.class, o -> id(ids, o)
                    && (type == null || o.getType().stream().anyMatch(t -> t.getCoding().stream()
                    .anyMatch(c -> SearchMatch.token(type, c.getSystem(), c.getCode()))))
                    && SearchMatch.token(active, null, String.valueOf(o.getActive()))
                    && SearchMatch.reference(partOf, o.hasPartOf() ? List.of(o.getPartOf()) : List.of()));
        }
    }

    public static final class PractitionerProvider implements IResourceProvider {
        private final HospitalRecords records;
        private final StaffOffice office;

        PractitionerProvider(HospitalRecords records, StaffOffice office) {
            this.records = records;
            this.office = office;
        }

        @Override
        public Class<Practitioner> getResourceType() {
            return Practitioner.class;
        }

        @Read
        public Practitioner read(@IdParam IdType id) {
            return Providers.read(records, Practitioner.class, id);
        }

        /** By id, by identifier (staff number, staff card), by active; {@code _revinclude} brings their roles. */
        @Search
        public List<IBaseResource> search(@OptionalParam(name = "_id") TokenOrListParam ids,
                                          @OptionalParam(name = Practitioner.SP_IDENTIFIER) TokenOrListParam identifier,
                                          @OptionalParam(name = Practitioner.SP_ACTIVE) TokenOrListParam active,
                                          @IncludeParam(reverse = true, allow = {"PractitionerRole:practitioner"})
                                          Set<Include> revIncludes) {
            Includes out = new Includes(revIncludes);
            for (Practitioner p : records.find(Practitioner.class, p -> id(ids, p)
                    && SearchMatch.identifier(identifier, p.getIdentifier())
                    && SearchMatch.token(active, null, String.valueOf(p.getActive())))) {
                out.match(p);
            }
            if (out.wants("PractitionerRole:practitioner")) {
                for (Practitioner p : matches(out, Practitioner.class)) {
                    String pid = p.getIdElement().getIdPart();
                    records.find(PractitionerRole.class, r -> pid.equals(idOf(r.getPractitioner()))).forEach(out::include);
                }
            }
            return out.result();
        }

        /**
         * A staff number and PIN typed at a kiosk: {@code verified} true when the PIN is right and the person is
         * still on the staff, with their Practitioner and active roles. Anything else is {@code verified} false,
         * the same answer whether the number is unknown, the PIN wrong or the person gone.
         */
        @Operation(name = "$verify-pin", returnParameters = {
                @OperationParam(name = "verified", type = BooleanType.class, min = 1),
                @OperationParam(name = "practitioner", type = Practitioner.class),
                @OperationParam(name = "role", type = PractitionerRole.class, max = OperationParam.MAX_UNLIMITED)})
        public Parameters verifyPin(@OperationParam(name = "staff", min = 1) Identifier staff,
                                    @OperationParam(name = "pin", min = 1) StringType pin) {
            if (staff == null || !staff.hasValue()) {
                throw Problems.invalid("staff (valueIdentifier with the staff number) is required");
            }
            if (staff.hasSystem() && !DemoStaff.SYSTEM_STAFF_NUMBER.equals(staff.getSystem())) {
                throw Problems.invalid("staff: the identifier system must be " + DemoStaff.SYSTEM_STAFF_NUMBER);
            }
            Optional<Practitioner> who = office.verify(staff.getValue(), pin == null ? null : pin.getValue())
                    .filter(Practitioner::getActive);
            Parameters out = new Parameters();
            out.addParameter().setName("verified").setValue(new BooleanType(who.isPresent()));
            who.ifPresent(p -> {
                out.addParameter().setName("practitioner").setResource(copyOf(p));
                String pid = p.getIdElement().getIdPart();
                for (PractitionerRole r : records.find(PractitionerRole.class, r -> r.getActive()
                        && pid.equals(idOf(r.getPractitioner())))) {
                    out.addParameter().setName("role").setResource(copyOf(r));
                }
            });
            return out;
        }
    }

    /** A copy to hand out inside an answer, so the stored resource never changes with it. */
    static <T extends Resource> T copyOf(T r) {
        @SuppressWarnings("unchecked")
        T copy = (T) r.copy();
        copy.setId(r.getIdElement().toUnqualifiedVersionless().getIdPart());
        return copy;
    }

    public static final class PractitionerRoleProvider implements IResourceProvider {
        private final HospitalRecords records;

        PractitionerRoleProvider(HospitalRecords records) {
            this.records = records;
        }

        @Override
        public Class<PractitionerRole> getResourceType() {
            return PractitionerRole.class;
        }

        @Read
        public PractitionerRole read(@IdParam IdType id) {
            return Providers.read(records, PractitionerRole.class, id);
        }

        @Search
        public List<IBaseResource> search(@OptionalParam(name = "_id") TokenOrListParam ids,
                                          @OptionalParam(name = PractitionerRole.SP_ORGANIZATION) ReferenceOrListParam organization,
                                          @OptionalParam(name = PractitionerRole.SP_PRACTITIONER) ReferenceOrListParam practitioner,
                                          @OptionalParam(name = PractitionerRole.SP_ACTIVE) TokenOrListParam active,
                                          @IncludeParam(allow = {"PractitionerRole:practitioner", "PractitionerRole:organization"})
                                          Set<Include> include) {
            Includes out = new Includes(include);
            for (PractitionerRole r : records.find(PractitionerRole.class, r -> id(ids, r)
                    && SearchMatch.reference(organization, List.of(r.getOrganization()))
                    && SearchMatch.reference(practitioner, List.of(r.getPractitioner()))
                    && SearchMatch.token(active, null, String.valueOf(r.getActive())))) {
                out.match(r);
            }
            for (PractitionerRole r : matches(out, PractitionerRole.class)) {
                if (out.wants("PractitionerRole:practitioner")) {
                    out.include(records.get(Practitioner.class, idOf(r.getPractitioner())).orElse(null));
                }
                if (out.wants("PractitionerRole:organization")) {
                    out.include(records.get(Organization.class, idOf(r.getOrganization())).orElse(null));
                }
            }
            return out.result();
        }
    }

    static <T extends Resource> List<T> matches(Includes out, Class<T> type) {
        List<T> list = new ArrayList<>();
        for (IBaseResource r : out.result()) {
            if (type.isInstance(r)) {
                list.add(type.cast(r));
            }
        }
        return list;
    }

    public static final class LocationProvider implements IResourceProvider {
        private final HospitalRecords records;

        LocationProvider(HospitalRecords records) {
            this.records = records;
        }

        @Override
        public Class<Location> getResourceType() {
            return Location.class;
        }

        @Read
        public Location read(@IdParam IdType id) {
            return Providers.read(records, Location.class, id);
        }

        @Search
        public List<Location> search(@OptionalParam(name = "_id") TokenOrListParam ids) {
            return records.find(Location.class, l -> id(ids, l));
        }
    }

    public static final class ScheduleProvider implements IResourceProvider {
        private final HospitalRecords records;

        ScheduleProvider(HospitalRecords records) {
            this.records = records;
        }

        @Override
        public Class<Schedule> getResourceType() {
            return Schedule.class;
        }

        @Read
        public Schedule read(@IdParam IdType id) {
            return Providers.read(records, Schedule.class, id);
        }

        @Search
        public List<IBaseResource> search(@OptionalParam(name = "_id") TokenOrListParam ids,
                                          @OptionalParam(name = Schedule.SP_ACTOR) ReferenceOrListParam actor,
                                          @OptionalParam(name = Schedule.SP_ACTIVE) TokenOrListParam active,
                                          @IncludeParam(allow = {"Schedule:actor"}) Set<Include> include) {
            Includes out = new Includes(include);
            records.find(Schedule.class, s -> id(ids, s) && SearchMatch.reference(actor, s.getActor())
                    && SearchMatch.token(active, null, String.valueOf(s.getActive()))).forEach(out::match);
            if (out.wants("Schedule:actor")) {
                for (Schedule s : matches(out, Schedule.class)) {
                    for (Reference a : s.getActor()) {
                        String type = a.getReferenceElement().getResourceType();
                        Resource target = switch (type == null ? "" : type) {
                            case "PractitionerRole" -> records.get(PractitionerRole.class, idOf(a)).orElse(null);
                            case "Practitioner" -> records.get(Practitioner.class, idOf(a)).orElse(null);
                            case "Location" -> records.get(Location.class, idOf(a)).orElse(null);
                            default -> null;
                        };
                        out.include(target);
                    }
                }
            }
            return out.result();
        }
    }

    public static final class SlotProvider implements IResourceProvider {
        private final HospitalRecords records;
        private final java.time.Clock clock;
        private final RegistrationDesk desk;

        SlotProvider(HospitalRecords records, java.time.Clock clock, RegistrationDesk desk) {
            this.records = records;
            this.clock = clock;
            this.desk = desk;
        }

        /** Demo lever: someone else takes every number left in this slot (see backend-client/README.md). */
        @Operation(name = "$demo-take", returnParameters = @OperationParam(name = "return", type = Slot.class, min = 1))
        public Slot demoTake(@IdParam IdType id) {
            return desk.takeAll(id.getIdPart());
        }

        @Override
        public Class<Slot> getResourceType() {
            return Slot.class;
        }

        @Read
        public Slot read(@IdParam IdType id) {
            return Providers.read(records, Slot.class, id);
        }

        @Search
        public List<Slot> search(@OptionalParam(name = "_id") TokenOrListParam ids,
                                 @OptionalParam(name = Slot.SP_SCHEDULE) ReferenceOrListParam schedule,
                                 @OptionalParam(name = Slot.SP_STATUS) TokenOrListParam status,
                                 @OptionalParam(name = Slot.SP_START) DateRangeParam start) {
            java.util.Date now = java.util.Date.from(clock.instant());
            List<Slot> found = records.find(Slot.class, s -> id(ids, s)
                    && SearchMatch.reference(schedule, List.of(s.getSchedule()))
                    // a period that is over is no longer bookable, whatever numbers it had left
                    && SearchMatch.token(status, null, s.getEnd().after(now) ? s.getStatus().toCode() : "busy")
                    && SearchMatch.date(start, s.getStart()));
            found.sort(java.util.Comparator.comparing(Slot::getStart));
            return found;
        }
    }

    public static final class AppointmentProvider implements IResourceProvider {
        private final HospitalRecords records;
        private final RegistrationDesk desk;

        AppointmentProvider(HospitalRecords records, RegistrationDesk desk) {
            this.records = records;
            this.desk = desk;
        }

        @Override
        public Class<Appointment> getResourceType() {
            return Appointment.class;
        }

        @Read
        public Appointment read(@IdParam IdType id) {
            return records.atomically(() -> desk.present(Providers.read(records, Appointment.class, id)));
        }

        @Search
        public List<Appointment> search(@OptionalParam(name = "_id") TokenOrListParam ids,
                                        @OptionalParam(name = Appointment.SP_IDENTIFIER) TokenOrListParam identifier,
                                        @OptionalParam(name = Appointment.SP_PATIENT) ReferenceOrListParam patient,
                                        @OptionalParam(name = Appointment.SP_ACTOR) ReferenceOrListParam actor,
                                        @OptionalParam(name = Appointment.SP_DATE) DateRangeParam date,
                                        @OptionalParam(name = Appointment.SP_STATUS) TokenOrListParam status) {
            List<Appointment> found = records.find(Appointment.class, a -> id(ids, a)
                    && SearchMatch.identifier(identifier, a.getIdentifier())
                    && SearchMatch.reference(patient, a.getParticipant().stream().map(p -> p.getActor())
                    .filter(r -> "Patient".equals(r.getReferenceElement().getResourceType())).toList())
                    && SearchMatch.reference(actor, a.getParticipant().stream().map(p -> p.getActor()).toList())
                    && SearchMatch.date(date, a.getStart())
                    && SearchMatch.token(status, null, a.getStatus().toCode()));
            found.sort(java.util.Comparator.comparing(Appointment::getStart));
            records.atomically(() -> {
                found.forEach(desk::present);
                return null;
            });
            return found;
        }

        /**
         * Cancellation is a standard update that sets status=cancelled (the only change the demo accepts); the
         * kiosk's idempotency key travels in the {@code Idempotency-Key} header.
         */
        @Update
        public MethodOutcome update(@IdParam IdType id, @ResourceParam Appointment appointment,
                                    ca.uhn.fhir.rest.api.server.RequestDetails request) {
            appointment.setId(id);
            String key = request.getHeader("Idempotency-Key");
            Appointment saved = desk.cancel(appointment, key == null || key.isBlank() ? null : key.trim());
            MethodOutcome out = new MethodOutcome(saved.getIdElement(), false);
            out.setResource(saved);
            return out;
        }

        @Operation(name = "$hold", returnParameters = {
                @OperationParam(name = "appointment", type = Appointment.class, min = 1),
                @OperationParam(name = "slot", type = Slot.class)})
        public Parameters hold(@OperationParam(name = "patient", min = 1) Reference patient,
                               @OperationParam(name = "slot", min = 1) Reference slot,
                               @OperationParam(name = "idempotency-key", min = 1) StringType key) {
            return desk.hold(require(patient), require(slot), require(key));
        }

        @Operation(name = "$book", returnParameters = @OperationParam(name = "return", type = Appointment.class, min = 1))
        public Appointment book(@OperationParam(name = "appointment", min = 1) Reference appointment,
                                @OperationParam(name = "idempotency-key", min = 1) StringType key) {
            return desk.book(require(appointment), require(key));
        }

        /** Demo lever: every hold lapses now (see backend-client/README.md). */
        @Operation(name = "$demo-expire-holds", returnParameters = @OperationParam(name = "expired", type = IntegerType.class, min = 1))
        public Parameters demoExpireHolds() {
            Parameters out = new Parameters();
            out.addParameter().setName("expired").setValue(new IntegerType(desk.expireHolds()));
            return out;
        }

        @Operation(name = "$check-in", returnParameters = {
                @OperationParam(name = "appointment", type = Appointment.class, min = 1),
                @OperationParam(name = "encounter", type = Encounter.class, min = 1),
                @OperationParam(name = "patients-ahead", type = IntegerType.class, min = 1)})
        public Parameters checkIn(@OperationParam(name = "appointment", min = 1) Reference appointment,
                                  @OperationParam(name = "idempotency-key", min = 1) StringType key) {
            return desk.checkIn(require(appointment), require(key));
        }
    }

    static String require(Reference r) {
        if (r == null || r.getReferenceElement().getIdPart() == null) {
            throw Problems.invalid("a reference parameter is missing");
        }
        return r.getReferenceElement().getIdPart();
    }

    static String require(StringType s) {
        if (s == null || s.getValue() == null || s.getValue().isBlank()) {
            throw Problems.invalid("idempotency-key is required");
        }
        return s.getValue();
    }

    public static final class EncounterProvider implements IResourceProvider {
        private final HospitalRecords records;

        EncounterProvider(HospitalRecords records) {
            this.records = records;
        }

        @Override
        public Class<Encounter> getResourceType() {
            return Encounter.class;
        }

        @Read
        public Encounter read(@IdParam IdType id) {
            return Providers.read(records, Encounter.class, id);
        }

        @Search
        public List<Encounter> search(@OptionalParam(name = "_id") TokenOrListParam ids,
                                      @OptionalParam(name = Encounter.SP_PATIENT) ReferenceOrListParam patient,
                                      @OptionalParam(name = Encounter.SP_APPOINTMENT) ReferenceOrListParam appointment) {
            return records.find(Encounter.class, e -> id(ids, e) && SearchMatch.reference(patient, List.of(e.getSubject()))
                    && SearchMatch.reference(appointment, e.getAppointment()));
        }
    }

    public static final class InvoiceProvider implements IResourceProvider {
        private final HospitalRecords records;
        private final Cashier cashier;
        private final DemoLevers levers;

        InvoiceProvider(HospitalRecords records, Cashier cashier, DemoLevers levers) {
            this.records = records;
            this.cashier = cashier;
            this.levers = levers;
        }

        /** Demo lever: a fresh unpaid bill for the patient, on a new visit (see backend-client/README.md). */
        @Operation(name = "$demo-issue-invoice", returnParameters = @OperationParam(name = "return", type = Invoice.class, min = 1))
        public Invoice demoIssueInvoice(@OperationParam(name = "patient", min = 1) Reference patient,
                                        @OperationParam(name = "amount", min = 1) Money amount,
                                        @OperationParam(name = "description") StringType description) {
            return levers.issueInvoice(require(patient), Cashier.fen(amount),
                    description == null ? null : description.getValue());
        }

        @Override
        public Class<Invoice> getResourceType() {
            return Invoice.class;
        }

        @Read
        public Invoice read(@IdParam IdType id) {
            return Providers.read(records, Invoice.class, id);
        }

        @Search
        public List<Invoice> search(@OptionalParam(name = "_id") TokenOrListParam ids,
                                    @OptionalParam(name = Invoice.SP_PATIENT) ReferenceOrListParam patient,
                                    @OptionalParam(name = Invoice.SP_SUBJECT) ReferenceOrListParam subject,
                                    @OptionalParam(name = Invoice.SP_STATUS) TokenOrListParam status,
                                    @OptionalParam(name = Invoice.SP_DATE) DateRangeParam date) {
            return records.find(Invoice.class, i -> id(ids, i)
                    && SearchMatch.reference(patient, List.of(i.getSubject()))
                    && SearchMatch.reference(subject, List.of(i.getSubject()))
                    && SearchMatch.token(status, null, i.getStatus().toCode())
                    && SearchMatch.date(date, i.getDate()));
        }

        @Operation(name = "$pay", returnParameters = {
                @OperationParam(name = "idempotency-key", type = StringType.class, min = 1),
                @OperationParam(name = "status", type = CodeType.class, min = 1),
                @OperationParam(name = "amount", type = Money.class, min = 1),
                @OperationParam(name = "transaction", type = StringType.class),
                @OperationParam(name = "at", type = InstantType.class),
                @OperationParam(name = "reason", type = StringType.class)})
        public Parameters pay(@OperationParam(name = "idempotency-key", min = 1) StringType key,
                              @OperationParam(name = "patient") Reference patient,
                              @OperationParam(name = "invoice", max = OperationParam.MAX_UNLIMITED) List<Reference> invoices,
                              @OperationParam(name = "appointment") Reference appointment,
                              @OperationParam(name = "amount", min = 1) Money amount,
                              @OperationParam(name = "method", min = 1) CodeType method,
                              @OperationParam(name = "payment-code") StringType code) {
            List<String> ids = invoices == null ? List.of() : invoices.stream().map(Providers::require).toList();
            return cashier.pay(require(key), patient == null ? null : idOf(patient), ids,
                    appointment == null ? null : require(appointment), Cashier.fen(amount),
                    method == null ? null : method.getValue(), code == null ? null : code.getValue());
        }

        @Operation(name = "$payment-status", idempotent = true, returnParameters = {
                @OperationParam(name = "idempotency-key", type = StringType.class, min = 1),
                @OperationParam(name = "status", type = CodeType.class, min = 1),
                @OperationParam(name = "amount", type = Money.class, min = 1),
                @OperationParam(name = "transaction", type = StringType.class),
                @OperationParam(name = "at", type = InstantType.class),
                @OperationParam(name = "reason", type = StringType.class)})
        public Parameters status(@OperationParam(name = "idempotency-key", min = 1) StringType key) {
            return cashier.status(require(key));
        }

        @Operation(name = "$payment-reverse", returnParameters = {
                @OperationParam(name = "idempotency-key", type = StringType.class, min = 1),
                @OperationParam(name = "status", type = CodeType.class, min = 1),
                @OperationParam(name = "amount", type = Money.class, min = 1),
                @OperationParam(name = "transaction", type = StringType.class),
                @OperationParam(name = "at", type = InstantType.class),
                @OperationParam(name = "reason", type = StringType.class)})
        public Parameters reverse(@OperationParam(name = "idempotency-key", min = 1) StringType key) {
            return cashier.reverse(require(key));
        }

        @Operation(name = "$payment-refund", returnParameters = {
                @OperationParam(name = "idempotency-key", type = StringType.class, min = 1),
                @OperationParam(name = "status", type = CodeType.class, min = 1),
                @OperationParam(name = "amount", type = Money.class, min = 1),
                @OperationParam(name = "transaction", type = StringType.class),
                @OperationParam(name = "at", type = InstantType.class),
                @OperationParam(name = "reason", type = StringType.class)})
        public Parameters refund(@OperationParam(name = "idempotency-key", min = 1) StringType key,
                                 @OperationParam(name = "reason") StringType reason) {
            return cashier.refund(require(key), reason == null ? null : reason.getValue());
        }
    }

    public static final class AccountProvider implements IResourceProvider {
        private final HospitalRecords records;
        private final Cashier cashier;

        AccountProvider(HospitalRecords records, Cashier cashier) {
            this.records = records;
            this.cashier = cashier;
        }

        @Override
        public Class<Account> getResourceType() {
            return Account.class;
        }

        @Read
        public Account read(@IdParam IdType id) {
            return Providers.read(records, Account.class, id);
        }

        @Search
        public List<Account> search(@OptionalParam(name = "_id") TokenOrListParam ids,
                                    @OptionalParam(name = Account.SP_PATIENT) ReferenceOrListParam patient,
                                    @OptionalParam(name = Account.SP_SUBJECT) ReferenceOrListParam subject,
                                    @OptionalParam(name = Account.SP_STATUS) TokenOrListParam status) {
            return records.find(Account.class, a -> id(ids, a) && SearchMatch.reference(patient, a.getSubject())
                    && SearchMatch.reference(subject, a.getSubject())
                    && SearchMatch.token(status, null, a.getStatus().toCode()));
        }

        @Operation(name = "$deposit", returnParameters = {
                @OperationParam(name = "idempotency-key", type = StringType.class, min = 1),
                @OperationParam(name = "status", type = CodeType.class, min = 1),
                @OperationParam(name = "amount", type = Money.class, min = 1),
                @OperationParam(name = "transaction", type = StringType.class),
                @OperationParam(name = "at", type = InstantType.class),
                @OperationParam(name = "reason", type = StringType.class),
                @OperationParam(name = "balance", type = Money.class)})
        public Parameters deposit(@OperationParam(name = "idempotency-key", min = 1) StringType key,
                                  @OperationParam(name = "account", min = 1) Reference account,
                                  @OperationParam(name = "amount", min = 1) Money amount,
                                  @OperationParam(name = "method", min = 1) CodeType method,
                                  @OperationParam(name = "payment-code") StringType code) {
            return cashier.deposit(require(key), require(account), Cashier.fen(amount),
                    method == null ? null : method.getValue(), code == null ? null : code.getValue());
        }
    }

    /** The ledger: one PaymentReconciliation per money movement (charge, reversal, refund); read-only. */
    public static final class PaymentReconciliationProvider implements IResourceProvider {
        private final HospitalRecords records;

        PaymentReconciliationProvider(HospitalRecords records) {
            this.records = records;
        }

        @Override
        public Class<org.hl7.fhir.r4.model.PaymentReconciliation> getResourceType() {
            return org.hl7.fhir.r4.model.PaymentReconciliation.class;
        }

        @Read
        public org.hl7.fhir.r4.model.PaymentReconciliation read(@IdParam IdType id) {
            return Providers.read(records, org.hl7.fhir.r4.model.PaymentReconciliation.class, id);
        }

        @Search
        public List<org.hl7.fhir.r4.model.PaymentReconciliation> search(
                @OptionalParam(name = "_id") TokenOrListParam ids,
                @OptionalParam(name = org.hl7.fhir.r4.model.PaymentReconciliation.SP_IDENTIFIER) TokenOrListParam identifier) {
            return records.find(org.hl7.fhir.r4.model.PaymentReconciliation.class,
                    r -> id(ids, r) && SearchMatch.identifier(identifier, r.getIdentifier()));
        }
    }

    public static final class DiagnosticReportProvider implements IResourceProvider {
        private final HospitalRecords records;
        private final ReportDesk reports;

        DiagnosticReportProvider(HospitalRecords records, ReportDesk reports) {
            this.records = records;
            this.reports = reports;
        }

        @Override
        public Class<DiagnosticReport> getResourceType() {
            return DiagnosticReport.class;
        }

        @Read
        public DiagnosticReport read(@IdParam IdType id) {
            return Providers.read(records, DiagnosticReport.class, id);
        }

        @Search
        public List<IBaseResource> search(@OptionalParam(name = "_id") TokenOrListParam ids,
                                          @OptionalParam(name = DiagnosticReport.SP_PATIENT) ReferenceOrListParam patient,
                                          @OptionalParam(name = DiagnosticReport.SP_SUBJECT) ReferenceOrListParam subject,
                                          @OptionalParam(name = DiagnosticReport.SP_STATUS) TokenOrListParam status,
                                          @OptionalParam(name = DiagnosticReport.SP_CATEGORY) TokenOrListParam category,
                                          @OptionalParam(name = DiagnosticReport.SP_SPECIMEN) ReferenceOrListParam specimen,
                                          @IncludeParam(allow = {"DiagnosticReport:result", "DiagnosticReport:subject",
                                                  "DiagnosticReport:specimen"}) Set<Include> include) {
            Includes out = new Includes(include);
            records.find(DiagnosticReport.class, r -> id(ids, r)
                    && SearchMatch.reference(specimen, r.getSpecimen())
                    && SearchMatch.reference(patient, List.of(r.getSubject()))
                    && SearchMatch.reference(subject, List.of(r.getSubject()))
                    && SearchMatch.token(status, null, r.getStatus().toCode())
                    && (category == null || r.getCategory().stream().anyMatch(c -> c.getCoding().stream()
                    .anyMatch(cd -> SearchMatch.token(category, cd.getSystem(), cd.getCode()))))).forEach(out::match);
            for (DiagnosticReport r : matches(out, DiagnosticReport.class)) {
                if (out.wants("DiagnosticReport:result")) {
                    r.getResult().forEach(ref -> out.include(records.get(Observation.class, idOf(ref)).orElse(null)));
                }
                if (out.wants("DiagnosticReport:specimen")) {
                    r.getSpecimen().forEach(ref -> out.include(records.get(Specimen.class, idOf(ref)).orElse(null)));
                }
                if (out.wants("DiagnosticReport:subject")) {
                    out.include(records.get(Patient.class, idOf(r.getSubject())).orElse(null));
                }
            }
            return out.result();
        }

        @Operation(name = "$mark-printed", returnParameters = {
                @OperationParam(name = "print-count", type = IntegerType.class, min = 1),
                @OperationParam(name = "print-limit", type = IntegerType.class, min = 1)})
        public Parameters markPrinted(@OperationParam(name = "report", min = 1) Reference report,
                                      @OperationParam(name = "idempotency-key", min = 1) StringType key) {
            return reports.markPrinted(require(report), require(key));
        }
    }

    public static final class ObservationProvider implements IResourceProvider {
        private final HospitalRecords records;

        ObservationProvider(HospitalRecords records) {
            this.records = records;
        }

        @Override
        public Class<Observation> getResourceType() {
            return Observation.class;
        }

        @Read
        public Observation read(@IdParam IdType id) {
            return Providers.read(records, Observation.class, id);
        }

        @Search
        public List<Observation> search(@OptionalParam(name = "_id") TokenOrListParam ids) {
            return records.find(Observation.class, o -> id(ids, o));
        }
    }

    public static final class SpecimenProvider implements IResourceProvider {
        private final HospitalRecords records;

        SpecimenProvider(HospitalRecords records) {
            this.records = records;
        }

        @Override
        public Class<Specimen> getResourceType() {
            return Specimen.class;
        }

        @Read
        public Specimen read(@IdParam IdType id) {
            return Providers.read(records, Specimen.class, id);
        }

        /** By the barcode of a collection slip ({@code identifier} or {@code accession}), or by patient. */
        @Search
        public List<IBaseResource> search(@OptionalParam(name = "_id") TokenOrListParam ids,
                                          @OptionalParam(name = Specimen.SP_IDENTIFIER) TokenOrListParam identifier,
                                          @OptionalParam(name = Specimen.SP_ACCESSION) TokenOrListParam accession,
                                          @OptionalParam(name = Specimen.SP_PATIENT) ReferenceOrListParam patient,
                                          @OptionalParam(name = Specimen.SP_SUBJECT) ReferenceOrListParam subject,
                                          @IncludeParam(allow = {"Specimen:subject", "Specimen:patient"}) Set<Include> include) {
            Includes out = new Includes(include);
            records.find(Specimen.class, sp -> id(ids, sp)
                    && SearchMatch.identifier(identifier, sp.getIdentifier())
                    && SearchMatch.identifier(accession, sp.hasAccessionIdentifier()
                    ? List.of(sp.getAccessionIdentifier()) : List.of())
                    && SearchMatch.reference(patient, List.of(sp.getSubject()))
                    && SearchMatch.reference(subject, List.of(sp.getSubject()))).forEach(out::match);
            if (out.wants("Specimen:subject") || out.wants("Specimen:patient")) {
                for (Specimen sp : matches(out, Specimen.class)) {
                    out.include(records.get(Patient.class, idOf(sp.getSubject())).orElse(null));
                }
            }
            return out.result();
        }
    }

    public static final class BinaryProvider implements IResourceProvider {
        private final HospitalRecords records;

        BinaryProvider(HospitalRecords records) {
            this.records = records;
        }

        @Override
        public Class<Binary> getResourceType() {
            return Binary.class;
        }

        /** Report PDFs are stored; doctor photos are drawn on first request (keeps the start fast). */
        @Read
        public Binary read(@IdParam IdType id) {
            String part = id.getIdPart();
            return records.get(Binary.class, part).orElseGet(() -> {
                if (part.startsWith("photo-doc-")) {
                    return records.atomically(() -> records.get(Binary.class, part)
                            .orElseGet(() -> records.put(DoctorPhotos.photo(part))));
                }
                throw Problems.notFound("Binary not found");
            });
        }
    }

    /** Report print accounting (the hospital's print-count limits). */
    static final class ReportDeskParams {
        private ReportDeskParams() {
        }

        static Parameters answer(int count, int limit) {
            Parameters out = new Parameters();
            out.addParameter().setName("print-count").setValue(new IntegerType(count));
            out.addParameter().setName("print-limit").setValue(new IntegerType(limit));
            return out;
        }
    }
}
