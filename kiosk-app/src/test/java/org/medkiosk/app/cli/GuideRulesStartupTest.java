package org.medkiosk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.app.config.ConfigLoader;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.journey.guide.GuideRules;
import org.medkiosk.journey.guide.GuideRulesException;

/** Issue 13: guide.rules names a rules file; one the guide cannot use stops `kiosk run` with the rules' one line. */
class GuideRulesStartupTest {

    @Test
    void aBrokenRulesFileStopsKioskRunWithTheLoadersOneLineMessage(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("guide-rules.yaml");
        Files.writeString(rules, "version: 1\nageGroups:\n  ADULT: { zh: 成人, en: Adult }\nsymptomz: []\n");
        String expected = assertThrows(GuideRulesException.class, () -> GuideRules.load(rules)).getMessage();
        Path config = dir.resolve("kiosk.properties");
        Files.writeString(config, "backend.url=https://his.example/fhir\nguide.rules=" + rules + "\n");

        List<KioskConfig> launched = new ArrayList<>();
        KioskCli cli = new KioskCli((KioskConfig c, boolean demo) -> {
            launched.add(c);
            return 0;
        });
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = cli.execute(List.of("run", "--config", config.toString()), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(1, code);
        assertTrue(launched.isEmpty(), "the kiosk did not start");
        assertEquals("kiosk: " + expected + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
        assertTrue(expected.contains(rules.toString()) && !expected.contains("\n"), expected);
    }

    @Test
    void aMissingRulesFileIsNamedToo(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        var e = assertThrows(org.medkiosk.app.config.ConfigException.class,
                () -> ConfigLoader.parse("t", "guide.rules=" + missing));
        assertTrue(e.getMessage().startsWith("Department guide rules " + missing), e.getMessage());
    }

    @Test
    void noKeyMeansTheShippedRulesAndAGoodFileIsTaken(@TempDir Path dir) throws Exception {
        assertTrue(ConfigLoader.parse("t", "").guidance().guideRules().isEmpty());
        Path copy = dir.resolve("rules.yaml");
        try (var in = GuideRules.class.getResourceAsStream(GuideRules.DEFAULT_RESOURCE)) {
            Files.write(copy, in.readAllBytes());
        }
        KioskConfig c = ConfigLoader.parse("t", "guide.rules=" + copy + "\nwayfinding.map.F2=/srv/maps/f2.png\n");
        assertEquals(copy, c.guidance().guideRules().orElseThrow());
        assertEquals(Path.of("/srv/maps/f2.png"), c.guidance().floorMap("F2").orElseThrow());
    }
}
