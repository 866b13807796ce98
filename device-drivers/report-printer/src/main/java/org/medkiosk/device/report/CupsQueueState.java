package org.medkiosk.device.report;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medkiosk.device.link.DeviceHealth;

/**
 * A queue's live state straight from the CUPS scheduler (IPP Get-Printer-Attributes on localhost:631):
 * javax.print caches a service's attributes for the life of the JVM, so a queue stopped or refilled after
 * start-up would otherwise be misreported for hours.
 *
 * @param reasons printer-state-reasons keywords, e.g. {@code media-empty-error}, {@code toner-low-warning}
 */
record CupsQueueState(boolean acceptingJobs, int state, List<String> reasons) {
    static final int IDLE = 3;
    static final int PROCESSING = 4;
    static final int STOPPED = 5;

    DeviceHealth health(String queue) {
        if (!acceptingJobs) {
            return DeviceHealth.offline("queue " + queue + " is not accepting jobs (cupsaccept)");
        }
        if (state == STOPPED) {
            return DeviceHealth.offline("queue " + queue + " is stopped" + (reasons.isEmpty() ? "" : ": " + String.join(", ", reasons)) + " (cupsenable)");
        }
        for (String r : reasons) {
            if (r.endsWith("-error")) {
                return DeviceHealth.offline("printer " + queue + ": " + r);
            }
        }
        for (String r : reasons) {
            if (r.endsWith("-warning")) {
                return DeviceHealth.degraded("printer " + queue + ": " + r);
            }
        }
        return DeviceHealth.ready();
    }

    /** Asks the local CUPS scheduler; empty when there is none (other OS, remote server, no such queue). */
    static Optional<CupsQueueState> query(String queue) {
        return post(queue, CupsQueueState::request).flatMap(CupsQueueState::parse);
    }

    /**
     * The highest job id CUPS knows for the queue (job ids are public; job names are private to their owner,
     * so a job is found by id, not by name). Empty without a local scheduler; 0 when the queue has no jobs.
     */
    static Optional<Integer> latestJobId(String queue) {
        return post(queue, uri -> jobsRequest(uri)).flatMap(body -> parseJobs(body).map(jobs -> jobs.keySet().stream()
                .mapToInt(Integer::intValue).max().orElse(0)));
    }

    /** IPP job-state of one job of the queue: 3 pending, 4 held, 5 processing, 6 stopped, 7 canceled, 8 aborted, 9 completed. */
    static Optional<Integer> jobState(String queue, int jobId) {
        return post(queue, uri -> jobsRequest(uri)).flatMap(CupsQueueState::parseJobs)
                .flatMap(jobs -> Optional.ofNullable(jobs.get(jobId)));
    }

