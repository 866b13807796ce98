package org.medkiosk.journey.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.demohospital.DemoRoster;

/** Every script in examples/ runs against an in-process demo hospital, and the runner prints no personal data. */
class ExamplesTest {
    private static DemoHospital hospital;

    @TempDir
    Path data;

    @BeforeAll
    static void startHospital() {
        hospital = DemoHospital.start(0);
    }

    @AfterAll
    static void stopHospital() {
        hospital.close();
    }

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    @Test
    void thereAreExamples() throws IOException {
        assertTrue(examples().size() >= 5, "examples/ has the documented scripts");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleRunsAndEveryExpectationHolds(Path script) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = JourneyRunCommand.run(List.of("--backend", hospital.baseUrl(), "--data", data.toString(),
                script.toString()), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, script + ":\n" + printed + err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("script done:"), printed);
        assertNoPersonalData(printed);
    }

    @Test
    void aFailedExpectationExitsOne() throws IOException {
        Path script = data.resolve("wrong.txt");
        Files.writeString(script, "card 1\nexpect UnknownPatient\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = JourneyRunCommand.run(List.of("--backend", hospital.baseUrl(), "--data", data.resolve("k").toString(),
                script.toString()), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(1, status);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("FAILED: the state is Identified"));
    }

    @Test
    void usageAndScriptErrorsExitTwo() throws IOException {
        Path script = data.resolve("bad.txt");
        Files.writeString(script, "dance\n");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, JourneyRunCommand.run(List.of("--data", data.toString()), quiet, quiet));
        assertEquals(2, JourneyRunCommand.run(List.of("--backend", hospital.baseUrl(), "--data", data.toString(),
                script.toString()), quiet, quiet));
    }

    static void assertNoPersonalData(String printed) {
        for (DemoRoster.Person p : DemoRoster.everyone()) {
            assertFalse(printed.contains(p.nameZh()), "a name was printed");
            assertFalse(printed.contains(p.nameEn()), "a name was printed");
            assertFalse(printed.contains(p.idNumber()), "an ID number was printed");
        }
        // Demo payment codes all start 1345678901234567 (PaymentBehaviour.sampleCode); only the last 4 may show.
        assertFalse(printed.contains("1345678901234567"), "a payment code was printed:\n" + printed);
    }
}
