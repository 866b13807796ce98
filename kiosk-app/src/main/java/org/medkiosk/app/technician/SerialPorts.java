package org.medkiosk.app.technician;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The serial ports present, for the technician screen: the stable {@code /dev/serial/by-id} names (with the device
 * each points to) and the {@code /dev/ttyUSB*}, {@code /dev/ttyACM*} and {@code /dev/ttyS*} nodes. Read with
 * java.nio only (no shell); a folder that does not exist simply lists nothing.
 */
public final class SerialPorts {
    private SerialPorts() {
    }

    /** The ports under /dev. */
    public static List<String> present() {
        return present(Path.of("/dev"));
    }

    /** The ports under {@code dev} (a test passes a folder of its own). */
    public static List<String> present(Path dev) {
        List<String> ports = new ArrayList<>();
        Path byId = dev.resolve("serial").resolve("by-id");
        for (Path link : list(byId, "*")) {
            String target = "";
            try {
                if (Files.isSymbolicLink(link)) {
                    target = " -> " + link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
                }
            } catch (IOException | UnsupportedOperationException e) {
                target = "";
            }
            ports.add(link + target);
        }
        List<Path> nodes = new ArrayList<>(list(dev, "tty{USB,ACM,S}[0-9]*"));
        nodes.sort((a, b) -> compare(a.getFileName().toString(), b.getFileName().toString()));
        nodes.forEach(p -> ports.add(p.toString()));
        return List.copyOf(ports);
    }

    private static List<Path> list(Path folder, String glob) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, glob)) {
            entries.forEach(found::add);
        } catch (IOException | RuntimeException e) {
            return found;
        }
        found.sort(null);
        return found;
    }

    /** ttyS2 before ttyS10: the prefix, then the number. */
    private static int compare(String a, String b) {
        String pa = a.replaceAll("[0-9]+$", "");
        String pb = b.replaceAll("[0-9]+$", "");
        if (!pa.equals(pb)) {
            return pa.compareTo(pb);
        }
        return Long.compare(number(a.substring(pa.length())), number(b.substring(pb.length())));
    }

    private static long number(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
