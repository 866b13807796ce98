package org.medkiosk.device.idcard;

/** Which card the text block describes, told by the marker at text offset 248 (DEVICES.md §1). */
public enum CardType {
    /** Resident identity card (marker: space). */
    RESIDENT(' '),
    /** Residence permit for Hong Kong, Macau and Taiwan residents (marker J). */
    HK_MACAU_TAIWAN_RESIDENCE_PERMIT('J'),
    /** Foreign permanent residence ID card, pre-2023 layout (marker I). */
    FOREIGN_PERMANENT_RESIDENCE_OLD('I'),
    /** Foreign permanent residence ID card, 2023 layout (marker Y). */
    FOREIGN_PERMANENT_RESIDENCE_2023('Y');

    private final char marker;

    CardType(char marker) {
        this.marker = marker;
    }

    public char marker() {
        return marker;
    }

    /** Short code for CLI/JSON output: resident, J, I, Y. */
    public String code() {
        return this == RESIDENT ? "resident" : String.valueOf(marker);
    }
}
