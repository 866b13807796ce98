package org.medkiosk.journey.guide;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rules parsing on arbitrary bytes: a rules file is edited by hand, so anything may arrive; nothing but
 * {@link GuideRulesException} (one line, naming the file) may escape, and rules that load are usable.
 */
class GuideRulesFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(FuzzedDataProvider data) {
        check(data.consumeRemainingAsBytes());
    }

    /**
     * The seed corpus ({@code GuideRulesFuzzTestInputs/parse/}, replayed by {@link #parse} in every regression run and
     * the fuzzer's starting points) holds a small valid file, the default rules and one file per kind of mistake a
     * clinician's edit or a hostile file makes; the valid ones load and every other one is refused with one line.
     */
    @Test
    void theSeedsLoadOrAreRefusedAsTheirNamesSay() throws IOException {
        java.nio.file.Path seeds = java.nio.file.Path.of("src/test/resources/org/medkiosk/journey/guide/GuideRulesFuzzTestInputs/parse");
        java.util.List<java.nio.file.Path> files;
        try (var list = java.nio.file.Files.list(seeds)) {
            files = list.sorted().toList();
        }
        Set<String> valid = Set.of("minimal-valid.yaml", "default-rules.yaml");
        org.junit.jupiter.api.Assertions.assertTrue(files.size() >= 12, "the seed corpus: " + files);
        for (java.nio.file.Path f : files) {
            String name = f.getFileName().toString();
            byte[] bytes = java.nio.file.Files.readAllBytes(f);
            if (valid.contains(name)) {
                GuideRules rules = GuideRules.parse(bytes, name);
                rules.validate(Set.of("dept-im", "dept-surg", "dept-ped", "dept-obgyn", "dept-eye", "dept-ent",
                        "dept-dent", "dept-derm", "dept-tcm"));
                org.junit.jupiter.api.Assertions.assertFalse(rules.offered(AgeGroup.ADULT, BodyRegion.CHEST).isEmpty(), name);
            } else {
                GuideRulesException refused = org.junit.jupiter.api.Assertions.assertThrows(GuideRulesException.class,
                        () -> GuideRules.parse(bytes, name), name + " was accepted");
                org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains(name)
                        && !refused.getMessage().contains("\n"), refused.getMessage());
            }
        }
    }

    /**
     * Beside the seeds, a deterministic batch of damaged copies of the default rules (cut short, bytes changed):
     * every one loads or is refused with a clear message.
     */
    @Test
    void damagedCopiesOfTheDefaultRulesAreLoadedOrRefusedCleanly() throws IOException {
        byte[] original;
        try (InputStream in = GuideRules.class.getResourceAsStream(GuideRules.DEFAULT_RESOURCE)) {
            original = in.readAllBytes();
        }
        check(original);
        for (int cut = 0; cut < original.length; cut += 61) {
            check(java.util.Arrays.copyOf(original, cut));
        }
        Random random = new Random(13);
        byte[] alphabet = ":-[]{}#\"' \n\t,&*!|>%@`?\u0000".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int round = 0; round < 400; round++) {
            byte[] damaged = original.clone();
            int changes = 1 + random.nextInt(8);
            for (int i = 0; i < changes; i++) {
                int at = random.nextInt(damaged.length);
                damaged[at] = random.nextBoolean() ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
            }
            check(damaged);
        }
    }

    private static void check(byte[] bytes) {
        try {
            GuideRules rules = GuideRules.parse(bytes, "fuzz.yaml");
            rules.validate(Set.of("dept-im"));
            for (AgeGroup a : AgeGroup.values()) {
                for (BodyRegion r : BodyRegion.values()) {
                    rules.suggest(a, r, rules.offered(a, r).stream().map(Symptom::id).toList());
                }
            }
        } catch (GuideRulesException e) {
            if (e.getMessage().contains("\n") || !e.getMessage().contains("fuzz.yaml")) {
                throw new AssertionError("not a one-line message naming the file: " + e.getMessage());
            }
        }
    }
}
