package org.medkiosk.journey;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.medkiosk.hospital.Money;

/**
 * What a hospital sets for the journeys: top-up presets and limits, how far ahead patients may book, when check-in
 * is open, how often a receipt may be printed again, and how long the kiosk waits for an A4 report to come out.
 *
 * @param bookAheadDays          days after today a patient may book (7: the week ahead)
 * @param checkInOpensBefore     check-in opens this long before the appointment's period starts (60 min)
 * @param checkInClosesAfterEnd  and closes this long after the period ends (0: when it ends)
 * @param receiptReprintsPerDay  how many times a day one receipt may be printed again from "my receipts" (1)
 * @param receiptReprintDays     printed receipts of the last this many days are offered again (7)
 * @param paidHistoryDays        the paid history covers the last this many days (30)
 * @param reportPrintTimeout     how long the kiosk waits for CUPS to complete one report before telling the patient
 *                               it did not print (2 min)
 */
public record JourneySettings(List<Money> topUpPresets, Money topUpMin, Money topUpMax, int bookAheadDays,
                              Duration checkInOpensBefore, Duration checkInClosesAfterEnd, int receiptReprintsPerDay,
                              int receiptReprintDays, int paidHistoryDays, Duration reportPrintTimeout) {
    public static final Duration DEFAULT_CHECK_IN_OPENS_BEFORE = Duration.ofMinutes(60);
    public static final Duration DEFAULT_REPORT_PRINT_TIMEOUT = Duration.ofMinutes(2);

    public JourneySettings {
        topUpPresets = List.copyOf(topUpPresets);
        if (topUpMin.compareTo(topUpMax) > 0) {
            throw new IllegalArgumentException("top-up minimum above maximum");
        }
        Objects.requireNonNull(checkInOpensBefore, "checkInOpensBefore");
        Objects.requireNonNull(checkInClosesAfterEnd, "checkInClosesAfterEnd");
        Objects.requireNonNull(reportPrintTimeout, "reportPrintTimeout");
        if (checkInOpensBefore.isNegative() || checkInClosesAfterEnd.isNegative()) {
            throw new IllegalArgumentException("the check-in window cannot be negative");
        }
        if (receiptReprintsPerDay < 0 || receiptReprintDays < 0 || paidHistoryDays < 0) {
            throw new IllegalArgumentException("reprint and history limits cannot be negative");
        }
        if (reportPrintTimeout.isNegative() || reportPrintTimeout.isZero()) {
            throw new IllegalArgumentException("the report print timeout must be positive");
        }
    }

    /** The hospital's money and booking settings with the defaults for everything else (the kiosk config's shape). */
    public JourneySettings(List<Money> topUpPresets, Money topUpMin, Money topUpMax, int bookAheadDays) {
        this(topUpPresets, topUpMin, topUpMax, bookAheadDays, DEFAULT_CHECK_IN_OPENS_BEFORE, Duration.ZERO, 1, 7, 30,
                DEFAULT_REPORT_PRINT_TIMEOUT);
    }

    public static JourneySettings defaults() {
        return new JourneySettings(List.of(Money.ofYuan("50"), Money.ofYuan("100"), Money.ofYuan("200"), Money.ofYuan("500")),
                Money.ofYuan("1"), Money.ofYuan("5000"), 7);
    }

    public JourneySettings withCheckInWindow(Duration opensBefore, Duration closesAfterEnd) {
        return new JourneySettings(topUpPresets, topUpMin, topUpMax, bookAheadDays, opensBefore, closesAfterEnd,
                receiptReprintsPerDay, receiptReprintDays, paidHistoryDays, reportPrintTimeout);
    }

    public JourneySettings withReceiptReprints(int perDay, int ofLastDays) {
        return new JourneySettings(topUpPresets, topUpMin, topUpMax, bookAheadDays, checkInOpensBefore,
                checkInClosesAfterEnd, perDay, ofLastDays, paidHistoryDays, reportPrintTimeout);
    }

    public JourneySettings withPaidHistoryDays(int days) {
        return new JourneySettings(topUpPresets, topUpMin, topUpMax, bookAheadDays, checkInOpensBefore,
                checkInClosesAfterEnd, receiptReprintsPerDay, receiptReprintDays, days, reportPrintTimeout);
    }

    public JourneySettings withReportPrintTimeout(Duration timeout) {
        return new JourneySettings(topUpPresets, topUpMin, topUpMax, bookAheadDays, checkInOpensBefore,
                checkInClosesAfterEnd, receiptReprintsPerDay, receiptReprintDays, paidHistoryDays, timeout);
    }
}
