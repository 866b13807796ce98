package org.medkiosk.demohospital;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.ChargeItemDefinition;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The demo hospital's guidance records: the building and its floors with every place a patient is sent to
 * (Location), the public price list (ChargeItemDefinition), the notices (Communication), department introductions
 * and the kiosk's satisfaction questionnaire. The consulting rooms themselves are seeded with their doctors
 * ({@link HospitalSeed}); they hang below their department's clinic here.
 */
final class HospitalGuideSeed {
    static final String BUILDING = "loc-opd";
    static final String PHYSICAL_TYPE = "http://terminology.hl7.org/CodeSystem/location-physical-type";
    static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    static final String PRICE_CODES = "urn:medkiosk:price-item";
    static final String EMERGENCY = "loc-emergency";
    static final String QUESTIONNAIRE_URL = "http://medkiosk.org/fhir/Questionnaire/kiosk-satisfaction";
    static final String JOURNEY_SYSTEM = "http://medkiosk.org/fhir/CodeSystem/kiosk-journey";
    static final String COMMUNICATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/communication-category";

    private final HospitalRecords records;
    private final ZoneId zone;
    private final LocalDate today;

    HospitalGuideSeed(HospitalRecords records, ZoneId zone, LocalDate today) {
        this.records = records;
        this.zone = zone;
        this.today = today;
    }

    void seed() {
        seedPlaces();
        seedPrices();
        seedNotices();
        records.put(questionnaire());
    }

    // ---- places -------------------------------------------------------------------------------------------------

    /** A place that is not a consulting room: id, names, floor (1..5), map position, v3-RoleCode type or null. */
    record Place(String id, String zh, String en, int floor, double x, double y, String roleCode) {
    }

    static final List<Place> PLACES = List.of(
            new Place(EMERGENCY, "急诊科", "Emergency Department", 1, 0.90, 0.50, "ER"),
            new Place("loc-cashier-1", "收费处（1-8号窗口）", "Cashier (windows 1-8)", 1, 0.40, 0.80, null),
            new Place("loc-pharmacy", "门诊药房", "Outpatient Pharmacy", 1, 0.60, 0.80, "PHARM"),
            new Place("loc-report-print", "自助报告打印区", "Self-service Report Printing", 1, 0.25, 0.30, null),
            new Place("loc-imaging", "放射科（X线、CT、核磁共振）", "Radiology (X-ray, CT, MRI)", 1, 0.10, 0.55, "RADDX"),
            new Place("loc-lab", "检验科采血处", "Laboratory Blood Collection", 2, 0.85, 0.30, "HLAB"),
            new Place("loc-cashier-2", "二楼收费处", "Cashier, 2nd Floor", 2, 0.50, 0.85, null),
            new Place("loc-ecg", "心电图室", "ECG Room", 2, 0.85, 0.65, null),
            new Place("loc-ultrasound", "超声科", "Ultrasound", 3, 0.85, 0.80, null),
            new Place("loc-endoscopy", "内镜中心", "Endoscopy Centre", 4, 0.85, 0.50, null));

    static String level(int floor) {
        return "loc-opd-f" + floor;
    }

    /** The department's clinic Location (the consulting rooms are part of it). */
    static String clinic(String departmentId) {
        return "loc-" + departmentId;
    }

