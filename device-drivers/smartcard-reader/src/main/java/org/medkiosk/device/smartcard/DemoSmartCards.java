package org.medkiosk.device.smartcard;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The demo roster (helpers/ROSTER.md) as smart cards: social security cards of patients 1–6, patient card UIDs 1–10,
 * and the staff cards of the demo hospital's staff 1–4 (demo-hospital {@code DemoStaff}: nurses 1 and 2, technician
 * 3, and 4 a nurse who has left, whose card still reads but signs no one in).
 */
public final class DemoSmartCards {

    private static final List<SmartCardIdentity.SocialSecurityCard> SOCIAL_SECURITY = List.of(
            card("A00000001", "110101198503071235", "张三明", "1", "01", "19850307"),
            card("A00000002", "310104195611020024", "李秀英", "2", "01", "19561102"),
            card("A00000003", "440305201806150042", "王小红", "2", "01", "20180615"),
            card("A00000004", "110108194801010015", "陈建国", "1", "01", "19480101"),
            card("A00000005", "320102199005200030", "刘洋", "1", "01", "19900520"),
            card("A00000006", "640104198808080020", "赵敏", "2", "03", "19880808"));

    /** Staff card numbers of demo staff 1–4, as the demo hospital has them on its Practitioners. */
    private static final List<String> STAFF_CARDS = List.of("7100000001", "7100000002", "7100000003", "7100000004");

    private DemoSmartCards() {
    }

    /** Staff 1..4 have a staff card: 710000000n. */
    public static String staffCardNumber(int staffNumber) {
        if (staffNumber < 1 || staffNumber > STAFF_CARDS.size()) {
            throw new NoSuchElementException("demo staff member " + staffNumber + " has no staff card");
        }
        return STAFF_CARDS.get(staffNumber - 1);
    }

    /** Patients 1..6 have an insurance card. */
    public static SmartCardIdentity.SocialSecurityCard socialSecurityCard(int rosterNumber) {
        if (rosterNumber < 1 || rosterNumber > SOCIAL_SECURITY.size()) {
            throw new NoSuchElementException("roster patient " + rosterNumber + " has no insurance card");
        }
        return SOCIAL_SECURITY.get(rosterNumber - 1);
    }

    /** Patients 1..10 have a contactless patient card. */
    public static String patientCardUid(int rosterNumber) {
        if (rosterNumber < 1 || rosterNumber > 10) {
            throw new NoSuchElementException("roster patient " + rosterNumber + " has no patient card");
        }
        return String.format("04A1B2C3D4E5%02d", rosterNumber);
    }

    private static SmartCardIdentity.SocialSecurityCard card(String number, String ssn, String name, String sex,
                                                             String nation, String birth) {
        return new SmartCardIdentity.SocialSecurityCard(number, ssn, name, sex, nation, ssn.substring(0, 6), birth);
    }
}
