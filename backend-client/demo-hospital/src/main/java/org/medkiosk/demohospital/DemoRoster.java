package org.medkiosk.demohospital;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.medkiosk.hospital.Sex;

/**
 * The demo people shared by the demo hospital and the device simulators (helpers/ROSTER.md): a simulated card
 * made from {@link Person} finds the same patient in {@link DemoHospital}. Every field is given exactly as it is
 * printed on / stored in the card (dates as yyyyMMdd, "长期" for a long-term card), so simulators can write them
 * byte for byte; typed accessors parse them.
 */
public final class DemoRoster {

    /** FHIR identifier systems the demo hospital (and the FHIR client) use. */
    public static final String SYSTEM_RESIDENT_ID = "urn:oid:2.16.156.10011.1.3";
    /** Hospital-defined (no national system exists; a URN in MedKiosk's namespace, not a made-up OID). */
    public static final String SYSTEM_FOREIGN_PERMANENT_RESIDENCE = "urn:medkiosk:foreign-permanent-residence";
    public static final String SYSTEM_INSURANCE_CARD = "urn:medkiosk:insurance-card";
    public static final String SYSTEM_INSURANCE_VOUCHER = "urn:medkiosk:insurance-voucher";
    public static final String SYSTEM_PATIENT_CARD = "urn:medkiosk:patient-card";
    public static final String SYSTEM_PATIENT_CARD_UID = "urn:medkiosk:patient-card-uid";
    public static final String SYSTEM_MRN = "urn:medkiosk:mrn";
    public static final String SYSTEM_EHEALTH_CARD = "urn:medkiosk:ehealth-card";
    /** The barcode on a lab collection slip (Specimen.identifier and accessionIdentifier): 12 digits. */
    public static final String SYSTEM_SPECIMEN = "urn:medkiosk:specimen";

    /**
     * Roster patient 3 (王小红, a child) is registered with her own demo mobile and with her grandmother's
     * (patient 2, 李秀英): a nurse's phone search for {@link #SHARED_FAMILY_PHONE} finds them both.
     */
    public static final int GRANDCHILD = 3;
    /** Patient 2's mobile, also on patient 3's record. */
    public static final String SHARED_FAMILY_PHONE = "13800000002";

    /** The text a long-term resident card carries instead of an expiry date. */
    public static final String LONG_TERM = "长期";

