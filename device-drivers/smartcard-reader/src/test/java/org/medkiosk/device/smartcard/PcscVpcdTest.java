package org.medkiosk.device.smartcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medkiosk.device.link.DeviceHealth;
import org.medkiosk.device.link.testing.SystemRequirement;

/**
 * The driver against the real PC/SC stack: JDK SunPCSC → libpcsclite → pcscd → vsmartcard-vpcd → a card simulated
 * in Java speaking the vpcd protocol over TCP.
 */
class PcscVpcdTest {

    private static Pcscd pcscd;
    private final BlockingQueue<SmartCardEvent> events = new LinkedBlockingQueue<>();
    private SmartCardReader reader;
    private VpcdCard card;

    @BeforeAll
    static void pcsc() throws Exception {
        pcscd = Pcscd.ensureRunning();
    }

    @AfterAll
    static void stopPcsc() throws Exception {
        if (pcscd != null) {
            pcscd.close();
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (reader != null) {
            reader.close();
        }
        if (card != null) {
            card.remove();
            if (Pcscd.vpcdListening()) {
                awaitCardAbsent(); // pcscd notices a pulled card only on its next poll
            }
        }
    }

    private void startReader() throws InterruptedException {
        reader = new SmartCardReader(new PcscTerminalSource(), new SmartCardProfiles(), Duration.ofMillis(100),
                events::add);
        reader.start();
        next(e -> e instanceof SmartCardEvent.ReadersChanged r && r.readers().contains(Pcscd.VIRTUAL_READER));
    }

    private SmartCardEvent next(Predicate<SmartCardEvent> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            SmartCardEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && wanted.test(e)) {
                return e;
            }
        }
        fail("expected event did not arrive; health " + (reader == null ? "-" : reader.health()));
        return null;
    }

    private SmartCardIdentity nextCardIn(String readerName) throws InterruptedException {
        SmartCardEvent e = next(ev -> ev instanceof SmartCardEvent.CardRead || ev instanceof SmartCardEvent.CardFailed
                && ((SmartCardEvent.CardFailed) ev).reason() != SmartCardException.Reason.CARD_REMOVED);
        if (e instanceof SmartCardEvent.CardRead r) {
            assertEquals(readerName, r.reader());
            return r.identity();
        }
        fail("card not read: " + e);
        return null;
    }

    @Test
    void socialSecurityAndPatientCardsThroughPcscd() throws Exception {
        startReader();
        card = new VpcdCard("127.0.0.1", VpcdCard.DEFAULT_PORT,
                SocialSecurityCardSimulator.demo(4, SocialSecurityCardSimulator.Variant.NORMAL));
        card.insert();
        assertEquals(DemoSmartCards.socialSecurityCard(4), nextCardIn(Pcscd.VIRTUAL_READER));
        card.remove();
        next(e -> e instanceof SmartCardEvent.CardRemoved r && r.reader().equals(Pcscd.VIRTUAL_READER));

        card = new VpcdCard("127.0.0.1", VpcdCard.DEFAULT_PORT, ContactlessPatientCardSimulator.demo(7));
        card.insert();
        assertEquals(new SmartCardIdentity.ContactlessPatientCard("04A1B2C3D4E507"), nextCardIn(Pcscd.VIRTUAL_READER));
    }

    @Test
    void aStaffCardThroughPcscdIsAStaffCard() throws Exception {
        startReader();
        card = new VpcdCard("127.0.0.1", VpcdCard.DEFAULT_PORT, StaffCardSimulator.demo(1, StaffCardSimulator.Variant.NORMAL));
        card.insert();
        assertEquals(new SmartCardIdentity.StaffCard("7100000001"), nextCardIn(Pcscd.VIRTUAL_READER));
    }

    @Test
    void blockedCardIsReportedThroughPcscd() throws Exception {
        startReader();
        card = new VpcdCard("127.0.0.1", VpcdCard.DEFAULT_PORT,
                SocialSecurityCardSimulator.demo(5, SocialSecurityCardSimulator.Variant.EF06_BLOCKED));
        card.insert();
        SmartCardEvent.CardFailed failed = (SmartCardEvent.CardFailed) next(e -> e instanceof SmartCardEvent.CardFailed);
        assertEquals(SmartCardException.Reason.FILE_BLOCKED, failed.reason());
    }

    @Test
    void technicianCommandListsReadersAndReadsTheCard() throws Exception {
        card = new VpcdCard("127.0.0.1", VpcdCard.DEFAULT_PORT,
                SocialSecurityCardSimulator.demo(1, SocialSecurityCardSimulator.Variant.NORMAL));
        card.insert();
        awaitCardPresent();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SmartCardCommand.run(List.of("--reader", Pcscd.VIRTUAL_READER),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String o = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        assertTrue(o.contains("{\"reader\":\"" + Pcscd.VIRTUAL_READER + "\"}"), o);
        assertTrue(o.contains("\"cardNumber\":\"A00000001\",\"socialSecurityNumber\":\"1101**********1235\",\"name\":\"张三明\""), o);
        assertFalse(o.contains("110101198503071235"));

        card.remove();
        out.reset();
        awaitCardAbsent();
        assertEquals(1, SmartCardCommand.run(List.of("--reader", Pcscd.VIRTUAL_READER),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("error: no card in reader " + Pcscd.VIRTUAL_READER));
    }

    @Test
    void readerComesBackAfterPcscdRestarts() throws Exception {
        SystemRequirement.require(pcscd.owned(), "a pcscd started by this test (the restart test never stops a "
                + "pcscd it did not start; leave pcscd stopped and run the tests as root)");
        SystemRequirement.require(PcscTerminalSource.canReconnect(),
                "--add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED");
        startReader();
        pcscd.stop();
        DeviceHealth.Offline off = (DeviceHealth.Offline) ((SmartCardEvent.HealthChanged) next(
                e -> e instanceof SmartCardEvent.HealthChanged h && h.health() instanceof DeviceHealth.Offline)).health();
        assertTrue(off.reason().contains("PC/SC"), off.reason());
        pcscd.start();
        next(e -> e instanceof SmartCardEvent.HealthChanged h && h.health() instanceof DeviceHealth.Ready);
        card = new VpcdCard("127.0.0.1", VpcdCard.DEFAULT_PORT, ContactlessPatientCardSimulator.demo(2));
        card.insert();
        assertEquals(new SmartCardIdentity.ContactlessPatientCard("04A1B2C3D4E502"), nextCardIn(Pcscd.VIRTUAL_READER));
    }

    private static void awaitCardPresent() throws Exception {
        awaitCard(true);
    }

    private static void awaitCardAbsent() throws Exception {
        awaitCard(false);
    }

    private static void awaitCard(boolean present) throws Exception {
        PcscTerminalSource source = new PcscTerminalSource();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (source.terminals().getTerminal(Pcscd.VIRTUAL_READER).isCardPresent() != present) {
            if (System.nanoTime() > deadline) {
                fail("card presence did not become " + present);
            }
            Thread.sleep(100);
        }
    }
}
