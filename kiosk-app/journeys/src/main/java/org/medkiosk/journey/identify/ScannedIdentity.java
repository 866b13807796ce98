package org.medkiosk.journey.identify;

import java.util.Optional;
import org.medkiosk.device.scanner.ScannedCode;
import org.medkiosk.hospital.IdentifierKind;
import org.medkiosk.hospital.PatientIdentifier;

/** Which scanned codes identify a patient: the e-health card QR and the hospital's patient card barcode. */
public final class ScannedIdentity {
    private ScannedIdentity() {
    }

    public static Optional<PatientIdentifier> of(ScannedCode code) {
        return switch (code.kind()) {
            case E_HEALTH_CARD -> Optional.of(new PatientIdentifier(IdentifierKind.EHEALTH_CARD_TOKEN, code.value()));
            case PATIENT_CARD -> Optional.of(new PatientIdentifier(IdentifierKind.PATIENT_CARD, code.value()));
            default -> Optional.empty();
        };
    }
}
