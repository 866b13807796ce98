package org.medkiosk.device.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.medkiosk.device.link.DeviceHealth;
import org.medkiosk.device.link.SerialLink;
import org.medkiosk.device.link.SerialSettings;
import org.medkiosk.device.link.testing.PseudoTerminalPair;

/** The real driver against the simulator, over a pseudo-terminal pair opened through jSerialComm on both ends. */
class IdCardReaderPtyTest {

    private PseudoTerminalPair pty;
    private ReaderHarness h;

    @BeforeEach
    void connect() throws Exception {
        pty = PseudoTerminalPair.open();
        h = new ReaderHarness(new SerialLink(SerialSettings.of(pty.hostPath().toString(), 115200)),
                new SerialLink(SerialSettings.of(pty.devicePath().toString(), 115200)));
        h.awaitHealth(DeviceHealth.Ready.class);
    }

    @AfterEach
    void disconnect() {
        if (h != null) {
            h.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    static Stream<DemoCards.DemoCard> demoCards() {
        return DemoCards.all().stream();
    }

    @ParameterizedTest(name = "roster card {0}")
    @MethodSource("demoCards")
    void everyCardTypeIsReadAndItsRemovalReported(DemoCards.DemoCard demo) throws Exception {
        h.simulator.insert(demo.card());
        IdCard read = h.nextCard();
        assertEquals(demo.card(), read);
        assertEquals(1024, read.photo().size());
        h.simulator.remove();
        assertInstanceOf(IdCardEvent.CardRemoved.class, h.nextCardEvent());
    }

    @Test
    void aCardLeftOnTheReaderIsReportedOnlyOnce() throws Exception {
        h.simulator.insert(DemoCards.LI_XIUYING);
        assertEquals(DemoCards.LI_XIUYING, h.nextCard());
        h.letReaderPoll(30);
        assertTrue(h.events.stream().noneMatch(e -> e instanceof IdCardEvent.CardRead),
                "same card reported again while it stayed on the reader");
        h.simulator.remove();
        assertInstanceOf(IdCardEvent.CardRemoved.class, h.nextCardEvent());
        h.simulator.insert(DemoCards.LI_XIUYING);
        assertEquals(DemoCards.LI_XIUYING, h.nextCard(), "placed again: reported again");
    }

    @Test
    void expiredCardIsReadAndFlagged() throws Exception {
        h.simulator.insert(DemoCards.LIU_YANG);
        IdCard card = h.nextCard();
        assertTrue(card.isExpired(LocalDate.of(2026, 1, 1)));
        assertEquals(IdNumberCheck.VALID, card.idNumberCheck());
    }

    @ParameterizedTest
    @EnumSource(value = SimulatedFault.class, names = {"CORRUPT_CHECKSUM_ONCE", "SPLIT_FRAMES", "NOISE",
        "BAD_LENGTH_BEFORE_ANSWER"})
    void recoverableLineFaultsStillGiveTheCard(SimulatedFault fault) throws Exception {
        h.simulator.enable(fault);
        h.simulator.insert(DemoCards.WONG_CHI_KEUNG);
        assertEquals(DemoCards.WONG_CHI_KEUNG, h.nextCard());
        h.simulator.remove();
        assertInstanceOf(IdCardEvent.CardRemoved.class, h.nextCardEvent());
    }

    @Test
    void persistentChecksumErrorsAreReportedOnceAfterRetries() throws Exception {
        h.simulator.enable(SimulatedFault.CORRUPT_CHECKSUM);
        h.simulator.insert(DemoCards.ZHANG_SANMING);
        IdCardEvent.ReadFailed failed = assertInstanceOf(IdCardEvent.ReadFailed.class, h.nextCardEvent());
        assertEquals(IdCardEvent.Failure.CORRUPTED_ANSWER, failed.failure());
        assertTrue(failed.detail().contains("3 attempts"), failed.detail());
        assertFalse(failed.detail().contains("1101"), "no personal data in details");
        h.letReaderPoll(20);
        assertTrue(h.events.stream().noneMatch(e -> e instanceof IdCardEvent.ReadFailed), "failure repeated");
        h.simulator.disable(SimulatedFault.CORRUPT_CHECKSUM);
        assertEquals(DemoCards.ZHANG_SANMING, h.nextCard(), "read once the line is clean");
    }

    @Test
    void cardPulledMidReadIsAnIncompleteReadAndNeverAHalfCard() throws Exception {
        h.simulator.enable(SimulatedFault.CARD_PULLED_MID_READ);
        h.simulator.insert(DemoCards.ZHAO_MIN);
        IdCardEvent.ReadFailed failed = assertInstanceOf(IdCardEvent.ReadFailed.class, h.nextCardEvent());
        assertEquals(IdCardEvent.Failure.INCOMPLETE_ANSWER, failed.failure());
        assertFalse(h.simulator.hasCard());
        h.letReaderPoll(10);
        assertTrue(h.events.stream().noneMatch(e -> e instanceof IdCardEvent.CardRead
                || e instanceof IdCardEvent.CardRemoved));
        h.simulator.insert(DemoCards.ZHAO_MIN);
        assertEquals(DemoCards.ZHAO_MIN, h.nextCard());
    }

    @ParameterizedTest
    @EnumSource(value = SimulatedFault.class, names = {"READ_FAILED", "UNKNOWN_CARD_TYPE"})
    void cardsTheSamRejectsAreReportedAsRejected(SimulatedFault fault) throws Exception {
        h.simulator.enable(fault);
        h.simulator.insert(DemoCards.MARIA_GARCIA);
        IdCardEvent.ReadFailed failed = assertInstanceOf(IdCardEvent.ReadFailed.class, h.nextCardEvent());
        assertEquals(IdCardEvent.Failure.CARD_REJECTED, failed.failure());
        String expected = fault == SimulatedFault.READ_FAILED ? "read failed" : "unknown card type";
        assertTrue(failed.detail().contains(expected), failed.detail());
    }

    @ParameterizedTest
    @EnumSource(value = SimulatedFault.class, names = {"SAM_SELF_TEST_FAILED", "SAM_NOT_AUTHORIZED"})
    void samFaultsDegradeHealthUntilCleared(SimulatedFault fault) throws Exception {
        h.simulator.enable(fault);
        DeviceHealth.Degraded d = (DeviceHealth.Degraded) h.awaitHealth(DeviceHealth.Degraded.class);
        String expected = fault == SimulatedFault.SAM_SELF_TEST_FAILED ? "self-test" : "not authorized";
        assertTrue(d.reason().contains(expected), d.reason());
        h.simulator.clearFaults();
        h.awaitHealth(DeviceHealth.Ready.class);
    }

    @Test
    void aSilentReaderGoesOfflineAndComesBack() throws Exception {
        h.simulator.enable(SimulatedFault.SILENT);
        DeviceHealth.Offline off = (DeviceHealth.Offline) h.awaitHealth(DeviceHealth.Offline.class);
        assertTrue(off.reason().contains("no answer"), off.reason());
        h.simulator.clearFaults();
        h.awaitHealth(DeviceHealth.Ready.class);
    }

    @Test
    void unpluggedReaderIsOfflineAndReopenedWhenPluggedBackIn() throws Exception {
        h.simulator.insert(DemoCards.CHEN_JIANGUO);
        assertEquals(DemoCards.CHEN_JIANGUO, h.nextCard());
        pty.unplug();
        h.awaitHealth(DeviceHealth.Offline.class);
        assertInstanceOf(IdCardEvent.CardRemoved.class, h.nextCardEvent(), "a lost reader cannot hold a card");
        pty.plugBackIn();
        h.awaitHealth(DeviceHealth.Ready.class);
        assertEquals(DemoCards.CHEN_JIANGUO, h.nextCard(), "the card still on the reader is read again");
    }

    @Test
    void samResetAndIdForDiagnostics() throws Exception {
        assertEquals(SamStatus.SUCCESS, h.reader.resetSam().get(ReaderHarness.WAIT_SECONDS, TimeUnit.SECONDS));
        String id = h.reader.samId().get(ReaderHarness.WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(id.matches("\\d{2}\\.\\d{2}-\\d{8}-\\d{10}-\\d{10}"), id);
    }
}
