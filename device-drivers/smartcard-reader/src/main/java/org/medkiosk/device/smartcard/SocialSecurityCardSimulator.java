package org.medkiosk.device.smartcard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A Chinese social security card as {@link SocialSecurityCardProfile} expects it (DEVICES.md §4), with the roster
 * people as demo cards, and the awkward real-world variants on demand: a blocked EF06, a region that demands a PIN.
 * Answers SELECT by DF name with {@code 61xx} (FCI waiting, as T=0 cards do) and wrong Le with {@code 6Cxx}.
 */
public final class SocialSecurityCardSimulator implements SimulatedCard {

    public enum Variant { NORMAL, EF06_BLOCKED, PIN_REQUIRED }

    /** PIN of {@link Variant#PIN_REQUIRED} cards: 12 34 56. */
    public static final byte[] DEMO_PIN = {0x12, 0x34, 0x56};
    static final byte[] ATR = HexFormat.of().parseHex("3b80800101");
    private static final byte[] FCI = HexFormat.of().parseHex("6f0d840b7378312e73682ec9e7bbe1");

    private final SmartCardIdentity.SocialSecurityCard data;
    private final Variant variant;
    private boolean dfSelected;
    private boolean ef06Selected;
    private boolean verified;
    private byte[] pendingResponse;

    public SocialSecurityCardSimulator(SmartCardIdentity.SocialSecurityCard data, Variant variant) {
        this.data = data;
        this.variant = variant;
    }

    /** Roster patient 1..6 (ROSTER.md): insurance card A0000000n. */
    public static SocialSecurityCardSimulator demo(int rosterNumber, Variant variant) {
        return new SocialSecurityCardSimulator(DemoSmartCards.socialSecurityCard(rosterNumber), variant);
    }

    @Override
    public byte[] atr() {
        return ATR.clone();
    }

    @Override
    public synchronized void reset() {
        dfSelected = false;
        ef06Selected = false;
        verified = false;
        pendingResponse = null;
    }

    @Override
    public synchronized byte[] process(byte[] apdu) {
        if (apdu.length < 4) {
            return sw(0x6700);
        }
        int cla = apdu[0] & 0xFF;
        int ins = apdu[1] & 0xFF;
        int p1 = apdu[2] & 0xFF;
        int p2 = apdu[3] & 0xFF;
        if (cla != 0x00) {
            return sw(0x6E00);
        }
        switch (ins) {
            case 0xA4 -> {
                byte[] body = body(apdu);
                if (p1 == 0x04) {
                    dfSelected = Arrays.equals(body, SocialSecurityCardProfile.SSSE_DF_NAME);
                    ef06Selected = false;
                    if (!dfSelected) {
                        return sw(0x6A82);
                    }
                    pendingResponse = FCI;
                    return sw(0x6100 | FCI.length);
                }
                if (p1 == 0x02 && dfSelected && Arrays.equals(body, new byte[] {(byte) 0xEF, 0x06})) {
                    if (variant == Variant.EF06_BLOCKED) {
                        return sw(0x6283);
                    }
                    ef06Selected = true;
                    return sw(0x9000);
                }
                return sw(0x6A82);
            }
            case 0xC0 -> {
                if (pendingResponse == null) {
                    return sw(0x6985);
                }
                byte[] r = concat(pendingResponse, sw(0x9000));
                pendingResponse = null;
                return r;
            }
            case 0x20 -> {
                verified = Arrays.equals(body(apdu), DEMO_PIN);
                return sw(verified ? 0x9000 : 0x63C2);
            }
            case 0xB2 -> {
                int le = apdu.length == 5 ? apdu[4] & 0xFF : -1;
                byte[] value;
                if (p1 == 0x07 && p2 == 0x2C && dfSelected) {
                    value = ascii(data.cardNumber());
                } else if (p2 == 0x00 && ef06Selected) {
                    if (variant == Variant.PIN_REQUIRED && !verified) {
                        return sw(0x6982);
                    }
                    value = switch (p1) {
                        case 0x08 -> pad(ascii(data.socialSecurityNumber()), 18);
                        case 0x09 -> pad(data.name().getBytes(SocialSecurityCardProfile.GBK), 18);
                        case 0x0A -> ascii(data.sex());
                        case 0x0B -> HexFormat.of().parseHex(data.nation());
                        case 0x0C -> HexFormat.of().parseHex(data.birthplace());
                        case 0x0D -> HexFormat.of().parseHex(data.birthDate());
                        default -> null;
                    };
                    if (value == null) {
                        return sw(0x6A83);
                    }
                } else {
                    return sw(0x6986);
                }
                byte[] record = concat(new byte[] {(byte) p1, (byte) value.length}, value);
                if (le != record.length) {
                    return sw(0x6C00 | record.length);
                }
                return concat(record, sw(0x9000));
            }
            default -> {
                return sw(0x6D00);
            }
        }
    }

    private static byte[] body(byte[] apdu) {
        if (apdu.length < 5) {
            return new byte[0];
        }
        int lc = apdu[4] & 0xFF;
        return Arrays.copyOfRange(apdu, 5, Math.min(apdu.length, 5 + lc));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] pad(byte[] v, int n) {
        return v.length >= n ? v : Arrays.copyOf(v, n);
    }

    static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(a.length + b.length);
        o.writeBytes(a);
        o.writeBytes(b);
        return o.toByteArray();
    }
}
