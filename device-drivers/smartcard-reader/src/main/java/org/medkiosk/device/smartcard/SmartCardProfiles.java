package org.medkiosk.device.smartcard;

import java.util.HexFormat;
import javax.smartcardio.ResponseAPDU;

/**
 * Tells which card is in a reader and reads it: a social security card first, else a contactless card's UID
 * ({@code FF CA 00 00 00}, answered by the reader for contactless cards), else UNKNOWN_CARD.
 */
public final class SmartCardProfiles {

    private final SocialSecurityCardProfile socialSecurity;

    public SmartCardProfiles() {
        this(new SocialSecurityCardProfile());
    }

    public SmartCardProfiles(SocialSecurityCardProfile socialSecurity) {
        this.socialSecurity = socialSecurity;
    }

    public SmartCardIdentity read(CardSession session) throws SmartCardException {
        if (socialSecurity.select(session)) {
            return socialSecurity.read(session);
        }
        ResponseAPDU uid = session.transmit(new byte[] {(byte) 0xFF, (byte) 0xCA, 0x00, 0x00, 0x00});
        if (uid.getSW() == 0x9000 && uid.getData().length >= 4 && uid.getData().length <= 10) {
            return new SmartCardIdentity.ContactlessPatientCard(HexFormat.of().withUpperCase().formatHex(uid.getData()));
        }
        throw new SmartCardException(SmartCardException.Reason.UNKNOWN_CARD,
                "not a social security card and no contactless UID: unknown card");
    }
}
