package org.medkiosk.journey.guide;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.journey.guide.RulesTree.Node;

/**
 * The department guide's rules: the words of the age groups and body regions, the symptoms offered in each region,
 * which of them are red flags, and where each ordinary symptom is seen. Read from a YAML file the hospital's
 * clinicians review and edit (the built-in default is {@code default-guide-rules.yaml}, whose comments describe the
 * format); checked when read ({@link #load}) and again against the hospital's departments at start-up
 * ({@link #validate}). Immutable.
 */
public final class GuideRules {
    /** The built-in rules, next to this class. */
    public static final String DEFAULT_RESOURCE = "default-guide-rules.yaml";

    /**
     * Words that would make a reason read like a diagnosis. The guide says where to go and how urgently, never what
     * the patient has.
     */
    static final List<String> DIAGNOSTIC_WORDS = List.of("you have", "you've got", "you are suffering", "diagnos",
            "诊断", "您患有", "你患有", "您得了", "你得了", "确诊");

    private static final Set<String> TOP_KEYS = Set.of("version", "ageGroups", "regions", "symptoms");
    private static final Set<String> TEXT_KEYS = Set.of("zh", "en");
    private static final Set<String> SYMPTOM_KEYS = Set.of("id", "zh", "en", "regions", "ageGroups", "redFlag",
            "redFlagReason", "routes");
    private static final Set<String> ROUTE_KEYS = Set.of("ageGroups", "regions", "departments", "reason");

    private final String source;
    private final Map<AgeGroup, LocalizedText> ageGroups;
    private final Map<BodyRegion, LocalizedText> regions;
    private final List<Symptom> symptoms;
    private final Map<String, Symptom> byId;