    private void seedPlaces() {
        Location building = new Location();
        building.setId(BUILDING);
        building.setStatus(Location.LocationStatus.ACTIVE);
        building.setNameElement(Bilingual.text("门诊医技楼", "Outpatient Building"));
        building.setPhysicalType(physical("bu", "Building"));
        building.setManagingOrganization(new Reference("Organization/" + HospitalSeed.HOSPITAL_ID));
        records.put(building);
        for (int f = 1; f <= 5; f++) {
            Location level = new Location();
            level.setId(level(f));
            level.setStatus(Location.LocationStatus.ACTIVE);
            level.setNameElement(Bilingual.text("门诊医技楼" + f + "层", "Outpatient Building, floor " + f));
            level.addAlias(f + "F"); // the floor as the lift buttons show it
            level.setPhysicalType(physical("lvl", "Level"));
            level.setPartOf(new Reference("Location/" + BUILDING));
            Ext.set(level, Ext.FLOOR_MAP, new StringType("F" + f));
            records.put(level);
        }
        for (HospitalSeed.Dept d : HospitalSeed.DEPARTMENTS) {
            Location clinic = new Location();
            clinic.setId(clinic(d.id()));
            clinic.setStatus(Location.LocationStatus.ACTIVE);
            clinic.setNameElement(Bilingual.text(d.zh() + "门诊（" + zone(d) + "区）",
                    d.en() + " Clinic (Zone " + zone(d) + ")"));
            clinic.setPhysicalType(physical("area", "Area"));
            clinic.setPartOf(new Reference("Location/" + level(floor(d))));
            clinic.setManagingOrganization(new Reference("Organization/" + d.id()));
            position(clinic, zoneX(d), 0.15);
            records.put(clinic);
        }
        for (Place p : PLACES) {
            Location l = new Location();
            l.setId(p.id());
            l.setStatus(Location.LocationStatus.ACTIVE);
            l.setNameElement(Bilingual.text(p.zh(), p.en()));
            l.setPhysicalType(physical("area", "Area"));
            l.setPartOf(new Reference("Location/" + level(p.floor())));
            if (p.roleCode() != null) {
                l.addType(new CodeableConcept().addCoding(new Coding(ROLE_CODE, p.roleCode(), null)));
            }
            if (p.id().equals(EMERGENCY)) {
                l.setDescription("急诊24小时开放，东侧独立入口 / Open 24 hours, own entrance on the east side");
            }
            l.setManagingOrganization(new Reference("Organization/" + HospitalSeed.HOSPITAL_ID));
            position(l, p.x(), p.y());
            records.put(l);
        }
    }

    /** Makes a doctor's consulting room a room of its department's clinic, on the clinic's floor map. */
    static void placeRoom(Location room, HospitalSeed.Doc doc) {
        HospitalSeed.Dept d = HospitalSeed.dept(doc.dept());
        room.setStatus(Location.LocationStatus.ACTIVE);
        room.addAlias(doc.room()); // the number on the door
        room.setPhysicalType(physical("ro", "Room"));
        room.setPartOf(new Reference("Location/" + clinic(d.id())));
        int n = Integer.parseInt(doc.room()) % 10;
        position(room, zoneX(d), 0.2 + 0.1 * n);
    }

    private static String zone(HospitalSeed.Dept d) {
        int i = d.whereZh().indexOf("区");
        return d.whereZh().substring(i - 1, i);
    }

    private static int floor(HospitalSeed.Dept d) {
        return Character.getNumericValue(d.whereZh().charAt(d.whereZh().indexOf("层") - 1));
    }

    private static double zoneX(HospitalSeed.Dept d) {
        return switch (zone(d)) {
            case "A" -> 0.2;
            case "B" -> 0.45;
            default -> 0.7;
        };
    }

    private static CodeableConcept physical(String code, String display) {
        return new CodeableConcept().addCoding(new Coding(PHYSICAL_TYPE, code, display));
    }

    private static void position(Location l, double x, double y) {
        Extension e = new Extension(Ext.MAP_POSITION);
        e.addExtension("x", new DecimalType(BigDecimal.valueOf(x)));
        e.addExtension("y", new DecimalType(BigDecimal.valueOf(y)));
        l.addExtension(e);
    }

    // ---- departments and doctors --------------------------------------------------------------------------------

    static final Map<String, String[]> INTRODUCTIONS = Map.of(
            "dept-im", new String[]{"诊治高血压、糖尿病、冠心病、慢性胃炎、呼吸道感染等常见内科疾病。",
                    "Hypertension, diabetes, coronary heart disease, chronic gastritis, respiratory infections and other common medical conditions."},
            "dept-surg", new String[]{"诊治外伤、疝气、胆结石、甲状腺及乳腺肿块，开展门诊小手术与换药。",
                    "Injuries, hernias, gallstones, thyroid and breast lumps; minor outpatient surgery and dressings."},
            "dept-ped", new String[]{"14岁以下儿童常见病诊治、生长发育评估及预防接种咨询。",
                    "Common illnesses of children under 14, growth assessment and vaccination advice."},
            "dept-obgyn", new String[]{"产前检查、妇科炎症、月经不调、计划生育及更年期保健。",
                    "Antenatal care, gynaecological infections, menstrual disorders, family planning and menopause care."},
            "dept-eye", new String[]{"验光配镜、白内障、青光眼、干眼症及糖尿病眼底病变筛查。",
                    "Eye tests, cataract, glaucoma, dry eye and diabetic retinopathy screening."},
            "dept-ent", new String[]{"鼻炎、鼻窦炎、中耳炎、咽喉炎、听力下降及睡眠打鼾。",
                    "Rhinitis, sinusitis, otitis, sore throat, hearing loss and snoring."},
            "dept-dent", new String[]{"龋齿充填、根管治疗、拔牙、洁牙及牙周病治疗。",
                    "Fillings, root canal treatment, extractions, scaling and gum disease."},
            "dept-derm", new String[]{"湿疹、荨麻疹、痤疮、真菌感染、银屑病及皮肤过敏。",
                    "Eczema, hives, acne, fungal infections, psoriasis and skin allergies."},
            "dept-tcm", new String[]{"中医内科调理、针灸、推拿，擅长失眠、颈肩腰腿痛及脾胃病。",
                    "Traditional Chinese medicine, acupuncture and tuina for insomnia, neck and back pain and digestive complaints."});

