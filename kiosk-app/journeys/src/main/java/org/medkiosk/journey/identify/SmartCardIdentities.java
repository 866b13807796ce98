package org.medkiosk.journey.identify;

import org.medkiosk.device.smartcard.SmartCardIdentity;
import org.medkiosk.hospital.IdentifierKind;
import org.medkiosk.hospital.PatientIdentifier;

/**
 * Which hospital identifier a card in the PC/SC reader carries: a social security card its insurance card number
 * ({@link IdentifierKind#INSURANCE_CARD}); a contactless patient card its UID ({@link IdentifierKind#PATIENT_CARD},
 * which the FHIR client searches under the patient-card system and then the patient-card-UID system).
 */
public final class SmartCardIdentities {
    private SmartCardIdentities() {
    }

    /** Whether the card says who a patient is (a staff card never opens a patient's session). */
    public static boolean identifiesAPatient(SmartCardIdentity card) {
        return card instanceof SmartCardIdentity.SocialSecurityCard
                || card instanceof SmartCardIdentity.ContactlessPatientCard;
    }

    /** @throws IllegalArgumentException for a card that is not a patient's ({@link #identifiesAPatient}) */
    public static PatientIdentifier of(SmartCardIdentity card) {
        if (card instanceof SmartCardIdentity.SocialSecurityCard ss) {
            return new PatientIdentifier(IdentifierKind.INSURANCE_CARD, ss.cardNumber().trim());
        }
        if (card instanceof SmartCardIdentity.ContactlessPatientCard contactless) {
            return new PatientIdentifier(IdentifierKind.PATIENT_CARD, contactless.uid().trim());
        }
        throw new IllegalArgumentException("not a patient's card: " + card.getClass().getSimpleName());
    }

    /** How the patient presented it: decides the wording while the hospital is asked. */
    public static IdentitySource sourceOf(SmartCardIdentity card) {
        return card instanceof SmartCardIdentity.SocialSecurityCard ? IdentitySource.INSURANCE_CARD
                : IdentitySource.PATIENT_CARD;
    }
}
