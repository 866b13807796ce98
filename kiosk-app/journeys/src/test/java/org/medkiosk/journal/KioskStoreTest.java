package org.medkiosk.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskStoreTest {

    @Test
    void firstOpenCreatesTheSchemaByMigrationAndReopenKeepsData(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("fresh/medkiosk");
        try (KioskStore store = KioskStore.open(data)) {
            assertTrue(Files.exists(data.resolve(KioskStore.FILE_NAME)));
            Set<String> tables = new HashSet<>();
            try (Statement s = store.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type='table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertTrue(tables.containsAll(Set.of("intent", "print_job", "kiosk_event")), tables.toString());
            try (Statement s = store.connection().createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertEquals("wal", rs.getString(1).toLowerCase());
            }
            try (Statement s = store.connection().createStatement()) {
                s.executeUpdate("INSERT INTO intent(idempotency_key, journey_id, kind, state, created_at, updated_at) "
                        + "VALUES ('k-1', 'j-1', 'PAY', 'INTENDED', '2026-11-21T10:00:00Z', '2026-11-21T10:00:00Z')");
            }
        }
        try (KioskStore again = KioskStore.open(data);
             Statement s = again.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM intent WHERE idempotency_key='k-1'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "a committed journal entry survives a restart");
        }
    }

    @Test
    void idempotencyKeysAreUnique(@TempDir Path dir) throws Exception {
        try (KioskStore store = KioskStore.open(dir); Statement s = store.connection().createStatement()) {
            String insert = "INSERT INTO intent(idempotency_key, journey_id, kind, state, created_at, updated_at) "
                    + "VALUES ('dup', 'j-1', 'PAY', 'INTENDED', 'now', 'now')";
            s.executeUpdate(insert);
            org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> s.executeUpdate(insert));
        }
    }
}
