package org.medkiosk.hospital;

/**
 * How personal data is shown wherever it must appear at all (screen greeting, logs, receipts).
 * One place so the screen, the log masker and the printers agree.
 */
public final class Masking {
    private Masking() {
    }

    /** 110101199003071234 → 1101**********1234: keeps the first 4 and last 4. */
    public static String idNumber(String id) {
        if (id == null) {
            return null;
        }
        if (id.length() <= 8) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /** 张三明 → 张*明, 张明 → 张*, JOHN SMITH → J*********H: the patient can recognise it, a passer-by cannot use it. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int[] cps = name.codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        if (cps.length == 2) {
            return new String(cps, 0, 1) + "*";
        }
        return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
    }

    /** 13812345678 → 138****5678. */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** A payment code is a one-time secret: only its last 4 digits may ever be shown. */
    public static String paymentCode(String code) {
        if (code == null) {
            return null;
        }
        return code.length() <= 4 ? "****" : "*".repeat(code.length() - 4) + code.substring(code.length() - 4);
    }
}
