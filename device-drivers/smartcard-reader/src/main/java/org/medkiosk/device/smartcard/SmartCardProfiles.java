package org.medkiosk.device.smartcard;

import java.util.HexFormat;
import javax.smartcardio.ResponseAPDU;

/**
 * Tells which card is in a reader and reads it: a social security card first, then a hospital staff card (its
 * application selected by AID), else a contactless card's UID ({@code FF CA 00 00 00}, answered by the reader for
 * contactless cards) as a patient card, else UNKNOWN_CARD. The staff card is tried before the UID because a staff
 * card is contactless too: read by its UID it would pass for a patient card.
 */
public final class SmartCardProfiles {

    private final SocialSecurityCardProfile socialSecurity;
    private final StaffCardProfile staff;

    public SmartCardProfiles() {
        this(new SocialSecurityCardProfile());
    }

    public SmartCardProfiles(SocialSecurityCardProfile socialSecurity) {
        this(socialSecurity, new StaffCardProfile());
    }

    /** With the hospital's own staff-card application ({@link StaffCardProfile#StaffCardProfile(byte[])}). */
    public SmartCardProfiles(SocialSecurityCardProfile socialSecurity, StaffCardProfile staff) {
        this.socialSecurity = socialSecurity;
        this.staff = staff;
    }

    public SmartCardIdentity read(CardSession session) throws SmartCardException {
        if (socialSecurity.select(session)) {
            return socialSecurity.read(session);
        }
        if (staff.select(session)) {
            return staff.read(session);
        }
        ResponseAPDU uid = session.transmit(new byte[] {(byte) 0xFF, (byte) 0xCA, 0x00, 0x00, 0x00});
        if (uid.getSW() == 0x9000 && uid.getData().length >= 4 && uid.getData().length <= 10) {
            return new SmartCardIdentity.ContactlessPatientCard(HexFormat.of().withUpperCase().formatHex(uid.getData()));
        }
        throw new SmartCardException(SmartCardException.Reason.UNKNOWN_CARD,
                "not a social security card, not a staff card and no contactless UID: unknown card");
    }
}
