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
        String server = Optional.ofNullable(System.getenv("CUPS_SERVER")).filter(s -> !s.startsWith("/")).orElse("localhost");
        String host = server.contains(":") ? server : server + ":631";
        String path = "/printers/" + URLEncoder.encode(queue, StandardCharsets.UTF_8).replace("+", "%20");
        try {
            HttpResponse<byte[]> resp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(URI.create("http://" + host + path)).timeout(Duration.ofSeconds(5))
                            .header("Content-Type", "application/ipp")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request("ipp://" + host + path))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (resp.statusCode() != 200) {
                return Optional.empty();
            }
            return parse(resp.body());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
