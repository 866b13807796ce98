package org.medkiosk.journey.identify;

import org.medkiosk.device.idcard.IdCard;
import org.medkiosk.hospital.IdentifierKind;
import org.medkiosk.hospital.PatientIdentifier;

/** Which hospital identifier an ID card carries: the resident-ID system for resident cards and HK/Macau/Taiwan permits. */
public final class IdCardIdentity {
    private IdCardIdentity() {
    }

    public static PatientIdentifier of(IdCard card) {
        IdentifierKind kind = switch (card.cardType()) {
            case RESIDENT, HK_MACAU_TAIWAN_RESIDENCE_PERMIT -> IdentifierKind.RESIDENT_ID;
            case FOREIGN_PERMANENT_RESIDENCE_OLD, FOREIGN_PERMANENT_RESIDENCE_2023 -> IdentifierKind.FOREIGN_PERMANENT_RESIDENCE;
        };
        return new PatientIdentifier(kind, card.idNumber().trim());
    }
}