    static void introduce(Organization department, String departmentId) {
        String[] intro = INTRODUCTIONS.get(departmentId);
        if (intro != null) {
            Ext.set(department, Ext.INTRODUCTION, Bilingual.text(intro[0], intro[1]));
        }
    }

    /** Per doctor: specialty zh, en; qualification zh, en. */
    static final Map<String, String[]> DOCTOR_PROFILES = Map.ofEntries(
            Map.entry("doc-01", new String[]{"高血压、冠心病、心力衰竭", "Hypertension, coronary heart disease, heart failure",
                    "医学博士，内科主任", "MD (PhD), head of Internal Medicine"}),
            Map.entry("doc-02", new String[]{"糖尿病、甲状腺疾病", "Diabetes, thyroid disorders", "医学硕士", "MSc in Medicine"}),
            Map.entry("doc-03", new String[]{"慢性胃炎、消化性溃疡", "Chronic gastritis, peptic ulcer", "医学硕士", "MSc in Medicine"}),
            Map.entry("doc-04", new String[]{"胆结石、疝气、腹腔镜手术", "Gallstones, hernia, laparoscopic surgery",
                    "医学博士，外科主任", "MD (PhD), head of General Surgery"}),
            Map.entry("doc-05", new String[]{"外伤清创、体表肿物切除", "Wound care, removal of skin lumps", "医学学士", "MB in Medicine"}),
            Map.entry("doc-06", new String[]{"小儿呼吸道疾病、哮喘", "Children's respiratory illness, asthma",
                    "医学博士，儿科主任", "MD (PhD), head of Paediatrics"}),
            Map.entry("doc-07", new String[]{"小儿消化系统疾病、营养评估", "Children's digestive illness, nutrition", "医学硕士", "MSc in Medicine"}),
            Map.entry("doc-08", new String[]{"儿童常见病、发热", "Common childhood illness, fever", "医学学士", "MB in Medicine"}),
            Map.entry("doc-09", new String[]{"高危妊娠、产前诊断", "High-risk pregnancy, prenatal diagnosis",
                    "医学博士，妇产科主任", "MD (PhD), head of Obstetrics & Gynaecology"}),
            Map.entry("doc-10", new String[]{"妇科炎症、月经不调", "Gynaecological infections, menstrual disorders", "医学硕士", "MSc in Medicine"}),
            Map.entry("doc-11", new String[]{"白内障、青光眼", "Cataract, glaucoma", "医学博士", "MD (PhD)"}),
            Map.entry("doc-12", new String[]{"屈光不正、干眼症", "Refractive errors, dry eye", "医学硕士", "MSc in Medicine"}),
            Map.entry("doc-13", new String[]{"慢性鼻窦炎、鼻内镜手术", "Chronic sinusitis, endoscopic sinus surgery",
                    "医学博士，耳鼻喉科主任", "MD (PhD), head of ENT"}),
            Map.entry("doc-14", new String[]{"中耳炎、听力障碍", "Otitis, hearing loss", "医学硕士", "MSc in Medicine"}),
            Map.entry("doc-15", new String[]{"牙体牙髓病、根管治疗", "Endodontics, root canal treatment", "口腔医学硕士", "MSc in Stomatology"}),
            Map.entry("doc-16", new String[]{"牙周病、洁牙", "Periodontics, scaling", "口腔医学学士", "BDS"}),
            Map.entry("doc-17", new String[]{"拔牙、口腔常见病", "Extractions, common oral illness", "口腔医学学士", "BDS"}),
            Map.entry("doc-18", new String[]{"湿疹、银屑病", "Eczema, psoriasis", "医学博士", "MD (PhD)"}),
            Map.entry("doc-19", new String[]{"痤疮、皮肤过敏", "Acne, skin allergies", "医学硕士", "MSc in Medicine"}),
            Map.entry("doc-20", new String[]{"失眠、脾胃病中医调理", "TCM for insomnia and digestive complaints",
                    "中医学博士，中医科主任", "PhD in TCM, head of TCM"}),
            Map.entry("doc-21", new String[]{"针灸、颈肩腰腿痛", "Acupuncture, neck, shoulder and back pain", "中医学硕士", "MSc in TCM"}),
            Map.entry("doc-22", new String[]{"内科常见病、慢病随访", "Common medical conditions, chronic disease follow-up",
                    "医学学士", "MB in Medicine"}));

