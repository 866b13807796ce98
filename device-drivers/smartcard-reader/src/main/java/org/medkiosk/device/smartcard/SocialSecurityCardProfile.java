package org.medkiosk.device.smartcard;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.smartcardio.ResponseAPDU;

/**
 * Reads the public data of a Chinese social security card (DEVICES.md §4, region-dependent and unverified on real
 * cards): SELECT the SSSE application by name, READ RECORD 07 of SFI 5 for the card number, SELECT EF06, then READ
 * RECORD 08..0D. Records answer tag (= record number), length, value. Values as this driver reads them: ASCII for
 * numbers, GBK for the name, sex as one ASCII digit, nation one BCD byte, birthplace three BCD bytes, birth date
 * four BCD bytes.
 */
public final class SocialSecurityCardProfile {

    /** DF name "sx1.sh.社会保障" in GBK. */
    static final byte[] SSSE_DF_NAME = {0x73, 0x78, 0x31, 0x2E, 0x73, 0x68, 0x2E, (byte) 0xC9, (byte) 0xE7,
        (byte) 0xBB, (byte) 0xE1, (byte) 0xB1, (byte) 0xA3, (byte) 0xD5, (byte) 0xCF};
    static final Charset GBK = Charset.forName("GBK");

    private final byte[] pin;

    /** Without a PIN: cards that demand one fail with PIN_REQUIRED. */
    public SocialSecurityCardProfile() {
        this(null);
    }

    /** With the region's PIN (3 bytes, sent with VERIFY {@code 00 20 00 00 03}) for cards that demand it. */
    public SocialSecurityCardProfile(byte[] pin) {
        this.pin = pin == null ? null : pin.clone();
    }

    /** SELECT by DF name; true when the card has the social security application. */
    public boolean select(CardSession session) throws SmartCardException {
        byte[] cmd = new byte[5 + SSSE_DF_NAME.length];
        cmd[1] = (byte) 0xA4;
        cmd[2] = 0x04;
        cmd[4] = (byte) SSSE_DF_NAME.length;
        System.arraycopy(SSSE_DF_NAME, 0, cmd, 5, SSSE_DF_NAME.length);
        ResponseAPDU r = session.transmit(cmd);
        if (r.getSW() == 0x9000) {
            return true;
        }
        checkBlocked(r.getSW());
        return false;
    }

    /** Reads the card; call after {@link #select} returned true. */
    public SmartCardIdentity.SocialSecurityCard read(CardSession session) throws SmartCardException {
        String cardNumber = ascii(record(session, new byte[] {0x00, (byte) 0xB2, 0x07, 0x2C, 0x0B}, 0x07));
        ResponseAPDU ef06 = session.transmit(new byte[] {0x00, (byte) 0xA4, 0x02, 0x00, 0x02, (byte) 0xEF, 0x06});
        if (ef06.getSW() != 0x9000) {
            checkBlocked(ef06.getSW());
            throw new SmartCardException(SmartCardException.Reason.UNKNOWN_CARD,
                    String.format("social security card without EF06 (SW %04X)", ef06.getSW()));
        }
        String ssn = ascii(readRecord(session, 0x08, 0x14));
        String name = text(readRecord(session, 0x09, 0x14), GBK);
        String sex = sex(readRecord(session, 0x0A, 0x03));
        String nation = bcd(readRecord(session, 0x0B, 0x03));
        String birthplace = bcd(readRecord(session, 0x0C, 0x05));
        String birthDate = bcd(readRecord(session, 0x0D, 0x06));
        return new SmartCardIdentity.SocialSecurityCard(cardNumber, ssn, name, sex, nation, birthplace, birthDate);
    }

    private byte[] readRecord(CardSession session, int record, int le) throws SmartCardException {
        return record(session, new byte[] {0x00, (byte) 0xB2, (byte) record, 0x00, (byte) le}, record);
    }

    private byte[] record(CardSession session, byte[] cmd, int tag) throws SmartCardException {
        ResponseAPDU r = session.transmit(cmd);
        if (r.getSW() == 0x6982 && pin != null) {
            verify(session);
            r = session.transmit(cmd);
        }
        if (r.getSW() != 0x9000) {
            checkBlocked(r.getSW());
            if (r.getSW() == 0x6982) {
                throw new SmartCardException(SmartCardException.Reason.PIN_REQUIRED,
                        "this card needs a PIN before its public data can be read (SW 6982)");
            }
            throw new SmartCardException(SmartCardException.Reason.UNKNOWN_CARD,
                    String.format("record %02X not readable (SW %04X)", tag, r.getSW()));
        }
        byte[] d = r.getData();
        if (d.length < 2 || (d[0] & 0xFF) != tag || (d[1] & 0xFF) > d.length - 2) {
            throw new SmartCardException(SmartCardException.Reason.UNKNOWN_CARD,
                    String.format("record %02X is not tag-length-value", tag));
        }
        return Arrays.copyOfRange(d, 2, 2 + (d[1] & 0xFF));
    }

    private void verify(CardSession session) throws SmartCardException {
        byte[] cmd = new byte[5 + pin.length];
        cmd[1] = 0x20;
        cmd[4] = (byte) pin.length;
        System.arraycopy(pin, 0, cmd, 5, pin.length);
        ResponseAPDU r = session.transmit(cmd);
        if (r.getSW() != 0x9000) {
            checkBlocked(r.getSW());
            throw new SmartCardException(SmartCardException.Reason.PIN_REQUIRED,
                    String.format("PIN refused (SW %04X)", r.getSW()));
        }
    }

    static void checkBlocked(int sw) throws SmartCardException {
        if (sw == 0x6283 || sw == 0x6983 || sw == 0x6984) {
            throw new SmartCardException(SmartCardException.Reason.FILE_BLOCKED,
                    String.format("card file is blocked (SW %04X)", sw));
        }
    }

    private static String ascii(byte[] v) {
        return text(v, StandardCharsets.US_ASCII);
    }

    private static String text(byte[] v, Charset cs) {
        int end = v.length;
        while (end > 0 && (v[end - 1] == 0 || v[end - 1] == ' ' || v[end - 1] == (byte) 0xFF)) {
            end--;
        }
        return new String(v, 0, end, cs);
    }

    private static String sex(byte[] v) {
        if (v.length == 0) {
            return "0";
        }
        int b = v[0] & 0xFF;
        return b < 10 ? String.valueOf(b) : String.valueOf((char) b);
    }

    private static String bcd(byte[] v) {
        StringBuilder b = new StringBuilder(v.length * 2);
        for (byte x : v) {
            b.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return b.toString().toUpperCase(java.util.Locale.ROOT);
    }
}
