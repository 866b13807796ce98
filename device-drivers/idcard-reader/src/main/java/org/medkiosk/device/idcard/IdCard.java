package org.medkiosk.device.idcard;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.Optional;

/**
 * What an identity card says, as read from the SAM. Dates are kept as written on the card ({@code YYYYMMDD});
 * {@code validTo} may be {@value #LONG_TERM}. Fields a card type does not carry are null.
 *
 * @param cardType     which card
 * @param name         Chinese name (I/Y: the Chinese name field, may be blank)
 * @param englishName  I/Y only
 * @param sex          as on the card
 * @param nation       two-digit nation code, resident cards only
 * @param birthDate    YYYYMMDD
 * @param address      resident and J cards
 * @param idNumber     18-character citizen / permit number, or the 15-character old foreign permanent residence number
 * @param authority    issuing authority (I: 公安部 for authority code 1500, else the code)
 * @param validFrom    YYYYMMDD
 * @param validTo      YYYYMMDD or 长期
 * @param passNumber   J only: the HK/Macau/Taiwan travel pass number
 * @param issueCount   J only: how many times the permit was issued
 * @param nationality  I/Y only: ISO 3166-1 alpha-3 code
 * @param photo        opaque SAM photo bytes
 */
public record IdCard(CardType cardType, String name, String englishName, Sex sex, String nation, String birthDate,
                     String address, String idNumber, String authority, String validFrom, String validTo,
                     String passNumber, String issueCount, String nationality, CardPhoto photo) {

    public static final String LONG_TERM = "长期";
    private static final DateTimeFormatter CARD_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    public IdCard {
        Objects.requireNonNull(cardType, "cardType");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(idNumber, "idNumber");
        photo = photo == null ? CardPhoto.none() : photo;
    }

    public static IdCard resident(String name, Sex sex, String nation, String birthDate, String address,
                                  String idNumber, String authority, String validFrom, String validTo) {
        return new IdCard(CardType.RESIDENT, name, null, sex, nation, birthDate, address, idNumber, authority,
                validFrom, validTo, null, null, null, null);
    }

    public static IdCard residencePermit(String name, Sex sex, String birthDate, String address, String idNumber,
                                         String authority, String validFrom, String validTo, String passNumber,
                                         String issueCount) {
        return new IdCard(CardType.HK_MACAU_TAIWAN_RESIDENCE_PERMIT, name, null, sex, null, birthDate, address,
                idNumber, authority, validFrom, validTo, passNumber, issueCount, null, null);
    }

    public static IdCard foreignPermanentResidenceOld(String chineseName, String englishName, Sex sex,
                                                      String birthDate, String permitNumber, String nationality,
                                                      String authority, String validFrom, String validTo) {
        return new IdCard(CardType.FOREIGN_PERMANENT_RESIDENCE_OLD, chineseName, englishName, sex, null, birthDate,
                null, permitNumber, authority, validFrom, validTo, null, null, nationality, null);
    }

    public static IdCard foreignPermanentResidence2023(String chineseName, String englishName, Sex sex,
                                                       String birthDate, String idNumber, String nationality,
                                                       String validFrom, String validTo) {
        return new IdCard(CardType.FOREIGN_PERMANENT_RESIDENCE_2023, chineseName, englishName, sex, null, birthDate,
                null, idNumber, "公安部", validFrom, validTo, null, null, nationality, null);
    }

    /** The same card with this photo. */
    public IdCard withPhoto(CardPhoto newPhoto) {
        return new IdCard(cardType, name, englishName, sex, nation, birthDate, address, idNumber, authority,
                validFrom, validTo, passNumber, issueCount, nationality, newPhoto);
    }

    public boolean isLongTerm() {
        return LONG_TERM.equals(validTo);
    }

    /** The last day the card is valid; empty for long-term cards or an unreadable date. */
    public Optional<LocalDate> validUntil() {
        return parse(validTo);
    }

    public Optional<LocalDate> birthDateValue() {
        return parse(birthDate);
    }

    /** True when {@code today} is after the card's last valid day (long-term cards never expire). */
    public boolean isExpired(LocalDate today) {
        return validUntil().map(today::isAfter).orElse(false);
    }

    public IdNumberCheck idNumberCheck() {
        return IdNumberCheck.of(idNumber);
    }

    /** Name of the nation code, e.g. 汉; empty when the card has none. */
    public Optional<String> nationName() {
        return Nations.name(nation);
    }

    /** 1101**********1235 style: 4 first and 4 last characters. */
    public String maskedIdNumber() {
        return maskIdNumber(idNumber);
    }

    /** 张*明 style. */
    public String maskedName() {
        return maskName(name);
    }

    public static String maskIdNumber(String id) {
        if (id == null) {
            return null;
        }
        if (id.length() <= 8) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    public static String maskName(String n) {
        if (n == null || n.isEmpty()) {
            return n;
        }
        int[] cps = n.codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        if (cps.length == 2) {
            return new String(cps, 0, 1) + "*";
        }
        return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
    }

    private static Optional<LocalDate> parse(String yyyymmdd) {
        if (yyyymmdd == null || yyyymmdd.length() != 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(yyyymmdd, CARD_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Masked: safe for logs. */
    @Override
    public String toString() {
        return "IdCard[" + cardType.code() + ", " + maskedName() + ", " + maskedIdNumber() + ", valid to " + validTo
                + "]";
    }
}