    // ---- price list ---------------------------------------------------------------------------------------------

    /** A line of the price list: code, names, pinyin initials, category, price (fen), unit, notes (may be null). */
    record Price(String code, String zh, String en, String pinyin, String category, long fen,
                 String unitZh, String unitEn, String notesZh, String notesEn) {
    }

    static final String FASTING_8 = "需空腹8小时以上";
    static final String FASTING_8_EN = "Fast for at least 8 hours before";

    static final List<Price> PRICES = List.of(
            // registration and services (挂号费 follows the doctors' titles, see HospitalSeed.Title)
            new Price("GH-RES", "住院医师挂号费", "Registration, resident physician", "zyysghf", "service", 800, "次", "visit", null, null),
            new Price("GH-ATT", "主治医师挂号费", "Registration, attending physician", "zzysghf", "service", 1500, "次", "visit", null, null),
            new Price("GH-ASC", "副主任医师挂号费", "Registration, associate chief physician", "fzrysghf", "service", 3000, "次", "visit", null, null),
            new Price("GH-CHF", "主任医师挂号费", "Registration, chief physician", "zrysghf", "service", 5000, "次", "visit", null, null),
            new Price("JZ-ZCF", "急诊诊查费", "Emergency consultation", "jzzcf", "service", 2000, "次", "visit",
                    "急诊24小时开放", "The emergency department is open 24 hours"),
            new Price("SV-CX", "静脉采血", "Venous blood draw", "jmcx", "service", 500, "次", "time", null, null),
            new Price("SV-JZ", "肌肉注射", "Intramuscular injection", "jrzs", "service", 300, "次", "time", null, null),
            new Price("SV-SY", "静脉输液", "Intravenous infusion", "jmsy", "service", 1200, "组", "set",
                    "首组价格，每增加一组另收4元", "First set; each further set ¥4"),
            new Price("SV-HY", "换药（小）", "Wound dressing (small)", "hy", "service", 1500, "次", "time", null, null),
            new Price("SV-BLB", "门诊病历本", "Outpatient record booklet", "mzblb", "service", 100, "本", "booklet", null, null),
            // laboratory tests
            new Price("LAB-CBC", "血常规", "Complete blood count (CBC)", "xcg", "lab-test", 2500, "次", "test",
                    "无需空腹", "No fasting needed"),
            new Price("LAB-UA", "尿常规", "Urinalysis", "ncg", "lab-test", 1500, "次", "test",
                    "最好留取晨起中段尿", "A first-morning midstream sample is best"),
            new Price("LAB-STOOL", "便常规+潜血", "Stool routine and occult blood", "bcgqx", "lab-test", 2000, "次", "test", null, null),
            new Price("LAB-FBG", "空腹血糖", "Fasting blood glucose", "kfxt", "lab-test", 500, "次", "test", FASTING_8, FASTING_8_EN),
            new Price("LAB-HBA1C", "糖化血红蛋白", "Glycated haemoglobin (HbA1c)", "thxhdb", "lab-test", 7000, "次", "test",
                    "无需空腹", "No fasting needed"),
            new Price("LAB-LFT", "肝功能", "Liver function tests", "ggn", "lab-test", 6000, "次", "test", FASTING_8, FASTING_8_EN),
            new Price("LAB-RFT", "肾功能", "Kidney function tests", "sgn", "lab-test", 4000, "次", "test", FASTING_8, FASTING_8_EN),
            new Price("LAB-LIPID", "血脂四项", "Blood lipids (4 items)", "xzsx", "lab-test", 4000, "次", "test",
                    "需空腹12小时，前一天避免油腻饮食", "Fast for 12 hours; avoid fatty food the day before"),
            new Price("LAB-COAG", "凝血四项", "Coagulation tests (4 items)", "nxsx", "lab-test", 8000, "次", "test", null, null),
            new Price("LAB-CRP", "C反应蛋白", "C-reactive protein (CRP)", "cfydb", "lab-test", 3000, "次", "test", null, null),
            new Price("LAB-THY", "甲状腺功能五项", "Thyroid function (5 items)", "jzxgnwx", "lab-test", 15000, "次", "test", null, null),
            new Price("LAB-HBV", "乙肝五项", "Hepatitis B serology (5 items)", "ygwx", "lab-test", 6000, "次", "test", null, null),
            new Price("LAB-FLU", "流感病毒抗原检测", "Influenza antigen test", "lgbdkyjc", "lab-test", 6000, "次", "test", null, null),
            new Price("LAB-ELEC", "电解质", "Electrolytes", "djz", "lab-test", 2500, "次", "test", null, null),
            // examinations
            new Price("EX-DR", "胸部X线（DR）", "Chest X-ray (DR)", "xbxx", "examination", 8000, "次", "exam",
                    "检查前取下胸前金属饰物；孕妇或可能怀孕者请告知医生",
                    "Remove metal jewellery from the chest; tell the doctor if you are or may be pregnant"),
            new Price("EX-US-ABD", "腹部彩超", "Abdominal ultrasound", "fbcc", "examination", 18000, "次", "exam",
                    FASTING_8, FASTING_8_EN),
            new Price("EX-US-URO", "泌尿系彩超", "Urinary tract ultrasound", "mnxcc", "examination", 12000, "次", "exam",
                    "检查前1小时饮水500毫升并憋尿", "Drink 500 ml of water an hour before and keep a full bladder"),
            new Price("EX-US-THY", "甲状腺彩超", "Thyroid ultrasound", "jzxcc", "examination", 10000, "次", "exam", null, null),
            new Price("EX-ECHO", "心脏彩超", "Echocardiogram", "xzcc", "examination", 23000, "次", "exam", null, null),
            new Price("EX-CT-HEAD", "头颅CT", "Head CT", "tlct", "examination", 18000, "次", "exam",
                    "检查前取下发夹、耳环等金属物品", "Remove hairpins, earrings and other metal before"),
            new Price("EX-CT-CHEST", "胸部CT", "Chest CT", "xbct", "examination", 22000, "次", "exam", null, null),
            new Price("EX-MRI-HEAD", "头颅核磁共振（MRI）", "Head MRI", "tlhcgz", "examination", 58000, "次", "exam",
                    "体内有心脏起搏器或金属植入物者请提前告知医生；检查前取下所有金属物品",
                    "Tell the doctor beforehand about a pacemaker or metal implants; remove all metal before"),
            new Price("EX-ECG", "心电图", "Electrocardiogram (ECG)", "xdt", "examination", 2500, "次", "exam",
                    "检查前静坐休息5分钟", "Rest seated for 5 minutes before"),
            new Price("EX-HOLTER", "动态心电图（24小时）", "24-hour Holter ECG", "dtxdt", "examination", 20000, "次", "exam", null, null),
            new Price("EX-GASTRO", "胃镜", "Gastroscopy", "wj", "examination", 30000, "次", "exam",
                    "需空腹8小时以上、禁水2小时", "Fast for at least 8 hours and take no water for 2 hours before"),
            new Price("EX-GASTRO-S", "无痛胃镜", "Gastroscopy under sedation", "wtwj", "examination", 80000, "次", "exam",
                    "含静脉麻醉；需空腹8小时、禁水2小时，须家属陪同，检查当天不得驾车",
                    "Includes intravenous sedation; fast 8 hours, no water 2 hours, come with a companion and do not drive that day"),
            new Price("EX-COLO", "肠镜", "Colonoscopy", "cj", "examination", 40000, "次", "exam",
                    "检查前一天清淡饮食，按医嘱服用泻药", "Eat light food the day before and take the laxative as instructed"),
            new Price("EX-BMD", "骨密度测定", "Bone density scan", "gmdcd", "examination", 9000, "次", "exam", null, null),
            new Price("EX-PFT", "肺功能检查", "Lung function test", "fgnjc", "examination", 15000, "次", "exam", null, null),
            // medicines
            new Price("MED-AMOX", "阿莫西林胶囊", "Amoxicillin capsules", "amxljn", "medicine", 1250,
                    "盒（0.25g×24粒）", "box (0.25 g × 24 capsules)", "处方药；青霉素过敏者禁用",
                    "Prescription only; not for people allergic to penicillin"),
            new Price("MED-IBU", "布洛芬缓释胶囊", "Ibuprofen sustained-release capsules", "blfhsjn", "medicine", 1860,
                    "盒（0.3g×20粒）", "box (0.3 g × 20 capsules)", "饭后服用", "Take after meals"),
            new Price("MED-MET", "二甲双胍片", "Metformin tablets", "ejsgp", "medicine", 1580,
                    "盒（0.5g×60片）", "box (0.5 g × 60 tablets)", "处方药；随餐服用", "Prescription only; take with meals"),
            new Price("MED-NIF", "硝苯地平控释片", "Nifedipine controlled-release tablets", "xbdpksp", "medicine", 3360,
                    "盒（30mg×7片）", "box (30 mg × 7 tablets)", "处方药；整片吞服，不可掰开", "Prescription only; swallow whole"),
            new Price("MED-ATOR", "阿托伐他汀钙片", "Atorvastatin calcium tablets", "atftgp", "medicine", 840,
                    "盒（20mg×14片）", "box (20 mg × 14 tablets)", "处方药", "Prescription only"),
            new Price("MED-OME", "奥美拉唑肠溶胶囊", "Omeprazole enteric capsules", "amlzrcjn", "medicine", 980,
                    "盒（20mg×14粒）", "box (20 mg × 14 capsules)", "餐前服用", "Take before meals"),
            new Price("MED-CXM", "头孢呋辛酯片", "Cefuroxime axetil tablets", "tbfxzp", "medicine", 1950,
                    "盒（0.25g×12片）", "box (0.25 g × 12 tablets)", "处方药；服药期间及停药7天内禁酒",
                    "Prescription only; no alcohol while taking it and for 7 days after"),
            new Price("MED-LORA", "氯雷他定片", "Loratadine tablets", "lltdp", "medicine", 1680,
                    "盒（10mg×6片）", "box (10 mg × 6 tablets)", null, null),
            new Price("MED-PARA", "对乙酰氨基酚片", "Paracetamol tablets", "dyxajfp", "medicine", 450,
                    "盒（0.5g×20片）", "box (0.5 g × 20 tablets)", "每日不超过4次，两次间隔4小时以上",
                    "No more than 4 times a day, at least 4 hours apart"),
            new Price("MED-SMEC", "蒙脱石散", "Montmorillonite powder (smectite)", "mtss", "medicine", 1200,
                    "盒（3g×10袋）", "box (3 g × 10 sachets)", null, null),
            new Price("MED-NS", "氯化钠注射液（0.9%）", "Sodium chloride injection 0.9%", "lhnzsy", "medicine", 420,
                    "瓶（250ml）", "bottle (250 ml)", null, null),
            new Price("MED-LHQW", "连花清瘟胶囊", "Lianhua Qingwen capsules", "lhqwjn", "medicine", 1480,
                    "盒（0.35g×24粒）", "box (0.35 g × 24 capsules)", "中成药", "Chinese patent medicine"));

