package org.medkiosk.device.link;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A link address as written in kiosk configuration:
 * <ul>
 *   <li>{@code serial:/dev/ttyUSB0?baud=115200&framing=8N1&flow=none} (or a bare {@code /dev/ttyUSB0},
 *       {@code COM3}); baud defaults to 115200, framing to 8N1</li>
 *   <li>{@code tcp://192.168.1.50:9100}</li>
 *   <li>{@code file:/dev/usb/lp0} (read-write device node) or {@code file:/var/spool/kiosk/out.bin?mode=output}</li>
 * </ul>
 */
public sealed interface LinkAddress permits LinkAddress.Serial, LinkAddress.Tcp, LinkAddress.File {

    record Serial(SerialSettings settings) implements LinkAddress {
        @Override
        public Link newLink() {
            return new SerialLink(settings);
        }
    }

    /** {@code tcp://host:port[?write-timeout=PT5S]}: writeTimeout is how long one write may block (ISO-8601). */
    record Tcp(String host, int port, java.time.Duration writeTimeout) implements LinkAddress {
        public Tcp(String host, int port) {
            this(host, port, TcpLink.DEFAULT_WRITE_TIMEOUT);
        }

        @Override
        public Link newLink() {
            return new TcpLink(host, port, java.time.Duration.ofSeconds(3), writeTimeout);
        }
    }

    record File(Path path, FileLink.Mode mode) implements LinkAddress {
        @Override
        public Link newLink() {
            return new FileLink(path, mode);
        }
    }

    /** A new, not yet opened link to this address. */
    Link newLink();

    static LinkAddress parse(String address) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("empty link address");
        }
        String a = address.trim();
        String lower = a.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tcp://")) {
            URI uri = URI.create(a);
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("TCP address needs host and port: " + a);
            }
            Map<String, String> tcpParams = parseQuery(uri.getRawQuery() == null ? "" : uri.getRawQuery());
            java.time.Duration writeTimeout = TcpLink.DEFAULT_WRITE_TIMEOUT;
            if (tcpParams.containsKey("write-timeout")) {
                try {
                    writeTimeout = java.time.Duration.parse(tcpParams.get("write-timeout"));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("write-timeout is not an ISO-8601 duration (PT5S): "
                            + tcpParams.get("write-timeout"), e);
                }
                if (writeTimeout.isZero() || writeTimeout.isNegative()) {
                    throw new IllegalArgumentException("write-timeout must be positive");
                }
            }
            return new Tcp(uri.getHost(), uri.getPort(), writeTimeout);
        }
        String query = "";
        int q = a.indexOf('?');
        String body = q < 0 ? a : a.substring(0, q);
        if (q >= 0) {
            query = a.substring(q + 1);
        }
        Map<String, String> params = parseQuery(query);
        if (lower.startsWith("file:")) {
            String mode = params.getOrDefault("mode", "readwrite");
            FileLink.Mode m = switch (mode.toLowerCase(Locale.ROOT)) {
                case "output", "output-only", "out" -> FileLink.Mode.OUTPUT_ONLY;
                case "readwrite", "read-write", "rw" -> FileLink.Mode.READ_WRITE;
                default -> throw new IllegalArgumentException("unknown file mode: " + mode);
            };
            return new File(Path.of(body.substring("file:".length())), m);
        }
        String path = lower.startsWith("serial:") ? body.substring("serial:".length()) : body;
        int baud = 115200;
        if (params.containsKey("baud")) {
            try {
                baud = Integer.parseInt(params.get("baud"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("baud is not a number: " + params.get("baud"), e);
            }
        }
        SerialSettings s = SerialSettings.of(path, baud).withFraming(params.getOrDefault("framing", "8N1"));
        String flow = params.getOrDefault("flow", "none").toLowerCase(Locale.ROOT);
        s = s.withFlowControl(switch (flow) {
            case "none" -> SerialSettings.FlowControl.NONE;
            case "rtscts", "rts-cts", "hardware" -> SerialSettings.FlowControl.RTS_CTS;
            case "xonxoff", "xon-xoff", "software" -> SerialSettings.FlowControl.XON_XOFF;
            default -> throw new IllegalArgumentException("unknown flow control: " + flow);
        });
        return new Serial(s);
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> m = new HashMap<>();
        if (query.isEmpty()) {
            return m;
        }
        for (String part : query.split("&")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("bad link option: " + part);
            }
            m.put(part.substring(0, eq).toLowerCase(Locale.ROOT), part.substring(eq + 1));
        }
        return m;
    }
}
