package org.medkiosk.device.scanner;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The identity fields of an AAMVA driver's licence PDF417 (DEVICES.md §5): header
 * {@code @ LF RS CR ANSI } + issuer id (6) + AAMVA version (2) + jurisdiction version (2) + entries (2), subfile
 * directory, then LF-separated elements (3-letter id + value).
 *
 * @param issuerId       6-digit issuer identification number of the licensing authority
 * @param aamvaVersion   AAMVA card design standard version
 * @param licenceNumber  DAQ
 * @param familyName     DCS
 * @param givenName      DAC (older versions: first part of DCT)
 * @param birthDate      DBB
 * @param expiryDate     DBA (null if missing or unreadable)
 * @param country        DCG (USA / CAN) when present, else null
 */
public record AamvaLicence(String issuerId, int aamvaVersion, String licenceNumber, String familyName,
                           String givenName, LocalDate birthDate, LocalDate expiryDate, String country) {

    private static final String HEADER_START = "@\n";

    /** Cheap test used by the classifier: the compliance indicator and file type are present. */
    public static boolean looksLikeAamva(String text) {
        return text != null && text.length() >= 21 && text.startsWith(HEADER_START)
                && (text.charAt(2) == 0x1E || text.charAt(2) == 0x1C) && text.charAt(3) == '\r'
                && (text.startsWith("ANSI ", 4) || text.startsWith("AAMVA", 4));
    }

    /**
     * @throws AamvaFormatException when the header is missing, or licence number or names are absent
     */
    public static AamvaLicence parse(String text) throws AamvaFormatException {
        if (!looksLikeAamva(text)) {
            throw new AamvaFormatException("not an AAMVA licence header");
        }
        String issuer = text.substring(9, 15);
        int version = parseInt(text.substring(15, 17));
        Map<String, String> elements = new HashMap<>();
        for (String line : text.substring(21).split("[\\n\\r]")) {
            String l = line;
            // The first element follows the subfile type ("DL" / "ID") without a separator.
            int dl = l.indexOf("DLDAQ");
            if (dl < 0) {
                dl = l.indexOf("IDDAQ");
            }
            if (dl >= 0) {
                l = l.substring(dl + 2);
            }
            if (l.length() >= 3 && isElementId(l)) {
                elements.putIfAbsent(l.substring(0, 3), l.substring(3).trim());
            }
        }
        String number = elements.get("DAQ");
        String family = elements.getOrDefault("DCS", elements.get("DAB"));
        String given = elements.getOrDefault("DAC", elements.get("DCT"));
        if (given != null && !elements.containsKey("DAC") && given.contains(",")) {
            given = given.substring(0, given.indexOf(','));
        }
        if (number == null || number.isEmpty() || family == null || family.isEmpty()) {
            throw new AamvaFormatException("licence number or family name missing");
        }
        String country = elements.get("DCG");
        return new AamvaLicence(issuer, version, number, family, given, date(elements.get("DBB"), country),
                date(elements.get("DBA"), country), country);
    }

    private static boolean isElementId(String l) {
        return Character.isUpperCase(l.charAt(0)) && Character.isUpperCase(l.charAt(1))
                && Character.isUpperCase(l.charAt(2));
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** MMDDCCYY in the US, CCYYMMDD in Canada; when the country is not given, whichever reading is a valid date. */
    static LocalDate date(String v, String country) {
        if (v == null || v.length() != 8 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        LocalDate us = tryDate(v.substring(4, 8), v.substring(0, 2), v.substring(2, 4));
        LocalDate ca = tryDate(v.substring(0, 4), v.substring(4, 6), v.substring(6, 8));
        if ("CAN".equals(country)) {
            return ca;
        }
        if ("USA".equals(country)) {
            return us;
        }
        return us != null ? us : ca;
    }

    private static LocalDate tryDate(String year, String month, String day) {
        int y = Integer.parseInt(year);
        if (y < 1900 || y > 2199) {
            return null;
        }
        try {
            return LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    public boolean isExpired(LocalDate today) {
        return expiryDate != null && today.isAfter(expiryDate);
    }

    /** Masked: safe for logs. */
    @Override
    public String toString() {
        String n = licenceNumber.length() <= 4 ? "****" : "*".repeat(licenceNumber.length() - 4)
                + licenceNumber.substring(licenceNumber.length() - 4);
        return "AamvaLicence[issuer " + issuerId + ", " + n + ", " + familyName.charAt(0) + "***]";
    }
}
