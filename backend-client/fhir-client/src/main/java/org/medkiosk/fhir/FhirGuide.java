package org.medkiosk.fhir;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medkiosk.hospital.Doctor;
import org.medkiosk.hospital.DoctorProfile;
import org.medkiosk.hospital.Feedback;
import org.medkiosk.hospital.HospitalNotice;
import org.medkiosk.hospital.HospitalPlace;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.PriceCategory;
import org.medkiosk.hospital.PriceItem;
import org.medkiosk.hospital.WeeklySession;

/**
 * The FHIR side of {@link org.medkiosk.hospital.HospitalGuide}: the price list (ChargeItemDefinition), the place
 * directory (Location), notices (Communication), doctor profiles (PractitionerRole + Practitioner) and feedback
 * (QuestionnaireResponse). The mappings are documented in backend-client/INTEGRATION.md ("Guidance").
 *
 * <p>The price list and the place directory are fetched whole and kept for {@link #cacheFor} (10 minutes by default),
 * and the price search runs here. FHIR has no search parameter for pinyin initials (a custom one would be needed on
 * every hospital's server) and {@code title:contains} does not reach the English translation; a public price list is
 * a few hundred lines that change a few times a year, so one fetch answers a patient's every keystroke without a
 * round trip, and matching behaves the same whatever the hospital's server supports.
 */
final class FhirGuide {
    static final String PHYSICAL_TYPE = "http://terminology.hl7.org/CodeSystem/location-physical-type";
    static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    static final String COMMUNICATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/communication-category";
    /** The canonical URL of the kiosk's satisfaction questionnaire. */
    static final String FEEDBACK_QUESTIONNAIRE = "http://medkiosk.org/fhir/Questionnaire/kiosk-satisfaction";
    static final String JOURNEY_SYSTEM = "http://medkiosk.org/fhir/CodeSystem/kiosk-journey";
    static final String KIOSK_SYSTEM = "urn:medkiosk:kiosk";
    static final String IDEMPOTENCY_KEY_SYSTEM = "urn:medkiosk:idempotency-key";
    private static final int PAGE = 500;
    private static final int MAX_PAGES = 20;

    private final FhirTransport transport;
    private final FhirSettings settings;
    private final ZoneId zone;
    private volatile Duration cacheFor = Duration.ofMinutes(10);
    private final Cached<List<PriceItem>> prices = new Cached<>();
    private final Cached<Directory> directory = new Cached<>();

    FhirGuide(FhirTransport transport, FhirSettings settings, ZoneId zone) {
        this.transport = transport;
        this.settings = settings;
        this.zone = zone;
    }

