package org.medkiosk.app.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medkiosk.demohospital.DemoRoster;
import org.medkiosk.device.scanner.CodeClassifier;
import org.medkiosk.device.scanner.CodeKind;
import org.medkiosk.device.scanner.Symbology;
import org.medkiosk.device.smartcard.DemoSmartCards;
import org.medkiosk.device.smartcard.SmartCardIdentity;
import org.medkiosk.hospital.IdentifierKind;
import org.medkiosk.hospital.PatientIdentifier;
import org.medkiosk.journey.identify.IdentitySource;
import org.medkiosk.journey.identify.ScannedIdentity;
import org.medkiosk.journey.identify.SmartCardIdentities;
import org.medkiosk.journey.identify.TypedIdNumber;
import org.medkiosk.journey.identify.TypedIdNumber.Keystroke;

/** Which identifier each way to identify sends to the hospital, and the typed number's rules. */
class IdentityMappingsTest {

    @Test
    void insuranceEVoucherQrIsLookedUpAsAnInsuranceIdentifierTheVoucherSystemResolves() {
        String qr = DemoRoster.insuranceVoucherQr(3);
        var code = new CodeClassifier().scanned(qr, Symbology.QR_CODE);
        assertEquals(CodeKind.INSURANCE_E_VOUCHER, code.kind());
        PatientIdentifier id = ScannedIdentity.of(code).orElseThrow();
        assertEquals(new PatientIdentifier(IdentifierKind.INSURANCE_CARD, qr), id);
    }

    @Test
    void smartCardsMapToTheRosterIdentifiersTheHospitalHolds() {
        SmartCardIdentity.SocialSecurityCard ss = DemoSmartCards.socialSecurityCard(4);
        assertEquals(new PatientIdentifier(IdentifierKind.INSURANCE_CARD, DemoRoster.patient(4).insuranceCardNo()),
                SmartCardIdentities.of(ss));
        assertEquals(IdentitySource.INSURANCE_CARD, SmartCardIdentities.sourceOf(ss));
        var uid = new SmartCardIdentity.ContactlessPatientCard(DemoSmartCards.patientCardUid(7));
        assertEquals(new PatientIdentifier(IdentifierKind.PATIENT_CARD, DemoRoster.patient(7).patientCardUid()),
                SmartCardIdentities.of(uid));
        assertEquals(IdentitySource.PATIENT_CARD, SmartCardIdentities.sourceOf(uid));
    }

    @Test
    void aStaffCardNeverBecomesAPatientIdentifier() {
        var staff = new SmartCardIdentity.StaffCard(DemoSmartCards.staffCardNumber(1));
        org.junit.jupiter.api.Assertions.assertFalse(SmartCardIdentities.identifiesAPatient(staff));
        org.junit.jupiter.api.Assertions.assertTrue(SmartCardIdentities.identifiesAPatient(DemoSmartCards.socialSecurityCard(4)));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SmartCardIdentities.of(staff));
    }

    @Test
    void typedNumberChecksTheCheckDigitWithTheCardReadersRule() {
        for (DemoRoster.Person p : DemoRoster.patients()) {
            if (p.idNumber().length() == 18) {
                assertTrue(TypedIdNumber.checkDigitValid(p.idNumber()), p.number() + "");
                assertEquals(p.idNumber().charAt(17), TypedIdNumber.checkDigit(p.idNumber().substring(0, 17)));
            }
        }
        TypedIdNumber typed = new TypedIdNumber();
        assertEquals(Keystroke.X_NOT_LAST, typed.type('X'));
        assertEquals(Keystroke.NOT_ALLOWED, typed.type('A'));
        for (char c : "11010119850307123".toCharArray()) {
            assertEquals(Keystroke.ACCEPTED, typed.type(c));
            assertFalse(typed.masked().substring(Math.min(4, typed.length())).matches(".*\\d.*"),
                    "only the first 4 show while typing: " + typed.masked());
        }
        assertTrue(typed.expectsCheckCharacter());
        assertEquals(Keystroke.CHECK_DIGIT_WRONG, typed.type('4'));
        assertEquals(Keystroke.CHECK_DIGIT_WRONG, typed.type('x'));
        assertFalse(typed.complete());
        assertThrows(IllegalStateException.class, typed::identifier);
        assertEquals(Keystroke.ACCEPTED, typed.type('5'));
        assertEquals(Keystroke.FULL, typed.type('1'));
        assertEquals("1101**********1235", typed.masked());
        assertEquals(PatientIdentifier.residentId("110101198503071235"), typed.identifier());
        assertFalse(typed.toString().contains("19850307"));
        typed.deleteLast();
        assertEquals(17, typed.length());
        typed.clear();
        assertEquals("", typed.masked());
    }

    @Test
    void anXCheckCharacterIsAccepted() {
        // 17 digits whose check character is X
        String first17 = "11010519491231002";
        char check = TypedIdNumber.checkDigit(first17);
        String base = first17;
        if (check != 'X') {
            // find a variant ending in X by changing the last sequence digit
            for (int d = 0; d <= 9 && check != 'X'; d++) {
                base = first17.substring(0, 16) + d;
                check = TypedIdNumber.checkDigit(base);
            }
        }
        assertEquals('X', check);
        TypedIdNumber typed = new TypedIdNumber();
        for (char c : base.toCharArray()) {
            typed.type(c);
        }
        assertEquals(Keystroke.ACCEPTED, typed.type('x'));
        assertTrue(typed.complete());
        assertEquals(base + "X", typed.identifier().value());
    }
}
