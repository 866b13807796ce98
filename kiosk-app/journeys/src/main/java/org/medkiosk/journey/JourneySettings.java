package org.medkiosk.journey;

import java.util.List;
import org.medkiosk.hospital.Money;

/**
 * What a hospital sets for the journeys: top-up presets and limits, and how far ahead patients may book.
 *
 * @param bookAheadDays days after today a patient may book (7: the week ahead)
 */
public record JourneySettings(List<Money> topUpPresets, Money topUpMin, Money topUpMax, int bookAheadDays) {
    public JourneySettings {
        topUpPresets = List.copyOf(topUpPresets);
        if (topUpMin.compareTo(topUpMax) > 0) {
            throw new IllegalArgumentException("top-up minimum above maximum");
        }
    }

    public static JourneySettings defaults() {
        return new JourneySettings(List.of(Money.ofYuan("50"), Money.ofYuan("100"), Money.ofYuan("200"), Money.ofYuan("500")),
                Money.ofYuan("1"), Money.ofYuan("5000"), 7);
    }
}
