package org.medkiosk.journey.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.journey.testing.EngineFixture;

/** The home card against the demo hospital over HTTP: patient 1 has apt-1 08:00–12:00 today and unpaid bills. */
class PendingTasksTest {
    @TempDir
    Path data;
    EngineFixture kiosk;

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    private Optional<PendingTask> at(int hour, int rosterNumber) throws Exception {
        kiosk.clock.set(LocalDate.now(kiosk.clock).atTime(LocalTime.of(hour, 0)).atZone(EngineFixture.ZONE).toInstant());
        return kiosk.engine.pendingTasks().lookUp(kiosk.session(rosterNumber).patientId()).get(30, TimeUnit.SECONDS);
    }

    @Test
    void anAppointmentOpenForCheckInComesFirst() throws Exception {
        kiosk = EngineFixture.inKioskZone(data, s -> s);
        PendingTask.CheckIn task = assertInstanceOf(PendingTask.CheckIn.class, at(9, 1).orElseThrow());
        assertEquals("apt-1", task.appointment().id());
    }

    @Test
    void afterTheWindowTheBillsAreTheLikelyTask() throws Exception {
        kiosk = EngineFixture.inKioskZone(data, s -> s);
        PendingTask.PayBills bills = assertInstanceOf(PendingTask.PayBills.class, at(23, 1).orElseThrow());
        assertTrue(bills.invoices() > 0 && bills.total().fen() > 0, bills.toString());
    }

    @Test
    void aHospitalThatDoesNotAnswerLeavesNoCardAndNoFailure() throws Exception {
        kiosk = EngineFixture.inKioskZone(data, s -> s);
        String patient = kiosk.session(1).patientId();
        kiosk.hospital.close();
        assertEquals(Optional.empty(), kiosk.engine.pendingTasks().lookUp(patient).get(60, TimeUnit.SECONDS));
    }
}
