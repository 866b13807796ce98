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
        return card(model, SocialSecurityCardProfile.SSSE_DF_NAME);
    }

    private CardSimulator card(SimulatedCard model, byte[] aid) {
        CardSimulator sim = new CardSimulator();
        DelegatingApplet.next = model;
        sim.installApplet(AIDUtil.create(aid), DelegatingApplet.class);
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
    void aStaffCardIsReadAsAStaffCardAndNotAsAPatientCard() throws Exception {
        startReader(new SmartCardProfiles());
        CardSimulator sim = card(StaffCardSimulator.demo(1, StaffCardSimulator.Variant.NORMAL), StaffCardProfile.MEDKIOSK_AID);
        sim.assignToTerminal(terminal);
        SmartCardEvent.CardRead read = next(SmartCardEvent.CardRead.class);
        assertEquals(new SmartCardIdentity.StaffCard("7100000001"), read.identity());
        assertEquals("StaffCard[71******01]", read.identity().toString());
        sim.assignToTerminal(null);
        next(SmartCardEvent.CardRemoved.class);
    }

    @Test
    void aDeactivatedStaffCardIsBlockedAndAnUnpersonalisedOneUnknown() throws Exception {
        card(StaffCardSimulator.demo(2, StaffCardSimulator.Variant.DEACTIVATED), StaffCardProfile.MEDKIOSK_AID)
                .assignToTerminal(terminal);
        SmartCardException blocked = assertThrows(SmartCardException.class,
                () -> SmartCardReader.readOnce(CardTerminalSource.of(factory), new SmartCardProfiles(), READER));
        assertEquals(SmartCardException.Reason.FILE_BLOCKED, blocked.reason());
        card(StaffCardSimulator.demo(3, StaffCardSimulator.Variant.NOT_PERSONALISED), StaffCardProfile.MEDKIOSK_AID)
                .assignToTerminal(terminal);
        SmartCardException blank = assertThrows(SmartCardException.class,
                () -> SmartCardReader.readOnce(CardTerminalSource.of(factory), new SmartCardProfiles(), READER));
        assertEquals(SmartCardException.Reason.UNKNOWN_CARD, blank.reason());
        assertEquals("the staff card holds no card number (not personalised?)", blank.getMessage());
    }

    @Test
    void aHospitalsOwnStaffApplicationIsSelectedByItsAid() throws Exception {
        byte[] theirs = {(byte) 0xF0, 0x48, 0x49, 0x53, 0x53, 0x54};
        SimulatedCard model = new SimulatedCard() {
            private final StaffCardSimulator layout = StaffCardSimulator.demo(2, StaffCardSimulator.Variant.NORMAL);

            @Override
            public byte[] atr() {
                return layout.atr();
            }

            @Override
            public void reset() {
                layout.reset();
            }

            @Override
            public byte[] process(byte[] apdu) {
                // the same file behind another AID: answer its SELECT as the MedKiosk one
                if ((apdu[1] & 0xFF) == 0xA4 && java.util.Arrays.equals(java.util.Arrays.copyOfRange(apdu, 5, apdu.length), theirs)) {
                    byte[] ours = new byte[5 + StaffCardProfile.MEDKIOSK_AID.length];
                    System.arraycopy(apdu, 0, ours, 0, 4);
                    ours[4] = (byte) StaffCardProfile.MEDKIOSK_AID.length;
                    System.arraycopy(StaffCardProfile.MEDKIOSK_AID, 0, ours, 5, StaffCardProfile.MEDKIOSK_AID.length);
                    return layout.process(ours);
                }
                return layout.process(apdu);
            }
        };
        card(model, theirs).assignToTerminal(terminal);
        assertEquals(SmartCardException.Reason.UNKNOWN_CARD, assertThrows(SmartCardException.class, () -> SmartCardReader.readOnce(
                CardTerminalSource.of(factory), new SmartCardProfiles(), READER)).reason(), "MedKiosk's AID is not on this card");
        assertEquals(new SmartCardIdentity.StaffCard("7100000002"), SmartCardReader.readOnce(CardTerminalSource.of(factory),
                new SmartCardProfiles(new SocialSecurityCardProfile(), new StaffCardProfile(theirs)), READER));
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
