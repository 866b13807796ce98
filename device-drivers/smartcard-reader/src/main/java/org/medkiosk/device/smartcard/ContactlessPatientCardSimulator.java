package org.medkiosk.device.smartcard;

import java.util.HexFormat;

/**
 * A contactless hospital patient card as a PC/SC contactless reader presents it: answers GET DATA UID
 * ({@code FF CA 00 00 00}) with its UID and nothing else.
 */
public final class ContactlessPatientCardSimulator implements SimulatedCard {

    /** PC/SC part 3 ATR of a MIFARE Classic 1K. */
    private static final byte[] ATR = HexFormat.of().parseHex("3b8f8001804f0ca000000306030001000000006a");
    private final byte[] uid;

    public ContactlessPatientCardSimulator(String uidHex) {
        this.uid = HexFormat.of().parseHex(uidHex);
    }

    /** Roster patient 1..10: UID 04A1B2C3D4E5 + the two-digit patient number. */
    public static ContactlessPatientCardSimulator demo(int rosterNumber) {
        return new ContactlessPatientCardSimulator(DemoSmartCards.patientCardUid(rosterNumber));
    }

    @Override
    public byte[] atr() {
        return ATR.clone();
    }

    @Override
    public void reset() {
        // no state
    }

    @Override
    public byte[] process(byte[] apdu) {
        if (apdu.length >= 4 && (apdu[0] & 0xFF) == 0xFF && (apdu[1] & 0xFF) == 0xCA && apdu[2] == 0 && apdu[3] == 0) {
            return SocialSecurityCardSimulator.concat(uid, SocialSecurityCardSimulator.sw(0x9000));
        }
        if (apdu.length >= 2 && (apdu[1] & 0xFF) == 0xA4) {
            return SocialSecurityCardSimulator.sw(0x6A82);
        }
        return SocialSecurityCardSimulator.sw(0x6A81);
    }
}
