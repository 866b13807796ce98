package org.medkiosk.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.AppointmentStatus;
import org.medkiosk.journal.Intent;
import org.medkiosk.journal.IntentKind;
import org.medkiosk.journal.IntentState;
import org.medkiosk.journal.PrintJob;
import org.medkiosk.journey.checkin.CheckInJourney;
import org.medkiosk.journey.checkin.CheckInState;
import org.medkiosk.journey.testing.EngineFixture;

/**
 * Check in against the demo hospital over HTTP (its clock in the kiosk's zone, so "today" is one day for both), the
 * queue ticket through the real ESC/POS driver to the printer simulator. Seed: patient 1 apt-1 08:00-12:00 today;
 * patient 2 apt-3 08:00-12:00 and apt-4 14:00-17:30 today; patient 3 apt-5 08:00-12:00 today.
 */
class CheckInJourneyTest {
    @TempDir
    Path data;
    EngineFixture kiosk;

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    private EngineFixture kiosk(java.util.function.UnaryOperator<JourneySettings> settings) {
        kiosk = EngineFixture.inKioskZone(data, settings);
        return kiosk;
    }

    private void at(int hour, int minute) {
        kiosk.clock.set(LocalDate.now(kiosk.clock).atTime(LocalTime.of(hour, minute)).atZone(EngineFixture.ZONE).toInstant());
    }

    private List<Intent> intents(IntentKind kind) {
        return kiosk.engine.journal().all().stream().filter(i -> i.kind() == kind).toList();
    }

    private String paper() {
        return new String(kiosk.printer.printedBytes(), Charset.forName("GB18030"));
    }

    @Test
    void theOnlyAppointmentInTheWindowIsCheckedInAtOnceAndItsTicketPrinted() {
        kiosk(s -> s);
        at(8, 30);
        CheckInJourney checkIn = kiosk.engine.checkIn(kiosk.session(1));
        checkIn.start();
        CheckInState.CheckedIn done = assertInstanceOf(CheckInState.CheckedIn.class, checkIn.state());
        assertEquals("apt-1", done.appointment().id());
        assertInstanceOf(ReceiptOutcome.Printed.class, done.printed());
        assertTrue(done.ticket().patientsAhead() >= 0);

        Intent intent = intents(IntentKind.CHECK_IN).get(0);
        assertEquals(1, intents(IntentKind.CHECK_IN).size());
        assertEquals(IntentState.SUCCEEDED, intent.state());
        assertEquals("apt-1", intent.payload("appointment"));
        assertEquals(done.ticket().queueNumber(), intent.transactionNumber(), "staff find the ticket by its number");
        PrintJob ticket = kiosk.engine.journal().printJobs().get(0);
        assertEquals(CheckInJourney.QUEUE_TICKET, ticket.template());
        assertEquals(PrintJob.State.PRINTED, ticket.state());
        assertEquals(intent.idempotencyKey(), ticket.intentKey());
        assertTrue(paper().contains(done.ticket().queueNumber()), "the ticket shows the queue number");
        assertFalse(paper().contains(kiosk.session(1).patient().name()), "the name is printed masked");
        assertEquals(AppointmentStatus.ARRIVED, kiosk.backend.appointment("apt-1").orElseThrow().status());

        // a second visit to check-in says so instead of taking another number
        CheckInJourney again = kiosk.engine.checkIn(kiosk.session(1));
        again.start();
        CheckInState.AlreadyCheckedIn already = assertInstanceOf(CheckInState.AlreadyCheckedIn.class, again.state());
        assertEquals(done.ticket().queueNumber(), already.ticket().queueNumber());
        assertEquals(1, intents(IntentKind.CHECK_IN).size());
    }

    @Test
    void tooEarlySaysWhenTheWindowOpensAndJournalsNothing() {
        kiosk(s -> s);
        at(6, 30);
        CheckInJourney checkIn = kiosk.engine.checkIn(kiosk.session(1));
        checkIn.start();
        CheckInState.TooEarly early = assertInstanceOf(CheckInState.TooEarly.class, checkIn.state());
        assertEquals("apt-1", early.appointment().id());
        assertEquals(early.appointment().start().minusMinutes(60).toInstant(), early.opensAt().toInstant(),
                "opens an hour before the period");
        assertEquals(LocalTime.of(7, 0), early.opensAt().atZoneSameInstant(EngineFixture.ZONE).toLocalTime());
        assertTrue(kiosk.engine.journal().all().isEmpty());
        assertTrue(kiosk.engine.journal().printJobs().isEmpty());
    }

    @Test
    void tooLateSaysThePeriodIsOver() {
        kiosk(s -> s);
        at(12, 30);
        CheckInJourney checkIn = kiosk.engine.checkIn(kiosk.session(1));
        checkIn.start();
        assertEquals("apt-1", assertInstanceOf(CheckInState.TooLate.class, checkIn.state()).appointment().id());
        assertTrue(kiosk.engine.journal().all().isEmpty());
    }

