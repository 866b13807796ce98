package org.medkiosk.device.idcard;

import java.nio.charset.StandardCharsets;

/**
 * The 256-byte UTF-16LE text block of an identity card (DEVICES.md §1): parse it into an {@link IdCard}, or (for the
 * simulator) write one. Fields are space-padded; the card-type marker is the character at byte offset 248.
 */
public final class IdCardText {

    public static final int LENGTH = 256;
    static final int MARKER_OFFSET = 248;

    private IdCardText() {
    }

    /**
     * @throws IdCardFormatException when the block has the wrong size or an unknown card-type marker
     */
    public static IdCard parse(byte[] text, CardPhoto photo) throws IdCardFormatException {
        if (text == null || text.length != LENGTH) {
            throw new IdCardFormatException("text block must be " + LENGTH + " bytes, got "
                    + (text == null ? "none" : text.length));
        }
        char marker = (char) ((text[MARKER_OFFSET] & 0xFF) | ((text[MARKER_OFFSET + 1] & 0xFF) << 8));
        Fields f = new Fields(text);
        switch (marker) {
            case ' ', '\0' -> {
                return new IdCard(CardType.RESIDENT, f.take(30), null, sex(f.take(2)), f.take(4), f.take(16),
                        f.take(70), f.take(36), f.take(30), f.take(16), f.take(16), null, null, null, photo);
            }
            case 'J' -> {
                String name = f.take(30);
                Sex sex = sex(f.take(2));
                f.skip(4);
                String birth = f.take(16);
                String address = f.take(70);
                String id = f.take(36);
                String authority = f.take(30);
                String from = f.take(16);
                String to = f.take(16);
                String pass = f.take(18);
                String issues = f.take(4);
                return new IdCard(CardType.HK_MACAU_TAIWAN_RESIDENCE_PERMIT, name, null, sex, null, birth, address,
                        id, authority, from, to, pass, issues, null, photo);
            }
            case 'I' -> {
                String english = f.take(120);
                Sex sex = sex(f.take(2));
                String permit = f.take(30);
                String nationality = f.take(6);
                String chinese = f.take(30);
                String from = f.take(16);
                String to = f.take(16);
                String birth = f.take(16);
                f.skip(4); // card version
                String authorityCode = f.take(8);
                String authority = "1500".equals(authorityCode) ? "公安部" : authorityCode;
                return new IdCard(CardType.FOREIGN_PERMANENT_RESIDENCE_OLD, chinese, english, sex, null, birth, null,
                        permit, authority, from, to, null, null, nationality, photo);
            }
            case 'Y' -> {
                String chinese = f.take(30);
                Sex sex = sex(f.take(2));
                f.skip(4); // renewal count
                String birth = f.take(16);
                String englishStart = f.raw(70);
                String id = f.take(36);
                f.skip(30);
                String from = f.take(16);
                String to = f.take(16);
                String english = stripPadding(englishStart + f.raw(22));
                String nationality = f.take(6);
                return new IdCard(CardType.FOREIGN_PERMANENT_RESIDENCE_2023, chinese, english, sex, null, birth, null,
                        id, "公安部", from, to, null, null, nationality, photo);
            }
            default -> throw new IdCardFormatException(
                    "unknown card type marker U+" + String.format("%04X", (int) marker));
        }
    }

    /** The text block for a card (simulator side); too-long values are cut to their field. */
    public static byte[] encode(IdCard card) {
        Writer w = new Writer();
        switch (card.cardType()) {
            case RESIDENT -> {
                w.put(card.name(), 30).put(sexCode(card), 2).put(card.nation(), 4).put(card.birthDate(), 16)
                        .put(card.address(), 70).put(card.idNumber(), 36).put(card.authority(), 30)
                        .put(card.validFrom(), 16).put(card.validTo(), 16).put("", 36);
            }
            case HK_MACAU_TAIWAN_RESIDENCE_PERMIT -> {
                w.put(card.name(), 30).put(sexCode(card), 2).put("", 4).put(card.birthDate(), 16)
                        .put(card.address(), 70).put(card.idNumber(), 36).put(card.authority(), 30)
                        .put(card.validFrom(), 16).put(card.validTo(), 16).put(card.passNumber(), 18)
                        .put(card.issueCount(), 4).put("", 6).put("J", 2).put("", 6);
            }
            case FOREIGN_PERMANENT_RESIDENCE_OLD -> {
                String authorityCode = "公安部".equals(card.authority()) ? "1500" : card.authority();
                w.put(card.englishName(), 120).put(sexCode(card), 2).put(card.idNumber(), 30)
                        .put(card.nationality(), 6).put(card.name(), 30).put(card.validFrom(), 16)
                        .put(card.validTo(), 16).put(card.birthDate(), 16).put("05", 4).put(authorityCode, 8)
                        .put("I", 2).put("", 6);
            }
            case FOREIGN_PERMANENT_RESIDENCE_2023 -> {
                String english = card.englishName() == null ? "" : card.englishName();
                String first = english.length() > 35 ? english.substring(0, 35) : english;
                String rest = english.length() > 35 ? english.substring(35) : "";
                w.put(card.name(), 30).put(sexCode(card), 2).put("00", 4).put(card.birthDate(), 16)
                        .put(first, 70).put(card.idNumber(), 36).put("", 30).put(card.validFrom(), 16)
                        .put(card.validTo(), 16).put(rest, 22).put(card.nationality(), 6).put("Y", 2).put("", 6);
            }
            default -> throw new IllegalStateException("unhandled card type");
        }
        return w.bytes();
    }

    private static String sexCode(IdCard card) {
        return String.valueOf(card.sex().code());
    }

    private static Sex sex(String field) {
        return field.isEmpty() ? Sex.UNKNOWN : Sex.fromCode(field.charAt(0));
    }

    static String stripPadding(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\0')) {
            start++;
        }
        return s.substring(start, end);
    }

    private static final class Fields {
        private final byte[] text;
        private int pos;

        Fields(byte[] text) {
            this.text = text;
        }

        String raw(int bytes) {
            String s = new String(text, pos, bytes, StandardCharsets.UTF_16LE);
            pos += bytes;
            return s;
        }

        String take(int bytes) {
            return stripPadding(raw(bytes));
        }

        void skip(int bytes) {
            pos += bytes;
        }
    }

    private static final class Writer {
        private final byte[] out = new byte[LENGTH];
        private int pos;

        Writer put(String value, int bytes) {
            String v = value == null ? "" : value;
            byte[] enc = v.getBytes(StandardCharsets.UTF_16LE);
            int n = Math.min(enc.length, bytes) & ~1;
            System.arraycopy(enc, 0, out, pos, n);
            for (int i = n; i < bytes; i += 2) {
                out[pos + i] = ' ';
                out[pos + i + 1] = 0;
            }
            pos += bytes;
            return this;
        }

        byte[] bytes() {
            if (pos != LENGTH) {
                throw new IllegalStateException("layout adds up to " + pos + " bytes");
            }
            return out;
        }
    }
}
