package org.medkiosk.hospital;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The records of nurse-assisted mode are safe to log: no PIN, no whole card number, no patient's name or number. */
class NurseAssistedRecordsTest {

    @Test
    void aPinNeverAppearsInToStringNorDoesItsLength() {
        StaffCredentials.StaffNumberAndPin c = new StaffCredentials.StaffNumberAndPin(" 200101 ", "246810");
        assertEquals("200101", c.staffNumber());
        assertEquals("StaffNumberAndPin[staffNumber=200101, pin=****]", c.toString());
        assertEquals(new StaffCredentials.StaffNumberAndPin("200101", "1").toString().length(), c.toString().length());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StaffCredentials.StaffNumberAndPin("200101", "9".repeat(65)));
        assertFalse(e.getMessage().contains("999"));
        assertThrows(IllegalArgumentException.class, () -> new StaffCredentials.StaffNumberAndPin("200101", ""));
        assertThrows(IllegalArgumentException.class, () -> new StaffCredentials.StaffNumberAndPin(" ", "1234"));
    }

    @Test
    void aStaffCardNumberShowsOnlyItsLastTwoDigits() {
        assertEquals("StaffCard[********01]", new StaffCredentials.StaffCard("7100000001").toString());
        assertEquals("StaffCard[****]", new StaffCredentials.StaffCard("7101").toString());
        assertThrows(IllegalArgumentException.class, () -> new StaffCredentials.StaffCard(""));
    }

    @Test
    void queriesMaskWhatTheySearchFor() {
        String byName = new PatientQuery.ByNameAndBirthDate(" 张三明 ", LocalDate.of(1985, 3, 7)).toString();
        assertFalse(byName.contains("张三明"), byName);
        assertFalse(byName.contains("1985"), byName);
        assertTrue(byName.contains("张*明"), byName);
        PatientQuery.ByPhone phone = new PatientQuery.ByPhone("+86 138-0000-0001");
        assertEquals("+8613800000001", phone.phone());
        assertFalse(phone.toString().contains("13800000001"), phone.toString());
        assertEquals("ByMedicalRecordNumber[********]", new PatientQuery.ByMedicalRecordNumber("MR100001").toString());
        for (String bad : List.of("", "12 34", "1380000000a", "+")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PatientQuery.ByPhone(bad));
            assertFalse(!bad.isEmpty() && e.getMessage().contains(bad), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new PatientQuery.ByNameAndBirthDate("张三明", null));
        assertThrows(IllegalArgumentException.class, () -> new PatientQuery.ByNameAndBirthDate(" ", LocalDate.now()));
        assertThrows(IllegalArgumentException.class, () -> new PatientQuery.ByMedicalRecordNumber(" "));
    }

    @Test
    void aStaffMemberIsLoggedWithAMaskedName() {
        StaffMember m = new StaffMember("staff-200101", "200101", LocalizedText.of("王芳", "WANG Fang"),
                Set.of(StaffRole.NURSE));
        assertTrue(m.has(StaffRole.NURSE));
        assertFalse(m.has(StaffRole.TECHNICIAN));
        assertFalse(m.toString().contains("王芳"), m.toString());
        assertTrue(m.toString().contains("staff-200101"), m.toString());
    }
}