    private void seedPrices() {
        for (Price p : PRICES) {
            ChargeItemDefinition c = new ChargeItemDefinition();
            c.setId("cid-" + p.code().toLowerCase(java.util.Locale.ROOT));
            c.setUrl("http://medkiosk.org/fhir/ChargeItemDefinition/" + p.code());
            c.setStatus(Enumerations.PublicationStatus.ACTIVE);
            c.setTitleElement(Bilingual.text(p.zh(), p.en()));
            CodeableConcept code = new CodeableConcept().addCoding(new Coding(PRICE_CODES, p.code(), p.zh()));
            code.setTextElement(Bilingual.text(p.zh(), p.en()));
            c.setCode(code);
            c.addPropertyGroup().addPriceComponent()
                    .setType(ChargeItemDefinition.ChargeItemDefinitionPriceComponentType.BASE)
                    .setAmount(Ext.cny(p.fen()));
            Ext.set(c, Ext.PRICE_CATEGORY, new CodeType(p.category()));
            Ext.set(c, Ext.PINYIN_INITIALS, new StringType(p.pinyin()));
            Ext.set(c, Ext.PRICE_UNIT, Bilingual.text(p.unitZh(), p.unitEn()));
            if (p.notesZh() != null) {
                Ext.set(c, Ext.PRICE_NOTES, Bilingual.text(p.notesZh(), p.notesEn()));
            }
            records.put(c);
        }
    }

