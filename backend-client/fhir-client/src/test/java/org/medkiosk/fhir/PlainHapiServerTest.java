package org.medkiosk.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medkiosk.hospital.AbnormalFlag;
import org.medkiosk.hospital.AppointmentStatus;
import org.medkiosk.hospital.Doctor;
import org.medkiosk.hospital.IdentifierKind;
import org.medkiosk.hospital.LabReport;
import org.medkiosk.hospital.PatientIdentifier;
import org.medkiosk.hospital.PatientQuery;
import org.medkiosk.hospital.ReportKind;
import org.medkiosk.hospital.Sex;
import org.medkiosk.hospital.StaffCredentials;
import org.medkiosk.hospital.StaffMember;
import org.medkiosk.hospital.StaffRole;
import org.medkiosk.hospital.UnpaidInvoice;

/**
 * The standard interactions against a plain HAPI FHIR server in another house style: HAPI-serialized resources
 * with extensions the kiosk does not know, no MedKiosk extensions, family/given names, partial dates, no
 * _include support, inline PDF data — and on top, unknown JSON elements injected into every object on the wire.
 */
class PlainHapiServerTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 11, 18);
    static Server jetty;
    static FhirHospitalBackend backend;
    static final List<Resource> STORE = new ArrayList<>();
    static final AtomicReference<String> updateVersion = new AtomicReference<>();

    static Extension vendor(String name) {
        return new Extension("http://his.example.com/fhir/ext/" + name, new BooleanType(true));
    }

    static Date at(LocalDate d, int h) {
        return Date.from(d.atTime(LocalTime.of(h, 0)).atZone(ZONE).toInstant());
    }

    @BeforeAll
    static void start() throws Exception {
        Patient p = new Patient();
        p.setId("P-77");
        p.addIdentifier().setSystem(IdentifierSystems.RESIDENT_ID).setValue("110101198503071235").addExtension(vendor("verified"));
        p.addIdentifier().setSystem("http://his.example.com/id/internal").setValue("X-99");
        p.addName(new HumanName().setFamily("张").addGiven("三明"));
        p.setGender(AdministrativeGender.MALE);
        p.setBirthDateElement(new DateType("1985-03"));
        p.addExtension(vendor("vip"));
        p.getMeta().addTag("http://his.example.com/tags", "kiosk", null);
        STORE.add(p);

        Organization dept = new Organization();
        dept.setId("D1");
        dept.setName("心内科");
        dept.addAlias("Cardiology");
        dept.addType(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/organization-type", "dept", null)));
        dept.addExtension(vendor("beds"));
        STORE.add(dept);

        Practitioner doc = new Practitioner();
        doc.setId("PR1");
        doc.addName(new HumanName().setFamily("Smith").addGiven("John"));
        STORE.add(doc);
        PractitionerRole role = new PractitionerRole();
        role.setId("R1");
        role.setPractitioner(new Reference("Practitioner/PR1"));
        role.setOrganization(new Reference("Organization/D1"));
        role.addCode(new CodeableConcept().addCoding(new Coding("urn:his:title", "A", "Attending")));
        STORE.add(role);
        Practitioner nurse = new Practitioner();
        nurse.setId("N-5");
        nurse.addIdentifier().setSystem(IdentifierSystems.STAFF_CARD).setValue("7100000005").addExtension(vendor("printed"));
        nurse.addIdentifier().setSystem("http://his.example.com/id/employee").setValue("E-5");
        nurse.addName(new HumanName().setFamily("陈").addGiven("丽"));
        nurse.addExtension(vendor("shift"));
        STORE.add(nurse);
        PractitionerRole nursing = new PractitionerRole();
        nursing.setId("R-N5");
        nursing.setPractitioner(new Reference("Practitioner/N-5"));
        nursing.addCode(new CodeableConcept().addCoding(new Coding(
                "http://terminology.hl7.org/CodeSystem/practitioner-role", "nurse", null)));
        STORE.add(nursing);
        Schedule schedule = new Schedule();
        schedule.setId("S1");
        schedule.addActor(new Reference("PractitionerRole/R1"));
        STORE.add(schedule);
        for (int h : new int[]{8, 9, 10}) {
            Slot slot = new Slot();
            slot.setId("SL" + h);
            slot.setSchedule(new Reference("Schedule/S1"));
            slot.setStatus(h == 9 ? Slot.SlotStatus.BUSY : Slot.SlotStatus.FREE);
            slot.setStart(at(DAY, h));
            slot.setEnd(at(DAY, h + 1));
            slot.addExtension(vendor("telemedicine"));
            STORE.add(slot);
        }

        Appointment appt = new Appointment();
        appt.setId("A1");
        appt.getMeta().setVersionId("3");
        appt.setStatus(Appointment.AppointmentStatus.BOOKED);
        appt.setStart(at(DAY, 8));
        appt.setEnd(at(DAY, 9));
        appt.addParticipant().setActor(new Reference("Patient/P-77"));
        appt.addParticipant().setActor(new Reference("Practitioner/PR1").setDisplay("John Smith"));
        appt.addExtension(vendor("priority"));
        STORE.add(appt);

        Invoice inv = new Invoice();
        inv.setId("I1");
        inv.setStatus(Invoice.InvoiceStatus.ISSUED);
        inv.setSubject(new Reference("Patient/P-77"));
        inv.setDateElement(new DateTimeType("2026-11-18"));
        inv.addLineItem().setChargeItem(new CodeableConcept().setText("挂号费"))
                .addPriceComponent().setType(Invoice.InvoicePriceComponentType.BASE)
                .setAmount(new Money().setValue(new BigDecimal("12.5")));
        inv.setTotalNet(new Money().setValue(new BigDecimal("12.50")).setCurrency("CNY"));
        STORE.add(inv);

        Observation o = new Observation();
        o.setId("O1");
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "2345-7", "Glucose")));
        o.setValue(new Quantity().setValue(new BigDecimal("7.9")).setCode("mmol/L"));
        o.addReferenceRange().setLow(new org.hl7.fhir.r4.model.SimpleQuantity().setValue(new BigDecimal("3.9")))
                .setHigh(new org.hl7.fhir.r4.model.SimpleQuantity().setValue(new BigDecimal("6.1")));
        o.addInterpretation(new CodeableConcept().addCoding(new Coding(null, "H", null)));
        o.addExtension(vendor("delta"));
        STORE.add(o);
        DiagnosticReport r = new DiagnosticReport();
        r.setId("DR1");
        r.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        r.addCategory(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "CH", null)));
        r.setCode(new CodeableConcept().setText("血糖"));
        r.setSubject(new Reference("Patient/P-77"));
        r.setIssuedElement(new InstantType("2026-11-18T10:00:00+08:00"));
        r.addResult(new Reference("Observation/O1"));
        r.addPresentedForm(new Attachment().setContentType("application/pdf").setData("%PDF-1.4 tiny".getBytes()));
        STORE.add(r);

        RestfulServer fhir = new RestfulServer(FhirContext.forR4Cached());
        fhir.setDefaultResponseEncoding(EncodingEnum.JSON);
        fhir.setResourceProviders(List.of(new Generic<>(Patient.class), new Generic<>(Organization.class),
                new Generic<>(Practitioner.class), new Generic<>(PractitionerRole.class), new Generic<>(Schedule.class),
                new Generic<>(Slot.class), new AppointmentProvider(), new Generic<>(Invoice.class),
                new Generic<>(Observation.class), new Generic<>(DiagnosticReport.class)));
        jetty = new Server();
        ServerConnector c = new ServerConnector(jetty);
        c.setHost("127.0.0.1");
        jetty.addConnector(c);
        ServletContextHandler h = new ServletContextHandler();
        h.addServlet(new ServletHolder(fhir), "/fhir/*");
        h.addFilter(new FilterHolder(new UnknownElementsFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        jetty.setHandler(h);
        jetty.start();
        backend = new FhirHospitalBackend(FhirSettings.of("http://127.0.0.1:" + c.getLocalPort() + "/fhir"), ZONE);
    }

    @AfterAll
    static void stop() throws Exception {
        backend.close();
        jetty.stop();
    }

    /** Matches the kiosk's searches with plain, literal parameter semantics; ignores _include like many servers. */
    static boolean matches(Resource r, String param, String value) {
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(r);
        return value == null || json.contains("\"" + value + "\"") || json.contains(value + "\"");
    }

    public static class Generic<T extends Resource> implements IResourceProvider {
        private final Class<T> type;

        Generic(Class<T> type) {
            this.type = type;
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return type;
        }

        @Read
        public IBaseResource read(@IdParam IdType id) {
            return STORE.stream().filter(type::isInstance).filter(r -> r.getIdElement().getIdPart().equals(id.getIdPart()))
                    .findFirst().orElseThrow(() -> new ResourceNotFoundException(id));
        }

        @Search(allowUnknownParams = true)
        public List<IBaseResource> search(@OptionalParam(name = "identifier") TokenParam identifier,
                                          @OptionalParam(name = "_id") TokenParam id,
                                          @OptionalParam(name = "organization") ReferenceParam organization,
                                          @OptionalParam(name = "actor") TokenOrListParam actor,
                                          @OptionalParam(name = "schedule") TokenOrListParam schedule,
                                          @OptionalParam(name = "status") StringParam status,
                                          @OptionalParam(name = "patient") ReferenceParam patient) {
            List<IBaseResource> out = new ArrayList<>();
            for (Resource r : STORE) {
                if (!type.isInstance(r)) {
                    continue;
                }
                boolean ok = (identifier == null || matches(r, "identifier", identifier.getValue()))
                        && (id == null || r.getIdElement().getIdPart().equals(id.getValue()))
                        && (organization == null || matches(r, "organization", "Organization/" + organization.getIdPart()))
                        && (actor == null || actor.getValuesAsQueryTokens().stream().anyMatch(t -> matches(r, "actor", t.getValue())))
                        && (schedule == null || schedule.getValuesAsQueryTokens().stream().anyMatch(t -> matches(r, "schedule", t.getValue())))
                        && (status == null || matches(r, "status", status.getValue()))
                        && (patient == null || matches(r, "patient", "Patient/" + patient.getIdPart()));
                if (ok) {
                    out.add(r);
                }
            }
            return out;
        }
    }

    public static class AppointmentProvider extends Generic<Appointment> {
        AppointmentProvider() {
            super(Appointment.class);
        }

        @Update
        public MethodOutcome update(@IdParam IdType id, @ResourceParam Appointment a) {
            updateVersion.set(id.getVersionIdPart());
            Appointment stored = (Appointment) read(id);
            stored.setStatus(a.getStatus());
            stored.getMeta().setVersionId("4");
            MethodOutcome out = new MethodOutcome(stored.getIdElement(), false);
            out.setResource(stored);
            return out;
        }

        @Search(allowUnknownParams = true)
        public List<IBaseResource> byPatient(@OptionalParam(name = "patient") ReferenceParam patient,
                                             @OptionalParam(name = "date") DateRangeParam date) {
            return search(null, null, null, null, null, null, patient);
        }
    }

    @Test
    void staffSignInAndPatientSearchAgainstAServerThatFiltersNeitherRolesNorPatients() {
        // _revinclude, practitioner=, name=, birthdate= and phone= are all ignored by this server
        StaffMember nurse = backend.signIn(new StaffCredentials.StaffCard("7100000005")).orElseThrow();
        assertEquals("N-5", nurse.id());
        assertEquals("陈丽", nurse.name().zh());
        assertEquals(null, nurse.staffNumber(), "this hospital keeps its staff numbers under its own system");
        assertEquals(java.util.Set.of(StaffRole.NURSE), nurse.roles(), "the doctor's role R1 is not hers");
        assertTrue(backend.signIn(new StaffCredentials.StaffCard("7100000006")).isEmpty());
        assertEquals(List.of(), backend.findPatients(new PatientQuery.ByNameAndBirthDate("张三明", LocalDate.of(1985, 3, 7))),
                "a birth month on file is not this birthday");
        assertEquals(List.of(), backend.findPatients(new PatientQuery.ByPhone("13800000001")));
    }

    @Test
    void findsAPatientWithFamilyGivenNameAndPartialBirthDate() {
        var p = backend.findPatient(PatientIdentifier.residentId("110101198503071235")).orElseThrow();
        assertEquals("P-77", p.id());
        assertEquals("张三明", p.name());
        assertEquals(Sex.MALE, p.sex());
        assertEquals(LocalDate.of(1985, 3, 1), p.birthDate());
        assertEquals(1, p.identifiers().stream().filter(i -> i.kind() == IdentifierKind.RESIDENT_ID).count());
        assertTrue(backend.findPatient(PatientIdentifier.residentId("110105200001019993")).isEmpty());
    }

    @Test
    void departmentsDoctorsAndSlotsWithoutMedKioskExtensions() {
        var departments = backend.departments();
        assertEquals(1, departments.size());
        assertEquals("心内科", departments.get(0).name().zh());
        assertEquals("Cardiology", departments.get(0).name().en());
        List<Doctor> doctors = backend.doctors("D1", DAY);
        assertEquals(1, doctors.size());
        assertEquals("John Smith", doctors.get(0).name().zh());
        assertEquals("Attending", doctors.get(0).title().en());
        assertEquals(org.medkiosk.hospital.Money.ZERO, doctors.get(0).fee());
        var slots = backend.freeSlots("R1", DAY, DAY);
        assertEquals(List.of("SL8", "SL10"), slots.stream().map(s -> s.id()).toList(), "the busy slot is not offered");
        assertEquals(1, slots.get(0).remaining());
    }

    @Test
    void appointmentsAndCancelByStandardUpdateWithIfMatch() {
        var list = backend.appointments("P-77", DAY);
        assertEquals(1, list.size());
        assertEquals("PR1", list.get(0).doctorId());
        assertEquals("John Smith", list.get(0).doctorName().zh());
        var cancelled = backend.cancel("A1", "k-1");
        assertEquals(AppointmentStatus.CANCELLED, cancelled.status());
        assertEquals("3", updateVersion.get(), "the update carried If-Match with the version read");
    }

    @Test
    void invoicesReportsAndDocuments() {
        List<UnpaidInvoice> invoices = backend.unpaidInvoices("P-77");
        assertEquals(1, invoices.size());
        assertEquals(org.medkiosk.hospital.Money.ofYuan("12.50"), invoices.get(0).total());
        assertEquals(1, invoices.get(0).items().get(0).quantity());
        assertEquals("Other", invoices.get(0).visit().department().en(), "no visit given: 其他 / Other");
        assertEquals("其他", invoices.get(0).visit().department().zh());
        assertEquals(invoices.get(0).issued(), invoices.get(0).visit().date());

        var reports = backend.finalReports("P-77");
        assertEquals(1, reports.size());
        assertEquals(ReportKind.LAB, reports.get(0).kind());
        assertEquals(0, reports.get(0).printLimit());
        LabReport lab = backend.labReport("DR1").orElseThrow();
        assertEquals(1, lab.results().size(), "observations fetched one by one when _include is ignored");
        assertEquals("Glucose", lab.results().get(0).item().en());
        assertEquals("7.9", lab.results().get(0).value());
        assertEquals("mmol/L", lab.results().get(0).unit());
        assertEquals("3.9-6.1", lab.results().get(0).referenceRange());
        assertEquals(AbnormalFlag.HIGH, lab.results().get(0).flag());
        assertEquals("张三明", lab.patient().name());
        assertNotNull(lab.reportedAt());
        assertEquals("%PDF-1.4 tiny", new String(backend.reportDocument("DR1").content()));
    }
}
