package org.medkiosk.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * The kiosk's local SQLite database (journal of payments and bookings, print queue). The schema is created
 * and upgraded by Flyway migrations in org/medkiosk/app/db/migration on first open, so a fresh kiosk and an
 * upgraded one end at the same schema. WAL mode: a crash never loses a committed journal entry.
 */
public final class KioskStore implements AutoCloseable {
    public static final String FILE_NAME = "kiosk.db";

    private final Path file;
    private final Connection connection;

    private KioskStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static KioskStore open(Path dataFolder) {
        try {
            Files.createDirectories(dataFolder);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the data folder " + dataFolder + ": " + e.getMessage(), e);
        }
        Path file = dataFolder.resolve(FILE_NAME);
        String url = "jdbc:sqlite:" + file;
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:org/medkiosk/app/db/migration")
                .load()
                .migrate();
        try {
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
            }
            return new KioskStore(file, c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the kiosk database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** The connection journals use; SQLite serialises writers, so one connection per kiosk is right. */
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing at shutdown: nothing left to save
        }
    }
}