    private GuideRules(String source, Map<AgeGroup, LocalizedText> ageGroups, Map<BodyRegion, LocalizedText> regions,
                       List<Symptom> symptoms) {
        this.source = source;
        this.ageGroups = java.util.Collections.unmodifiableMap(new EnumMap<>(ageGroups));
        this.regions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(regions));
        this.symptoms = List.copyOf(symptoms);
        Map<String, Symptom> ids = new LinkedHashMap<>();
        symptoms.forEach(s -> ids.put(s.id(), s));
        this.byId = java.util.Collections.unmodifiableMap(ids);
    }

    /** Reads and checks a rules file. */
    public static GuideRules load(Path file) {
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new GuideRulesException(source, 0, "cannot be read (" + e.getClass().getSimpleName() + ": "
                    + RulesTree.firstLine(e.getMessage()) + "): check the path and its permissions", 0);
        }
        return parse(bytes, source);
    }

    /** The rules that ship with the kiosk. */
    public static GuideRules loadDefault() {
        try (InputStream in = GuideRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new GuideRulesException(DEFAULT_RESOURCE + " (built in)", 0, "missing from the kiosk's jar", 0);
            }
            return parse(in.readAllBytes(), DEFAULT_RESOURCE + " (built in)");
        } catch (IOException e) {
            throw new GuideRulesException(DEFAULT_RESOURCE + " (built in)", 0, "cannot be read: " + e.getMessage(), 0);
        }
    }

    /** Reads and checks rules from bytes (YAML, or JSON); source names them in messages. */
    public static GuideRules parse(byte[] bytes, String source) {
        Objects.requireNonNull(bytes);
        Objects.requireNonNull(source);
        return new Reader(source).rules(RulesTree.read(bytes, source));
    }

    /**
     * Checks every route against the departments the hospital has (their ids, as {@code HospitalBackend.departments()}
     * gives them); called at start-up once they are known.
     */
    public void validate(Set<String> departmentCodes) {
        Problems problems = new Problems(source);
        Set<String> known = new TreeSet<>(departmentCodes);
        for (Symptom s : symptoms) {
            for (Route r : s.routes()) {
                for (String d : r.departments()) {
                    if (!known.contains(d)) {
                        problems.add(r.line(), "symptom '" + s.id() + "' routes to department '" + RulesTree.shorten(d)
                                + "', which the hospital does not have (its departments: " + String.join(", ", known) + ")");
                    }
                }
            }
        }
        problems.throwIfAny();
    }

    /** Where these rules were read from. */
    public String source() {
        return source;
    }

    public Map<AgeGroup, LocalizedText> ageGroups() {
        return ageGroups;
    }

    /** The regions in the file's order. */
    public Map<BodyRegion, LocalizedText> regions() {
        return regions;
    }

    /** Every symptom, in the file's order. */
    public List<Symptom> symptoms() {
        return symptoms;
    }

    public Optional<Symptom> symptom(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Symptom> redFlags() {
        return symptoms.stream().filter(Symptom::redFlag).toList();
    }

    /** Every department any route names. */
    public Set<String> departmentCodes() {
        return symptoms.stream().flatMap(s -> s.routes().stream()).flatMap(r -> r.departments().stream())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** What the guide offers in a region to a patient of an age group: red flags first, then in the file's order. */
    public List<Symptom> offered(AgeGroup ageGroup, BodyRegion region) {
        List<Symptom> out = new ArrayList<>();
        symptoms.stream().filter(s -> s.redFlag() && s.offeredTo(ageGroup, region)).forEach(out::add);
        symptoms.stream().filter(s -> !s.redFlag() && s.offeredTo(ageGroup, region)).forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * The departments for these ordinary symptoms, most often named first (ties: in the order the symptoms were
     * chosen and their routes list them), each with the reason of the first route that named it. Red flags and
     * unknown ids are left out (a red flag never gets this far: it goes to the emergency department).
     */
    public List<Suggestion> suggest(AgeGroup ageGroup, BodyRegion region, Collection<String> chosenIds) {
        Map<String, Integer> count = new LinkedHashMap<>();
        Map<String, LocalizedText> reason = new LinkedHashMap<>();
        for (String id : chosenIds) {
            Symptom s = byId.get(id);
            if (s == null || s.redFlag()) {
                continue;
            }
            s.routeFor(ageGroup, region).ifPresent(r -> {
                for (String d : r.departments()) {
                    count.merge(d, 1, Integer::sum);
                    reason.putIfAbsent(d, r.reason());
                }
            });
        }
        List<String> order = new ArrayList<>(count.keySet());
        // a stable sort keeps first-named order among equals
        order.sort((a, b) -> Integer.compare(count.get(b), count.get(a)));
        return order.stream().map(d -> new Suggestion(d, reason.get(d), java.util.OptionalInt.empty())).toList();
    }

    /** Problems found so far; the first is the message, the rest are counted. */
    private static final class Problems {
        private final String source;
        private final List<int[]> lines = new ArrayList<>();
        private final List<String> what = new ArrayList<>();

        Problems(String source) {
            this.source = source;
        }

        void add(int line, String problem) {
            lines.add(new int[] {line});
            what.add(problem);
        }

        void throwIfAny() {
            if (!what.isEmpty()) {
                throw new GuideRulesException(source, lines.get(0)[0], what.get(0), what.size() - 1);
            }
        }
    }

    /** Turns the tree into rules, collecting every structural problem. */
    private static final class Reader {
        private final String source;
        private final Problems problems;

        Reader(String source) {
            this.source = source;
            this.problems = new Problems(source);
        }

        GuideRules rules(Node root) {
            if (!root.isMap()) {
                throw new GuideRulesException(source, root.line(), "the file must start with the keys ageGroups,"
                        + " regions and symptoms, not " + root.kind(), 0);
            }
            Map<String, Node> top = root.map();
            unknownKeys(top, TOP_KEYS, "at the top of the file");
            Node version = top.get("version");
            if (version != null && !"1".equals(version.value())) {
                problems.add(version.line(), "version " + version.kind() + " is not understood: this kiosk reads version 1");
            }
            Map<AgeGroup, LocalizedText> ages = texts(top.get("ageGroups"), "ageGroups", AgeGroup.class, root.line());
            Map<BodyRegion, LocalizedText> regions = texts(top.get("regions"), "regions", BodyRegion.class, root.line());
            List<Symptom> symptoms = new ArrayList<>();
            Node list = top.get("symptoms");
            if (list == null || !list.isList() || list.list().isEmpty()) {
                problems.add(list == null ? root.line() : list.line(), "'symptoms' must be a list of symptoms, each"
                        + " starting with '- id:'");
            } else {
                Map<String, Integer> seen = new LinkedHashMap<>();
                for (Node n : list.list()) {
                    Symptom s = symptom(n, regions.keySet());
                    if (s == null) {
                        continue;
                    }
                    Integer first = seen.putIfAbsent(s.id(), s.line());
                    if (first != null) {
                        problems.add(s.line(), "symptom id '" + s.id() + "' is used twice (first on line " + first
                                + "): give each symptom its own id");
                    }
                    symptoms.add(s);
                }
            }
            problems.throwIfAny();
            return new GuideRules(source, ages, regions, symptoms);
        }

        private <E extends Enum<E>> Map<E, LocalizedText> texts(Node n, String key, Class<E> type, int parentLine) {
            Map<E, LocalizedText> out = new LinkedHashMap<>();
            String known = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            if (n == null || !n.isMap()) {
                problems.add(n == null ? parentLine : n.line(), "'" + key + "' must give zh and en words for each of "
                        + known);
                return out;
            }
            for (Map.Entry<String, Node> e : n.map().entrySet()) {
                E id = constant(type, e.getKey());
                if (id == null) {
                    problems.add(e.getValue().line(), "unknown " + (type == BodyRegion.class ? "region" : "age group")
                            + " '" + RulesTree.shorten(e.getKey()) + "' in " + key + " (known: " + known + ")");
                    continue;
                }
                LocalizedText t = text(e.getValue(), key + "." + e.getKey());
                if (t != null) {
                    out.put(id, t);
                }
            }
            if (type == AgeGroup.class) {
                for (E c : type.getEnumConstants()) {
                    if (!out.containsKey(c) && n.map().get(c.name()) == null) {
                        problems.add(n.line(), "ageGroups is missing " + c.name() + ": the guide asks all of " + known);
                    }
                }
            }
            return out;
        }

        private Symptom symptom(Node n, Set<BodyRegion> declared) {
            if (!n.isMap()) {
                problems.add(n.line(), "each symptom must be a set of keys starting with '- id:', not " + n.kind());
                return null;
            }
            Map<String, Node> m = n.map();
            String id = scalar(m.get("id"));
            if (id == null || id.isBlank()) {
                problems.add(n.line(), "a symptom has no id");
                return null;
            }
            id = id.strip();
            String what = "symptom '" + RulesTree.shorten(id) + "'";
            unknownKeys(m, SYMPTOM_KEYS, "in " + what);
            LocalizedText text = textOf(m, n.line(), what);
            Set<BodyRegion> regions = regionList(m.get("regions"), what, declared, true, n.line());
            Set<AgeGroup> ages = ageList(m.get("ageGroups"), what);
            boolean redFlag = false;
            Node flag = m.get("redFlag");
            if (flag != null) {
                if (flag.value() instanceof Boolean b) {
                    redFlag = b;
                } else if ("true".equalsIgnoreCase(String.valueOf(flag.value()))
                        || "false".equalsIgnoreCase(String.valueOf(flag.value()))) {
                    redFlag = Boolean.parseBoolean(String.valueOf(flag.value()).toLowerCase(Locale.ROOT));
                } else {
                    problems.add(flag.line(), what + ": redFlag must be true or false, not " + flag.kind());
                    redFlag = true; // treated as meant, so its other checks run
                }
            }
            Optional<LocalizedText> reason = Optional.empty();
            Node reasonNode = m.get("redFlagReason");
            if (redFlag) {
                if (reasonNode == null) {
                    problems.add(n.line(), what + " is a red flag without its redFlagReason (zh and en): say why the"
                            + " patient must go to the emergency department now");
                } else {
                    reason = Optional.ofNullable(text(reasonNode, what + " redFlagReason"));
                    reason.ifPresent(r -> notDiagnostic(r, reasonNode.line(), what + " redFlagReason"));
                }
            } else if (reasonNode != null) {
                problems.add(reasonNode.line(), what + " has a redFlagReason but no 'redFlag: true'");
            }
            List<Route> routes = new ArrayList<>();
            Node routeList = m.get("routes");
            if (routeList != null) {
                if (!routeList.isList()) {
                    problems.add(routeList.line(), what + ": routes must be a list, each starting with '- departments:'");
                } else {
                    for (Node r : routeList.list()) {
                        Route route = route(r, what, declared);
                        if (route != null) {
                            routes.add(route);
                        }
                    }
                }
            }
            if (redFlag && routeList != null) {
                problems.add(routeList.line(), what + " is a red flag and also has routes: a red flag always goes to"
                        + " the emergency department, remove its routes");
            }
            if (!redFlag && (routeList == null || (routeList.isList() && routeList.list().isEmpty()))) {
                problems.add(n.line(), what + " has no route and is not a red flag: add routes (which departments see"
                        + " it) or 'redFlag: true'");
            } else if (!redFlag && !routes.isEmpty() && routes.size() == routeList.list().size()) {
                // every patient it is offered to must reach a department
                for (AgeGroup a : ages.isEmpty() ? EnumSet.allOf(AgeGroup.class) : ages) {
                    for (BodyRegion region : regions) {
                        if (routes.stream().noneMatch(r -> r.fits(a, region))) {
                            problems.add(n.line(), what + " is offered to age group " + a + " in region " + region
                                    + " but no route fits them: add a route without ageGroups/regions as the last one");
                        }
                    }
                }
            }
            if (text == null) {
                return null;
            }
            return new Symptom(id, text, regions, ages, redFlag, reason, routes, n.line());
        }

        private Route route(Node n, String what, Set<BodyRegion> declared) {
            if (!n.isMap()) {
                problems.add(n.line(), what + ": each route must be a set of keys (departments, reason), not " + n.kind());
                return null;
            }
            Map<String, Node> m = n.map();
            unknownKeys(m, ROUTE_KEYS, "in a route of " + what);
            Set<AgeGroup> ages = ageList(m.get("ageGroups"), what);
            Set<BodyRegion> regions = regionList(m.get("regions"), what, declared, false, n.line());
            List<String> departments = new ArrayList<>();
            Node d = m.get("departments");
            if (d == null || !d.isList() || d.list().isEmpty()) {
                problems.add(d == null ? n.line() : d.line(), what + ": a route needs 'departments', a list of the"
                        + " hospital's department ids in order of preference");
            } else {
                for (Node code : d.list()) {
                    String c = scalar(code);
                    if (c == null || c.isBlank()) {
                        problems.add(code.line(), what + ": a department id is empty");
                    } else if (departments.contains(c.strip())) {
                        problems.add(code.line(), what + ": department '" + RulesTree.shorten(c) + "' is listed twice in one route");
                    } else {
                        departments.add(c.strip());
                    }
                }
            }
            Node reasonNode = m.get("reason");
            LocalizedText reason = null;
            if (reasonNode == null) {
                problems.add(n.line(), what + ": a route needs its 'reason' (zh and en), e.g. \"Doctors here see coughs"
                        + " and fevers\"");
            } else {
                reason = text(reasonNode, what + " route reason");
                if (reason != null) {
                    notDiagnostic(reason, reasonNode.line(), what + " route reason");
                }
            }
            if (reason == null || departments.isEmpty()) {
                return null;
            }
            return new Route(ages, regions, departments, reason, n.line());
        }

        private Set<BodyRegion> regionList(Node n, String what, Set<BodyRegion> declared, boolean required, int line) {
            Set<BodyRegion> out = EnumSet.noneOf(BodyRegion.class);
            if (n == null) {
                if (required) {
                    problems.add(line, what + " has no 'regions': list where on the body it is offered, e.g. [CHEST]");
                }
                return out;
            }
            if (!n.isList() || (required && n.list().isEmpty())) {
                problems.add(n.line(), what + ": regions must be a list such as [HEAD, CHEST]");
                return out;
            }
            for (Node r : n.list()) {
                String name = scalar(r);
                BodyRegion region = name == null ? null : constant(BodyRegion.class, name.strip());
                if (region == null || !declared.contains(region)) {
                    problems.add(r.line(), what + " names unknown region '" + RulesTree.shorten(String.valueOf(name))
                            + "' (known: " + declared.stream().map(Enum::name).collect(Collectors.joining(", ")) + ")");
                } else {
                    out.add(region);
                }
            }
            return out;
        }

        private Set<AgeGroup> ageList(Node n, String what) {
            Set<AgeGroup> out = EnumSet.noneOf(AgeGroup.class);
            if (n == null) {
                return out;
            }
            if (!n.isList() || n.list().isEmpty()) {
                problems.add(n.line(), what + ": ageGroups must be a list such as [INFANT, CHILD]");
                return out;
            }
            for (Node a : n.list()) {
                String name = scalar(a);
                AgeGroup age = name == null ? null : constant(AgeGroup.class, name.strip());
                if (age == null) {
                    problems.add(a.line(), what + " names unknown age group '" + RulesTree.shorten(String.valueOf(name))
                            + "' (known: INFANT, CHILD, ADULT)");
                } else {
                    out.add(age);
                }
            }
            return out;
        }

        /** zh and en directly in a symptom. */
        private LocalizedText textOf(Map<String, Node> m, int line, String what) {
            String zh = scalar(m.get("zh"));
            String en = scalar(m.get("en"));
            boolean ok = true;
            if (zh == null || zh.isBlank()) {
                problems.add(m.get("zh") == null ? line : m.get("zh").line(), what + " is missing its Chinese text (zh)");
                ok = false;
            }
            if (en == null || en.isBlank()) {
                problems.add(m.get("en") == null ? line : m.get("en").line(), what + " is missing its English text (en)");
                ok = false;
            }
            return ok ? LocalizedText.of(zh.strip(), en.strip()) : null;
        }

        /** A {zh, en} set of keys. */
        private LocalizedText text(Node n, String what) {
            if (n == null || !n.isMap()) {
                problems.add(n == null ? 0 : n.line(), what + " must give zh and en texts, not "
                        + (n == null ? "nothing" : n.kind()));
                return null;
            }
            unknownKeys(n.map(), TEXT_KEYS, "in " + what);
            return textOf(n.map(), n.line(), what);
        }

        private void notDiagnostic(LocalizedText t, int line, String what) {
            for (String text : List.of(t.zh(), t.en())) {
                String lower = text.toLowerCase(Locale.ROOT);
                for (String word : DIAGNOSTIC_WORDS) {
                    if (lower.contains(word)) {
                        problems.add(line, what + " reads like a diagnosis ('" + word + "'): the guide never says what"
                                + " the patient has, only where to go and how urgently");
                        return;
                    }
                }
            }
        }

        private void unknownKeys(Map<String, Node> m, Set<String> known, String where) {
            for (Map.Entry<String, Node> e : m.entrySet()) {
                if (!known.contains(e.getKey())) {
                    problems.add(e.getValue().line(), "unknown key '" + RulesTree.shorten(e.getKey()) + "' " + where
                            + " (known: " + String.join(", ", new TreeSet<>(known)) + "); check its spelling");
                }
            }
        }

        private static String scalar(Node n) {
            return n != null && n.isScalar() ? String.valueOf(n.value()) : null;
        }

        private static <E extends Enum<E>> E constant(Class<E> type, String name) {
            for (E c : type.getEnumConstants()) {
                if (c.name().equals(name)) {
                    return c;
                }
            }
            return null;
        }
    }
}
