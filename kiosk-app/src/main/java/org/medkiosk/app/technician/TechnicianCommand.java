package org.medkiosk.app.technician;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.medkiosk.app.config.ConfigException;
import org.medkiosk.app.config.ConfigLoader;
import org.medkiosk.app.platform.AttachPlatform;

/**
 * {@code kiosk technician set-pin} and {@code kiosk technician status}: the administrator's side of the technician
 * PIN ({@link TechnicianPin}). The PIN is read from the terminal without echo (twice), or as one line from standard
 * input when there is no terminal (a scripted install); never from the command line, where {@code ps} and the shell's
 * history would keep it. Routed from the CLI's catalogue as {@code technician set-pin} / {@code technician status}.
 */
public final class TechnicianCommand {
    static final String SET_PIN_USAGE = "Usage: kiosk technician set-pin (--config FILE | --data DIR)\n"
            + "  sets the PIN that opens technician mode (6-12 digits, asked twice, not echoed; without a terminal one\n"
            + "  line of standard input); stored as a salted PBKDF2 hash in DIR/" + TechnicianPin.FILE_NAME + ";\n"
            + "  clears the wrong-entry count and any lockout. DIR: storage.data-folder of FILE.";
    static final String STATUS_USAGE = "Usage: kiosk technician status (--config FILE | --data DIR)\n"
            + "  whether a technician PIN is set, the wrong entries since the last right one, and any lockout";

    /** Where the PIN comes from: the terminal, or standard input. Returns null at the end of the input. */
    @FunctionalInterface
    interface PinInput {
        char[] read(String prompt) throws IOException;
    }

    private TechnicianCommand() {
    }

    public static int setPin(List<String> args, PrintStream out, PrintStream err) {
        Console console = System.console();
        PinInput input = console != null ? prompt -> console.readPassword("%s", prompt) : prompt -> line(System.in);
        return setPin(args, out, err, input, console != null);
    }

    static int setPin(List<String> args, PrintStream out, PrintStream err, PinInput input, boolean confirm) {
        Optional<Path> folder;
        try {
            folder = dataFolder("set-pin", args, err, SET_PIN_USAGE);
        } catch (ConfigException e) {
            err.println("kiosk: " + e.getMessage());
            return 1;
        }
        if (folder.isEmpty()) {
            return 2;
        }
        char[] pin = null;
        char[] again = null;
        try {
            pin = input.read("New technician PIN (" + PinRule.MIN_LENGTH + "-" + PinRule.MAX_LENGTH + " digits): ");
            if (pin == null) {
                err.println("kiosk technician set-pin: no PIN given");
                return 1;
            }
            Optional<PinRule> broken = PinRule.brokenBy(pin);
            if (broken.isPresent()) {
                err.println("kiosk technician set-pin: a technician PIN must have " + broken.get().text() + "; nothing changed");
                return 1;
            }
            if (confirm) {
                again = input.read("The same PIN again: ");
                if (again == null || !Arrays.equals(pin, again)) {
                    err.println("kiosk technician set-pin: the two PINs differ; nothing changed");
                    return 1;
                }
            }
            TechnicianPin technicianPin = TechnicianPin.in(folder.get());
            technicianPin.set(pin);
            out.println("kiosk technician set-pin: technician PIN set in " + technicianPin.file() + " (PBKDF2-HMAC-SHA256, "
                    + TechnicianPin.ITERATIONS + " iterations); wrong-entry count and lockout cleared");
            return 0;
        } catch (IOException | UncheckedIOException e) {
            err.println("kiosk technician set-pin: " + e.getMessage());
            return 1;
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
            if (again != null) {
                Arrays.fill(again, '\0');
            }
        }
    }

    public static int status(List<String> args, PrintStream out, PrintStream err) {
        Optional<Path> folder;
        try {
            folder = dataFolder("status", args, err, STATUS_USAGE);
        } catch (ConfigException e) {
            err.println("kiosk: " + e.getMessage());
            return 1;
        }
        if (folder.isEmpty()) {
            return 2;
        }
        TechnicianPin pin = TechnicianPin.in(folder.get());
        TechnicianPin.Status s = pin.status();
        if (!s.set()) {
            out.println("technician PIN: not set in " + pin.file() + "; technician mode is refused until "
                    + "`kiosk technician set-pin` sets one");
            return 1;
        }
        out.println("technician PIN: set (PBKDF2-HMAC-SHA256, " + s.iterations() + " iterations); " + s.failures()
                + " wrong entries since the last right one; "
                + s.lockedUntil().map(t -> "locked until " + t).orElse("not locked"));
        return 0;
    }

    /** --data DIR, or --config FILE (its storage.data-folder, else the platform's); exactly one. */
    private static Optional<Path> dataFolder(String name, List<String> args, PrintStream err, String usage) {
        if (args.size() == 2 && args.get(0).equals("--data")) {
            return Optional.of(Path.of(args.get(1)));
        }
        if (args.size() == 2 && args.get(0).equals("--config")) {
            // A bad file is the loader's one line and exit 1 (ConfigException, caught by the callers).
            return Optional.of(new AttachPlatform(ConfigLoader.load(Path.of(args.get(1))).storage().dataFolder())
                    .dataFolder());
        }
        err.println("kiosk technician " + name + ": needs --config FILE or --data DIR (one of them)");
        err.println(usage);
        return Optional.empty();
    }

    /** One line of standard input as characters, without making a String of it. */
    static char[] line(InputStream in) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        char[] buffer = new char[128];
        int length = 0;
        int c;
        while ((c = reader.read()) != -1 && c != '\n') {
            if (c != '\r' && length < buffer.length) {
                buffer[length++] = (char) c;
            }
        }
        if (c == -1 && length == 0) {
            return null;
        }
        char[] pin = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, '\0');
        return pin;
    }
}
