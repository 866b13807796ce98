package org.medkiosk.hospital;

import java.util.Objects;

/**
 * One line of the hospital's public price list (物价查询): what it is, its price per unit, and what a patient should
 * know before it (fasting, sedation, prescription only). {@code pinyinInitials} are the initials the keypad search
 * matches ("xcg" for 血常规), lower case; empty when the hospital gave none.
 */
public record PriceItem(
        String code,
        LocalizedText name,
        String pinyinInitials,
        PriceCategory category,
        Money price,
        LocalizedText unit,
        LocalizedText notes) {
    public PriceItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(price, "price");
        pinyinInitials = pinyinInitials == null ? "" : pinyinInitials.toLowerCase(java.util.Locale.ROOT);
        unit = unit == null ? LocalizedText.same("") : unit;
        notes = notes == null ? LocalizedText.same("") : notes;
    }
}
