package org.medkiosk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The picocli tree of `kiosk`: generated help for every command, exit 2 for usage errors, the completion script. */
class KioskCommandTest {
    final List<String> launches = new ArrayList<>();
    final KioskCli cli = new KioskCli((config, demo) -> {
        launches.add(demo ? "demo" : "run");
        return 0;
    });
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        return cli.execute(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Every runnable command as its words after `kiosk`: "demo", "devices idcard", ... (not help/completion's own). */
    List<List<String>> leaves() {
        CommandLine root = cli.commandLine(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        List<List<String>> leaves = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            if (e.getValue().getSubcommands().isEmpty()) {
                leaves.add(List.of(e.getKey()));
            }
            for (String leaf : e.getValue().getSubcommands().keySet()) {
                leaves.add(List.of(e.getKey(), leaf));
            }
        }
        return leaves;
    }

    String[] argv(List<String> words, String... more) {
        List<String> a = new ArrayList<>(words);
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void theTreeHasEveryGroupAndCommand() {
        List<String> names = leaves().stream().map(w -> String.join(" ", w)).toList();
        for (String c : new String[] {"demo", "run", "demo-hospital", "help", "completion", "devices idcard", "devices scan",
                "devices smartcard", "devices status", "devices print-test", "receipt render", "report render",
                "backend check", "journal list", "journal recover", "journal audit", "journey run", "journey crash-test",
                "technician set-pin", "technician status", "diagnostics"}) {
            assertTrue(names.contains(c), "no `kiosk " + c + "` in " + names);
        }
    }

    @Test
    void helpPrintsTheUsageOfEveryCommand() {
        assertEquals(0, run("help"));
        assertTrue(out().startsWith("Usage: kiosk"), out());
        assertEquals(0, run("--help"));
        assertTrue(out().startsWith("Usage: kiosk"), out());
        for (List<String> words : leaves()) {
            String name = "kiosk " + String.join(" ", words);
            assertEquals(0, run(argv(words, "--help")), name + " --help: " + err());
            // backend check parses its own flags (and prints its own usage) behind a thin adapter
            assertTrue(out().toLowerCase(Locale.ROOT).startsWith("usage: " + name), name + " --help: " + out());
            assertTrue(err().isEmpty(), err());
            if (!words.get(0).equals("help")) {
                assertEquals(0, run(argv(List.of("help"), words.toArray(new String[0]))), "kiosk help " + words);
                assertTrue(out().startsWith("Usage: " + name), out());
            }
        }
        assertTrue(launches.isEmpty(), "--help launches nothing");
    }

    @Test
    void groupsWithoutACommandOrWithAnUnknownOneAreUsageErrors() {
        for (String group : new String[] {"devices", "receipt", "report", "backend", "journal", "journey", "technician"}) {
            assertEquals(2, run(group), group);
            assertTrue(err().contains("Usage: kiosk " + group), err());
            assertEquals(2, run(group, "frobnicate"), group);
            assertTrue(err().contains("kiosk " + group + ": unknown subcommand 'frobnicate'"), err());
            assertEquals(0, run(group, "--help"), group);
            assertTrue(out().startsWith("Usage: kiosk " + group), out());
        }
        assertEquals(2, run("frobnicate"));
        assertTrue(err().startsWith("kiosk: unknown command 'frobnicate'"), err());
    }

    @Test
    void anUnknownOptionIsAUsageErrorEverywhere() {
        for (List<String> words : leaves()) {
            if (words.equals(List.of("help"))) {
                continue;
            }
            assertEquals(2, run(argv(words, "--no-such-option")), "kiosk " + words + ": " + err());
            assertTrue(err().contains("--no-such-option") || err().contains("Missing required"), err());
        }
        assertTrue(launches.isEmpty());
    }

    @Test
    void theValueAfterAMistypedOptionIsNeverEchoed() {
        assertEquals(2, run("devices", "status", "--printer", "tcp://127.0.0.1:9", "--tokn", "s3cr3t-value"));
        assertTrue(err().contains("unknown option '--tokn'"), err());
        assertFalse(err().contains("s3cr3t-value"), err());
        assertEquals(2, run("technician", "status", "--data", "/tmp/x", "--pin=605138"));
        assertFalse(err().contains("605138"), err());
        assertEquals(2, run("backend", "check", "--url", "https://his.example.org/fhir", "--tokn", "s3cr3t-token"));
        assertTrue(err().contains("--tokn"), err());
        assertFalse(err().contains("s3cr3t-token"), err());
        assertEquals("bad --token ****", Cli.masked("bad --token s3cr3t", new String[] {"--token", "s3cr3t"}));
        assertEquals("bad ****", Cli.masked("bad s3cr3t", new String[] {"--token=s3cr3t"}));
    }

    @Test
    void everyCommandKnowsTheVersion() {
        assertEquals(0, run("--version"));
        assertTrue(out().startsWith("MedKiosk "), out());
        assertEquals(0, run("version"));
        assertTrue(out().startsWith("MedKiosk "), out());
        assertEquals(0, run("devices", "scan", "--version"));
        assertTrue(out().startsWith("MedKiosk "), out());
    }

    @Test
    void completionPrintsABashScriptWithEveryCommand() {
        assertEquals(0, run("completion"));
        String script = out();
        assertTrue(script.startsWith("#!/usr/bin/env bash"), script.substring(0, Math.min(200, script.length())));
        assertTrue(script.contains("complete -F"), "no complete -F");
        for (List<String> words : leaves()) {
            for (String w : words) {
                assertTrue(script.contains(w), "the completion script lacks " + w);
            }
        }
        assertTrue(script.contains("--printer") && script.contains("--sample"), "options are completed too");
    }

    @Test
    void demoAndRunParseOnlyTheirOwnOptions() {
        assertEquals(0, run("demo"));
        assertEquals(2, run("demo", "extra"));
        assertEquals(2, run("demo", "--backend"));
        assertEquals(2, run("run"));
        assertTrue(err().contains("--config"), err());
        assertEquals(0, run("demo", "--backend", "http://127.0.0.1:8090/fhir"));
        assertEquals(0, run("demo", "--backend=http://127.0.0.1:8090/fhir"));
        assertEquals(2, run("demo", "--backend", "ftp://nowhere"), "a bad URL is a usage error: " + err());
        assertEquals(List.of("demo", "demo", "demo"), launches);
    }
}
