package org.medkiosk.device.smartcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Demo mode: the real driver over in-process simulated readers. */
class DemoModeSmartCardTest {

    private final BlockingQueue<SmartCardEvent> events = new LinkedBlockingQueue<>();

    private <T extends SmartCardEvent> T next(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            SmartCardEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
        fail("no " + type.getSimpleName());
        return null;
    }

    @Test
    void insuranceAndPatientCardsInsertedFromTheDemoPanel() throws Exception {
        SimulatedCardReaders readers = new SimulatedCardReaders("Demo insurance reader", "Demo contactless reader");
        try (SmartCardReader reader = new SmartCardReader(readers, new SmartCardProfiles(), Duration.ofMillis(20),
                events::add)) {
            reader.start();
            readers.insert("Demo insurance reader",
                    SocialSecurityCardSimulator.demo(2, SocialSecurityCardSimulator.Variant.NORMAL));
            assertEquals(DemoSmartCards.socialSecurityCard(2), next(SmartCardEvent.CardRead.class).identity());
            readers.remove("Demo insurance reader");
            assertEquals("Demo insurance reader", next(SmartCardEvent.CardRemoved.class).reader());
            readers.insert("Demo contactless reader", ContactlessPatientCardSimulator.demo(10));
            SmartCardEvent.CardRead read = next(SmartCardEvent.CardRead.class);
            assertEquals("Demo contactless reader", read.reader());
            assertEquals(new SmartCardIdentity.ContactlessPatientCard("04A1B2C3D4E510"), read.identity());
            readers.insert("Demo insurance reader",
                    SocialSecurityCardSimulator.demo(1, SocialSecurityCardSimulator.Variant.PIN_REQUIRED));
            assertEquals(SmartCardException.Reason.PIN_REQUIRED, next(SmartCardEvent.CardFailed.class).reason());
        }
    }

    @Test
    void aNurseStaffCardFromTheDemoPanelIsAStaffCard() throws Exception {
        SimulatedCardReaders readers = new SimulatedCardReaders("Demo contactless reader");
        try (SmartCardReader reader = new SmartCardReader(readers, new SmartCardProfiles(), Duration.ofMillis(20),
                events::add)) {
            reader.start();
            for (int staff = 1; staff <= 4; staff++) {
                readers.insert("Demo contactless reader", StaffCardSimulator.demo(staff, StaffCardSimulator.Variant.NORMAL));
                assertEquals(new SmartCardIdentity.StaffCard(DemoSmartCards.staffCardNumber(staff)),
                        next(SmartCardEvent.CardRead.class).identity());
                readers.remove("Demo contactless reader");
                next(SmartCardEvent.CardRemoved.class);
            }
            readers.insert("Demo contactless reader", StaffCardSimulator.demo(1, StaffCardSimulator.Variant.DEACTIVATED));
            assertEquals(SmartCardException.Reason.FILE_BLOCKED, next(SmartCardEvent.CardFailed.class).reason());
            readers.remove("Demo contactless reader");
            next(SmartCardEvent.CardRemoved.class);
            readers.insert("Demo contactless reader", ContactlessPatientCardSimulator.demo(3));
            assertEquals(new SmartCardIdentity.ContactlessPatientCard("04A1B2C3D4E503"),
                    next(SmartCardEvent.CardRead.class).identity(), "a patient card is still a patient card");
        }
    }
}
