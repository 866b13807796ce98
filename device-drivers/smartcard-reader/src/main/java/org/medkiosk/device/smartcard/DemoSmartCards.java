package org.medkiosk.device.smartcard;

import java.util.List;
import java.util.NoSuchElementException;

/** The demo roster (helpers/ROSTER.md) as smart cards: social security cards of patients 1–6, patient card UIDs 1–10. */
public final class DemoSmartCards {

    private static final List<SmartCardIdentity.SocialSecurityCard> SOCIAL_SECURITY = List.of(
            card("A00000001", "110101198503071235", "张三明", "1", "01", "19850307"),
            card("A00000002", "310104195611020024", "李秀英", "2", "01", "19561102"),
            card("A00000003", "440305201806150042", "王小红", "2", "01", "20180615"),
            card("A00000004", "110108194801010015", "陈建国", "1", "01", "19480101"),
            card("A00000005", "320102199005200030", "刘洋", "1", "01", "19900520"),
            card("A00000006", "640104198808080020", "赵敏", "2", "03", "19880808"));

    private DemoSmartCards() {
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