    @Test
    void theWindowIsTheHospitalsSetting() {
        kiosk(s -> s.withCheckInWindow(Duration.ofMinutes(15), Duration.ZERO));
        at(7, 30);
        CheckInJourney checkIn = kiosk.engine.checkIn(kiosk.session(1));
        checkIn.start();
        CheckInState.TooEarly early = assertInstanceOf(CheckInState.TooEarly.class, checkIn.state());
        assertEquals(LocalTime.of(7, 45), early.opensAt().atZoneSameInstant(EngineFixture.ZONE).toLocalTime());
    }

    @Test
    void withTwoAppointmentsOpenTheListIsShownAndOneTapChecksIn() {
        kiosk(s -> s.withCheckInWindow(Duration.ofMinutes(60), Duration.ofHours(3)));
        at(13, 30);
        CheckInJourney checkIn = kiosk.engine.checkIn(kiosk.session(2));
        checkIn.start();
        CheckInState.Appointments list = assertInstanceOf(CheckInState.Appointments.class, checkIn.state());
        assertEquals(List.of("apt-3", "apt-4"), list.open().stream().map(Appointment::id).toList());
        assertTrue(kiosk.engine.journal().all().isEmpty(), "nothing journaled before the tap");
        checkIn.choose("apt-4");
        CheckInState.CheckedIn done = assertInstanceOf(CheckInState.CheckedIn.class, checkIn.state());
        assertEquals("apt-4", done.appointment().id());
        assertEquals("apt-4", intents(IntentKind.CHECK_IN).get(0).payload("appointment"));
    }

    @Test
    void theSlipsAppointmentQrIdentifiesThePatientAndChecksInThatAppointment() {
        kiosk(s -> s);
        at(9, 0);
        String qr = org.medkiosk.print.receipt.ReceiptTemplates.APPOINTMENT_QR_PREFIX + "apt-5";
        Appointment found = kiosk.engine.lookUpAppointment(qr).orElseThrow();
        assertEquals(kiosk.session(3).patientId(), found.patientId(), "the kiosk identifies the patient by it");
        CheckInJourney checkIn = kiosk.engine.checkIn(kiosk.session(3), qr);
        assertEquals("apt-5", checkIn.appointmentId().orElseThrow());
        checkIn.start();
        CheckInState.CheckedIn done = assertInstanceOf(CheckInState.CheckedIn.class, checkIn.state());
        assertEquals("apt-5", done.appointment().id());
        assertEquals(IntentState.SUCCEEDED, intents(IntentKind.CHECK_IN).get(0).state());

        assertTrue(kiosk.engine.lookUpAppointment("MKAPT:apt-does-not-exist").isEmpty());
        CheckInJourney notTheirs = kiosk.engine.checkIn(kiosk.session(1), qr);
        notTheirs.start();
        assertInstanceOf(CheckInState.UnknownAppointment.class, notTheirs.state());
    }

    @Test
    void aSlipScannedOutsideItsWindowIsRefusedTheSameWay() {
        kiosk(s -> s);
        at(6, 0);
        CheckInJourney checkIn = kiosk.engine.checkIn(kiosk.session(3), "MKAPT:apt-5");
        checkIn.start();
        assertInstanceOf(CheckInState.TooEarly.class, checkIn.state());
        assertTrue(kiosk.engine.journal().all().isEmpty());
    }

    @Test
    void anOpenCheckInIsRepeatedBySettlementWithItsKeyAndItsTicketOwedAsUncollected() {
        kiosk(s -> s);
        at(9, 0);
        PatientSession patient = kiosk.session(1);
        // as a kill right after the CHECK_IN intent was written (INTENDED), and one after it was sent (SENT)
        Intent intended = kiosk.engine.journal().intend("j-killed", IntentKind.CHECK_IN, null, patient.patientId(),
                Map.of("appointment", "apt-1"));
        var lines = kiosk.engine.settle();
        assertTrue(lines.stream().anyMatch(l -> l.kind() == IntentKind.CHECK_IN && l.after() == IntentState.SUCCEEDED),
                lines.toString());
        Intent settled = kiosk.engine.journal().find(intended.idempotencyKey()).orElseThrow();
        assertEquals(IntentState.SUCCEEDED, settled.state());
        String number = settled.transactionNumber();
        assertEquals(number, kiosk.backend.queueStatus("apt-1").orElseThrow().queueNumber());

        // the same key again (a second kill before the outcome was written): the hospital gives the same number
        assertEquals(number, kiosk.backend.checkIn("apt-1", intended.idempotencyKey()).queueNumber());

        PrintJob owed = kiosk.engine.journal().printJobs().stream()
                .filter(j -> CheckInJourney.QUEUE_TICKET.equals(j.template())).findFirst().orElseThrow();
        assertEquals(PrintJob.State.UNCOLLECTED, owed.state(), "never printed to whoever stands there");
        assertNull(kiosk.engine.journal().document(owed.id()), "no page: a kill came before it was rendered");
        assertEquals(0, kiosk.printer.printedJobs().size());
    }
}
