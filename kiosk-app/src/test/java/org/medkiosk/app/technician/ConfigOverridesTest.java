package org.medkiosk.app.technician;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.app.config.ConfigException;
import org.medkiosk.app.config.ConfigLoader;
import org.medkiosk.app.config.KioskConfig;

/** Technician configuration edits: validated by the loader, saved atomically to the overrides file, main file untouched. */
class ConfigOverridesTest {
    static final String MAIN = "# MedKiosk, set up by the hospital's IT department: do not edit on the kiosk.\n"
            + "backend.url=https://his.example-hospital.cn/fhir\n"
            + "# the SAM reader\n"
            + "idcard.port=/dev/ttyUSB0\nidcard.baud=115200\n"
            + "printer.receipt=serial:/dev/ttyUSB1@115200\n";

    private static Path mainFile(Path dir, Path data) throws Exception {
        return Files.writeString(dir.resolve("kiosk.properties"), MAIN + "storage.data-folder=" + data + "\n");
    }

    @Test
    void anEditGoesToTheOverridesFileAndTheKioskLoadsIt(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path main = mainFile(dir, data);
        byte[] mainBefore = Files.readAllBytes(main);
        ConfigOverrides overrides = ConfigOverrides.of(main);
        assertEquals(data.resolve(ConfigLoader.OVERRIDES_FILE_NAME), overrides.file());
        assertEquals(Map.of(), overrides.values());

        KioskConfig saved = overrides.setAll(Map.of("idcard.port", "/dev/serial/by-id/usb-SAM_Reader-if00", "idcard.baud", "9600"));
        assertEquals(Optional.of("/dev/serial/by-id/usb-SAM_Reader-if00"), saved.idCardReader().port());
        KioskConfig loaded = ConfigLoader.load(main); // what `kiosk run --config` starts with
        assertEquals(saved, loaded);
        assertEquals(9600, loaded.idCardReader().baud());
        assertEquals(Map.of("idcard.port", "/dev/serial/by-id/usb-SAM_Reader-if00", "idcard.baud", "9600"), overrides.values());

        overrides.set("printer.receipt", ""); // "no receipt printer", over the administrator's printer
        assertTrue(ConfigLoader.load(main).receiptPrinter().spec().isEmpty());
        overrides.remove("printer.receipt"); // back to the administrator's value
        assertEquals(Optional.of("serial:/dev/ttyUSB1@115200"), ConfigLoader.load(main).receiptPrinter().spec());

        assertArrayEquals(mainBefore, Files.readAllBytes(main), "the administrator's file, comments and all, untouched");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(overrides.file())),
                "owner-only: it may hold backend.token");
    }

    @Test
    void aBadEditIsRefusedWithTheLoadersMessageAndNothingIsSaved(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        ConfigOverrides overrides = ConfigOverrides.of(mainFile(dir, data));
        overrides.set("idcard.baud", "9600");
        byte[] before = Files.readAllBytes(overrides.file());

        ConfigException baud = assertThrows(ConfigException.class, () -> overrides.set("idcard.baud", "9601"));
        assertEquals(overrides.file() + ": idcard.baud = \"9601\" is not valid: expected one of [115200, 19200, 38400, "
                + "57600, 9600]", baud.getMessage());
        ConfigException http = assertThrows(ConfigException.class,
                () -> overrides.set("backend.url", "http://his.example-hospital.cn/fhir"));
        assertEquals("backend.url", http.key());
        ConfigException unknown = assertThrows(ConfigException.class, () -> overrides.set("idcard.bauds", "9600"));
        assertTrue(unknown.getMessage().startsWith(overrides.file() + ": unknown key(s) [idcard.bauds]"), unknown.getMessage());
        assertThrows(ConfigException.class, () -> overrides.set("storage.data-folder", dir.toString()));
        // One bad value in a batch refuses the whole batch.
        assertThrows(ConfigException.class, () -> overrides.setAll(Map.of("idcard.port", "/dev/ttyS0", "idcard.poll-ms", "1")));

        assertArrayEquals(before, Files.readAllBytes(overrides.file()), "nothing was written");
        assertEquals(Map.of("idcard.baud", "9600"), overrides.values());
        try (var files = Files.list(data)) {
            assertEquals(1, files.count(), "no temporary file left either");
        }
    }

    @Test
    void valuesSurviveTheFileExactly(@TempDir Path dir) throws Exception {
        ConfigOverrides overrides = ConfigOverrides.of(mainFile(dir, dir.resolve("data")));
        Map<String, String> tricky = new LinkedHashMap<>();
        tricky.put("hospital.name.zh", "示范市第一人民医院 = 东院: #2 !");
        tricky.put("hospital.footer.en", " leading space, tab\there, back\\slash, line\nbreak");
        tricky.put("scanner.format.patient-card", "PC\\d{8}");
        tricky.put("scanner.prefix", "#!");
        overrides.setAll(tricky);
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(overrides.file())));
        for (Map.Entry<String, String> e : tricky.entrySet()) {
            assertEquals(e.getValue(), p.getProperty(e.getKey()), e.getKey());
        }
        KioskConfig c = ConfigLoader.load(overrides.mainFile());
        assertEquals("示范市第一人民医院 = 东院: #2 !", c.hospital().name().zh());
        assertEquals("PC\\d{8}", c.scanner().codeFormats().regex(org.medkiosk.device.scanner.CodeKind.PATIENT_CARD));
        assertTrue(Files.readString(overrides.file()).contains("hospital.name.zh=示范市第一人民医院"), "readable UTF-8");
    }

    @Test
    void theSameValuesAlwaysMakeTheSameBytes(@TempDir Path dir) throws Exception {
        ConfigOverrides overrides = ConfigOverrides.of(mainFile(dir, dir.resolve("data")));
        overrides.setAll(Map.of("voice.volume", "60", "idcard.baud", "9600"));
        String first = Files.readString(overrides.file());
        overrides.remove("voice.volume");
        overrides.set("voice.volume", "60");
        assertEquals(first, Files.readString(overrides.file()), "sorted, no timestamp");
        assertEquals(first, overrides.text(overrides.values()));
    }

    @Test
    void aTemporaryFileLeftByAKilledSaveIsNeverReadAndIsCleanedUp(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        ConfigOverrides overrides = ConfigOverrides.of(mainFile(dir, data));
        overrides.set("idcard.baud", "9600");
        Path leftover = data.resolve(AtomicFile.temporaryPrefix(overrides.file()) + "123456.tmp");
        Files.writeString(leftover, "idcard.baud=96"); // half a file, as a SIGKILL mid-write leaves it
        assertEquals(9600, ConfigLoader.load(overrides.mainFile()).idCardReader().baud());
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        overrides.set("idcard.baud", "19200");
        assertFalse(Files.exists(leftover));
    }
}
