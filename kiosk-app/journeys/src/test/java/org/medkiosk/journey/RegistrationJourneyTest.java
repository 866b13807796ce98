package org.medkiosk.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.demohospital.PaymentBehaviour;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.hospital.Slot;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journey.cancel.CancelBookingJourney;
import org.medkiosk.journey.cancel.CancelBookingState;
import org.medkiosk.journey.payment.WalletCode;
import org.medkiosk.journey.register.RegistrationJourney;
import org.medkiosk.journey.register.RegistrationState;
import org.medkiosk.journey.testing.EngineFixture;

/** Register, book ahead and cancel against the demo hospital: HOLD → PAY → BOOK (→ REFUND), CANCEL (→ REFUND). */
class RegistrationJourneyTest {
    @TempDir
    Path data;
    EngineFixture kiosk;

    @BeforeEach
    void start() {
        kiosk = new EngineFixture(data);
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    private static WalletCode code(PaymentBehaviour b) {
        return new WalletCode(b.sampleCode(), PaymentMethod.ALIPAY);
    }

    /** Walks department → doctor (on day +offset) → first period → confirm; returns the journey at the scan screen. */
    private RegistrationJourney upToScan(int patient, int dayOffset) {
        RegistrationJourney r = kiosk.engine.registration(kiosk.session(patient));
        r.start();
        RegistrationState.Departments deps = assertInstanceOf(RegistrationState.Departments.class, r.state());
        r.chooseDepartment(deps.departments().get(0).id());
        RegistrationState.Doctors docs = assertInstanceOf(RegistrationState.Doctors.class, r.state());
        assertEquals(8, docs.days().size(), "today and the 7 days ahead");
        if (dayOffset > 0) {
            r.chooseDay(docs.days().get(dayOffset));
            docs = assertInstanceOf(RegistrationState.Doctors.class, r.state());
        }
        for (var doctor : docs.doctors()) {
            r.chooseDoctor(doctor.id());
            if (r.state() instanceof RegistrationState.Periods p && !p.slots().isEmpty()) {
                r.chooseSlot(p.slots().get(0).id());
                r.confirm();
                assertInstanceOf(RegistrationState.ScanCode.class, r.state());
                return r;
            }
            r.back();
        }
        throw new AssertionError("no doctor with a free period on day +" + dayOffset);
    }

    /** The department guide's "register here": the suggested department's doctors at once, Back to the list. */
    @Test
    void startAtOpensOnTheDepartmentsDoctorsAndBackShowsTheList() {
        RegistrationJourney r = kiosk.engine.registration(kiosk.session(1));
        r.startAt("dept-derm");
        RegistrationState.Doctors docs = assertInstanceOf(RegistrationState.Doctors.class, r.state());
        assertEquals("dept-derm", docs.department().id());
        assertTrue(docs.doctors().stream().allMatch(d -> d.departmentId().equals("dept-derm")), docs.doctors().toString());
        r.back();
        RegistrationState.Departments list = assertInstanceOf(RegistrationState.Departments.class, r.state());
        assertTrue(list.departments().size() > 1);

        RegistrationJourney gone = kiosk.engine.registration(kiosk.session(1));
        gone.startAt("dept-no-longer-listed");
        assertInstanceOf(RegistrationState.Departments.class, gone.state(), "an unknown department: the list");
    }

    @Test
    void bookAheadHoldsPaysBooksAndPrintsTheSlip() {
        RegistrationJourney r = upToScan(1, 1);
        assertTrue(r.codeScanned(code(PaymentBehaviour.INSTANT_SUCCESS)));
        RegistrationState.Booked booked = assertInstanceOf(RegistrationState.Booked.class, r.state());
        assertInstanceOf(ReceiptOutcome.Printed.class, booked.slip());
        List<Intent> intents = kiosk.engine.journal().journey(r.journeyId());
        assertEquals(List.of(IntentKind.HOLD, IntentKind.PAY, IntentKind.BOOK), intents.stream().map(Intent::kind).toList());
        assertTrue(intents.stream().allMatch(i -> i.state() == IntentState.SUCCEEDED), intents.toString());
        // The hospital now lists it among the patient's bookings, paid by this payment and refundable.
        Appointment mine = kiosk.backend.bookings(kiosk.session(1).patientId(), booked.appointment().start().toLocalDate(),
                booked.appointment().start().toLocalDate()).stream().filter(a -> a.id().equals(booked.appointment().id()))
                .findFirst().orElseThrow();
        assertEquals(intents.get(1).idempotencyKey(), mine.paymentKey());
    }

    @Test
    void aDeclinedPaymentReleasesTheHeldNumber() {
        RegistrationJourney r = upToScan(2, 1);
        RegistrationState.ScanCode scan = (RegistrationState.ScanCode) r.state();
        int heldRemaining = remaining(scan.slot());
        r.codeScanned(code(PaymentBehaviour.DECLINED));
        assertInstanceOf(RegistrationState.NotCharged.class, r.state());
        assertEquals(heldRemaining + 1, remaining(scan.slot()), "the number went back to the pool");
        List<IntentKind> kinds = kiosk.engine.journal().journey(r.journeyId()).stream().map(Intent::kind).toList();
        assertEquals(List.of(IntentKind.HOLD, IntentKind.PAY, IntentKind.CANCEL), kinds);
    }

    @Test
    void walkingAwayAtTheScanScreenReleasesTheHold() {
        RegistrationJourney r = upToScan(3, 2);
        RegistrationState.ScanCode scan = (RegistrationState.ScanCode) r.state();
        int heldRemaining = remaining(scan.slot());
        r.abandon();
        assertEquals(heldRemaining + 1, remaining(scan.slot()));
        assertTrue(kiosk.engine.journal().open().isEmpty());
    }

    @Test
    void cancellingARefundableBookingRefundsItsFeeAndPrintsTheNotice() {
        RegistrationJourney r = upToScan(4, 3);
        r.codeScanned(code(PaymentBehaviour.INSTANT_SUCCESS));
        RegistrationState.Booked booked = assertInstanceOf(RegistrationState.Booked.class, r.state());

        CancelBookingJourney c = kiosk.engine.cancelBooking(kiosk.session(4));
        c.start();
        CancelBookingState.Bookings list = assertInstanceOf(CancelBookingState.Bookings.class, c.state());
        Appointment mine = list.bookings().stream().filter(a -> a.id().equals(booked.appointment().id())).findFirst().orElseThrow();
        assertTrue(mine.refundable());
        c.choose(mine.id());
        assertInstanceOf(CancelBookingState.Confirm.class, c.state());
        c.confirm();
        CancelBookingState.Cancelled done = assertInstanceOf(CancelBookingState.Cancelled.class, c.state());
        assertEquals(mine.fee(), done.refunded());
        assertInstanceOf(ReceiptOutcome.Printed.class, done.notice());
        List<Intent> intents = kiosk.engine.journal().journey(c.journeyId());
        assertEquals(List.of(IntentKind.CANCEL, IntentKind.REFUND), intents.stream().map(Intent::kind).toList());
        assertEquals(IntentState.REFUNDED, intents.get(1).state());
    }

    private int remaining(Slot slot) {
        return kiosk.backend.freeSlots(slot.doctorId(), slot.start().toLocalDate(), slot.start().toLocalDate()).stream()
                .filter(s -> s.id().equals(slot.id())).mapToInt(Slot::remaining).findFirst().orElse(0);
    }
}