    // ---- notices ------------------------------------------------------------------------------------------------

    /** Three notices around the start day: one up now and ending soon, one without end, one not up yet. */
    private void seedNotices() {
        notice("notice-holiday", "节假日门诊安排", "Holiday outpatient hours",
                "节假日期间普通门诊上午8:00-12:00开诊，下午停诊；急诊24小时开放。",
                "On public holidays the outpatient clinics open 8:00-12:00 only; the emergency department is open 24 hours.",
                today.minusDays(3), today.plusDays(10));
        notice("notice-parking", "停车提示", "Parking",
                "院内车位紧张，请优先乘坐公共交通；地下停车场入口在北门，前30分钟免费。",
                "Parking is limited: please come by public transport if you can. The underground car park entrance is at the north gate; the first 30 minutes are free.",
                today.minusDays(30), null);
        notice("notice-flu", "流感疫苗接种", "Flu vaccination",
                "流感疫苗接种已开始，请到门诊楼1层预防接种门诊，凭身份证接种，60岁以上老人免费。",
                "Flu vaccination has started at the vaccination clinic, Outpatient Building 1F. Bring your ID card; free for people over 60.",
                today.plusDays(5), today.plusDays(60));
    }

    private void notice(String id, String titleZh, String titleEn, String textZh, String textEn, LocalDate from, LocalDate to) {
        Communication c = new Communication();
        c.setId(id);
        c.setStatus(Communication.CommunicationStatus.COMPLETED);
        c.addCategory(new CodeableConcept().addCoding(new Coding(COMMUNICATION_CATEGORY, "notification", "Notification")));
        CodeableConcept topic = new CodeableConcept();
        topic.setTextElement(Bilingual.text(titleZh, titleEn));
        c.setTopic(topic);
        c.setSender(new Reference("Organization/" + HospitalSeed.HOSPITAL_ID));
        c.setSentElement(new DateTimeType(Date.from(from.atStartOfDay(zone).toInstant()),
                ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND, java.util.TimeZone.getTimeZone(zone)));
        c.addPayload().setContent(Bilingual.text(textZh, textEn));
        Period period = new Period();
        period.setStartElement(new DateTimeType(from.toString()));
        if (to != null) {
            period.setEndElement(new DateTimeType(to.toString()));
        }
        Ext.set(c, Ext.NOTICE_PERIOD, period);
        records.put(c);
    }

