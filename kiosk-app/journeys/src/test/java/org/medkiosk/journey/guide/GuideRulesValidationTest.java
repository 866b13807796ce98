package org.medkiosk.journey.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rules file with a mistake is refused at start-up with one line naming the file, the line and what is wrong.
 * Each case edits one thing in an otherwise valid file.
 */
class GuideRulesValidationTest {
    private static final String VALID = """
            # a small valid rules file
            version: 1
            ageGroups:
              INFANT: { zh: 婴儿, en: Baby }
              CHILD: { zh: 儿童, en: Child }
              ADULT: { zh: 成人, en: Adult }
            regions:
              HEAD: { zh: 头, en: Head }
              CHEST: { zh: 胸, en: Chest }
            symptoms:
              - id: chest-pain
                zh: 胸痛
                en: Chest pain
                regions: [CHEST]
                redFlag: true
                redFlagReason: { zh: 胸痛可能很严重。请立即前往急诊科。, en: "Chest pain can be serious. Go to the emergency department now." }
              - id: cough
                zh: 咳嗽
                en: Cough
                regions: [CHEST, HEAD]
                routes:
                  - ageGroups: [INFANT, CHILD]
                    departments: [dept-ped]
                    reason: { zh: 儿科医生看咳嗽, en: Children's doctors see coughs }
                  - departments: [dept-im]
                    reason: { zh: 内科医生看咳嗽, en: Doctors here see coughs }
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** VALID with one text replaced (it must be there). */
    private static String edit(String from, String to) {
        assertTrue(VALID.contains(from), from);
        return VALID.replace(from, to);
    }

    private static int lineOf(String text, String marker) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError(marker);
    }

    /** Loads the file, expects a refusal whose one-line message names the file, the line (when > 0) and the words. */
    private GuideRulesException refused(Path file, int line, String... words) {
        GuideRulesException e = assertThrows(GuideRulesException.class, () -> GuideRules.load(file));
        checkMessage(e, file, line, words);
        return e;
    }

    private static void checkMessage(GuideRulesException e, Path file, int line, String... words) {
        String m = e.getMessage();
        assertFalse(m.contains("\n") || m.contains("\r"), "one line: " + m);
        assertTrue(m.contains(file.toString()), "names the file: " + m);
        if (line > 0) {
            assertTrue(m.contains(" line " + line + ":"), "names line " + line + ": " + m);
            assertEquals(line, e.line());
        }
        for (String w : words) {
            assertTrue(m.contains(w), "says '" + w + "': " + m);
        }
    }

    @Test
    void theValidFileLoads() throws IOException {
        GuideRules rules = GuideRules.load(write("ok.yaml", VALID));
        assertEquals(2, rules.symptoms().size());
        rules.validate(Set.of("dept-im", "dept-ped"));
    }

    @Test
    void unknownRegion() throws IOException {
        String text = edit("regions: [CHEST, HEAD]", "regions: [CHEST,\n      NECK]");
        refused(write("region.yaml", text), lineOf(text, "NECK"), "unknown region 'NECK'", "symptom 'cough'",
                "known: HEAD, CHEST");
    }

    @Test
    void unknownRegionInTheRegionsList() throws IOException {
        String text = edit("  CHEST: { zh: 胸, en: Chest }", "  CHEST: { zh: 胸, en: Chest }\n  TAIL: { zh: 尾, en: Tail }");
        refused(write("regions.yaml", text), lineOf(text, "TAIL"), "unknown region 'TAIL'");
    }

    @Test
    void aRegionTheFileDoesNotDescribeIsUnknown() throws IOException {
        String text = edit("regions: [CHEST, HEAD]", "regions: [CHEST, LEGS]");
        refused(write("undeclared.yaml", text), lineOf(text, "LEGS"), "unknown region 'LEGS'");
    }

    @Test
    void symptomIdUsedTwice() throws IOException {
        String text = edit("- id: cough", "- id: chest-pain");
        // the second one (where cough was) is named, and the first
        refused(write("twice.yaml", text), lineOf(VALID, "- id: cough"), "symptom id 'chest-pain' is used twice",
                "first on line " + lineOf(text, "- id: chest-pain"));
    }

    @Test
    void aSymptomWithNoRouteAndNoRedFlag() throws IOException {
        String text = edit("""
                    routes:
                      - ageGroups: [INFANT, CHILD]
                        departments: [dept-ped]
                        reason: { zh: 儿科医生看咳嗽, en: Children's doctors see coughs }
                      - departments: [dept-im]
                        reason: { zh: 内科医生看咳嗽, en: Doctors here see coughs }
                """, "");
        refused(write("noroute.yaml", text), lineOf(text, "- id: cough"), "symptom 'cough' has no route and is not a red flag");
    }

    @Test
    void anAgeGroupNoRouteFits() throws IOException {
        String text = edit("  - departments: [dept-im]", "  - ageGroups: [ADULT]\n        departments: [dept-im]")
                .replace("ageGroups: [INFANT, CHILD]", "ageGroups: [INFANT]");
        refused(write("age.yaml", text), lineOf(text, "- id: cough"), "offered to age group CHILD", "no route fits");
    }

    @Test
    void aRouteNamingADepartmentTheHospitalDoesNotHave() throws IOException {
        String text = edit("departments: [dept-im]", "departments: [dept-im, dept-ortho]");
        Path file = write("dept.yaml", text);
        GuideRules rules = GuideRules.load(file); // structurally fine
        GuideRulesException e = assertThrows(GuideRulesException.class,
                () -> rules.validate(Set.of("dept-im", "dept-ped", "dept-surg")));
        checkMessage(e, file, lineOf(text, "dept-ortho") , "department 'dept-ortho'", "symptom 'cough'",
                "dept-im, dept-ped, dept-surg");
    }

    @Test
    void missingChineseText() throws IOException {
        String text = edit("    zh: 咳嗽\n", "");
        refused(write("zh.yaml", text), lineOf(text, "- id: cough"), "symptom 'cough' is missing its Chinese text (zh)");
    }

    @Test
    void missingEnglishText() throws IOException {
        String text = edit("en: Doctors here see coughs }", "en: \"\" }");
        refused(write("en.yaml", text), lineOf(text, "内科医生看咳嗽"), "missing its English text (en)");
    }

    @Test
    void aRedFlagWithoutItsReason() throws IOException {
        String text = VALID.lines().filter(l -> !l.contains("redFlagReason")).reduce("", (a, b) -> a + b + "\n");
        refused(write("reason.yaml", text), lineOf(text, "- id: chest-pain"),
                "symptom 'chest-pain' is a red flag without its redFlagReason");
    }

    @Test
    void aMisspeltKeyIsNotSilentlyIgnored() throws IOException {
        // "redflag: true" would otherwise turn a red flag into nothing at all
        String text = edit("    redFlag: true", "    redflag: true");
        refused(write("spelling.yaml", text), lineOf(text, "redflag"), "unknown key 'redflag'", "redFlag");
    }

    @Test
    void aReasonThatReadsLikeADiagnosis() throws IOException {
        String text = edit("en: Doctors here see coughs }", "en: You have bronchitis }");
        refused(write("diagnosis.yaml", text), lineOf(text, "bronchitis"), "reads like a diagnosis", "'you have'");
        String zh = edit("zh: 内科医生看咳嗽", "zh: 您患有支气管炎");
        refused(write("diagnosis-zh.yaml", zh), lineOf(zh, "支气管炎"), "reads like a diagnosis");
    }

    @Test
    void anEmptyFile() throws IOException {
        refused(write("empty.yaml", ""), 0, "the file is empty");
        refused(write("comments.yaml", "# nothing here yet\n\n"), 0, "the file is empty");
    }

    @Test
    void badSyntax() throws IOException {
        String text = edit("    regions: [CHEST, HEAD]", "    regions: [CHEST, HEAD");
        GuideRulesException e = refused(write("syntax.yaml", text), 0, "not valid YAML");
        assertTrue(e.line() >= lineOf(text, "[CHEST, HEAD"), "the line is where the parser stopped: " + e.getMessage());
        String tabs = edit("  - id: cough", "\t- id: cough");
        refused(write("tabs.yaml", tabs), 0, "not valid YAML");
    }

    @Test
    void aKeyWrittenTwice() throws IOException {
        String text = edit("    en: Cough\n", "    en: Cough\n    en: Coughing\n");
        refused(write("dupkey.yaml", text), lineOf(text, "Coughing"), "the key 'en' is written twice");
    }

    @Test
    void notASetOfKeys() throws IOException {
        refused(write("list.yaml", "- a\n- b\n"), 1, "must start with the keys");
    }

    @Test
    void aFileThatCannotBeRead() {
        Path missing = dir.resolve("missing.yaml");
        GuideRulesException e = assertThrows(GuideRulesException.class, () -> GuideRules.load(missing));
        checkMessage(e, missing, 0, "cannot be read");
    }

    @Test
    void moreThanOneProblemIsCounted() throws IOException {
        String text = edit("    zh: 咳嗽\n    en: Cough\n", "");
        refused(write("two.yaml", text), lineOf(text, "- id: cough"), "(and 1 more problem)");
    }

    @Test
    void jsonIsReadToo() throws IOException {
        String json = """
                {"ageGroups": {"INFANT": {"zh": "婴儿", "en": "Baby"}, "CHILD": {"zh": "儿童", "en": "Child"},
                  "ADULT": {"zh": "成人", "en": "Adult"}},
                 "regions": {"HEAD": {"zh": "头", "en": "Head"}},
                 "symptoms": [{"id": "headache", "zh": "头痛", "en": "Headache", "regions": ["HEAD"],
                   "routes": [{"departments": ["dept-im"], "reason": {"zh": "内科医生看头痛", "en": "Doctors here see headaches"}}]}]}
                """;
        assertEquals(1, GuideRules.load(write("rules.json", json)).symptoms().size());
    }
}
