package org.medkiosk.app.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medkiosk.hospital.Masking;

/**
 * The last line of defence between patient data and a log file: every formatted log line passes through
 * {@link #mask(String)}. Patterns catch what has a shape (ID numbers, phones, wallet codes); names and
 * addresses have none, so the open session registers them in {@link SensitiveValues}.
 */
public final class PersonalDataMasker {
    /** 18-character resident ID / residence-permit / 2023 foreign-permanent-residence numbers, and 15-digit old IDs. */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[\\dXx]|\\d{15})(?![0-9A-Za-z])");
    /** Old foreign permanent residence card: 3-letter country + 12 digits. */
    private static final Pattern FOREIGN_PERMIT = Pattern.compile("(?<![0-9A-Za-z])([A-Z]{3}\\d{12})(?![0-9A-Za-z])");
    /** Mainland mobile numbers. */
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(1[3-9]\\d{9})(?!\\d)");
    /** Wallet payment codes (WeChat 18, Alipay 16–24, UnionPay 19 digits) and any other long digit run. */
    private static final Pattern LONG_DIGITS = Pattern.compile("(?<!\\d)(\\d{16,24})(?!\\d)");

    /** A run of two or more Chinese characters: how a name looks when no session says whose it is. */
    private static final Pattern HAN_RUN = Pattern.compile("[\\p{IsHan}][\\p{IsHan}·•]+");

    private PersonalDataMasker() {
    }

    /**
     * For text leaving the kiosk (the diagnostics bundle), read long after the sessions whose names
     * {@link SensitiveValues} knew: {@link #mask} and then every run of Chinese characters masked as a name. It
     * over-masks (a department's name too), which is the right side to err on outside the kiosk.
     */
    public static String maskForExport(String line) {
        String out = mask(line);
        if (out == null || out.isEmpty()) {
            return out;
        }
        return HAN_RUN.matcher(out).replaceAll(m -> Matcher.quoteReplacement(Masking.name(m.group())));
    }

    public static String mask(String line) {
        if (line == null || line.isEmpty()) {
            return line;
        }
        String out = replace(ID_NUMBER, line, Masking::idNumber);
        out = replace(FOREIGN_PERMIT, out, Masking::idNumber);
        out = replace(PHONE, out, Masking::phone);
        out = replace(LONG_DIGITS, out, Masking::paymentCode);
        for (String value : SensitiveValues.current()) {
            if (out.contains(value)) {
                out = out.replace(value, Masking.name(value));
            }
        }
        return out;
    }

    private static String replace(Pattern p, String in, java.util.function.UnaryOperator<String> masker) {
        Matcher m = p.matcher(in);
        if (!m.find()) {
            return in;
        }
        StringBuilder sb = new StringBuilder(in.length());
        do {
            m.appendReplacement(sb, Matcher.quoteReplacement(masker.apply(m.group(1))));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
