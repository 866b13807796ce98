package org.medkiosk.device.idcard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The demo roster (helpers/ROSTER.md) as cards for the SAM simulator: the same people the demo hospital knows, so a
 * simulated card inserted in demo mode finds its patient; card X is a person the hospital does not know.
 */
public final class DemoCards {

    /**
     * A demo card with its roster number ("1".."10", "X") and a label for a demo button (masked: demo screens are
     * filmed and shown).
     */
    public record DemoCard(String rosterNumber, String label, IdCard card) {
    }

    public static final IdCard ZHANG_SANMING = photo(1, IdCard.resident("张三明", Sex.MALE, "01", "19850307",
            "北京市东城区王府井大街1号", "110101198503071235", "北京市公安局东城分局", "20150307", "20350307"));
    public static final IdCard LI_XIUYING = photo(2, IdCard.resident("李秀英", Sex.FEMALE, "01", "19561102",
            "上海市徐汇区漕溪北路88号", "310104195611020024", "上海市公安局徐汇分局", "20100101", IdCard.LONG_TERM));
    public static final IdCard WANG_XIAOHONG = photo(3, IdCard.resident("王小红", Sex.FEMALE, "01", "20180615",
            "广东省深圳市南山区科技园路2号", "440305201806150042", "深圳市公安局南山分局", "20230615", "20280615"));
    public static final IdCard CHEN_JIANGUO = photo(4, IdCard.resident("陈建国", Sex.MALE, "01", "19480101",
            "北京市海淀区中关村大街27号", "110108194801010015", "北京市公安局海淀分局", "20080101", IdCard.LONG_TERM));
    /** Expired card (valid to 2024-10-01). */
    public static final IdCard LIU_YANG = photo(5, IdCard.resident("刘洋", Sex.MALE, "01", "19900520",
            "江苏省南京市玄武区中山路18号", "320102199005200030", "南京市公安局玄武分局", "20041001", "20241001"));
    public static final IdCard ZHAO_MIN = photo(6, IdCard.resident("赵敏", Sex.FEMALE, "03", "19880808",
            "宁夏回族自治区银川市兴庆区解放西街5号", "640104198808080020", "银川市公安局兴庆区分局", "20180808", "20380808"));
    public static final IdCard WONG_CHI_KEUNG = photo(7, IdCard.residencePermit("黄志强", Sex.MALE, "19900101",
            "广东省深圳市福田区福华路6号", "810000199001010027", "深圳市公安局", "20200101", "20300101", "H12345678", "01"));
    public static final IdCard LIN_MEILING = photo(8, IdCard.residencePermit("林美玲", Sex.FEMALE, "19920214",
            "福建省厦门市思明区湖滨南路9号", "830000199202140040", "厦门市公安局", "20210214", "20310214", "12345678", "02"));
    public static final IdCard JOHN_SMITH = photo(9, IdCard.foreignPermanentResidenceOld("约翰·史密斯", "SMITH, JOHN",
            Sex.MALE, "19750315", "USA310075031501", "USA", "公安部", "20200315", "20300315"));
    public static final IdCard MARIA_GARCIA = photo(10, IdCard.foreignPermanentResidence2023("玛丽亚", "GARCIA, MARIA",
            Sex.FEMALE, "19870606", "911724198706060015", "ESP", "20230606", "20330606"));
    /** Not a patient of the demo hospital: exercises the unknown-card path. */
    public static final IdCard ZHOU_BA = photo(11, IdCard.resident("周八", Sex.MALE, "01", "20000101",
            "北京市朝阳区建国路10号", "110105200001019993", "北京市公安局朝阳分局", "20200101", "20300101"));

    private static final List<DemoCard> ALL = List.of(
            demo("1", ZHANG_SANMING), demo("2", LI_XIUYING), demo("3", WANG_XIAOHONG), demo("4", CHEN_JIANGUO),
            demo("5", LIU_YANG), demo("6", ZHAO_MIN), demo("7", WONG_CHI_KEUNG), demo("8", LIN_MEILING),
            demo("9", JOHN_SMITH), demo("10", MARIA_GARCIA), demo("X", ZHOU_BA));

    private DemoCards() {
    }

    /** All roster cards in roster order, X last. */
    public static List<DemoCard> all() {
        return ALL;
    }

    /** The card of roster number "1".."10" or "X". */
    public static IdCard byRosterNumber(String rosterNumber) {
        return ALL.stream().filter(d -> d.rosterNumber().equalsIgnoreCase(rosterNumber)).findFirst()
                .map(DemoCard::card)
                .orElseThrow(() -> new NoSuchElementException("no demo card " + rosterNumber));
    }

    private static DemoCard demo(String number, IdCard card) {
        String kind = switch (card.cardType()) {
            case RESIDENT -> card.isExpired(java.time.LocalDate.of(2025, 1, 1)) ? "resident, expired" : "resident";
            case HK_MACAU_TAIWAN_RESIDENCE_PERMIT -> "HK/Macau/Taiwan permit";
            case FOREIGN_PERMANENT_RESIDENCE_OLD -> "foreign PR (old)";
            case FOREIGN_PERMANENT_RESIDENCE_2023 -> "foreign PR (2023)";
        };
        if ("X".equals(number)) {
            kind += ", not a patient";
        }
        return new DemoCard(number, number + " " + card.maskedName() + " (" + kind + ")", card);
    }

    /**
     * 1,024 filler bytes standing in for the SAM photo: the simulator must send the right number of bytes, and there
     * is no real photo to send. Deterministic per person; it is not an image and no decoder will make one of it.
     */
    private static IdCard photo(int seed, IdCard card) {
        byte[] filler = new byte[1024];
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] block = ("medkiosk-demo-photo-" + seed).getBytes(StandardCharsets.US_ASCII);
            for (int off = 0; off < filler.length; off += 32) {
                block = sha.digest(block);
                System.arraycopy(block, 0, filler, off, Math.min(32, filler.length - off));
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        return card.withPhoto(new CardPhoto(filler));
    }
}
