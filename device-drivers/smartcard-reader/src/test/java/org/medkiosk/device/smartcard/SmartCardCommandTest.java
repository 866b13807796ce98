package org.medkiosk.device.smartcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.licel.jcardsim.smartcardio.CardSimulator;
import com.licel.jcardsim.smartcardio.CardTerminalSimulator;
import com.licel.jcardsim.utils.AIDUtil;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.Test;

/** The technician command through the jcardsim provider (the pcscd variant is in {@link PcscVpcdTest}). */
class SmartCardCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(CardTerminalSource source, String... args) {
        return SmartCardCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), source);
    }

    private static TerminalFactory factory(String... readers) throws Exception {
        return TerminalFactory.getInstance("CardTerminalSimulator", readers, new CardTerminalSimulator.SecurityProvider());
    }

    @Test
    void listsReadersAndReadsTheCardMasked() throws Exception {
        TerminalFactory f = factory("Reader A", "Reader B");
        CardSimulator sim = new CardSimulator();
        DelegatingApplet.next = SocialSecurityCardSimulator.demo(6, SocialSecurityCardSimulator.Variant.NORMAL);
        sim.installApplet(AIDUtil.create(SocialSecurityCardProfile.SSSE_DF_NAME), DelegatingApplet.class);
        sim.assignToTerminal(f.terminals().getTerminal("Reader B"));
        assertEquals(0, run(CardTerminalSource.of(f)));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("{\"reader\":\"Reader A\"}", "{\"reader\":\"Reader B\"}",
                "{\"cardType\":\"social-security\",\"cardNumber\":\"A00000006\",\"socialSecurityNumber\":\"6401**********0020\","
                        + "\"name\":\"赵敏\",\"sex\":\"2\",\"nation\":\"03\",\"birthplace\":\"640104\",\"birthDate\":\"19880808\"}"),
                lines);
    }

    @Test
    void aStaffCardIsShownWithItsNumberMaskedUnlessAsked() throws Exception {
        SimulatedCardReaders readers = new SimulatedCardReaders("Reader S");
        readers.insert("Reader S", StaffCardSimulator.demo(3, StaffCardSimulator.Variant.NORMAL));
        assertEquals(0, run(readers));
        assertEquals(List.of("{\"reader\":\"Reader S\"}", "{\"cardType\":\"staff-card\",\"staffCardNumber\":\"71******03\"}"),
                out.toString(StandardCharsets.UTF_8).lines().toList());
        out.reset();
        assertEquals(0, run(readers, "--unmasked"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"staffCardNumber\":\"7100000003\""));
    }

    @Test
    void emptyReaderAndUnknownReaderAreOneLineErrors() throws Exception {
        TerminalFactory f = factory("Reader A");
        assertEquals(1, run(CardTerminalSource.of(f), "--reader", "Reader A"));
        assertEquals("error: no card in reader Reader A", err.toString(StandardCharsets.UTF_8).strip());
        err.reset();
        assertEquals(1, run(CardTerminalSource.of(f), "--reader", "Reader Z"));
        assertEquals("error: no such reader: Reader Z", err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void badFlagsAreUsageErrors() throws Exception {
        assertEquals(2, run(CardTerminalSource.of(factory("R")), "--colour"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage: kiosk devices smartcard"));
    }
}