    private static Optional<byte[]> post(String queue, java.util.function.Function<String, byte[]> request) {
        String server = Optional.ofNullable(System.getenv("CUPS_SERVER")).filter(s -> !s.startsWith("/")).orElse("localhost");
        String host = server.contains(":") ? server : server + ":631";
        String path = "/printers/" + URLEncoder.encode(queue, StandardCharsets.UTF_8).replace("+", "%20");
        try {
            HttpResponse<byte[]> resp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(URI.create("http://" + host + path)).timeout(Duration.ofSeconds(5))
                            .header("Content-Type", "application/ipp")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request.apply("ipp://" + host + path))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return resp.statusCode() == 200 ? Optional.of(resp.body()) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static byte[] jobsRequest(String printerUri) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {1, 1, 0, 0x0A, 0, 0, 0, 2, 0x01}); // IPP 1.1, Get-Jobs, id 2, operation group
        attr(b, 0x47, "attributes-charset", "utf-8");
        attr(b, 0x48, "attributes-natural-language", "en");
        attr(b, 0x45, "printer-uri", printerUri);
        attr(b, 0x44, "which-jobs", "all");
        attr(b, 0x44, "requested-attributes", "job-id");
        attr(b, 0x44, "", "job-state");
        b.write(0x03);
        return b.toByteArray();
    }

    /** job-id → job-state of every job in a Get-Jobs answer. */
    static Optional<java.util.Map<Integer, Integer>> parseJobs(byte[] body) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body))) {
            in.readUnsignedShort();
            int status = in.readUnsignedShort();
            in.readInt();
            if (status > 0x00FF) {
                return Optional.empty();
            }
            java.util.Map<Integer, Integer> jobs = new java.util.HashMap<>();
            int id = -1;
            Integer state = null;
            while (true) {
                int tag = in.readUnsignedByte();
                if (tag < 0x10) {
                    if (id >= 0 && state != null) {
                        jobs.put(id, state);
                    }
                    id = -1;
                    state = null;
                    if (tag == 0x03) {
                        break;
                    }
                    continue;
                }
                byte[] n = new byte[in.readUnsignedShort()];
                in.readFully(n);
                byte[] v = new byte[in.readUnsignedShort()];
                in.readFully(v);
                String name = new String(n, StandardCharsets.US_ASCII);
                if (name.equals("job-id") && v.length == 4) {
                    id = java.nio.ByteBuffer.wrap(v).getInt();
                } else if (name.equals("job-state") && v.length == 4) {
                    state = java.nio.ByteBuffer.wrap(v).getInt();
                }
            }
            return Optional.of(jobs);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static byte[] request(String printerUri) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {1, 1, 0, 0x0B, 0, 0, 0, 1, 0x01}); // IPP 1.1, Get-Printer-Attributes, id 1, operation group
        attr(b, 0x47, "attributes-charset", "utf-8");
        attr(b, 0x48, "attributes-natural-language", "en");
        attr(b, 0x45, "printer-uri", printerUri);
        attr(b, 0x44, "requested-attributes", "printer-state");
        attr(b, 0x44, "", "printer-state-reasons");
        attr(b, 0x44, "", "printer-is-accepting-jobs");
        b.write(0x03);
        return b.toByteArray();
    }

    private static void attr(ByteArrayOutputStream b, int tag, String name, String value) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        b.write(tag);
        b.write(n.length >> 8);
        b.write(n.length);
        b.writeBytes(n);
        b.write(v.length >> 8);
        b.write(v.length);
        b.writeBytes(v);
    }

    /** Parses an IPP response; empty when the status is not successful or the answer is malformed. */
    static Optional<CupsQueueState> parse(byte[] body) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body))) {
            in.readUnsignedShort(); // version
            int status = in.readUnsignedShort();
            in.readInt(); // request id
            if (status > 0x00FF) {
                return Optional.empty(); // client-error-not-found etc.
            }
            boolean accepting = true;
            int state = IDLE;
            List<String> reasons = new ArrayList<>();
            String last = "";
            while (true) {
                int tag = in.readUnsignedByte();
                if (tag == 0x03) {
                    break;
                }
                if (tag < 0x10) {
                    continue; // group delimiter
                }
                byte[] name = new byte[in.readUnsignedShort()];
                in.readFully(name);
                byte[] value = new byte[in.readUnsignedShort()];
                in.readFully(value);
                String n = name.length == 0 ? last : new String(name, StandardCharsets.US_ASCII);
                last = n;
                switch (n) {
                    case "printer-is-accepting-jobs" -> accepting = value.length == 1 && value[0] != 0;
                    case "printer-state" -> state = value.length == 4 ? java.nio.ByteBuffer.wrap(value).getInt() : state;
                    case "printer-state-reasons" -> {
                        String r = new String(value, StandardCharsets.UTF_8);
                        if (!r.equals("none")) {
                            reasons.add(r);
                        }
                    }
                    default -> {
                    }
                }
            }
            return Optional.of(new CupsQueueState(accepting, state, List.copyOf(reasons)));
        } catch (EOFException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
