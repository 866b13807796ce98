package org.medkiosk.device.smartcard;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A hospital staff card as {@link StaffCardProfile} expects it: a contactless CPU card with the staff application, its
 * 32-byte file holding {@code C1 len <card number>} then zero padding, and a UID for {@code FF CA 00 00 00} like any
 * contactless card. Variants: a card the hospital deactivated (SELECT answers {@code 6283}) and one never personalised
 * (the file is all zeros). Wrong Le is answered {@code 6Cxx}, as a T=0 card would.
 */
public final class StaffCardSimulator implements SimulatedCard {

    public enum Variant { NORMAL, DEACTIVATED, NOT_PERSONALISED }

    /** PC/SC part 3 ATR of an ISO/IEC 14443-4 type A card, historical bytes "MKSTAFF1". */
    private static final byte[] ATR = HexFormat.of().parseHex("3b8880014d4b53544146463178");

    private final byte[] file = new byte[StaffCardProfile.FILE_LENGTH];
    private final byte[] uid;
    private final Variant variant;
    private boolean selected;

    /** A card holding {@code staffCardNumber} (at most 30 ASCII characters: the record must fit the file). */
    public StaffCardSimulator(String staffCardNumber, Variant variant) {
        byte[] number = staffCardNumber.getBytes(StandardCharsets.US_ASCII);
        if (number.length > StaffCardProfile.FILE_LENGTH - 2) {
            throw new IllegalArgumentException("a staff card number of at most 30 characters fits the file");
        }
        this.variant = variant;
        if (variant != Variant.NOT_PERSONALISED) {
            file[0] = (byte) StaffCardProfile.TAG_CARD_NUMBER;
            file[1] = (byte) number.length;
            System.arraycopy(number, 0, file, 2, number.length);
        }
        // a UID of the card's own (what a patient-card reading would see), derived from the number
        this.uid = HexFormat.of().parseHex(String.format("04C5%010X", Math.abs((long) staffCardNumber.hashCode())));
    }

    /** Demo staff member 1..4 (demo-hospital DemoStaff): card 710000000n. */
    public static StaffCardSimulator demo(int staffNumber, Variant variant) {
        return new StaffCardSimulator(DemoSmartCards.staffCardNumber(staffNumber), variant);
    }

    @Override
    public byte[] atr() {
        return ATR.clone();
    }

    @Override
    public synchronized void reset() {
        selected = false;
    }

    @Override
    public synchronized byte[] process(byte[] apdu) {
        if (apdu.length < 4) {
            return SocialSecurityCardSimulator.sw(0x6700);
        }
        int cla = apdu[0] & 0xFF;
        int ins = apdu[1] & 0xFF;
        if (cla == 0xFF && ins == 0xCA && apdu[2] == 0 && apdu[3] == 0) {
            return SocialSecurityCardSimulator.concat(uid, SocialSecurityCardSimulator.sw(0x9000));
        }
        if (cla != 0x00) {
            return SocialSecurityCardSimulator.sw(0x6E00);
        }
        if (ins == 0xA4 && (apdu[2] & 0xFF) == 0x04) {
            int lc = apdu.length > 4 ? apdu[4] & 0xFF : 0;
            byte[] name = Arrays.copyOfRange(apdu, Math.min(5, apdu.length), Math.min(apdu.length, 5 + lc));
            selected = Arrays.equals(name, StaffCardProfile.MEDKIOSK_AID);
            if (!selected) {
                return SocialSecurityCardSimulator.sw(0x6A82);
            }
            return SocialSecurityCardSimulator.sw(variant == Variant.DEACTIVATED ? 0x6283 : 0x9000);
        }
        if (ins == 0xB0) {
            if (!selected || variant == Variant.DEACTIVATED) {
                return SocialSecurityCardSimulator.sw(0x6986);
            }
            if ((apdu[2] & 0xFF) != 0x81) {
                return SocialSecurityCardSimulator.sw(0x6A82);
            }
            int offset = apdu[3] & 0xFF;
            int le = apdu.length == 5 ? apdu[4] & 0xFF : -1;
            if (offset >= file.length) {
                return SocialSecurityCardSimulator.sw(0x6B00);
            }
            int available = file.length - offset;
            if (le != available) {
                return SocialSecurityCardSimulator.sw(0x6C00 | available);
            }
            return SocialSecurityCardSimulator.concat(Arrays.copyOfRange(file, offset, file.length),
                    SocialSecurityCardSimulator.sw(0x9000));
        }
        return SocialSecurityCardSimulator.sw(0x6D00);
    }
}
