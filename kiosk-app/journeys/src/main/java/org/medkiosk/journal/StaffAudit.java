package org.medkiosk.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What staff did at this kiosk, one JSON object per line in {@code staff-audit.jsonl} in the data folder: who (the
 * hospital's staff id and staff number), when, what, in which journey, with what outcome, and for which patient by
 * the hospital's record id only. It never holds a patient's name, ID number or phone, and never a PIN: the entry
 * has no field that could carry them. Each line is forced to disk before the action goes on; a kill mid-write can
 * leave only a torn last line, which {@link #entries()} skips.
 */
public final class StaffAudit {
    public static final String FILE_NAME = "staff-audit.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(StaffAudit.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What staff did. */
    public enum Action {
        SIGNED_IN, SIGN_IN_REFUSED, PATIENT_SEARCHED, ACTING_FOR, JOURNEY, SIGNED_OUT
    }

    /**
     * One line of the audit log.
     *
     * @param staffId     the hospital's id of the staff member (FHIR Practitioner id); null when sign-in was refused
     * @param staffNumber the staff number typed or the staff card's masked number, as presented
     * @param journey     the journey acted in (CHECK_IN, PAY…), or how a patient was found (BY_PHONE, ID_CARD…)
     * @param outcome     how it ended (the journey's last state, "found 2", "inactivity")
     * @param patientId   the hospital's record id of the patient acted for (FHIR Patient id), never a name or number
     */
    public record Entry(Instant at, String staffId, String staffNumber, Action action, String journey, String outcome,
                        String patientId) {
    }

    private final Path file;

    public StaffAudit(Path dataFolder) {
        this.file = dataFolder.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** Appends and forces one entry. A disk that refuses is logged loudly; the nurse's work is not stopped by it. */
    public synchronized void record(Entry entry) {
        try {
            Files.createDirectories(file.getParent());
            byte[] line = (JSON.writeValueAsString(toJson(entry)) + "\n").getBytes(StandardCharsets.UTF_8);
            if (Files.exists(file) && Files.size(file) > 0 && !endsWithNewline(file)) {
                // A kill mid-write left a torn line: close it, so this entry is a line of its own.
                line = ("\n" + new String(line, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
        } catch (IOException e) {
            LOG.error("staff audit entry {} by staff {} could not be written to {}: {}", entry.action(),
                    entry.staffId(), file, e.toString());
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            in.read(last, in.size() - 1);
            return last.get(0) == '\n';
        }
    }

    /** Every entry, oldest first; a torn line (a kill mid-write) is skipped. */
    public synchronized List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(fromJson(JSON.readTree(line)));
                } catch (IOException | RuntimeException torn) {
                    LOG.warn("staff audit: skipped a line that is not a whole entry ({} characters)", line.length());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the staff audit log " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static ObjectNode toJson(Entry e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("at", e.at().toString());
        o.put("staffId", e.staffId());
        o.put("staffNumber", e.staffNumber());
        o.put("action", e.action().name());
        o.put("journey", e.journey());
        o.put("outcome", e.outcome());
        o.put("patientId", e.patientId());
        return o;
    }

    private static Entry fromJson(JsonNode o) {
        return new Entry(Instant.parse(o.get("at").asText()), text(o, "staffId"), text(o, "staffNumber"),
                Action.valueOf(o.get("action").asText()), text(o, "journey"), text(o, "outcome"), text(o, "patientId"));
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
