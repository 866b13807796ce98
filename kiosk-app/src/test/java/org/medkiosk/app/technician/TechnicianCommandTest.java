package org.medkiosk.app.technician;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `kiosk technician set-pin` and `kiosk technician status`: the first-run story of the technician PIN. */
class TechnicianCommandTest {
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void streams() {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
    }

    private int setPin(List<String> args, boolean terminal, String... typed) {
        Deque<String> lines = new ArrayDeque<>(List.of(typed));
        return TechnicianCommand.setPin(args, new PrintStream(out, true), new PrintStream(err, true),
                prompt -> lines.isEmpty() ? null : lines.poll().toCharArray(), terminal);
    }

    private int status(List<String> args) {
        return TechnicianCommand.status(args, new PrintStream(out, true), new PrintStream(err, true));
    }

    @Test
    void theAdministratorSetsThePinAndTheKioskAcceptsIt(@TempDir Path data) {
        assertEquals(1, status(List.of("--data", data.toString())));
        assertTrue(out.toString().contains("not set"), out.toString());

        assertEquals(0, setPin(List.of("--data", data.toString()), true, "482915", "482915"));
        assertTrue(out.toString().contains("technician PIN set in " + data.resolve(TechnicianPin.FILE_NAME)), out.toString());
        assertFalse(out.toString().contains("482915"));
        assertInstanceOf(PinCheck.Accepted.class, TechnicianPin.in(data).check("482915".toCharArray()));

        TechnicianPin.in(data).check("111112".toCharArray());
        out.reset();
        assertEquals(0, status(List.of("--data", data.toString())));
        assertTrue(out.toString().startsWith("technician PIN: set (PBKDF2-HMAC-SHA256, 600000 iterations); 1 wrong entries"),
                out.toString());
    }

    @Test
    void twoDifferentPinsOrAWeakOneChangeNothing(@TempDir Path data) {
        assertEquals(1, setPin(List.of("--data", data.toString()), true, "482915", "482916"));
        assertTrue(err.toString().contains("the two PINs differ; nothing changed"), err.toString());
        assertEquals(1, setPin(List.of("--data", data.toString()), true, "123456", "123456"));
        assertTrue(err.toString().contains("a technician PIN must have digits that are not a run"), err.toString());
        assertEquals(1, setPin(List.of("--data", data.toString()), false));
        assertTrue(err.toString().contains("no PIN given"), err.toString());
        assertFalse(Files.exists(data.resolve(TechnicianPin.FILE_NAME)));
    }

    @Test
    void withoutATerminalOneLineOfStandardInputIsThePin(@TempDir Path data) throws Exception {
        assertEquals(0, setPin(List.of("--data", data.toString()), false, "605138"));
        assertInstanceOf(PinCheck.Accepted.class, TechnicianPin.in(data).check("605138".toCharArray()));
        assertArrayEquals("605138".toCharArray(),
                TechnicianCommand.line(new ByteArrayInputStream("605138\r\nrest".getBytes(StandardCharsets.UTF_8))));
        assertNull(TechnicianCommand.line(new ByteArrayInputStream(new byte[0])));
    }

    @Test
    void theDataFolderComesFromTheConfigurationFile(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("var-lib-medkiosk");
        Path config = Files.writeString(dir.resolve("kiosk.properties"),
                "backend.url=https://his.example.org/fhir\nstorage.data-folder=" + data + "\n");
        assertEquals(0, setPin(List.of("--config", config.toString()), false, "605138"));
        assertTrue(Files.exists(data.resolve(TechnicianPin.FILE_NAME)));

        Path bad = Files.writeString(dir.resolve("bad.properties"), "backend.url=http://his.example.org/fhir\n");
        assertEquals(1, setPin(List.of("--config", bad.toString()), false, "605138"));
        assertTrue(err.toString().startsWith("kiosk: " + bad + ": backend.url = \"http://his.example.org/fhir\" is not valid"),
                err.toString());
    }

    @Test
    void thePinIsNeverAnArgument(@TempDir Path data) {
        assertEquals(2, setPin(List.of(), false, "605138"));
        assertEquals(2, setPin(List.of("--data", data.toString(), "--pin", "605138"), false, "605138"));
        assertTrue(err.toString().contains("Usage: kiosk technician set-pin [-hV] (--config=FILE | --data=DIR)"), err.toString());
        assertFalse(err.toString().contains("605138"), "the mistyped PIN is not echoed: " + err);
        assertFalse(Files.exists(data.resolve(TechnicianPin.FILE_NAME)));
    }
}
