package org.medkiosk.device.receipt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.medkiosk.device.link.FileLink;
import org.medkiosk.device.link.Link;
import org.medkiosk.device.link.LinkAddress;

/**
 * Where a receipt printer is, in the technician's syntax: {@code serial:PATH[@BAUD]} (default 115200 8N1),
 * {@code tcp://HOST:PORT} (usually port 9100), or {@code file:PATH}. A file that is a device node
 * ({@code /dev/usb/lp0}) is opened read-write so status can be read; a regular file is a capture file that
 * receives the bytes and cannot report status.
 *
 * @param statusCapable whether the destination can answer DLE EOT
 */
public record PrinterAddress(String spec, LinkAddress link, boolean statusCapable) {

    public static PrinterAddress parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty printer address");
        }
        String s = spec.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tcp://")) {
            return new PrinterAddress(s, LinkAddress.parse(s), true);
        }
        if (lower.startsWith("serial:")) {
            String body = s.substring("serial:".length());
            int at = body.lastIndexOf('@');
            String path = at < 0 ? body : body.substring(0, at);
            String baud = at < 0 ? "115200" : body.substring(at + 1);
            if (path.isEmpty() || !baud.matches("[0-9]{3,7}")) {
                throw new IllegalArgumentException("serial printer address must be serial:PATH[@BAUD]: " + spec);
            }
            return new PrinterAddress(s, LinkAddress.parse("serial:" + path + "?baud=" + baud), true);
        }
        if (lower.startsWith("file:")) {
            String path = s.substring("file:".length());
            if (path.isEmpty()) {
                throw new IllegalArgumentException("file printer address must be file:PATH: " + spec);
            }
            Path p = Path.of(path);
            boolean device = Files.exists(p) && !Files.isRegularFile(p) && !Files.isDirectory(p);
            return new PrinterAddress(s, new LinkAddress.File(p, device ? FileLink.Mode.READ_WRITE : FileLink.Mode.OUTPUT_ONLY), device);
        }
        throw new IllegalArgumentException("printer address must be serial:PATH[@BAUD], tcp://HOST:PORT or file:PATH: " + spec);
    }

    public Link newLink() {
        return link.newLink();
    }
}
