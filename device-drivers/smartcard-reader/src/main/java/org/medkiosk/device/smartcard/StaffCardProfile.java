package org.medkiosk.device.smartcard;

import java.nio.charset.StandardCharsets;
import javax.smartcardio.ResponseAPDU;

/**
 * Reads a hospital staff card: a contactless CPU card (ISO/IEC 14443-4, ISO 7816-4 commands through the PC/SC
 * reader) with the hospital's staff application. There is no national standard for staff cards: this is MedKiosk's
 * layout, which the simulator speaks and a card issuer can personalise [unverified on issued cards; a hospital whose
 * cards differ gives its own AID, or asks for a profile of its layout]:
 *
 * <ol>
 *   <li>SELECT by DF name {@code 00 A4 04 00 08 F0 4D 4B 53 54 41 46 46} (AID {@code F0} + "MKSTAFF": category F, a
 *       proprietary AID that needs no registration). {@code 9000} (or {@code 61xx}): a staff card; {@code 6283}: the
 *       card was deactivated (FILE_BLOCKED); anything else: not a staff card.</li>
 *   <li>READ BINARY of the application's EF, short file id 1, from offset 0: {@code 00 B0 81 00 20} (32 bytes;
 *       {@code 6Cxx} is resent with Le = xx, {@code 6282} "end of file" is accepted with the data it carries).</li>
 *   <li>The file holds tag-length-value records, each one tag byte and one length byte; tag {@code C1} is the staff
 *       card number in ASCII (4–32 letters, digits or '-'). Other tags are skipped; a {@code 00} or {@code FF} tag is
 *       padding and ends the records. No C1 (a card never personalised) or a malformed record: UNKNOWN_CARD.</li>
 * </ol>
 *
 * The card number is all the kiosk reads: who holds the card, and whether they still may sign in, the hospital says.
 */
public final class StaffCardProfile {

    /** F0 + "MKSTAFF". */
    public static final byte[] MEDKIOSK_AID = {(byte) 0xF0, 0x4D, 0x4B, 0x53, 0x54, 0x41, 0x46, 0x46};
    /** The length of the staff file, as read. */
    static final int FILE_LENGTH = 0x20;
    /** READ BINARY of short file id 1 (P1 = 0x80 | SFI), offset 0, Le 32. */
    static final byte[] READ_FILE = {0x00, (byte) 0xB0, (byte) 0x81, 0x00, FILE_LENGTH};
    static final int TAG_CARD_NUMBER = 0xC1;

    private final byte[] aid;

    /** MedKiosk's staff application ({@link #MEDKIOSK_AID}). */
    public StaffCardProfile() {
        this(MEDKIOSK_AID);
    }

    /** A hospital's own staff application with the same file layout; an AID is 5 to 16 bytes (ISO/IEC 7816-4). */
    public StaffCardProfile(byte[] aid) {
        if (aid == null || aid.length < 5 || aid.length > 16) {
            throw new IllegalArgumentException("an AID is 5 to 16 bytes");
        }
        this.aid = aid.clone();
    }

    /** SELECT the staff application; true when the card has it. FILE_BLOCKED when the card was deactivated. */
    public boolean select(CardSession session) throws SmartCardException {
        byte[] cmd = new byte[5 + aid.length];
        cmd[1] = (byte) 0xA4;
        cmd[2] = 0x04;
        cmd[4] = (byte) aid.length;
        System.arraycopy(aid, 0, cmd, 5, aid.length);
        ResponseAPDU r = session.transmit(cmd);
        if (r.getSW() == 0x9000) {
            return true;
        }
        SocialSecurityCardProfile.checkBlocked(r.getSW());
        return false;
    }

    /** Reads the staff card number; call after {@link #select} returned true. */
    public SmartCardIdentity.StaffCard read(CardSession session) throws SmartCardException {
        ResponseAPDU r = session.transmit(READ_FILE);
        if (r.getSW() != 0x9000 && r.getSW() != 0x6282) {
            SocialSecurityCardProfile.checkBlocked(r.getSW());
            throw new SmartCardException(SmartCardException.Reason.UNKNOWN_CARD,
                    String.format("staff card file not readable (SW %04X)", r.getSW()));
        }
        return new SmartCardIdentity.StaffCard(cardNumber(r.getData()));
    }

    /** The staff card number in the file's records (pure: fuzzed by StaffCardProfileFuzzTest). */
    static String cardNumber(byte[] file) throws SmartCardException {
        int i = 0;
        while (i < file.length) {
            int tag = file[i] & 0xFF;
            if (tag == 0x00 || tag == 0xFF) {
                break;
            }
            if (i + 1 >= file.length || (file[i + 1] & 0xFF) > file.length - i - 2) {
                throw unreadable("a staff card record runs past the end of the file");
            }
            int length = file[i + 1] & 0xFF;
            if (tag == TAG_CARD_NUMBER) {
                String number = new String(file, i + 2, length, StandardCharsets.US_ASCII);
                if (!number.matches("[0-9A-Za-z-]{4,32}")) {
                    throw unreadable("the staff card number is not 4-32 letters, digits or '-'");
                }
                return number;
            }
            i += 2 + length;
        }
        throw unreadable("the staff card holds no card number (not personalised?)");
    }

    private static SmartCardException unreadable(String why) {
        return new SmartCardException(SmartCardException.Reason.UNKNOWN_CARD, why);
    }
}
