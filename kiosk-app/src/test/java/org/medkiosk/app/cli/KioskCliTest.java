package org.medkiosk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.medkiosk.app.config.KioskConfig;

class KioskCliTest {
    final List<String> launches = new ArrayList<>();
    final KioskCli cli = new KioskCli((KioskConfig config, boolean demo) -> {
        launches.add((demo ? "demo:" : "run:") + config.hospital().name().zh());
        return 0;
    });
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return cli.execute(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertEquals(0, run("--version"));
        assertTrue(out().matches("MedKiosk \\d+\\.\\d+\\.\\d+.*\\R"), out());
        assertFalse(out().contains("unknown"), out());
    }

    @Test
    void unknownCommandPrintsUsageAndFails() {
        assertEquals(2, run("frobnicate"));
        assertTrue(err().contains("unknown command 'frobnicate'"), err());
        assertTrue(err().contains("Usage: kiosk"), err());
        assertTrue(launches.isEmpty());
    }

    @Test
    void noArgumentsPrintsUsageAndFails() {
        assertEquals(2, run());
        assertTrue(err().contains("Usage: kiosk"));
    }

    @Test
    void demoLaunchesInDemoModeAndRejectsFlags() {
        assertEquals(0, run("demo"));
        assertEquals(List.of("demo:MedKiosk 示范医院"), launches);
        assertEquals(2, run("demo", "--bogus"));
        assertEquals(1, launches.size());
    }

    @Test
    void runNeedsAConfigFileAndReportsBadValues(@TempDir Path dir) throws Exception {
        assertEquals(2, run("run"));
        assertEquals(2, run("run", "--conf", "x"));
        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "backend.url=https://his.example/fhir\nsession.timeout-seconds=forever\n");
        assertEquals(1, run("run", "--config", bad.toString()));
        assertTrue(err().contains("session.timeout-seconds = \"forever\""), err());
        assertTrue(launches.isEmpty());
    }

    @Test
    void runWithoutABackendUrlSaysSo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("k.properties");
        Files.writeString(f, "hospital.name.zh=测试医院\n");
        assertEquals(1, run("run", "--config", f.toString()));
        assertTrue(err().contains("backend.url"), err());
    }

    @Test
    void runLaunchesWithTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("k.properties");
        Files.writeString(f, "hospital.name.zh=测试医院\nbackend.url=https://his.example/fhir\n");
        assertEquals(0, run("run", "--config", f.toString()));
        assertEquals(List.of("run:测试医院"), launches);
    }
}
