package org.medkiosk.device.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.medkiosk.device.link.DeviceHealth;
import org.medkiosk.device.link.InMemoryLink;
import org.medkiosk.device.link.LinkPair;

/** Demo mode: the same driver and simulator over an in-memory pair, as the kiosk app wires them. */
class DemoModePairTest {

    @Test
    void insertingADemoCardReachesTheDriverAndACablePullIsSurvived() throws Exception {
        LinkPair pair = InMemoryLink.pair("idcard");
        try (ReaderHarness h = new ReaderHarness(pair.host(), pair.device())) {
            h.awaitHealth(DeviceHealth.Ready.class);
            h.simulator.insert(DemoCards.byRosterNumber("X"));
            assertEquals(DemoCards.ZHOU_BA, h.nextCard());
            pair.unplug();
            h.awaitHealth(DeviceHealth.Offline.class);
            assertInstanceOf(IdCardEvent.CardRemoved.class, h.nextCardEvent());
            pair.plugIn();
            h.awaitHealth(DeviceHealth.Ready.class);
            assertEquals(DemoCards.ZHOU_BA, h.nextCard());
        }
    }
}