    private static final DateTimeFormatter CARD_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** Which physical card the person carries (the card type byte of the SAM's base information). */
    public enum CardType {
        /** 居民身份证: no type marker. */
        RESIDENT(""),
        /** 港澳台居民居住证: type "J". */
        HK_MACAU_TAIWAN_RESIDENCE_PERMIT("J"),
        /** 外国人永久居留身份证, the older layout: type "I". */
        FOREIGN_PERMANENT_RESIDENCE_OLD("I"),
        /** 外国人永久居留身份证, 2023 layout with an 18-character number: type "Y". */
        FOREIGN_PERMANENT_RESIDENCE_2023("Y");

        private final String code;

        CardType(String code) {
            this.code = code;
        }

        /** The card-type marker stored on the card ("" for a resident card). */
        public String code() {
            return code;
        }
    }

    /**
     * One roster person with every card field.
     *
     * @param nationCode     GB 3304 nation code on resident cards ("01" 汉, "03" 回), null on other cards
     * @param nationality    ISO 3166-1 alpha-3 nationality on foreign permanent residence cards, else null
     * @param passNumber     the HK/Macau/Taiwan pass number printed on a J card, else null
     * @param issueCount     how many times the J card was issued ("01"), else null
     * @param address        null for foreign permanent residence cards (they carry none)
     * @param authority      issuing authority as on the card; the old foreign card stores the code "1500" (公安部)
     * @param validTo        yyyyMMdd or {@link #LONG_TERM}
     * @param insuranceCardNo null when the person has no social insurance card
     * @param patientCardBarcode null for someone who is not a hospital patient; likewise the UID and MRN
     * @param phone          a demo mobile number the hospital has on file, null for non-patients
     */
    public record Person(
            int number,
            CardType cardType,
            String nameZh,
            String nameEn,
            String sexCode,
            String nationCode,
            String nationality,
            String birth,
            String idNumber,
            String passNumber,
            String issueCount,
            String address,
            String authority,
            String validFrom,
            String validTo,
            String insuranceCardNo,
            String patientCardBarcode,
            String patientCardUid,
            String medicalRecordNumber,
            String phone) {

        /** True when the demo hospital has this person as a patient (everyone but the unknown-card person). */
        public boolean hospitalPatient() {
            return medicalRecordNumber != null;
        }

        /** The FHIR Patient id in the demo hospital, or null for a non-patient. */
        public String patientId() {
            return hospitalPatient() ? "pat-" + number : null;
        }

        public Sex sex() {
            return Sex.fromGbCode(sexCode);
        }

        public LocalDate birthDate() {
            return LocalDate.parse(birth, CARD_DATE);
        }

        public LocalDate validFromDate() {
            return LocalDate.parse(validFrom, CARD_DATE);
        }

        /** Empty for a long-term (长期) card. */
        public Optional<LocalDate> validToDate() {
            return isLongTerm() ? Optional.empty() : Optional.of(LocalDate.parse(validTo, CARD_DATE));
        }

        public boolean isLongTerm() {
            return LONG_TERM.equals(validTo);
        }

        /** Whether the card has expired on {@code day} (roster person 5 carries an expired card). */
        public boolean expiredOn(LocalDate day) {
            return validToDate().map(day::isAfter).orElse(false);
        }

        /** The FHIR identifier system of the card's number. */
        public String idSystem() {
            return cardType == CardType.FOREIGN_PERMANENT_RESIDENCE_OLD
                    || cardType == CardType.FOREIGN_PERMANENT_RESIDENCE_2023
                    ? SYSTEM_FOREIGN_PERMANENT_RESIDENCE : SYSTEM_RESIDENT_ID;
        }

        /** The e-health-card QR payload (64 hex + ":1"), or null for a non-patient. */
        public String ehealthCardQr() {
            return hospitalPatient() ? DemoRoster.ehealthCardQr(number) : null;
        }

        /** The insurance e-voucher QR payload ("YBPZ" + 20 digits), or null for a non-patient. */
        public String insuranceVoucherQr() {
            return hospitalPatient() ? DemoRoster.insuranceVoucherQr(number) : null;
        }

        @Override
        public String toString() {
            // Even demo people are logged masked: the habit is what protects real patients.
            return "Person[" + number + ", " + org.medkiosk.hospital.Masking.name(nameZh) + "]";
        }
    }

    private static final List<Person> PATIENTS = List.of(
            new Person(1, CardType.RESIDENT, "张三明", "ZHANG SANMING", "1", "01", null, "19850307",
                    "110101198503071235", null, null, "北京市东城区王府井大街1号", "北京市公安局东城分局",
                    "20150307", "20350307", "A00000001", "8800000001", "04A1B2C3D4E501", "MR100001", "13800000001"),
            new Person(2, CardType.RESIDENT, "李秀英", "LI XIUYING", "2", "01", null, "19561102",
                    "310104195611020024", null, null, "上海市徐汇区漕溪北路88号", "上海市公安局徐汇分局",
                    "20100101", LONG_TERM, "A00000002", "8800000002", "04A1B2C3D4E502", "MR100002", "13800000002"),
            new Person(3, CardType.RESIDENT, "王小红", "WANG XIAOHONG", "2", "01", null, "20180615",
                    "440305201806150042", null, null, "广东省深圳市南山区科技园路2号", "深圳市公安局南山分局",
                    "20230615", "20280615", "A00000003", "8800000003", "04A1B2C3D4E503", "MR100003", "13800000003"),
            new Person(4, CardType.RESIDENT, "陈建国", "CHEN JIANGUO", "1", "01", null, "19480101",
                    "110108194801010015", null, null, "北京市海淀区中关村大街27号", "北京市公安局海淀分局",
                    "20080101", LONG_TERM, "A00000004", "8800000004", "04A1B2C3D4E504", "MR100004", "13800000004"),
            new Person(5, CardType.RESIDENT, "刘洋", "LIU YANG", "1", "01", null, "19900520",
                    "320102199005200030", null, null, "江苏省南京市玄武区中山路18号", "南京市公安局玄武分局",
                    "20041001", "20241001", "A00000005", "8800000005", "04A1B2C3D4E505", "MR100005", "13800000005"),
            new Person(6, CardType.RESIDENT, "赵敏", "ZHAO MIN", "2", "03", null, "19880808",
                    "640104198808080020", null, null, "宁夏回族自治区银川市兴庆区解放西街5号", "银川市公安局兴庆区分局",
                    "20180808", "20380808", "A00000006", "8800000006", "04A1B2C3D4E506", "MR100006", "13800000006"),
            new Person(7, CardType.HK_MACAU_TAIWAN_RESIDENCE_PERMIT, "黄志强", "WONG CHI KEUNG", "1", null, null,
                    "19900101", "810000199001010027", "H12345678", "01", "广东省深圳市福田区福华路6号", "深圳市公安局",
                    "20200101", "20300101", null, "8800000007", "04A1B2C3D4E507", "MR100007", "13800000007"),
            new Person(8, CardType.HK_MACAU_TAIWAN_RESIDENCE_PERMIT, "林美玲", "LIN MEILING", "2", null, null,
                    "19920214", "830000199202140040", "12345678", "02", "福建省厦门市思明区湖滨南路9号", "厦门市公安局",
                    "20210214", "20310214", null, "8800000008", "04A1B2C3D4E508", "MR100008", "13800000008"),
            new Person(9, CardType.FOREIGN_PERMANENT_RESIDENCE_OLD, "约翰·史密斯", "SMITH, JOHN", "1", null, "USA",
                    "19750315", "USA310075031501", null, null, null, "1500",
                    "20200315", "20300315", null, "8800000009", "04A1B2C3D4E509", "MR100009", "13800000009"),
            new Person(10, CardType.FOREIGN_PERMANENT_RESIDENCE_2023, "玛丽亚", "GARCIA, MARIA", "2", null, "ESP",
                    "19870606", "911724198706060015", null, null, null, "公安部",
                    "20230606", "20330606", null, "8800000010", "04A1B2C3D4E510", "MR100010", "13800000010"));

    /** Roster person X: holds a valid resident card but is not a patient of the hospital (unknown-card path). */
    private static final Person UNKNOWN = new Person(0, CardType.RESIDENT, "周八", "ZHOU BA", "1", "01", null,
            "20000101", "110105200001019993", null, null, "北京市朝阳区建国路10号", "北京市公安局朝阳分局",
            "20200101", "20300101", null, null, null, null, null);

    private DemoRoster() {
    }

    /** Roster people 1–10, all patients of the demo hospital, in roster order. */
    public static List<Person> patients() {
        return PATIENTS;
    }

    /** Roster person X, whose card the hospital does not know. */
    public static Person unknownPerson() {
        return UNKNOWN;
    }

    /** Everyone with a card: patients 1–10, then X. */
    public static List<Person> everyone() {
        return java.util.stream.Stream.concat(PATIENTS.stream(), java.util.stream.Stream.of(UNKNOWN)).toList();
    }

    /** Roster person 1–10. */
    public static Person patient(int number) {
        if (number < 1 || number > PATIENTS.size()) {
            throw new IllegalArgumentException("no roster patient " + number);
        }
        return PATIENTS.get(number - 1);
    }

    /** Patient N's e-health-card QR: uppercase SHA-256 hex of "medkiosk-demo-ehc-N", then ":1". */
    public static String ehealthCardQr(int number) {
        return ehealthCardToken(number) + ":1";
    }

    /** The 64-hex token part of the e-health-card QR (what the hospital resolves). */
    public static String ehealthCardToken(int number) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("medkiosk-demo-ehc-" + number).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** Patient N's insurance e-voucher QR: "YBPZ" + N zero-padded to 20 digits. */
    public static String insuranceVoucherQr(int number) {
        return "YBPZ" + String.format("%020d", number);
    }
}
