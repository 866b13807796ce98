package org.medkiosk.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.AppointmentStatus;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.PaidInvoice;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.hospital.PaymentRequest;
import org.medkiosk.hospital.PaymentResult;
import org.medkiosk.hospital.PaymentStatus;
import org.medkiosk.hospital.PendingReport;
import org.medkiosk.hospital.QueueTicket;
import org.medkiosk.hospital.ReportKind;
import org.medkiosk.hospital.ReportSummary;
import org.medkiosk.hospital.SpecimenReports;
import org.medkiosk.hospital.UnpaidInvoice;

/**
 * The operations of issue 9 over HTTP against the demo hospital: one appointment by id, queue status, paid bills,
 * pending reports and the reports of a specimen barcode.
 */
class PatientHistoryContractTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 18);
    /** What code-scanner's CodeClassifier calls a lab specimen. */
    static final String LAB_SPECIMEN = "\\d{12}";
    static DemoHospital hospital;
    static FhirHospitalBackend backend;

    @BeforeAll
    static void start() {
        MutableClock clock = new MutableClock(TODAY.atTime(9, 0).atZone(SHANGHAI).toInstant(), SHANGHAI);
        hospital = DemoHospital.start(0, DemoHospital.Options.defaults().withClock(clock));
        backend = new FhirHospitalBackend(FhirSettings.of(hospital.baseUrl()), SHANGHAI);
    }

    @AfterAll
    static void stop() {
        backend.close();
        hospital.close();
    }

    @Test
    void oneAppointmentById() {
        Appointment a = backend.appointment("apt-1").orElseThrow();
        assertEquals("pat-1", a.patientId());
        assertEquals("doc-01", a.doctorId());
        assertEquals(AppointmentStatus.BOOKED, a.status());
        assertEquals(TODAY, a.start().toLocalDate());
        assertTrue(backend.appointment("apt-nope").isEmpty());
        assertTrue(backend.appointment("../Patient/pat-1").isEmpty(), "not an id: never sent");
        assertTrue(backend.appointment("MKAPT:apt-1").isEmpty());
    }

    @Test
    void aPatientIsFoundByTheHospitalsOwnIdForAScannedSlip() {
        var p = backend.patient("pat-3").orElseThrow();
        assertEquals("pat-3", p.id());
        assertEquals("王*红", p.maskedName());
        assertTrue(backend.patient("pat-nobody").isEmpty());
        assertTrue(backend.patient("../Invoice/inv-1").isEmpty(), "not an id: never sent");
    }

    @Test
    void queueStatusOnlyAfterCheckIn() {
        assertTrue(backend.queueStatus("apt-9").isEmpty());
        QueueTicket ticket = backend.checkIn("apt-9", UUID.randomUUID().toString());
        QueueTicket now = backend.queueStatus("apt-9").orElseThrow();
        assertEquals(ticket.queueNumber(), now.queueNumber());
        assertEquals("apt-9", now.appointmentId());
        assertEquals(ticket.encounterId(), now.encounterId());
        assertEquals(ticket.patientsAhead(), now.patientsAhead());
        assertFalse(now.room().zh().isEmpty());
        assertFalse(now.department().zh().isEmpty());
        assertTrue(backend.queueStatus("apt-nope").isEmpty());
        assertTrue(backend.queueStatus("apt-6").isEmpty(), "arrived at the counter: no kiosk queue Encounter");
    }

    @Test
    void paidInvoicesWithWhenAndTransaction() {
        List<PaidInvoice> p1 = backend.paidInvoices("pat-1", TODAY.minusDays(30), TODAY);
        assertEquals(List.of("inv-8"), p1.stream().map(PaidInvoice::id).toList());
        PaidInvoice inv8 = p1.get(0);
        assertEquals(Money.ofFen(5000), inv8.total());
        assertEquals(TODAY.minusDays(3), inv8.issued());
        assertNotNull(inv8.paidAt());
        assertTrue(inv8.transactionNumber().startsWith("WX"));
        assertEquals("enc-v7", inv8.visit().id());
        assertEquals(1, inv8.items().size());

        List<PaidInvoice> p2 = backend.paidInvoices("pat-2", TODAY.minusDays(30), TODAY);
        assertEquals(List.of("inv-9"), p2.stream().map(PaidInvoice::id).toList());
        assertEquals(Money.ofFen(6500), p2.get(0).total());
        assertTrue(backend.paidInvoices("pat-2", TODAY.minusDays(9), TODAY).isEmpty(), "outside the range");
        assertTrue(backend.paidInvoices("pat-1", TODAY, TODAY.minusDays(1)).isEmpty());
        assertTrue(backend.paidInvoices("pat-8", TODAY.minusDays(30), TODAY).isEmpty());
    }

    @Test
    void aBillPaidAtTheKioskJoinsThePaidHistory() {
        UnpaidInvoice bill = backend.unpaidInvoices("pat-10").get(0);
        String key = UUID.randomUUID().toString();
        PaymentResult r = backend.pay(new PaymentRequest(key, "pat-10", List.of(bill.id()), bill.total(),
                PaymentMethod.WECHAT_PAY, "134567890123456710"));
        assertEquals(PaymentStatus.SUCCESS, r.status());
        PaidInvoice paid = backend.paidInvoices("pat-10", TODAY, TODAY).stream()
                .filter(p -> p.id().equals(bill.id())).findFirst().orElseThrow();
        assertEquals(r.transactionNumber(), paid.transactionNumber());
        assertEquals(r.at().getEpochSecond(), paid.paidAt().getEpochSecond());
        assertEquals(bill.total(), paid.total());
        backend.refund(key, "test");
        assertTrue(backend.paidInvoices("pat-10", TODAY, TODAY).stream().noneMatch(p -> p.id().equals(bill.id())));
    }

    @Test
    void pendingReportsWithExpectedTimes() {
        List<PendingReport> p1 = backend.pendingReports("pat-1");
        assertEquals(List.of("rep-9", "rep-8"), p1.stream().map(PendingReport::id).toList(), "soonest first");
        for (PendingReport p : p1) {
            assertEquals("pat-1", p.patientId());
            assertEquals(ReportKind.LAB, p.kind());
            assertNotNull(p.expectedAt());
            assertTrue(p.specimenId().matches(LAB_SPECIMEN));
        }
        assertEquals("202411210001", p1.get(0).specimenId());
        assertEquals(List.of("rep-10"), backend.pendingReports("pat-3").stream().map(PendingReport::id).toList());
        assertEquals(List.of("rep-11"), backend.pendingReports("pat-5").stream().map(PendingReport::id).toList());
        assertTrue(backend.pendingReports("pat-4").isEmpty());
        assertTrue(backend.finalReports("pat-1").stream().noneMatch(r -> r.id().equals("rep-9")));
    }

    @Test
    void aSpecimenBarcodeOpensItsReadyAndPendingReports() {
        assertTrue("202411210001".matches(LAB_SPECIMEN));
        SpecimenReports s = backend.reportsForSpecimen("202411210001");
        assertEquals("pat-1", s.patient().id());
        assertEquals("202411210001", s.specimenId());
        assertEquals(List.of("rep-1"), s.ready().stream().map(ReportSummary::id).toList());
        assertEquals(List.of("rep-9"), s.pending().stream().map(PendingReport::id).toList());

        SpecimenReports urine = backend.reportsForSpecimen("202411210006");
        assertEquals("pat-3", urine.patient().id());
        assertTrue(urine.ready().isEmpty());
        assertEquals(List.of("rep-10"), urine.pending().stream().map(PendingReport::id).toList());

        SpecimenReports liver = backend.reportsForSpecimen("202411210002");
        assertEquals("pat-2", liver.patient().id());
        assertEquals(List.of("rep-3"), liver.ready().stream().map(ReportSummary::id).toList());

        assertThrows(BackendException.NotFound.class, () -> backend.reportsForSpecimen("209999999999"));
        assertThrows(BackendException.NotFound.class, () -> backend.reportsForSpecimen(""));
    }
}
