package org.medkiosk.fhir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.demohospital.PaymentBehaviour;
import org.medkiosk.hospital.AbnormalFlag;
import org.medkiosk.hospital.AccountBalance;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.AppointmentStatus;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.Department;
import org.medkiosk.hospital.Doctor;
import org.medkiosk.hospital.ImagingReport;
import org.medkiosk.hospital.LabReport;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.hospital.PaymentRequest;
import org.medkiosk.hospital.PaymentResult;
import org.medkiosk.hospital.PaymentStatus;
import org.medkiosk.hospital.QueueTicket;
import org.medkiosk.hospital.ReportDocument;
import org.medkiosk.hospital.ReportKind;
import org.medkiosk.hospital.ReportSummary;
import org.medkiosk.hospital.Slot;
import org.medkiosk.hospital.SlotHold;
import org.medkiosk.hospital.TopUpRequest;
import org.medkiosk.hospital.TopUpResult;
import org.medkiosk.hospital.UnpaidInvoice;

/**
 * The FHIR client against the demo hospital over real HTTP, for every operation and every branch the kiosk acts
 * on. The hospital runs on a hand-moved clock set to a Wednesday 09:00 in Shanghai, so schedules are the same on
 * every run.
 */
class DemoHospitalContractTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 18); // a Wednesday
    static MutableClock clock;
    static DemoHospital hospital;
    static FhirHospitalBackend backend;

    @BeforeAll
    static void start() {
        clock = new MutableClock(TODAY.atTime(9, 0).atZone(SHANGHAI).toInstant(), SHANGHAI);
        hospital = DemoHospital.start(0, DemoHospital.Options.defaults().withClock(clock)
                .withSlowPaymentDelay(Duration.ofSeconds(6)));
        backend = new FhirHospitalBackend(FhirSettings.of(hospital.baseUrl()), SHANGHAI);
    }

    @AfterAll
    static void stop() {
        backend.close();
        hospital.close();
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void departmentsAreBilingualWithLocations() {
        List<Department> departments = backend.departments();
        assertTrue(departments.size() >= 8, "at least 8 departments, got " + departments.size());
        Department im = departments.stream().filter(d -> d.id().equals("dept-im")).findFirst().orElseThrow();
        assertEquals("内科", im.name().zh());
        assertEquals("Internal Medicine", im.name().en());
        assertTrue(im.location().zh().contains("2层"));
    }

    @Test
    void doctorsCarryTitleFeePhotoAndNumbersLeftToday() throws Exception {
        List<Doctor> doctors = backend.doctors("dept-im", TODAY);
        assertEquals(4, doctors.size());
        Doctor chief = doctors.stream().filter(d -> d.id().equals("doc-01")).findFirst().orElseThrow();
        assertEquals("王建华", chief.name().zh());
        assertEquals("Chief Physician", chief.title().en());
        assertEquals(Money.ofYuan("50.00"), chief.fee());
        assertEquals("dept-im", chief.departmentId());
        int expected = backend.freeSlots("doc-01", TODAY, TODAY).stream().mapToInt(Slot::remaining).sum();
        assertEquals(expected, chief.remainingToday());
        assertTrue(chief.photoUrl().startsWith(hospital.baseUrl() + "/Binary/"));
        HttpResponse<byte[]> photo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(chief.photoUrl()))
                .header("Accept", "image/png").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, photo.statusCode());
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(photo.body(), 4));
        int total = 0;
        for (Department d : backend.departments()) {
            total += backend.doctors(d.id(), TODAY).size();
        }
        assertTrue(total >= 20, "at least 20 doctors, got " + total);
    }

    @Test
    void freeSlotsCoverTodayAndTheNextSevenDays() {
        List<Slot> slots = backend.freeSlots("doc-02", TODAY, TODAY.plusDays(7));
        assertFalse(slots.isEmpty());
        for (Slot s : slots) {
            assertTrue(s.remaining() > 0);
            assertEquals("doc-02", s.doctorId());
            assertEquals("dept-im", s.departmentId());
            assertEquals(Money.ofYuan("30"), s.fee());
            LocalDate day = s.start().atZoneSameInstant(SHANGHAI).toLocalDate();
            assertFalse(day.isBefore(TODAY) || day.isAfter(TODAY.plusDays(7)));
        }
        assertTrue(slots.stream().anyMatch(s -> s.start().atZoneSameInstant(SHANGHAI).toLocalDate().isAfter(TODAY.plusDays(3))));
        assertTrue(backend.freeSlots("doc-02", TODAY.plusDays(1), TODAY).isEmpty());
    }

    @Test
    void holdBookListCancelGivesTheNumberBack() {
        Slot slot = backend.freeSlots("doc-21", TODAY.plusDays(2), TODAY.plusDays(2)).get(0);
        String holdKey = key();
        SlotHold hold = backend.hold("pat-6", slot.id(), holdKey);
        assertEquals(slot.id(), hold.slot().id());
        assertEquals(slot.remaining() - 1, hold.slot().remaining());
        assertTrue(hold.expiresAt().isAfter(clock.instant()));
        assertEquals(hold.appointmentId(), backend.hold("pat-6", slot.id(), holdKey).appointmentId(), "same key, same hold");

        Appointment booked = backend.book(hold.appointmentId(), key());
        assertEquals(AppointmentStatus.BOOKED, booked.status());
        assertEquals("pat-6", booked.patientId());
        assertEquals("doc-21", booked.doctorId());
        assertEquals("中医科", booked.departmentName().zh());
        assertEquals(Money.ofYuan("15"), booked.fee());
        assertTrue(backend.appointments("pat-6", TODAY.plusDays(2)).stream().anyMatch(a -> a.id().equals(booked.id())));

        Appointment cancelled = backend.cancel(booked.id(), key());
        assertEquals(AppointmentStatus.CANCELLED, cancelled.status());
        assertEquals(AppointmentStatus.CANCELLED, backend.cancel(booked.id(), key()).status(), "cancel is repeatable");
        int after = backend.freeSlots("doc-21", TODAY.plusDays(2), TODAY.plusDays(2)).stream()
                .filter(s -> s.id().equals(slot.id())).findFirst().orElseThrow().remaining();
        assertEquals(slot.remaining(), after);
    }

    @Test
    void theLastNumberGoesToOneHoldAndTheNextGets409() {
        String slotId = "slot-doc-03-" + TODAY.plusDays(1).toString().replace("-", "") + "-pm";
        SlotHold first = backend.hold("pat-1", slotId, key());
        assertEquals(0, first.slot().remaining());
        BackendException.Conflict taken = assertThrows(BackendException.Conflict.class,
                () -> backend.hold("pat-2", slotId, key()));
        assertTrue(taken.getMessage().contains("409"));
        assertFalse(taken.getMessage().contains("pat-2"));

        // The hold lapses while patient 1 pays; patient 2 takes the number; patient 1's booking is then a conflict.
        clock.advance(Duration.ofMinutes(6));
        try {
            SlotHold second = backend.hold("pat-2", slotId, key());
            assertThrows(BackendException.Conflict.class, () -> backend.book(first.appointmentId(), key()));
            assertEquals(AppointmentStatus.BOOKED, backend.book(second.appointmentId(), key()).status());
        } finally {
            clock.advance(Duration.ofMinutes(-6));
        }
    }

    @Test
    void checkInGivesAQueueNumberOnceAndOnlyOnTheDay() {
        String k = key();
        QueueTicket ticket = backend.checkIn("apt-1", k);
        assertTrue(ticket.queueNumber().matches("A\\d{3}"), ticket.queueNumber());
        assertEquals("apt-1", ticket.appointmentId());
        assertNotNull(ticket.encounterId());
        assertEquals("内科", ticket.department().zh());
        assertEquals("Room 201", ticket.room().en());
        assertEquals("王建华", ticket.doctorName().zh());
        assertTrue(ticket.patientsAhead() >= 0);
        QueueTicket again = backend.checkIn("apt-1", k);
        assertEquals(ticket.queueNumber(), again.queueNumber());
        assertEquals(AppointmentStatus.ARRIVED, backend.appointments("pat-1", TODAY).stream()
                .filter(a -> a.id().equals("apt-1")).findFirst().orElseThrow().status());
        assertThrows(BackendException.Rejected.class, () -> backend.checkIn("apt-7", key()), "tomorrow's appointment");
        assertThrows(BackendException.Conflict.class, () -> backend.checkIn("apt-11", key()), "cancelled appointment");
        assertThrows(BackendException.NotFound.class, () -> backend.checkIn("apt-nope", key()));
    }

    @Test
    void secondCheckInForTheSameDoctorHasOneMorePatientAhead() {
        QueueTicket a = backend.checkIn("apt-3", key()); // patient 2, doc-02
        Slot slot = backend.freeSlots("doc-02", TODAY, TODAY).get(0);
        SlotHold hold = backend.hold("pat-8", slot.id(), key());
        backend.book(hold.appointmentId(), key());
        QueueTicket b = backend.checkIn(hold.appointmentId(), key());
        assertEquals(a.patientsAhead() + 1, b.patientsAhead());
        assertNotEquals(a.queueNumber(), b.queueNumber());
    }

    @Test
    void unpaidInvoicesHaveLineItemsThatAddUp() {
        List<UnpaidInvoice> invoices = backend.unpaidInvoices("pat-4");
        assertEquals(1, invoices.size());
        UnpaidInvoice inv = invoices.get(0);
        assertEquals("中药饮片费", inv.description().zh());
        assertEquals(Money.ofYuan("324.10"), inv.total());
        assertEquals(7, inv.items().get(0).quantity());
        assertEquals(Money.ofYuan("46.30"), inv.items().get(0).unitPrice());
        assertEquals(inv.total(), inv.items().stream().map(i -> i.amount()).reduce(Money.ZERO, Money::plus));
    }

    private static PaymentRequest payInvoices(String patient, PaymentBehaviour behaviour, String key) {
        List<UnpaidInvoice> open = backend.unpaidInvoices(patient);
        Money total = open.stream().map(UnpaidInvoice::total).reduce(Money.ZERO, Money::plus);
        return new PaymentRequest(key, patient, open.stream().map(UnpaidInvoice::id).toList(), total,
                PaymentMethod.WECHAT_PAY, behaviour.sampleCode());
    }

    @Test
    void instantSuccessPaysTheInvoicesAndIsIdempotent() {
        PaymentRequest request = payInvoices("pat-9", PaymentBehaviour.INSTANT_SUCCESS, key());
        PaymentResult paid = backend.pay(request);
        assertEquals(PaymentStatus.SUCCESS, paid.status());
        assertNotNull(paid.transactionNumber());
        assertEquals(request.amount(), paid.amount());
        assertTrue(backend.unpaidInvoices("pat-9").isEmpty());
        PaymentResult again = backend.pay(request);
        assertEquals(paid.transactionNumber(), again.transactionNumber(), "a retry is answered, not charged twice");
        assertEquals(PaymentStatus.SUCCESS, backend.paymentStatus(request.idempotencyKey()).status());
        PaymentRequest different = new PaymentRequest(request.idempotencyKey(), "pat-9", List.of(),
                Money.ofYuan("1"), PaymentMethod.WECHAT_PAY, PaymentBehaviour.INSTANT_SUCCESS.sampleCode());
        assertThrows(BackendException.Rejected.class, () -> backend.pay(different));
        // the same invoices under a new key: already paid
        assertThrows(BackendException.Conflict.class, () -> backend.pay(new PaymentRequest(key(), "pat-9",
                request.invoiceIds(), request.amount(), PaymentMethod.ALIPAY, "281234567890123410")));
    }

    @Test
    void pendingThenSuccessOnTheSecondQuery() {
        String k = key();
        PaymentResult first = backend.pay(payInvoices("pat-10", PaymentBehaviour.PENDING_THEN_SUCCESS, k));
        assertEquals(PaymentStatus.PENDING, first.status());
        assertEquals(PaymentStatus.PENDING, backend.paymentStatus(k).status());
        PaymentResult done = backend.paymentStatus(k);
        assertEquals(PaymentStatus.SUCCESS, done.status());
        assertNotNull(done.transactionNumber());
        assertTrue(backend.unpaidInvoices("pat-10").isEmpty());
    }

    @Test
    void pendingUntilReversedThenDeclinedAndUnknownKeys() {
        String k = key();
        PaymentRequest request = payInvoices("pat-3", PaymentBehaviour.PENDING_UNTIL_REVERSED, k);
        assertEquals(PaymentStatus.PENDING, backend.pay(request).status());
        assertEquals(PaymentStatus.PENDING, backend.paymentStatus(k).status());
        assertEquals(PaymentStatus.PENDING, backend.paymentStatus(k).status());
        assertEquals(PaymentStatus.REVERSED, backend.reversePayment(k).status());
        assertEquals(PaymentStatus.REVERSED, backend.paymentStatus(k).status());
        assertEquals(1, backend.unpaidInvoices("pat-3").size(), "a reversed payment leaves the invoice open");

        String d = key();
        PaymentResult declined = backend.pay(payInvoices("pat-3", PaymentBehaviour.DECLINED, d));
        assertEquals(PaymentStatus.DECLINED, declined.status());
        assertNotNull(declined.reason());
        assertNull(declined.transactionNumber());
        assertThrows(BackendException.Conflict.class, () -> backend.refund(d, "test"));
        assertThrows(BackendException.NotFound.class, () -> backend.paymentStatus("never-sent"));
        assertEquals(PaymentStatus.CLOSED, backend.reversePayment("never-sent").status(), "an unknown key is closed");
    }

    static void assertNull(Object o) {
        org.junit.jupiter.api.Assertions.assertNull(o);
    }

    @Test
    void successArrivingAfterTheReverseIsRefunded() {
        String k = key();
        assertEquals(PaymentStatus.PENDING, backend.pay(payInvoices("pat-2", PaymentBehaviour.SUCCESS_RACES_REVERSE, k)).status());
        PaymentResult raced = backend.reversePayment(k);
        assertEquals(PaymentStatus.SUCCESS, raced.status(), "the money won the race");
        assertNotNull(raced.transactionNumber());
        assertTrue(backend.unpaidInvoices("pat-2").isEmpty());
        PaymentResult refunded = backend.refund(k, "booking failed");
        assertEquals(PaymentStatus.REFUNDED, refunded.status());
        assertEquals(PaymentStatus.REFUNDED, backend.refund(k, "booking failed").status(), "refund is idempotent");
        assertEquals(1, backend.unpaidInvoices("pat-2").size());
    }

    @Test
    void aSlowWalletTimesOutAndTheQueryLearnsTheOutcome() throws InterruptedException {
        String k = key();
        PaymentRequest request = new PaymentRequest(k, "pat-7", List.of(), Money.ofYuan("8.00"),
                PaymentMethod.ALIPAY, "2812345678901234" + "95");
        try (FhirHospitalBackend impatient = new FhirHospitalBackend(FhirSettings.of(hospital.baseUrl())
                .withTimeout(BackendOperation.PAY, Duration.ofSeconds(2)), SHANGHAI)) {
            assertThrows(BackendException.Timeout.class, () -> impatient.pay(request));
        }
        PaymentStatus status = PaymentStatus.PENDING;
        for (int i = 0; i < 300 && status == PaymentStatus.PENDING; i++) {
            Thread.sleep(100);
            status = backend.paymentStatus(k).status();
        }
        assertEquals(PaymentStatus.SUCCESS, status);
    }

    @Test
    void prepaidAccountPaysAndTopUpRaisesTheBalance() {
        AccountBalance before = backend.balance("pat-1");
        assertEquals(Money.ofYuan("200.00"), before.balance());
        assertEquals("pat-1", before.patientId());
        PaymentResult paid = backend.pay(new PaymentRequest(key(), "pat-1", List.of("inv-2"), Money.ofYuan("55.00"),
                PaymentMethod.PREPAID_ACCOUNT, null));
        assertEquals(PaymentStatus.SUCCESS, paid.status());
        assertEquals(Money.ofYuan("145.00"), backend.balance("pat-1").balance());

        TopUpResult topUp = backend.topUp(new TopUpRequest(key(), before.accountId(), Money.ofYuan("100"),
                PaymentMethod.WECHAT_PAY, PaymentBehaviour.INSTANT_SUCCESS.sampleCode()));
        assertEquals(PaymentStatus.SUCCESS, topUp.status());
        assertEquals(Money.ofYuan("245.00"), topUp.balanceAfter());
        assertEquals(Money.ofYuan("245.00"), backend.balance("pat-1").balance());

        TopUpResult declined = backend.topUp(new TopUpRequest(key(), before.accountId(), Money.ofYuan("100"),
                PaymentMethod.WECHAT_PAY, PaymentBehaviour.DECLINED.sampleCode()));
        assertEquals(PaymentStatus.DECLINED, declined.status());
        assertEquals(Money.ofYuan("245.00"), declined.balanceAfter());

        PaymentResult tooMuch = backend.pay(new PaymentRequest(key(), "pat-2", List.of(), Money.ofYuan("1.00"),
                PaymentMethod.PREPAID_ACCOUNT, null));
        assertEquals(PaymentStatus.DECLINED, tooMuch.status(), "patient 2 has nothing on account");
        assertThrows(BackendException.NotFound.class, () -> backend.balance("pat-unknown"));
    }

    @Test
    void pendingTopUpIsSettledByQueryAndReverse() {
        String k = key();
        TopUpResult pending = backend.topUp(new TopUpRequest(k, "acct-5", Money.ofYuan("20"), PaymentMethod.WECHAT_PAY,
                PaymentBehaviour.PENDING_UNTIL_REVERSED.sampleCode()));
        assertEquals(PaymentStatus.PENDING, pending.status());
        assertEquals(PaymentStatus.PENDING, backend.paymentStatus(k).status());
        assertEquals(PaymentStatus.REVERSED, backend.reversePayment(k).status());
        assertEquals(Money.ofYuan("50.00"), backend.balance("pat-5").balance());
    }

    @Test
    void finalReportsOnlyAndTheirDetails() {
        List<ReportSummary> reports = backend.finalReports("pat-1");
        assertEquals(List.of("rep-1", "rep-2"), reports.stream().map(ReportSummary::id).sorted().toList(),
                "the preliminary rep-8 is not offered");
        ReportSummary lab = reports.stream().filter(r -> r.id().equals("rep-1")).findFirst().orElseThrow();
        assertEquals(ReportKind.LAB, lab.kind());
        assertEquals("血常规", lab.title().zh());
        assertTrue(lab.hasDocument());
        assertTrue(lab.printable());

        LabReport detail = backend.labReport("rep-1").orElseThrow();
        assertEquals(5, detail.results().size());
        assertEquals("白细胞计数", detail.results().get(0).item().zh());
        assertEquals("11.8", detail.results().get(0).value());
        assertEquals(AbnormalFlag.HIGH, detail.results().get(0).flag());
        assertEquals(AbnormalFlag.LOW, detail.results().get(2).flag());
        assertEquals("202411210001", detail.specimenId());
        assertEquals("静脉血", detail.specimen().zh());
        assertEquals("张三明", detail.patient().name());
        assertEquals("王建华", detail.requestingDoctor());
        assertEquals("何静", detail.validatingDoctor());
        assertNotNull(detail.collectedAt());
        assertTrue(backend.imagingReport("rep-1").isEmpty(), "a lab report is not an imaging report");

        ImagingReport xray = backend.imagingReport("rep-2").orElseThrow();
        assertEquals("Digital radiography", xray.modality().en());
        assertEquals("胸部", xray.bodySite().zh());
        assertTrue(xray.findings().contains("lung"));
        assertTrue(xray.impression().contains("No acute"));
        assertEquals("唐雪梅", xray.validatingDoctor());
        assertTrue(backend.labReport("rep-2").isEmpty());
        assertTrue(backend.labReport("rep-none").isEmpty());
        assertTrue(backend.finalReports("pat-6").isEmpty(), "patient 6 has no reports");
    }

    @Test
    void reportDocumentIsAPdfAndPrintsAreCountedOncePerKey() {
        ReportDocument pdf = backend.reportDocument("rep-2");
        assertEquals("application/pdf", pdf.contentType());
        assertTrue(new String(pdf.content(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
        assertTrue(new String(pdf.content(), StandardCharsets.US_ASCII).contains("Chest X-ray"));

        String k = key();
        backend.markPrinted("rep-2", k);
        backend.markPrinted("rep-2", k);
        ReportSummary summary = backend.finalReports("pat-1").stream().filter(r -> r.id().equals("rep-2")).findFirst().orElseThrow();
        assertEquals(1, summary.printCount());
        assertEquals(2, summary.printLimit());
        backend.markPrinted("rep-2", key());
        assertThrows(BackendException.Conflict.class, () -> backend.markPrinted("rep-2", key()), "limit of 2 reached");
        ReportSummary limited = backend.finalReports("pat-2").stream().filter(r -> r.id().equals("rep-3")).findFirst().orElseThrow();
        assertFalse(limited.printable());
        assertThrows(BackendException.Conflict.class, () -> backend.markPrinted("rep-3", key()));
        assertThrows(BackendException.NotFound.class, () -> backend.reportDocument("rep-none"));
    }

    @Test
    void appointmentsOfTheDayAreListedInOrder() {
        List<Appointment> today = backend.appointments("pat-2", TODAY);
        assertTrue(today.size() >= 2);
        assertTrue(today.get(0).start().isBefore(today.get(today.size() - 1).start()));
        assertTrue(backend.appointments("pat-2", TODAY.plusDays(30)).isEmpty());
        assertTrue(today.stream().allMatch(a -> a.patientId().equals("pat-2")));
    }
}
