package org.medkiosk.hospital;

/**
 * A doctor who sees patients in a department: title (主任医师 chief physician…), registration fee and how many
 * numbers remain today. photoUrl may be null.
 */
public record Doctor(
        String id,
        String departmentId,
        LocalizedText name,
        LocalizedText title,
        Money fee,
        int remainingToday,
        String photoUrl) {
}
