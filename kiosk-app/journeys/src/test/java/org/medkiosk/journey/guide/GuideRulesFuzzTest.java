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
     * The regression run has no seed corpus here, so this replays a deterministic batch of damaged copies of the
     * default rules (cut short, bytes changed, lines swapped): every one loads or is refused with a clear message.
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
