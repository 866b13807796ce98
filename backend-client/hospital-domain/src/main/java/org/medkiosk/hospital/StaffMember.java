package org.medkiosk.hospital;

import java.util.Objects;
import java.util.Set;

/**
 * A member of staff the hospital has confirmed (signed in with a staff card or staff number and PIN). The audit
 * log records {@link #id()}; the screen shows {@link #name()} ("护士 王芳 正在为 张*明 办理").
 *
 * @param id          the hospital's id of the person (FHIR {@code Practitioner.id})
 * @param staffNumber the staff number (工号) printed on the badge; null when the hospital keeps none
 * @param name        the name as staff see it on screen
 * @param roles       what the person does; empty when the hospital lists no role the kiosk knows
 */
public record StaffMember(String id, String staffNumber, LocalizedText name, Set<StaffRole> roles) {

    public StaffMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }

    /** Names are masked like a patient's: staff names are personal data too, and logs travel. */
    @Override
    public String toString() {
        return "StaffMember[id=" + id + ", staffNumber=" + staffNumber + ", name=" + Masking.name(name.zh())
                + ", roles=" + roles + "]";
    }
}
