package org.medkiosk.demohospital;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DemoRosterTest {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    @Test
    void eighteenCharacterNumbersCarryValidGb11643CheckDigits() {
        int checked = 0;
        for (DemoRoster.Person p : DemoRoster.everyone()) {
            String id = p.idNumber();
            if (id.length() != 18) {
                continue;
            }
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (id.charAt(i) - '0') * WEIGHTS[i];
            }
            assertEquals(CHECK.charAt(sum % 11), id.charAt(17), "check digit of roster " + p.number());
            checked++;
        }
        assertEquals(10, checked);
    }

    @Test
    void tokensFollowTheRosterRules() {
        assertEquals("0BD085530F5852ACBD54A735AEF19FCAE1A885849791AA53E561099494DB0B2D:1",
                DemoRoster.patient(1).ehealthCardQr());
        assertEquals("YBPZ00000000000000000010", DemoRoster.patient(10).insuranceVoucherQr());
        assertTrue(DemoRoster.patient(5).expiredOn(LocalDate.of(2026, 1, 1)));
        assertFalse(DemoRoster.patient(2).expiredOn(LocalDate.of(2099, 1, 1)));
        assertTrue(DemoRoster.patient(2).isLongTerm());
        assertFalse(DemoRoster.unknownPerson().hospitalPatient());
        assertEquals("J", DemoRoster.patient(7).cardType().code());
        assertEquals("pat-7", DemoRoster.patient(7).patientId());
    }
}
