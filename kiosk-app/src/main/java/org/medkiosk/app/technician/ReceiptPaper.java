package org.medkiosk.app.technician;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.medkiosk.journal.PrintJob;

/**
 * The receipt paper counter: when the technician last loaded a new roll (in {@code receipt-paper.properties} in the
 * data folder, written atomically), and how many receipts the journal says were printed since. A roll of 80 mm
 * thermal paper holds a few hundred receipts: the count tells the round when to bring one before the sensor says
 * "near end".
 */
public final class ReceiptPaper {
    public static final String FILE_NAME = "receipt-paper.properties";
    private static final String KEY = "roll-loaded-at";

    private final Path file;

    private ReceiptPaper(Path file) {
        this.file = file;
    }

    public static ReceiptPaper in(Path dataFolder) {
        return new ReceiptPaper(dataFolder.resolve(FILE_NAME));
    }

    /** When the current roll was loaded; empty if nobody has said so yet (the count is then of every receipt). */
    public Optional<Instant> rollLoadedAt() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            String at = p.getProperty(KEY);
            return at == null ? Optional.empty() : Optional.of(Instant.parse(at.trim()));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty(); // a damaged file counts as "not said": the count is then of every receipt
        }
    }

    /** "New roll loaded": the count starts again from now. */
    public void rollLoaded(Instant at) {
        try {
            AtomicFile.replace(file, ("# the receipt printer's paper roll was last changed at\n" + KEY + "=" + at + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file + ": " + e.getMessage(), e);
        }
    }

    /** Receipts the printer confirmed since the roll was loaded. */
    public int printedSince(List<PrintJob> jobs) {
        Optional<Instant> since = rollLoadedAt();
        int n = 0;
        for (PrintJob j : jobs) {
            if (j.printer() == PrintJob.Printer.RECEIPT && j.state() == PrintJob.State.PRINTED
                    && (since.isEmpty() || !j.updatedAt().isBefore(since.get()))) {
                n++;
            }
        }
        return n;
    }
}
