package org.medkiosk.hospital;

/** HL7 v2/FHIR interpretation of a lab result against its reference range. */
public enum AbnormalFlag {
    NORMAL(""), HIGH("↑"), LOW("↓"), CRITICAL_HIGH("↑↑"), CRITICAL_LOW("↓↓"), ABNORMAL("*");

    private final String mark;

    AbnormalFlag(String mark) {
        this.mark = mark;
    }

    /** The arrow printed beside the result. */
    public String mark() {
        return mark;
    }
}
