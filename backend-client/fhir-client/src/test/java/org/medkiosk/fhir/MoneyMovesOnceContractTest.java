package org.medkiosk.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.demohospital.PaymentBehaviour;
import org.medkiosk.fhir.HospitalLedger.BookedAppointment;
import org.medkiosk.fhir.HospitalLedger.MoneyMovement;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.AppointmentStatus;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.hospital.PaymentRequest;
import org.medkiosk.hospital.PaymentResult;
import org.medkiosk.hospital.PaymentStatus;
import org.medkiosk.hospital.Slot;
import org.medkiosk.hospital.SlotHold;
import org.medkiosk.hospital.TopUpRequest;
import org.medkiosk.hospital.UnpaidInvoice;

/**
 * Issue 8, "money moves exactly once", against the demo hospital over real HTTP: the closed marker, key reuse
 * refused, registration fees linked to their appointment and refunded on cancel, the ledger, bills with their
 * visit, "my bookings", and the demo levers the crash harness pulls over HTTP.
 */
class MoneyMovesOnceContractTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 18); // a Wednesday
    static MutableClock clock;
    static DemoHospital hospital;
    static FhirHospitalBackend backend;
    static HospitalLedger ledger;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        clock = new MutableClock(TODAY.atTime(9, 0).atZone(SHANGHAI).toInstant(), SHANGHAI);
        hospital = DemoHospital.start(0, DemoHospital.Options.defaults().withClock(clock));
        backend = new FhirHospitalBackend(FhirSettings.of(hospital.baseUrl()), SHANGHAI);
        ledger = new HospitalLedger(FhirSettings.of(hospital.baseUrl()));
    }

    @AfterAll
    static void stop() {
        ledger.close();
        backend.close();
        hospital.close();
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    static JsonNode post(String path, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(hospital.baseUrl() + "/" + path))
                .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return FhirTransport.json().readTree(r.body());
    }

    static JsonNode get(String pathOrUrl) throws Exception {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : hospital.baseUrl() + "/" + pathOrUrl;
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return FhirTransport.json().readTree(r.body());
    }

    static String params(String... nameTypeValue) {
        StringBuilder b = new StringBuilder("{\"resourceType\":\"Parameters\",\"parameter\":[");
        for (int i = 0; i < nameTypeValue.length; i += 3) {
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"name\":\"").append(nameTypeValue[i]).append("\",\"").append(nameTypeValue[i + 1]).append("\":")
                    .append(nameTypeValue[i + 2]).append('}');
        }
        return b.append("]}").toString();
    }

    static List<MoneyMovement> movements(String key) {
        return ledger.movements(key);
    }

    @Test
    void reversingAKeyTheHospitalNeverSawClosesItForGood() {
        String k = key();
        assertTrue(movements(k).isEmpty());
        PaymentResult closed = backend.reversePayment(k);
        assertEquals(PaymentStatus.CLOSED, closed.status());
        assertEquals(k, closed.idempotencyKey());
        assertEquals(PaymentStatus.CLOSED, backend.paymentStatus(k).status(), "the key is known now: closed");
        // the $pay that was in flight arrives after the close: refused, no money moves
        UnpaidInvoice bill = backend.unpaidInvoices("pat-4").get(0);
        PaymentResult late = backend.pay(new PaymentRequest(k, "pat-4", List.of(bill.id()), bill.total(),
                PaymentMethod.WECHAT_PAY, PaymentBehaviour.INSTANT_SUCCESS.sampleCode()));
        assertEquals(PaymentStatus.CLOSED, late.status());
        assertNull(late.transactionNumber());
        assertEquals(1, backend.unpaidInvoices("pat-4").size(), "the bill is still open");
        assertEquals(PaymentStatus.CLOSED, backend.topUp(new TopUpRequest(k, "acct-4", Money.ofYuan("10"),
                PaymentMethod.WECHAT_PAY, PaymentBehaviour.INSTANT_SUCCESS.sampleCode())).status());
        assertEquals(Money.ofYuan("40.00"), backend.balance("pat-4").balance());
        assertEquals(PaymentStatus.CLOSED, backend.reversePayment(k).status(), "closing again is the same close");
        assertThrows(BackendException.Conflict.class, () -> backend.refund(k, "nothing to refund"));
        assertTrue(movements(k).isEmpty(), "no money moved for a closed key");
    }

    @Test
    void everyKeyedOperationRefusesAKeyReusedForSomethingElse() {
        // $hold
        List<Slot> slots = backend.freeSlots("doc-16", TODAY.plusDays(1), TODAY.plusDays(2));
        assertTrue(slots.size() >= 2);
        String hk = key();
        SlotHold h1 = backend.hold("pat-7", slots.get(0).id(), hk);
        assertEquals(h1.appointmentId(), backend.hold("pat-7", slots.get(0).id(), hk).appointmentId());
        assertRejected(() -> backend.hold("pat-7", slots.get(1).id(), hk));
        assertRejected(() -> backend.hold("pat-8", slots.get(0).id(), hk));
        // $book
        SlotHold h2 = backend.hold("pat-7", slots.get(1).id(), key());
        String bk = key();
        backend.book(h1.appointmentId(), bk);
        assertEquals(AppointmentStatus.BOOKED, backend.book(h1.appointmentId(), bk).status(), "same key, same booking");
        assertRejected(() -> backend.book(h2.appointmentId(), bk));
        // cancel (Idempotency-Key header)
        String ck = key();
        assertEquals(AppointmentStatus.CANCELLED, backend.cancel(h1.appointmentId(), ck).status());
        assertEquals(AppointmentStatus.CANCELLED, backend.cancel(h1.appointmentId(), ck).status(), "a repeat is the same cancel");
        assertRejected(() -> backend.cancel(h2.appointmentId(), ck));
        assertEquals(AppointmentStatus.PENDING, backend.appointments("pat-7", h2.slot().start().toLocalDate()).stream()
                .filter(a -> a.id().equals(h2.appointmentId())).findFirst().orElseThrow().status(), "h2 is untouched");
        // $check-in
        String ik = key();
        backend.checkIn("apt-5", ik);
        backend.checkIn("apt-5", ik);
        assertRejected(() -> backend.checkIn("apt-9", ik));
        // $mark-printed
        String pk = key();
        backend.markPrinted("rep-1", pk);
        assertRejected(() -> backend.markPrinted("rep-5", pk));
        // $pay and $deposit
        String payKey = key();
        PaymentRequest pay = new PaymentRequest(payKey, "pat-7", List.of(), Money.ofYuan("3.00"), PaymentMethod.ALIPAY,
                PaymentBehaviour.INSTANT_SUCCESS.sampleCode());
        backend.pay(pay);
        assertRejected(() -> backend.pay(new PaymentRequest(payKey, "pat-7", List.of(), Money.ofYuan("4.00"),
                PaymentMethod.ALIPAY, PaymentBehaviour.INSTANT_SUCCESS.sampleCode())));
        assertRejected(() -> backend.topUp(new TopUpRequest(payKey, "acct-7", Money.ofYuan("3.00"), PaymentMethod.ALIPAY,
                PaymentBehaviour.INSTANT_SUCCESS.sampleCode())));
        String dk = key();
        backend.topUp(new TopUpRequest(dk, "acct-7", Money.ofYuan("5"), PaymentMethod.ALIPAY,
                PaymentBehaviour.INSTANT_SUCCESS.sampleCode()));
        assertRejected(() -> backend.topUp(new TopUpRequest(dk, "acct-7", Money.ofYuan("6"), PaymentMethod.ALIPAY,
                PaymentBehaviour.INSTANT_SUCCESS.sampleCode())));
        assertEquals(1, movements(payKey).size(), "the refused reuse moved no money");
        assertEquals(1, movements(dk).size());
    }

    static void assertRejected(org.junit.jupiter.api.function.Executable call) {
        BackendException.Rejected e = assertThrows(BackendException.Rejected.class, call);
        assertTrue(e.getMessage().contains("422"), e.getMessage());
    }

    @Test
    void aRegistrationFeePaidForItsAppointmentIsRefundableOnCancel() {
        Slot slot = backend.freeSlots("doc-21", TODAY.plusDays(3), TODAY.plusDays(3)).get(0);
        String holdKey = key();
        SlotHold hold = backend.hold("pat-5", slot.id(), holdKey);
        assertRejected(() -> backend.pay(new PaymentRequest(key(), "pat-5", List.of(), Money.ofYuan("1.00"),
                PaymentMethod.WECHAT_PAY, PaymentBehaviour.INSTANT_SUCCESS.sampleCode(), hold.appointmentId())));
        String payKey = key();
        PaymentResult paid = backend.pay(new PaymentRequest(payKey, "pat-5", List.of(), slot.fee(),
                PaymentMethod.WECHAT_PAY, PaymentBehaviour.INSTANT_SUCCESS.sampleCode(), hold.appointmentId()));
        assertEquals(PaymentStatus.SUCCESS, paid.status());
        assertRejected(() -> backend.pay(new PaymentRequest(payKey, "pat-5", List.of(), slot.fee(),
                PaymentMethod.WECHAT_PAY, PaymentBehaviour.INSTANT_SUCCESS.sampleCode(), "apt-2")));
        assertThrows(BackendException.Conflict.class, () -> backend.pay(new PaymentRequest(key(), "pat-5", List.of(),
                slot.fee(), PaymentMethod.WECHAT_PAY, PaymentBehaviour.INSTANT_SUCCESS.sampleCode(), hold.appointmentId())),
                "the fee is paid once");
        Appointment booked = backend.book(hold.appointmentId(), key());
        assertEquals(payKey, booked.paymentKey());
        assertTrue(booked.refundable(), "paid, before its period, not checked in");

        Appointment cancelled = backend.cancel(booked.id(), key());
        assertEquals(AppointmentStatus.CANCELLED, cancelled.status());
        assertTrue(cancelled.refundable());
        assertEquals(payKey, cancelled.paymentKey());
        assertEquals(PaymentStatus.REFUNDED, backend.refund(cancelled.paymentKey(), "cancelled").status());
        List<MoneyMovement> moved = movements(payKey);
        assertEquals(List.of(MoneyMovement.Kind.CHARGE, MoneyMovement.Kind.REFUND), moved.stream().map(MoneyMovement::kind).toList());
        assertTrue(moved.stream().allMatch(m -> m.amount().equals(slot.fee()) && "pat-5".equals(m.patientId())));
        assertFalse(backend.appointments("pat-5", TODAY.plusDays(3)).stream()
                .filter(a -> a.id().equals(booked.id())).findFirst().orElseThrow().refundable(), "refunded already");
        List<BookedAppointment> held = ledger.bookedAppointments().stream().filter(b -> b.holdKey().equals(holdKey)).toList();
        assertEquals(1, held.size());
        assertEquals(slot.id(), held.get(0).slotId());
        assertEquals(AppointmentStatus.CANCELLED, held.get(0).status());
    }

    @Test
    void myBookingsAreTheBookedOnesWithTheirRefundRule() {
        List<Appointment> mine = backend.bookings("pat-1", TODAY, TODAY.plusDays(7));
        assertTrue(mine.stream().allMatch(a -> a.status() == AppointmentStatus.BOOKED));
        Appointment eye = mine.stream().filter(a -> a.id().equals("apt-2")).findFirst().orElseThrow();
        assertEquals("seed-fee-apt-2", eye.paymentKey());
        assertTrue(eye.refundable());
        assertTrue(backend.bookings("pat-1", TODAY.plusDays(7), TODAY.plusDays(8)).isEmpty());
        assertTrue(backend.bookings("pat-4", TODAY, TODAY).isEmpty(), "patient 4 already arrived: not a booking");

        Appointment counter = backend.bookings("pat-3", TODAY.plusDays(1), TODAY.plusDays(7)).stream()
                .filter(a -> a.id().equals("apt-13")).findFirst().orElseThrow();
        assertNull(counter.paymentKey(), "paid in cash at the counter");
        assertFalse(counter.refundable());

        // a seeded paid booking can be cancelled and its fee refunded by its key: the charge is in the cashier
        Appointment dental = backend.bookings("pat-2", TODAY, TODAY.plusDays(7)).stream()
                .filter(a -> a.id().equals("apt-12")).findFirst().orElseThrow();
        assertTrue(dental.refundable());
        Appointment cancelled = backend.cancel(dental.id(), key());
        assertTrue(cancelled.refundable());
        PaymentResult refund = backend.refund(cancelled.paymentKey(), "cancelled at kiosk");
        assertEquals(PaymentStatus.REFUNDED, refund.status());
        assertEquals(Money.ofYuan("30.00"), refund.amount());
        assertTrue(backend.bookings("pat-2", TODAY, TODAY.plusDays(7)).stream().noneMatch(a -> a.id().equals("apt-12")));
        assertTrue(movements("seed-fee-apt-12").stream().anyMatch(m -> m.kind() == MoneyMovement.Kind.REFUND));
    }

    @Test
    void aBookingWhosePeriodHasStartedIsNotRefundable() {
        Appointment today = backend.appointments("pat-2", TODAY).stream().filter(a -> a.id().equals("apt-3"))
                .findFirst().orElseThrow();
        assertFalse(today.refundable(), "no kiosk payment, period started at 08:00");
        hospital.advanceClock(Duration.ofDays(6));
        try {
            Appointment eye = backend.bookings("pat-1", TODAY.plusDays(6), TODAY.plusDays(6)).get(0);
            assertEquals("apt-2", eye.id());
            assertFalse(eye.refundable(), "the hospital's clock is now past 08:00 of its day");
        } finally {
            hospital.advanceClock(Duration.ofDays(-6));
        }
        assertTrue(backend.bookings("pat-1", TODAY.plusDays(6), TODAY.plusDays(6)).get(0).refundable());
    }

    @Test
    void billsCarryTheirVisit() {
        List<UnpaidInvoice> bills = backend.unpaidInvoices("pat-1");
        assertTrue(bills.size() >= 2);
        UnpaidInvoice medicine = bills.stream().filter(b -> b.id().equals("inv-1")).findFirst().orElseThrow();
        UnpaidInvoice lab = bills.stream().filter(b -> b.id().equals("inv-2")).findFirst().orElseThrow();
        assertEquals(medicine.visit(), lab.visit(), "two bills of one visit");
        assertEquals("enc-v1", medicine.visit().id());
        assertEquals(TODAY, medicine.visit().date());
        assertEquals("内科", medicine.visit().department().zh());
        assertEquals("王建华", medicine.visit().doctor().zh());
        UnpaidInvoice ct = backend.unpaidInvoices("pat-2").stream().filter(b -> b.id().equals("inv-3")).findFirst().orElseThrow();
        assertEquals(TODAY.minusDays(1), ct.visit().date());
        assertEquals("李明", ct.visit().doctor().zh());
    }

    @Test
    void theLedgerRecordsEveryChargeReversalAndRefundAndPages() throws Exception {
        List<MoneyMovement> seeded = ledger.movements();
        assertTrue(seeded.stream().anyMatch(m -> m.idempotencyKey().equals("seed-fee-apt-2") && m.kind() == MoneyMovement.Kind.CHARGE));

        String k = key();
        String invoice = hospital.issueInvoice("pat-6", Money.ofYuan("12.30"));
        assertEquals(PaymentStatus.PENDING, backend.pay(new PaymentRequest(k, "pat-6", List.of(invoice), Money.ofYuan("12.30"),
                PaymentMethod.WECHAT_PAY, PaymentBehaviour.SUCCESS_RACES_REVERSE.sampleCode())).status());
        assertTrue(movements(k).isEmpty(), "pending: no money moved yet");
        assertEquals(PaymentStatus.SUCCESS, backend.reversePayment(k).status());
        assertEquals(List.of(MoneyMovement.Kind.CHARGE), movements(k).stream().map(MoneyMovement::kind).toList());
        backend.refund(k, "test");
        backend.refund(k, "test");
        assertEquals(List.of(MoneyMovement.Kind.CHARGE, MoneyMovement.Kind.REFUND),
                movements(k).stream().map(MoneyMovement::kind).toList(), "a repeated refund is one refund");

        String r = key();
        String invoice2 = hospital.issueInvoice("pat-6", Money.ofYuan("7.00"));
        backend.pay(new PaymentRequest(r, "pat-6", List.of(invoice2), Money.ofYuan("7.00"), PaymentMethod.ALIPAY,
                PaymentBehaviour.INSTANT_SUCCESS.sampleCode()));
        assertEquals(PaymentStatus.REVERSED, backend.reversePayment(r).status());
        List<MoneyMovement> reversed = movements(r);
        assertEquals(List.of(MoneyMovement.Kind.CHARGE, MoneyMovement.Kind.REVERSAL), reversed.stream().map(MoneyMovement::kind).toList());
        assertEquals(Money.ofYuan("7.00"), reversed.get(1).amount());
        assertEquals("pat-6", reversed.get(1).patientId());

        String d = key();
        backend.topUp(new TopUpRequest(d, "acct-6", Money.ofYuan("20"), PaymentMethod.WECHAT_PAY,
                PaymentBehaviour.INSTANT_SUCCESS.sampleCode()));
        assertEquals(List.of(new MoneyMovement(d, MoneyMovement.Kind.CHARGE, Money.ofYuan("20.00"), "pat-6")), movements(d));

        // the raw FHIR: identifier, amount, kind coding, detail request; a small _count pages with next links
        JsonNode one = get("PaymentReconciliation?identifier=" + FhirTransport.urlEncode("urn:medkiosk:idempotency-key|" + r));
        assertEquals(2, one.path("entry").size());
        JsonNode charge = one.path("entry").path(0).path("resource");
        assertEquals("7.00", charge.path("paymentAmount").path("value").decimalValue().setScale(2).toPlainString());
        assertEquals("CNY", charge.path("paymentAmount").path("currency").asText());
        assertEquals("Invoice/" + invoice2, charge.path("detail").path(0).path("request").path("reference").asText());
        assertEquals("charge", charge.path("detail").path(0).path("type").path("coding").path(0).path("code").asText());

        int all = ledger.movements().size();
        int paged = 0;
        String next = "PaymentReconciliation?_count=2";
        int pages = 0;
        while (next != null) {
            JsonNode page = get(next);
            paged += page.path("entry").size();
            pages++;
            next = null;
            for (JsonNode link : page.path("link")) {
                if ("next".equals(link.path("relation").asText())) {
                    next = link.path("url").asText();
                }
            }
        }
        assertEquals(all, paged);
        assertTrue(pages >= 3, "pages of 2: " + pages);
    }

    @Test
    void leversOverHttpTakeTheSlotExpireHoldsMoveTheClockAndIssueBills() throws Exception {
        // (a)+(b): the hold lapses while the patient pays and someone else takes the slot: $book is a conflict
        Slot slot = backend.freeSlots("doc-14", TODAY.plusDays(4), TODAY.plusDays(4)).get(0);
        SlotHold hold = backend.hold("pat-8", slot.id(), key());
        JsonNode expired = post("Appointment/$demo-expire-holds", params());
        assertTrue(expired.path("parameter").path(0).path("valueInteger").asInt() >= 1);
        post("Slot/" + slot.id() + "/$demo-take", params());
        assertTrue(backend.freeSlots("doc-14", TODAY.plusDays(4), TODAY.plusDays(4)).stream().noneMatch(s -> s.id().equals(slot.id())));
        assertThrows(BackendException.Conflict.class, () -> backend.book(hold.appointmentId(), key()));
        // (c): the hospital clock; a hold lapses when the clock passes its expiry
        Slot other = backend.freeSlots("doc-19", TODAY.plusDays(4), TODAY.plusDays(4)).get(0);
        SlotHold held = backend.hold("pat-8", other.id(), key());
        JsonNode moved = post("$demo-clock", params("advance", "valueString", "\"PT6M\""));
        assertEquals(clock.instant().plus(Duration.ofMinutes(6)).toString(),
                java.time.Instant.parse(moved.path("parameter").path(0).path("valueInstant").asText()).toString());
        try {
            assertTrue(held.expiresAt().isBefore(hospital.now()));
            post("Slot/" + other.id() + "/$demo-take", params());
            assertThrows(BackendException.Conflict.class, () -> backend.book(held.appointmentId(), key()));
        } finally {
            post("$demo-clock", params("set", "valueString", "\"" + clock.instant() + "\""));
        }
        assertTrue(Math.abs(Duration.between(clock.instant(), hospital.now()).toMillis()) < 1000, "set back");
        // (d): a fresh bill for the patient, again and again
        for (int i = 0; i < 2; i++) {
            JsonNode inv = post("Invoice/$demo-issue-invoice", params("patient", "valueReference",
                    "{\"reference\":\"Patient/pat-10\"}", "amount", "valueMoney", "{\"value\":9.90,\"currency\":\"CNY\"}"));
            String id = inv.path("id").asText();
            UnpaidInvoice bill = backend.unpaidInvoices("pat-10").stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
            assertEquals(Money.ofYuan("9.90"), bill.total());
            assertNotNull(bill.visit().id());
            assertEquals(TODAY, bill.visit().date());
            assertEquals(PaymentStatus.SUCCESS, backend.pay(new PaymentRequest(key(), "pat-10", List.of(id), bill.total(),
                    PaymentMethod.WECHAT_PAY, PaymentBehaviour.INSTANT_SUCCESS.sampleCode())).status());
        }
    }
}
