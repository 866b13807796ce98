package org.medkiosk.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** checkin.* and receipts.*: the hospital's check-in window and reprint limit. */
class JourneyConfigTest {

    @Test
    void defaultsAreAnHourBeforeUntilThePeriodEndsAndOneReprintADayForAWeek() {
        KioskConfig.Journeys j = ConfigLoader.parse("t", "").journeys();
        assertEquals(Duration.ofMinutes(60), j.checkInOpensBefore());
        assertEquals(Duration.ZERO, j.checkInClosesAfterEnd());
        assertEquals(1, j.reprintsPerDay());
        assertEquals(7, j.reprintDays());
    }

    @Test
    void aHospitalSetsItsOwnWindowAndLimit() {
        KioskConfig.Journeys j = ConfigLoader.parse("t", "checkin.opens-minutes-before=30\n"
                + "checkin.closes-minutes-after-end=15\nreceipts.reprints-per-day=0\nreceipts.reprint-days=3\n").journeys();
        assertEquals(Duration.ofMinutes(30), j.checkInOpensBefore());
        assertEquals(Duration.ofMinutes(15), j.checkInClosesAfterEnd());
        assertEquals(0, j.reprintsPerDay());
        assertEquals(3, j.reprintDays());
    }

    @Test
    void aBadValueNamesTheKeyTheValueAndWhatIsAllowed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("kiosk.properties", "checkin.opens-minutes-before=all day\n"));
        assertEquals("kiosk.properties: checkin.opens-minutes-before = \"all day\" is not valid: expected a whole number "
                + "of minutes from 0 to 240", e.getMessage());
        assertThrows(ConfigException.class, () -> ConfigLoader.parse("t", "receipts.reprints-per-day=9\n"));
    }
}
