package org.medkiosk.device.smartcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.licel.jcardsim.smartcardio.CardSimulator;
import com.licel.jcardsim.smartcardio.CardTerminalSimulator;
import com.licel.jcardsim.utils.AIDUtil;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medkiosk.device.link.DeviceHealth;

/** The driver through a javax.smartcardio provider (jcardsim) with the card model running as a Java Card applet. */
class JcardsimSmartCardTest {

    private static final String READER = "Sim Reader 0";
    private final BlockingQueue<SmartCardEvent> events = new LinkedBlockingQueue<>();
    private TerminalFactory factory;
    private CardTerminal terminal;
    private SmartCardReader reader;

    @BeforeEach
    void provider() throws Exception {
        factory = TerminalFactory.getInstance("CardTerminalSimulator", new String[] {READER},
                new CardTerminalSimulator.SecurityProvider());
        terminal = factory.terminals().getTerminal(READER);
    }

    @AfterEach
    void stop() {
        if (reader != null) {
            reader.close();
        }
    }

    private CardSimulator card(SimulatedCard model) {
        CardSimulator sim = new CardSimulator();
        DelegatingApplet.next = model;
        sim.installApplet(AIDUtil.create(SocialSecurityCardProfile.SSSE_DF_NAME), DelegatingApplet.class);
        return sim;
    }

    private void startReader(SmartCardProfiles profiles) {
        reader = new SmartCardReader(CardTerminalSource.of(factory), profiles, Duration.ofMillis(20), events::add);
        reader.start();
    }

    private <T extends SmartCardEvent> T next(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            SmartCardEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(e)) {
                return type.cast(e);
            }
            if (e instanceof SmartCardEvent.CardRead || e instanceof SmartCardEvent.CardFailed) {
                fail("expected " + type.getSimpleName() + ", got " + e);
            }
        }
        fail("no " + type.getSimpleName());
        return null;
    }

    @Test
    void socialSecurityCardIsReadOnInsertionAndRemovalReported() throws Exception {
        startReader(new SmartCardProfiles());
        assertEquals(java.util.List.of(READER), next(SmartCardEvent.ReadersChanged.class).readers());
        CardSimulator sim = card(SocialSecurityCardSimulator.demo(1, SocialSecurityCardSimulator.Variant.NORMAL));
        sim.assignToTerminal(terminal);
        SmartCardEvent.CardRead read = next(SmartCardEvent.CardRead.class);
        assertEquals(READER, read.reader());
        assertEquals(DemoSmartCards.socialSecurityCard(1), read.identity());
        SmartCardIdentity.SocialSecurityCard ssc = (SmartCardIdentity.SocialSecurityCard) read.identity();
        assertEquals("张三明", ssc.name());
        assertEquals("110101", ssc.birthplace());
        assertFalse(ssc.toString().contains("110101198503071235"));
        assertEquals(DeviceHealth.ready(), reader.health());
        sim.assignToTerminal(null);
        assertEquals(READER, next(SmartCardEvent.CardRemoved.class).reader());
    }

    @Test
    void blockedFileIsAClearFailure() throws Exception {
        startReader(new SmartCardProfiles());
        card(SocialSecurityCardSimulator.demo(2, SocialSecurityCardSimulator.Variant.EF06_BLOCKED)).assignToTerminal(terminal);
        SmartCardEvent.CardFailed failed = next(SmartCardEvent.CardFailed.class);
        assertEquals(SmartCardException.Reason.FILE_BLOCKED, failed.reason());
        assertEquals("card file is blocked (SW 6283)", failed.detail());
    }

    @Test
    void pinRegionsFailWithoutAPinAndReadWithIt() throws Exception {
        SocialSecurityCardSimulator model = SocialSecurityCardSimulator.demo(3, SocialSecurityCardSimulator.Variant.PIN_REQUIRED);
        card(model).assignToTerminal(terminal);
        SmartCardException e = assertThrows(SmartCardException.class,
                () -> SmartCardReader.readOnce(CardTerminalSource.of(factory), new SmartCardProfiles(), READER));
        assertEquals(SmartCardException.Reason.PIN_REQUIRED, e.reason());
        SmartCardIdentity id = SmartCardReader.readOnce(CardTerminalSource.of(factory),
                new SmartCardProfiles(new SocialSecurityCardProfile(SocialSecurityCardSimulator.DEMO_PIN)), READER);
        assertEquals(DemoSmartCards.socialSecurityCard(3), id);
    }

    @Test
    void aCardWithoutTheApplicationIsUnknown() throws Exception {
        startReader(new SmartCardProfiles());
        new CardSimulator().assignToTerminal(terminal);
        SmartCardEvent.CardFailed failed = next(SmartCardEvent.CardFailed.class);
        assertEquals(SmartCardException.Reason.UNKNOWN_CARD, failed.reason());
        assertInstanceOf(String.class, failed.detail());
    }
}
