package org.medkiosk.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.DepartmentInfo;
import org.medkiosk.hospital.DoctorProfile;
import org.medkiosk.hospital.Feedback;
import org.medkiosk.hospital.HospitalGuide;
import org.medkiosk.hospital.HospitalNotice;
import org.medkiosk.hospital.HospitalPlace;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.PriceCategory;
import org.medkiosk.hospital.PriceItem;
import org.medkiosk.hospital.WeeklySession;

/**
 * {@link HospitalGuide} over FHIR against the demo hospital over real HTTP: the price list, places and the emergency
 * department, department and doctor information, notices by day, and feedback read back from the hospital. The
 * hospital's clock is a Wednesday in Shanghai, so its notices have fixed days.
 */
class HospitalGuideContractTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 18); // a Wednesday
    static DemoHospital hospital;
    static FhirHospitalBackend backend;
    static HospitalGuide guide;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        MutableClock clock = new MutableClock(TODAY.atTime(9, 0).atZone(SHANGHAI).toInstant(), SHANGHAI);
        hospital = DemoHospital.start(0, DemoHospital.Options.defaults().withClock(clock));
        backend = new FhirHospitalBackend(FhirSettings.of(hospital.baseUrl()), SHANGHAI);
        guide = backend;
    }

    @AfterAll
    static void stop() {
        backend.close();
        hospital.close();
    }

    static List<String> codes(List<PriceItem> items) {
        return items.stream().map(PriceItem::code).toList();
    }

    static PriceItem first(String query) {
        List<PriceItem> found = guide.findPrices(query, 10);
        assertFalse(found.isEmpty(), query);
        return found.get(0);
    }

    // ---- prices -------------------------------------------------------------------------------------------------

    @Test
    void pricesByChineseName() {
        PriceItem cbc = first("血常规");
        assertEquals("LAB-CBC", cbc.code());
        assertEquals("血常规", cbc.name().zh());
        assertEquals(Money.ofYuan("25.00"), cbc.price());
        assertEquals("次", cbc.unit().zh());
        assertEquals(PriceCategory.LAB_TEST, cbc.category());
        assertEquals("xcg", cbc.pinyinInitials());
        List<String> routine = codes(guide.findPrices("常规", 10));
        assertTrue(routine.containsAll(List.of("LAB-CBC", "LAB-UA")), routine.toString());
        assertTrue(guide.findPrices("不存在的项目", 10).isEmpty());
    }

    @Test
    void pricesByPinyinInitialsInEitherCase() {
        assertEquals("LAB-CBC", first("xcg").code());
        assertEquals("LAB-CBC", first("XCG").code());
        assertEquals("LAB-FBG", first("kfxt").code());
        assertTrue(codes(guide.findPrices("kf", 10)).contains("LAB-FBG"), "initials match by prefix");
        assertEquals("EX-US-ABD", first("FBCC").code());
        assertEquals("LAB-LFT", first("ggn").code());
    }

    @Test
    void pricesByEnglishWords() {
        List<PriceItem> blood = guide.findPrices("blood", 20);
        assertTrue(codes(blood).containsAll(List.of("LAB-CBC", "LAB-FBG")), codes(blood).toString());
        assertTrue(blood.stream().allMatch(p -> p.name().en().toLowerCase().contains("blood")), codes(blood).toString());
        assertEquals("EX-ECG", first("ECG").code());
        assertEquals("MED-AMOX", first("amoxicillin").code());
    }

    @Test
    void theLimitIsHonoured() {
        assertTrue(guide.findPrices("blood", 20).size() > 2);
        assertEquals(2, guide.findPrices("blood", 2).size());
        assertEquals(1, guide.findPrices("x", 1).size());
        assertTrue(guide.findPrices("  ", 10).isEmpty(), "a blank query finds nothing");
        assertThrows(IllegalArgumentException.class, () -> guide.findPrices("xcg", 0));
    }

    @Test
    void notesSayWhatToDoBefore() {
        assertTrue(first("空腹血糖").notes().zh().contains("空腹8小时"), first("kfxt").notes().zh());
        assertTrue(first("kfxt").notes().en().contains("Fast"));
        assertTrue(first("fbcc").notes().zh().contains("空腹"));
        assertEquals("No fasting needed", first("xcg").notes().en());
        PriceItem sedated = first("wtwj");
        assertTrue(sedated.notes().zh().contains("麻醉") && sedated.notes().zh().contains("空腹"), sedated.notes().zh());
        PriceItem amoxicillin = first("阿莫西林");
        assertEquals(PriceCategory.MEDICINE, amoxicillin.category());
        assertTrue(amoxicillin.unit().zh().contains("0.25g×24粒"), amoxicillin.unit().zh());
        assertEquals(Money.ofYuan("12.50"), amoxicillin.price());
        assertTrue(first("心电图").notes().zh().contains("休息"));
        assertTrue(first("甲状腺彩超").notes().zh().isEmpty(), "a line without notes has none");
        assertTrue(first("头颅CT").price().isPositive());
        assertEquals("EX-CT-HEAD", first("头颅ct").code(), "Latin letters in a Chinese name in any case");
        assertTrue(guide.findPrices("挂号费", 10).size() >= 4, "registration fees are listed");
    }

    @Test
    void thePriceListIsFetchedOnceAndKept() throws Exception {
        String bundle = """
                {"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"ChargeItemDefinition",
                 "id":"c1","status":"active","title":"血常规","_title":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/translation",
                 "extension":[{"url":"lang","valueCode":"en"},{"url":"content","valueString":"Complete blood count"}]}]},
                 "code":{"coding":[{"system":"urn:medkiosk:price-item","code":"LAB-CBC"}]},
                 "extension":[{"url":"http://medkiosk.org/fhir/StructureDefinition/pinyin-initials","valueString":"xcg"}],
                 "propertyGroup":[{"priceComponent":[{"type":"base","amount":{"value":25.00,"currency":"CNY"}}]}]}},
                 {"resource":{"resourceType":"ChargeItemDefinition","id":"c2","status":"retired","title":"血常规（旧）",
                 "propertyGroup":[{"priceComponent":[{"type":"base","amount":{"value":20,"currency":"CNY"}}]}]}}]}""";
        try (FaultServer server = FaultServer.http()) {
            server.answer(FaultServer.Answer.json(200, bundle));
            try (FhirHospitalBackend b = new FhirHospitalBackend(FhirSettings.of(server.baseUrl()), SHANGHAI)) {
                assertEquals(List.of("LAB-CBC"), codes(b.findPrices("xcg", 5)), "a retired price is not shown");
                assertEquals(List.of("LAB-CBC"), codes(b.findPrices("blood", 5)));
                assertEquals(1, server.requests.get(), "one fetch answers every keystroke");
                b.cacheGuideFor(Duration.ZERO);
                b.findPrices("xcg", 5);
                assertEquals(2, server.requests.get(), "a list kept for no time is fetched again");
            }
        }
    }

    // ---- places -------------------------------------------------------------------------------------------------

    @Test
    void placesCarryFloorRoomAndMapPosition() {
        Map<String, HospitalPlace> byId = guide.places().stream()
                .collect(Collectors.toMap(HospitalPlace::id, Function.identity()));
        HospitalPlace room = byId.get("room-201");
        assertEquals("201", room.room());
        assertEquals("2F", room.floor());
        assertEquals("门诊医技楼", room.building().zh());
        assertEquals(Optional.of("F2"), room.mapId());
        assertTrue(room.mapX() > 0 && room.mapX() < 1 && room.mapY() > 0 && room.mapY() < 1);
        assertEquals(Optional.of(room), guide.placeOf("room-201"));
        assertEquals(Optional.empty(), guide.placeOf("no-such-place"));
        assertEquals(Optional.empty(), guide.placeOf("../Patient/pat-1"));
        for (String id : List.of("loc-lab", "loc-imaging", "loc-pharmacy", "loc-cashier-1", "loc-report-print")) {
            HospitalPlace p = byId.get(id);
            assertTrue(p != null && p.mapId().isPresent() && !p.floor().isEmpty(), id + ": " + p);
        }
        assertFalse(byId.containsKey("loc-opd"), "a building is not a destination");
        assertFalse(byId.containsKey("loc-opd-f1"), "nor is a floor");
        assertTrue(guide.places().stream().allMatch(p -> p.mapId().map(m -> m.matches("F[1-5]")).orElse(true)));
    }

    @Test
    void theEmergencyDepartmentIsOnTheGroundFloor() {
        HospitalPlace er = guide.emergencyDepartment().orElseThrow();
        assertEquals("急诊科", er.name().zh());
        assertEquals("Emergency Department", er.name().en());
        assertEquals("1F", er.floor());
        assertEquals(Optional.of("F1"), er.mapId());
        assertEquals(Optional.of(er), guide.placeOf(er.id()));
    }

    // ---- departments and doctors --------------------------------------------------------------------------------

    @Test
    void departmentsHaveAnIntroductionAndAClinic() {
        List<DepartmentInfo> info = guide.departmentInfo();
        assertEquals(backend.departments(), info.stream().map(DepartmentInfo::department).toList());
        for (DepartmentInfo d : info) {
            assertFalse(d.introduction().zh().isBlank(), d.department().id());
            assertFalse(d.introduction().en().equals(d.introduction().zh()), "introduction in English too");
            HospitalPlace clinic = guide.placeOf(d.placeId().orElseThrow()).orElseThrow();
            assertTrue(d.department().location().zh().contains(clinic.floor().replace("F", "层")), clinic.floor()
                    + " vs " + d.department().location().zh());
        }
        DepartmentInfo im = info.stream().filter(d -> d.department().id().equals("dept-im")).findFirst().orElseThrow();
        assertTrue(im.introduction().zh().contains("高血压"));
        assertEquals("2F", guide.placeOf(im.placeId().get()).get().floor());
    }

    @Test
    void doctorProfilesHaveSpecialtyQualificationAndAWeek() {
        List<DoctorProfile> profiles = guide.doctorProfiles("dept-im");
        assertEquals(List.of("doc-01", "doc-02", "doc-03", "doc-22"),
                profiles.stream().map(p -> p.doctor().id()).sorted().toList());
        DoctorProfile wang = profiles.stream().filter(p -> p.doctor().id().equals("doc-01")).findFirst().orElseThrow();
        assertEquals("王建华", wang.doctor().name().zh());
        assertEquals("主任医师", wang.doctor().title().zh());
        assertTrue(wang.doctor().photoUrl() != null);
        assertTrue(wang.specialty().zh().contains("高血压"), wang.specialty().zh());
        assertTrue(wang.specialty().en().contains("Hypertension"));
        assertTrue(wang.qualification().zh().contains("医学博士"));
        assertFalse(wang.week().isEmpty());
        assertTrue(wang.week().stream().noneMatch(s -> s.day() == DayOfWeek.SUNDAY), "chief physicians rest on Sundays");
        assertEquals(6, wang.week().stream().filter(s -> s.period().zh().equals("上午")).count(), wang.week().toString());
        DoctorProfile chen = profiles.stream().filter(p -> p.doctor().id().equals("doc-03")).findFirst().orElseThrow();
        // doc-03 consults every morning and afternoon of the coming week
        assertEquals(14, chen.week().size(), chen.week().toString());
        assertEquals(new WeeklySession(DayOfWeek.MONDAY, org.medkiosk.hospital.LocalizedText.of("上午", "Morning")),
                chen.week().get(0), "Monday morning first");
        assertEquals("Afternoon", chen.week().get(1).period().en());
        assertEquals(DayOfWeek.SUNDAY, chen.week().get(13).day());
        assertTrue(guide.doctorProfiles("dept-nowhere").isEmpty());
    }

    // ---- notices ------------------------------------------------------------------------------------------------

    static List<String> noticeIds(LocalDate day) {
        return guide.notices(day).stream().map(HospitalNotice::id).toList();
    }

    @Test
    void noticesOfADay() {
        assertEquals(List.of("notice-holiday", "notice-parking"), noticeIds(TODAY), "newest first");
        assertEquals(List.of("notice-flu", "notice-holiday", "notice-parking"), noticeIds(TODAY.plusDays(10)),
                "the holiday notice's last day is included; the flu notice is up from day 5");
        assertEquals(List.of("notice-holiday", "notice-parking"), noticeIds(TODAY.plusDays(4)));
        assertEquals(List.of("notice-flu", "notice-parking"), noticeIds(TODAY.plusDays(11)));
        assertEquals(List.of("notice-flu", "notice-parking"), noticeIds(TODAY.plusDays(20)));
        assertEquals(List.of("notice-parking"), noticeIds(TODAY.plusDays(400)), "no end: up until withdrawn");
        assertTrue(noticeIds(TODAY.minusDays(40)).isEmpty());
        HospitalNotice holiday = guide.notices(TODAY).get(0);
        assertEquals("节假日门诊安排", holiday.title().zh());
        assertEquals("Holiday outpatient hours", holiday.title().en());
        assertTrue(holiday.text().zh().contains("急诊24小时"));
        assertTrue(holiday.text().en().contains("24 hours"));
        assertEquals(TODAY.minusDays(3), holiday.from());
        assertEquals(TODAY.plusDays(10), holiday.to());
    }

    // ---- feedback -----------------------------------------------------------------------------------------------

    static JsonNode responsesWithKey(String key) throws Exception {
        String q = FhirTransport.urlEncode("urn:medkiosk:idempotency-key|" + key);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(hospital.baseUrl()
                + "/QuestionnaireResponse?identifier=" + q)).header("Accept", "application/fhir+json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return FhirTransport.json().readTree(r.body());
    }

    static JsonNode answer(JsonNode response, String linkId) {
        for (JsonNode item : response.path("item")) {
            if (linkId.equals(item.path("linkId").asText())) {
                return item.path("answer").path(0);
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    @Test
    void feedbackReachesTheHospitalOnceAndAnonymously() throws Exception {
        String key = UUID.randomUUID().toString();
        Feedback f = new Feedback(4, Optional.of("CHECK_IN"), Optional.of("取号很方便，希望增加语音提示"),
                Instant.parse("2026-11-18T01:30:00Z"), "kiosk-lobby-1");
        guide.sendFeedback(f, key);
        guide.sendFeedback(f, key); // a retry of the same feedback
        JsonNode bundle = responsesWithKey(key);
        assertEquals(1, bundle.path("entry").size(), "a retry is not a second response");
        JsonNode r = bundle.path("entry").path(0).path("resource");
        assertEquals("http://medkiosk.org/fhir/Questionnaire/kiosk-satisfaction", r.path("questionnaire").asText());
        assertEquals("completed", r.path("status").asText());
        assertEquals(4, answer(r, "satisfaction").path("valueInteger").asInt());
        assertEquals("CHECK_IN", answer(r, "journey").path("valueCoding").path("code").asText());
        assertEquals("取号很方便，希望增加语音提示", answer(r, "comment").path("valueString").asText());
        assertTrue(r.path("subject").isMissingNode() && r.path("source").isMissingNode(), "no patient is named");
        assertEquals("kiosk-lobby-1", r.path("author").path("identifier").path("value").asText());
        assertTrue(r.path("authored").asText().startsWith("2026-11-18T09:30:00"), r.path("authored").asText());

        String bare = UUID.randomUUID().toString();
        guide.sendFeedback(new Feedback(5, Optional.empty(), Optional.empty(), Instant.now(), "kiosk-lobby-1"), bare);
        JsonNode only = responsesWithKey(bare).path("entry").path(0).path("resource");
        assertEquals(5, answer(only, "satisfaction").path("valueInteger").asInt());
        assertTrue(answer(only, "comment").isMissingNode() && answer(only, "journey").isMissingNode());
    }

    @Test
    void aBadSatisfactionIsRefusedBeforeSending() {
        for (int bad : new int[]{0, 6, -1}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new Feedback(bad, Optional.empty(), Optional.empty(), Instant.now(), "kiosk-1"), "" + bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new Feedback(3, Optional.empty(),
                Optional.of("字".repeat(501)), Instant.now(), "kiosk-1"));
        assertEquals(500, new Feedback(3, Optional.empty(), Optional.of("字".repeat(500)), Instant.now(), "kiosk-1")
                .comment().orElseThrow().length());
        assertThrows(IllegalArgumentException.class, () -> guide.sendFeedback(
                new Feedback(3, Optional.empty(), Optional.empty(), Instant.now(), "kiosk-1"), " "));
    }

    @Test
    void feedbackPrintsNoComment() {
        Feedback f = new Feedback(2, Optional.of("PAY"), Optional.of("张三 13800000001"), Instant.EPOCH, "kiosk-1");
        assertFalse(f.toString().contains("13800000001") || f.toString().contains("张三"), f.toString());
        assertTrue(f.toString().contains("14 chars"), f.toString());
    }

    // ---- failures -----------------------------------------------------------------------------------------------

    @Test
    void aDownHospitalIsABackendException() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (FhirHospitalBackend down = new FhirHospitalBackend(FhirSettings.of("http://127.0.0.1:" + port + "/fhir")
                .withAllTimeouts(Duration.ofSeconds(2)).withBreaker(100, Duration.ofSeconds(1)), SHANGHAI)) {
            Feedback f = new Feedback(5, Optional.empty(), Optional.empty(), Instant.now(), "kiosk-1");
            for (Executable call : List.<Executable>of(() -> down.findPrices("xcg", 5), down::places,
                    () -> down.placeOf("room-201"), down::emergencyDepartment, down::departmentInfo,
                    () -> down.doctorProfiles("dept-im"), () -> down.notices(TODAY),
                    () -> down.sendFeedback(f, UUID.randomUUID().toString()))) {
                assertThrows(BackendException.Unavailable.class, call);
            }
        }
    }

    @Test
    void aServerErrorOnNoticesIsUnavailable() throws Exception {
        try (FaultServer server = FaultServer.http()) {
            server.answer(FaultServer.Answer.json(503, ""));
            try (FhirHospitalBackend b = new FhirHospitalBackend(FhirSettings.of(server.baseUrl()), SHANGHAI)) {
                assertThrows(BackendException.Unavailable.class, () -> b.notices(TODAY));
            }
            server.answer(FaultServer.Answer.json(200, "{\"resourceType\":\"Patient\"}"));
            try (FhirHospitalBackend b = new FhirHospitalBackend(FhirSettings.of(server.baseUrl()), SHANGHAI)) {
                assertThrows(BackendException.BadResponse.class, () -> b.places());
            }
        }
    }
}
