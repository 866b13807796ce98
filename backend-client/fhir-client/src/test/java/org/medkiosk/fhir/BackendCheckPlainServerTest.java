package org.medkiosk.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Account;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kiosk backend check} against a plain HAPI server that has the standard interactions (searches that
 * really filter) and none of MedKiosk's custom operations: every custom operation is reported "not supported"
 * exactly once, and nothing fails.
 */
class BackendCheckPlainServerTest {
    static final String ID_NUMBER = "110101198503071235";
    static Server jetty;
    static String base;
    static final List<Resource> STORE = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Patient p = new Patient();
        p.setId("P-1");
        p.addIdentifier().setSystem(IdentifierSystems.RESIDENT_ID).setValue(ID_NUMBER);
        p.addName().setText("张三明");
        STORE.add(p);
        Patient other = new Patient();
        other.setId("P-2");
        other.addIdentifier().setSystem(IdentifierSystems.RESIDENT_ID).setValue("110101199001011234");
        STORE.add(other);
        Organization dept = new Organization();
        dept.setId("D1");
        dept.setName("内科");
        dept.addType(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/organization-type", "dept", null)));
        STORE.add(dept);
        Practitioner doc = new Practitioner();
        doc.setId("PR1");
        doc.addName().setText("王建华");
        STORE.add(doc);
        PractitionerRole role = new PractitionerRole();
        role.setId("R1");
        role.setPractitioner(new Reference("Practitioner/PR1"));
        role.setOrganization(new Reference("Organization/D1"));
        STORE.add(role);
        Schedule schedule = new Schedule();
        schedule.setId("S1");
        schedule.addActor(new Reference("PractitionerRole/R1"));
        STORE.add(schedule);
        Date tomorrow = Date.from(LocalDate.now().plusDays(1).atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant());
        Slot slot = new Slot();
        slot.setId("SL1");
        slot.setSchedule(new Reference("Schedule/S1"));
        slot.setStatus(Slot.SlotStatus.FREE);
        slot.setStart(tomorrow);
        slot.setEnd(new Date(tomorrow.getTime() + 3_600_000));
        STORE.add(slot);
        for (String who : List.of("P-1", "P-2")) {
            Invoice inv = new Invoice();
            inv.setId("I-" + who);
            inv.setStatus(Invoice.InvoiceStatus.ISSUED);
            inv.setSubject(new Reference("Patient/" + who));
            inv.addLineItem().setChargeItem(new CodeableConcept().setText("挂号费")).addPriceComponent()
                    .setType(Invoice.InvoicePriceComponentType.BASE).setAmount(new Money().setValue(new BigDecimal("12.50")));
            STORE.add(inv);
            Appointment a = new Appointment();
            a.setId("A-" + who);
            a.setStatus(Appointment.AppointmentStatus.BOOKED);
            a.setStart(tomorrow);
            a.addParticipant().setActor(new Reference("Patient/" + who));
            STORE.add(a);
        }
        Account acct = new Account();
        acct.setId("AC1");
        acct.setStatus(Account.AccountStatus.ACTIVE);
        acct.addSubject(new Reference("Patient/P-1"));
        acct.addExtension("http://medkiosk.org/fhir/StructureDefinition/account-balance",
                new Money().setValue(new BigDecimal("10.00")).setCurrency("CNY"));
        STORE.add(acct);
        DiagnosticReport r = new DiagnosticReport();
        r.setId("DR1");
        r.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        r.addCategory(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "RAD", null)));
        r.setCode(new CodeableConcept().setText("胸片"));
        r.setSubject(new Reference("Patient/P-1"));
        STORE.add(r);

        RestfulServer fhir = new RestfulServer(FhirContext.forR4Cached());
        fhir.setDefaultResponseEncoding(EncodingEnum.JSON);
        List<IResourceProvider> providers = new ArrayList<>();
        for (Class<? extends Resource> t : List.of(Patient.class, Organization.class, Practitioner.class,
                PractitionerRole.class, Schedule.class, Slot.class, Appointment.class, Invoice.class, Account.class,
                DiagnosticReport.class)) {
            providers.add(new Filtering(t));
        }
        fhir.setResourceProviders(providers);
        jetty = new Server();
        ServerConnector c = new ServerConnector(jetty);
        c.setHost("127.0.0.1");
        jetty.addConnector(c);
        ServletContextHandler h = new ServletContextHandler();
        h.addServlet(new ServletHolder(fhir), "/fhir/*");
        jetty.setHandler(h);
        jetty.start();
        base = "http://127.0.0.1:" + c.getLocalPort() + "/fhir";
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
    }

    /** A plain provider whose searches filter by identifier, id, references, status and phone (literal matching). */
    public static class Filtering implements IResourceProvider {
        private final Class<? extends Resource> type;

        Filtering(Class<? extends Resource> type) {
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

        static String json(Resource r) {
            return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(r);
        }

        static boolean refs(ReferenceOrListParam p, Resource r) {
            return p == null || p.getValuesAsQueryTokens().stream().anyMatch(x ->
                    json(r).contains("\"reference\":\"" + (x.getResourceType() == null ? "" : x.getResourceType() + "/")
                            + x.getIdPart() + "\""));
        }

        static boolean tokens(TokenOrListParam p, String json, String field) {
            return p == null || p.getValuesAsQueryTokens().stream().anyMatch(t -> json.contains("\"" + field + "\":\""
                    + t.getValue() + "\""));
        }

        @Search(allowUnknownParams = true)
        public List<IBaseResource> search(@OptionalParam(name = "identifier") TokenParam identifier,
                                          @OptionalParam(name = "_id") TokenOrListParam id,
                                          @OptionalParam(name = "organization") ReferenceOrListParam organization,
                                          @OptionalParam(name = "actor") ReferenceOrListParam actor,
                                          @OptionalParam(name = "schedule") ReferenceOrListParam schedule,
                                          @OptionalParam(name = "patient") ReferenceOrListParam patient,
                                          @OptionalParam(name = "status") TokenOrListParam status,
                                          @OptionalParam(name = "type") TokenOrListParam orgType,
                                          @OptionalParam(name = "phone") TokenParam phone) {
            List<IBaseResource> out = new ArrayList<>();
            for (Resource r : STORE) {
                if (!type.isInstance(r)) {
                    continue;
                }
                String json = json(r);
                boolean idOk = identifier == null || r.getNamedProperty("identifier") != null && r.getNamedProperty("identifier")
                        .getValues().stream().map(Identifier.class::cast).anyMatch(i ->
                                (identifier.getSystem() == null || identifier.getSystem().equals(i.getSystem()))
                                        && identifier.getValue().equals(i.getValue()));
                boolean ok = idOk
                        && (id == null || id.getValuesAsQueryTokens().stream().anyMatch(t -> t.getValue().equals(r.getIdElement().getIdPart())))
                        && refs(organization, r) && refs(actor, r) && refs(schedule, r) && refs(patient, r)
                        && tokens(status, json, "status") && tokens(orgType, json, "code")
                        && (phone == null || json.contains("\"value\":\"" + phone.getValue() + "\""));
                if (ok) {
                    out.add(r);
                }
            }
            return out;
        }
    }

    @Test
    void everyCustomOperationIsNotSupportedOnceAndNothingElseFails() {
        BackendCheckCommandTest.Run r = BackendCheckCommandTest.run("check", "--url", base, "--patient", ID_NUMBER);
        assertFalse(r.out().contains("FAIL"), r.out());
        assertEquals(0, r.code(), r.out());
        BackendCheckCommandTest.oneVerdictPerCustomOperation(r.out());
        for (String op : BackendCheckCommandTest.CUSTOM) {
            assertTrue(r.out().contains("N/A   " + op), op + " in\n" + r.out());
        }
        assertTrue(r.out().contains("PASS  unpaid invoices"), r.out());
        assertTrue(r.out().contains("PASS  search filters: an unknown identifier finds no one"), r.out());
    }

    @Test
    void aServerWhoseSearchesIgnoreTheirParametersFails() throws Exception {
        try (FaultServer lax = FaultServer.http()) {
            lax.script = (ex, body) -> ex.getRequestURI().getPath().endsWith("/metadata")
                    ? FaultServer.Answer.json(200, "{\"resourceType\":\"CapabilityStatement\",\"fhirVersion\":\"4.0.1\"}")
                    : FaultServer.Answer.json(200, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
                    + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"x\"}},"
                    + "{\"resource\":{\"resourceType\":\"Invoice\",\"id\":\"i\",\"status\":\"issued\","
                    + "\"subject\":{\"reference\":\"Patient/x\"}}}]}");
            BackendCheckCommandTest.Run r = BackendCheckCommandTest.run("check", "--url", lax.baseUrl());
            assertEquals(1, r.code(), r.out());
            assertTrue(r.out().contains("FAIL  search filters: an unknown identifier"), r.out());
            assertTrue(r.out().contains("FAIL  search filters: bills of a patient who does not exist"), r.out());
        }
    }
}
