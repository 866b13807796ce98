package org.medkiosk.journey.identify;

/** How the patient presented themselves: decides the wording of "reading your card" and error hints. */
public enum IdentitySource {
    ID_CARD, INSURANCE_CARD, PATIENT_CARD, QR_CODE, TYPED
}