    // ---- feedback -----------------------------------------------------------------------------------------------

    private static Questionnaire questionnaire() {
        Questionnaire q = new Questionnaire();
        q.setId("kiosk-satisfaction");
        q.setUrl(QUESTIONNAIRE_URL);
        q.setName("KioskSatisfaction");
        q.setTitleElement(Bilingual.text("自助机使用满意度", "Kiosk satisfaction"));
        q.setStatus(Enumerations.PublicationStatus.ACTIVE);
        q.addSubjectType("Patient");
        Questionnaire.QuestionnaireItemComponent satisfaction = q.addItem().setLinkId("satisfaction")
                .setType(Questionnaire.QuestionnaireItemType.INTEGER).setRequired(true);
        satisfaction.setTextElement(Bilingual.text("您对本次自助服务满意吗？（1-5分）", "How satisfied were you? (1-5)"));
        Questionnaire.QuestionnaireItemComponent journey = q.addItem().setLinkId("journey")
                .setType(Questionnaire.QuestionnaireItemType.OPENCHOICE); // a new journey needs no new questionnaire
        journey.setTextElement(Bilingual.text("办理的业务", "What you did at the kiosk"));
        for (String j : List.of("REGISTER", "CHECK_IN", "PAY", "TOP_UP", "REPORTS", "BOOKINGS", "GUIDE")) {
            journey.addAnswerOption().setValue(new Coding(JOURNEY_SYSTEM, j, null));
        }
        Questionnaire.QuestionnaireItemComponent comment = q.addItem().setLinkId("comment")
                .setType(Questionnaire.QuestionnaireItemType.TEXT).setMaxLength(500);
        comment.setTextElement(Bilingual.text("意见或建议", "Suggestion or complaint"));
        return q;
    }
}
