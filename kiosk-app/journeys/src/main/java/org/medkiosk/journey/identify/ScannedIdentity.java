package org.medkiosk.journey.identify;

import java.util.Optional;
import org.medkiosk.device.scanner.ScannedCode;
import org.medkiosk.hospital.IdentifierKind;
import org.medkiosk.hospital.PatientIdentifier;

/**
 * Which scanned codes identify a patient: the e-health card QR, the national insurance e-voucher QR (医保电子凭证) and
 * the hospital's patient card barcode. The QR payloads are opaque tokens the hospital resolves (DEVICES.md §3): the
 * e-voucher goes as an {@link IdentifierKind#INSURANCE_CARD} identifier, which the FHIR client searches under the
 * insurance-card system and then the insurance-voucher system (IdentifierSystems.searchOrder).
 */
public final class ScannedIdentity {
    private ScannedIdentity() {
    }

    public static Optional<PatientIdentifier> of(ScannedCode code) {
        return switch (code.kind()) {
            case E_HEALTH_CARD -> Optional.of(new PatientIdentifier(IdentifierKind.EHEALTH_CARD_TOKEN, code.value()));
            case INSURANCE_E_VOUCHER -> Optional.of(new PatientIdentifier(IdentifierKind.INSURANCE_CARD, code.value()));
            case PATIENT_CARD -> Optional.of(new PatientIdentifier(IdentifierKind.PATIENT_CARD, code.value()));
            default -> Optional.empty();
        };
    }
}