    void cacheFor(Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("cache duration must be zero or positive");
        }
        cacheFor = d;
    }

    // ---- prices -------------------------------------------------------------------------------------------------

    List<PriceItem> findPrices(String query, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return match(prices.get(cacheFor, this::loadPrices), query, limit);
    }

    private List<PriceItem> loadPrices() {
        List<PriceItem> out = new ArrayList<>();
        for (JsonNode c : searchAll(BackendOperation.PRICE_LIST, "ChargeItemDefinition?status=active&_count=" + PAGE,
                "ChargeItemDefinition")) {
            if (!"active".equals(FhirJson.text(c, "status"))) {
                continue; // a server that ignores status= must not show a withdrawn price
            }
            PriceItem p = price(c);
            if (p != null) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** One price-list line, or null for a definition without a base price in CNY (nothing to show). */
    static PriceItem price(JsonNode c) {
        FhirJson.requireType(c, "ChargeItemDefinition");
        JsonNode coding = c.path("code").path("coding").path(0);
        String code = FhirJson.text(coding, "code");
        if (code == null) {
            code = FhirJson.requireText(c, "id", "ChargeItemDefinition");
        }
        LocalizedText name = FhirJson.localized(c, "title");
        if (name == null) {
            name = FhirJson.concept(c.path("code"));
        }
        if (name == null) {
            return null;
        }
        Money price = null;
        for (JsonNode group : c.path("propertyGroup")) {
            for (JsonNode component : group.path("priceComponent")) {
                if ("base".equals(FhirJson.text(component, "type")) && price == null) {
                    price = FhirJson.money(component.path("amount"));
                }
            }
        }
        if (price == null) {
            return null;
        }
        String pinyin = FhirJson.text(FhirJson.ours(c, "pinyin-initials"), "valueString");
        PriceCategory category = switch (String.valueOf(FhirJson.text(FhirJson.ours(c, "price-category"), "valueCode"))) {
            case "examination" -> PriceCategory.EXAMINATION;
            case "lab-test" -> PriceCategory.LAB_TEST;
            case "medicine" -> PriceCategory.MEDICINE;
            default -> PriceCategory.SERVICE;
        };
        LocalizedText unit = FhirJson.localized(FhirJson.ours(c, "price-unit"), "valueString");
        LocalizedText notes = FhirJson.localized(FhirJson.ours(c, "price-notes"), "valueString");
        return new PriceItem(code, name, pinyin == null ? "" : pinyin.replaceAll("[^A-Za-z]", ""), category, price, unit, notes);
    }

    /**
     * Best first: the exact name, initials or code; then a name or initials that begin with the query; a name that
     * contains it; an English name with a word that begins with it; one that contains it. Ties keep the list order.
     */
    static List<PriceItem> match(List<PriceItem> all, String query, int limit) {
        String q = query.strip();
        String lower = q.toLowerCase(Locale.ROOT);
        boolean initials = lower.matches("[a-z]+");
        List<Map.Entry<Integer, PriceItem>> ranked = new ArrayList<>();
        for (PriceItem p : all) {
            String zh = p.name().zh().toLowerCase(Locale.ROOT); // 头颅ct finds 头颅CT
            String en = p.name().en().toLowerCase(Locale.ROOT);
            int rank;
            if (zh.equals(lower) || (initials && p.pinyinInitials().equals(lower)) || p.code().equalsIgnoreCase(q)) {
                rank = 0;
            } else if (zh.startsWith(lower) || (initials && p.pinyinInitials().startsWith(lower))) {
                rank = 1;
            } else if (zh.contains(lower)) {
                rank = 2;
            } else if (en.matches("(?s).*\\b" + java.util.regex.Pattern.quote(lower) + ".*")) {
                rank = 3;
            } else if (en.contains(lower)) {
                rank = 4;
            } else {
                continue;
            }
            ranked.add(Map.entry(rank, p));
        }
        return ranked.stream().sorted(Map.Entry.comparingByKey()).limit(limit).map(Map.Entry::getValue).toList();
    }

    // ---- places -------------------------------------------------------------------------------------------------

    /** The places, by id, with the emergency department and each department's clinic. */
    record Directory(List<HospitalPlace> places, Map<String, HospitalPlace> byId, Optional<HospitalPlace> emergency,
                     Map<String, String> clinicOfDepartment) {
    }

    Directory directory() {
        return directory.get(cacheFor, this::loadDirectory);
    }

    /**
     * Every Location the hospital lists. A place is any Location that is not a site, building or level; its floor and
     * building come from its {@code partOf} chain: the first ancestor of physical type {@code lvl} gives the floor
     * ({@code alias[0]}, the label on the lift buttons, else its name) and the floor map ({@code floor-map}
     * extension), the first of type {@code bu} the building. The room number is {@code alias[0]} of a Location of type
     * {@code ro}. The destination's position on the map is the {@code map-position} extension. The emergency
     * department is the place typed v3-RoleCode {@code ER}; a department's clinic is the place it manages
     * ({@code managingOrganization}), an area before a room.
     */
    private Directory loadDirectory() {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode l : searchAll(BackendOperation.PLACES, "Location?_count=" + PAGE, "Location")) {
            String id = FhirJson.text(l, "id");
            if (id != null && !"inactive".equals(FhirJson.text(l, "status"))) {
                byId.put(id, l);
            }
        }
        List<HospitalPlace> places = new ArrayList<>();
        Map<String, HospitalPlace> placeById = new LinkedHashMap<>();
        HospitalPlace emergency = null;
        Map<String, String> clinics = new HashMap<>();
        Map<String, Boolean> clinicIsRoom = new HashMap<>();
        for (JsonNode l : byId.values()) {
            String type = physicalType(l);
            if ("si".equals(type) || "bu".equals(type) || "lvl".equals(type)) {
                continue;
            }
            HospitalPlace p = place(l, byId);
            places.add(p);
            placeById.put(p.id(), p);
            for (JsonNode t : l.path("type")) {
                if (emergency == null && "ER".equals(FhirJson.code(t, ROLE_CODE))) {
                    emergency = p;
                }
            }
            String dept = FhirJson.refId(l.path("managingOrganization"));
            if (dept != null) {
                boolean room = "ro".equals(type);
                if (!clinics.containsKey(dept) || (clinicIsRoom.get(dept) && !room)) {
                    clinics.put(dept, p.id());
                    clinicIsRoom.put(dept, room);
                }
            }
        }
        return new Directory(List.copyOf(places), Map.copyOf(placeById), Optional.ofNullable(emergency), Map.copyOf(clinics));
    }

    private static String physicalType(JsonNode l) {
        return FhirJson.code(l.path("physicalType"), PHYSICAL_TYPE);
    }

    static HospitalPlace place(JsonNode l, Map<String, JsonNode> byId) {
        String id = FhirJson.requireText(l, "id", "Location");
        LocalizedText name = FhirJson.localizedOr(l, "name", id);
        JsonNode level = null;
        JsonNode building = null;
        Set<String> seen = new HashSet<>();
        JsonNode at = l;
        while (at != null && seen.add(String.valueOf(FhirJson.text(at, "id"))) && seen.size() < 12) {
            String type = physicalType(at);
            if (level == null && "lvl".equals(type)) {
                level = at;
            }
            if (building == null && "bu".equals(type)) {
                building = at;
            }
            String parent = FhirJson.refId(at.path("partOf"));
            at = parent == null ? null : byId.get(parent);
        }
        String floor = "";
        String mapId = null;
        if (level != null) {
            String alias = FhirJson.text(level.path("alias"), 0);
            floor = alias != null ? alias : FhirJson.localizedOr(level, "name", "").zh();
            mapId = FhirJson.text(FhirJson.ours(level, "floor-map"), "valueString");
        }
        String ownMap = FhirJson.text(FhirJson.ours(l, "floor-map"), "valueString");
        mapId = ownMap != null ? ownMap : mapId;
        String room = "ro".equals(physicalType(l)) ? FhirJson.text(l.path("alias"), 0) : null;
        LocalizedText buildingName = building == null ? null : FhirJson.localized(building, "name");
        JsonNode position = FhirJson.ours(l, "map-position");
        double x = fraction(FhirJson.extension(position, "x").path("valueDecimal"));
        double y = fraction(FhirJson.extension(position, "y").path("valueDecimal"));
        if (Double.isNaN(x) || Double.isNaN(y)) {
            mapId = null; // a map without the destination marked would send the patient nowhere
            x = 0;
            y = 0;
        }
        return new HospitalPlace(id, name, buildingName, floor, room, Optional.ofNullable(mapId), x, y);
    }

    private static double fraction(JsonNode v) {
        if (!v.isNumber()) {
            return Double.NaN;
        }
        double d = v.asDouble();
        return d >= 0 && d <= 1 ? d : Double.NaN;
    }

    // ---- departments and doctors --------------------------------------------------------------------------------

    static LocalizedText introduction(JsonNode organization) {
        return FhirJson.localized(FhirJson.ours(organization, "introduction"), "valueString");
    }

    static final LocalizedText MORNING = LocalizedText.of("上午", "Morning");
    static final LocalizedText AFTERNOON = LocalizedText.of("下午", "Afternoon");
    static final LocalizedText EVENING = LocalizedText.of("晚上", "Evening");
    static final LocalizedText ALL_DAY = LocalizedText.of("全天", "All day");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /**
     * Specialty: the role's {@code specialty} texts; qualifications: the practitioner's {@code qualification.code}
     * texts; the week: the role's {@code availableTime} (days of week and start time: before noon is a morning,
     * before 18:00 an afternoon).
     */
    static DoctorProfile profile(Doctor doctor, JsonNode role, JsonNode practitioner) {
        List<LocalizedText> specialties = new ArrayList<>();
        for (JsonNode s : role.path("specialty")) {
            LocalizedText t = FhirJson.concept(s);
            if (t != null) {
                specialties.add(t);
            }
        }
        List<LocalizedText> qualifications = new ArrayList<>();
        if (practitioner != null) {
            for (JsonNode q : practitioner.path("qualification")) {
                LocalizedText t = FhirJson.concept(q.path("code"));
                if (t != null) {
                    qualifications.add(t);
                }
            }
        }
        record At(int day, LocalTime start, LocalizedText period) {
        }
        List<At> sessions = new ArrayList<>();
        for (JsonNode a : role.path("availableTime")) {
            LocalTime start = time(FhirJson.text(a, "availableStartTime"));
            boolean allDay = a.path("allDay").asBoolean(false);
            LocalizedText period = allDay || start == null ? ALL_DAY
                    : start.isBefore(LocalTime.NOON) ? MORNING : start.isBefore(LocalTime.of(18, 0)) ? AFTERNOON : EVENING;
            for (JsonNode d : a.path("daysOfWeek")) {
                int day = DAYS.indexOf(d.asText());
                if (day >= 0) {
                    sessions.add(new At(day, start == null ? LocalTime.MIDNIGHT : start, period));
                }
            }
        }
        List<WeeklySession> week = sessions.stream()
                .sorted(Comparator.comparingInt(At::day).thenComparing(At::start))
                .map(s -> new WeeklySession(java.time.DayOfWeek.of(s.day() + 1), s.period()))
                .distinct().toList();
        return new DoctorProfile(doctor, join(specialties, "、", ", "), join(qualifications, "；", "; "), week);
    }

    private static LocalTime time(String s) {
        try {
            return s == null ? null : LocalTime.parse(s);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static LocalizedText join(List<LocalizedText> texts, String zhSeparator, String enSeparator) {
        return LocalizedText.of(String.join(zhSeparator, texts.stream().map(LocalizedText::zh).toList()),
                String.join(enSeparator, texts.stream().map(LocalizedText::en).toList()));
    }

    // ---- notices ------------------------------------------------------------------------------------------------

    /**
     * {@code Communication?category=notification&status=completed}: the title is {@code topic.text}, the text the
     * first {@code payload.contentString}, the days the {@code notice-period} extension (else from the day it was
     * {@code sent}, with no end). Days are filtered here: FHIR has no search for "shown on this day".
     */
    List<HospitalNotice> notices(LocalDate day) {
        List<HospitalNotice> out = new ArrayList<>();
        for (JsonNode c : searchAll(BackendOperation.NOTICES, "Communication?category="
                + FhirTransport.urlEncode(COMMUNICATION_CATEGORY + "|notification") + "&status=completed&_count=" + PAGE,
                "Communication")) {
            if (!"completed".equals(FhirJson.text(c, "status")) || !notification(c)) {
                continue;
            }
            HospitalNotice n = notice(c, zone);
            if (n != null && n.showsOn(day)) {
                out.add(n);
            }
        }
        out.sort(Comparator.comparing(HospitalNotice::from).reversed());
        return out;
    }

    private static boolean notification(JsonNode c) {
        for (JsonNode cc : c.path("category")) {
            if ("notification".equals(FhirJson.code(cc, COMMUNICATION_CATEGORY))) {
                return true;
            }
        }
        return false;
    }

    static HospitalNotice notice(JsonNode c, ZoneId zone) {
        String id = FhirJson.requireText(c, "id", "Communication");
        JsonNode period = FhirJson.ours(c, "notice-period").path("valuePeriod");
        LocalDate from = FhirJson.date(FhirJson.text(period, "start"));
        if (from == null) {
            java.time.OffsetDateTime sent = FhirJson.dateTime(FhirJson.text(c, "sent"), zone);
            from = sent == null ? null : sent.atZoneSameInstant(zone).toLocalDate();
        }
        if (from == null) {
            return null; // a notice that never says when it starts is not shown
        }
        LocalDate to = FhirJson.date(FhirJson.text(period, "end"));
        LocalizedText text = null;
        for (JsonNode p : c.path("payload")) {
            text = FhirJson.localized(p, "contentString");
            if (text != null) {
                break;
            }
        }
        LocalizedText title = FhirJson.concept(c.path("topic"));
        if (title == null) {
            title = text == null ? LocalizedText.same(id) : text;
        }
        return new HospitalNotice(id, title, text, from, to);
    }

    // ---- feedback -----------------------------------------------------------------------------------------------

    /**
     * {@code POST QuestionnaireResponse} to the kiosk-satisfaction questionnaire, anonymous (no subject, source or
     * encounter; the author is the kiosk by identifier only). The kiosk's key is the response's {@code identifier}
     * and travels as a conditional create ({@code If-None-Exist: identifier=…}) and in the {@code Idempotency-Key}
     * header, so a retry is the same response on any server that honours either.
     */
    void sendFeedback(Feedback feedback, String idempotencyKey) {
        if (feedback == null) {
            throw new IllegalArgumentException("no feedback");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("feedback needs an idempotency key");
        }
        String key = idempotencyKey.trim();
        ObjectNode qr = FhirTransport.object();
        qr.put("resourceType", "QuestionnaireResponse");
        qr.putObject("identifier").put("system", IDEMPOTENCY_KEY_SYSTEM).put("value", key);
        qr.put("questionnaire", FEEDBACK_QUESTIONNAIRE);
        qr.put("status", "completed");
        qr.put("authored", feedback.at().atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        ObjectNode author = qr.putObject("author");
        author.put("type", "Device");
        author.putObject("identifier").put("system", KIOSK_SYSTEM).put("value", feedback.kioskId());
        ArrayNode items = qr.putArray("item");
        ObjectNode satisfaction = items.addObject().put("linkId", "satisfaction");
        satisfaction.putArray("answer").addObject().put("valueInteger", feedback.satisfaction());
        feedback.journey().ifPresent(j -> items.addObject().put("linkId", "journey").putArray("answer").addObject()
                .putObject("valueCoding").put("system", JOURNEY_SYSTEM).put("code", j));
        feedback.comment().ifPresent(c -> items.addObject().put("linkId", "comment").putArray("answer").addObject()
                .put("valueString", c));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(FhirHospitalBackend.IDEMPOTENCY_KEY_HEADER, key);
        headers.put("If-None-Exist", "identifier=" + FhirTransport.urlEncode(IDEMPOTENCY_KEY_SYSTEM + "|" + key));
        JsonNode answer = transport.post(BackendOperation.FEEDBACK, "QuestionnaireResponse", qr, headers);
        if (answer.has("resourceType") && !"QuestionnaireResponse".equals(answer.path("resourceType").asText())
                && !"OperationOutcome".equals(answer.path("resourceType").asText())) {
            throw FhirJson.bad("feedback answer is a " + FhirJson.safeType(answer));
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** The matches of a search, following next links on the hospital's own base only. */
    private List<JsonNode> searchAll(BackendOperation op, String query, String type) {
        FhirTransport.Deadline deadline = transport.deadline(op);
        List<JsonNode> all = new ArrayList<>();
        String base = settings.baseUrl().toString();
        String next = query;
        for (int page = 0; next != null; page++) {
            if (page == MAX_PAGES) {
                throw FhirJson.bad(op + ": the hospital's search does not end");
            }
            JsonNode bundle = transport.get(op, next, deadline);
            all.addAll(FhirJson.matches(bundle, type));
            next = null;
            for (JsonNode link : bundle.path("link")) {
                if ("next".equals(FhirJson.text(link, "relation"))) {
                    String url = FhirJson.text(link, "url");
                    if (url != null && url.startsWith(base)) {
                        String rel = url.substring(base.length());
                        next = rel.startsWith("/") ? rel.substring(1) : rel;
                    } else if (url != null) {
                        throw FhirJson.bad(op + ": next page lives outside the hospital's FHIR server");
                    }
                }
            }
        }
        return all;
    }

    /** A value fetched whole and kept for a while; a failed fetch keeps nothing and is tried again next time. */
    private static final class Cached<T> {
        private T value;
        private long fetchedAt;

        synchronized T get(Duration keep, Supplier<T> fetch) {
            // One fetch at a time: a second screen asking meanwhile waits for it instead of asking again.
            if (value == null || System.nanoTime() - fetchedAt >= keep.toNanos()) {
                value = fetch.get();
                fetchedAt = System.nanoTime();
            }
            return value;
        }
    }
}
