package org.medkiosk.journey.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medkiosk.hospital.Money;

class ScriptTest {

    @Test
    void parsesEveryStepAndSkipsCommentsAndBlankLines() throws Exception {
        Script s = Script.parse("t", """
                # a comment
                card 1
                invoice 12.50

                pay all with 134567890123456710   # trailing comment
                pay account
                topup 50 with 134567890123456710
                register dept=first doctor=doc-22 slot=first day=+3 with 134567890123456791
                register
                cancel booked
                finish
                expect Paid
                recover
                """);
        assertEquals(11, s.steps().size());
        assertInstanceOf(Script.Card.class, s.steps().get(0));
        assertEquals(Money.ofYuan("12.50"), ((Script.Invoice) s.steps().get(1)).amount());
        assertEquals(5, s.steps().get(2).line());
        assertTrue(((Script.Pay) s.steps().get(3)).fromAccount());
        Script.Register r = (Script.Register) s.steps().get(5);
        assertEquals("doc-22", r.doctor());
        assertEquals(3, r.dayOffset());
        Script.Register defaults = (Script.Register) s.steps().get(6);
        assertEquals("first", defaults.department());
        assertEquals(0, defaults.dayOffset());
        assertEquals(null, defaults.code());
    }

    @Test
    void printedStepsMaskThePaymentCode() throws Exception {
        Script s = Script.parse("t", "pay all with 134567890123456710\ntopup 50 with 134567890123456710\n"
                + "register day=+1 with 134567890123456710\n");
        for (Script.Step step : s.steps()) {
            assertFalse(step.toString().contains("1345678901234567"), step.toString());
            assertTrue(step.toString().endsWith("6710"), step.toString());
        }
    }

    @Test
    void badLinesNameTheLineAndNeverEchoACode() {
        Script.ScriptException e = assertThrows(Script.ScriptException.class, () -> Script.parse("s.txt", "card 1\nfly away\n"));
        assertTrue(e.getMessage().startsWith("s.txt:2: unknown step 'fly'"), e.getMessage());
        Script.ScriptException code = assertThrows(Script.ScriptException.class,
                () -> Script.parse("s.txt", "pay all with 12345678901234X\n"));
        assertFalse(code.getMessage().contains("12345678901234"), code.getMessage());
        assertThrows(Script.ScriptException.class, () -> Script.parse("s", "card 11"));
        assertThrows(Script.ScriptException.class, () -> Script.parse("s", "topup 10.50 with 134567890123456710"));
        assertThrows(Script.ScriptException.class, () -> Script.parse("s", "register colour=blue"));
        assertThrows(Script.ScriptException.class, () -> Script.parse("s", "invoice 0"));
        assertThrows(Script.ScriptException.class, () -> Script.parse("s", "expect"));
    }
}
