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
import java.util.concurrent.Callable;
import org.medkiosk.app.config.ConfigException;
import org.medkiosk.app.config.ConfigLoader;
import org.medkiosk.app.platform.AttachPlatform;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiosk technician set-pin} and {@code kiosk technician status}: the administrator's side of the technician
 * PIN ({@link TechnicianPin}). The PIN is read from the terminal without echo (twice), or as one line from standard
 * input when there is no terminal (a scripted install); never from the command line, where {@code ps} and the shell's
 * history would keep it. Registered in the `kiosk` command tree as {@code technician set-pin} / {@code technician status}.
 */
public final class TechnicianCommand {

    /** Where the PIN comes from: the terminal, or standard input. Returns null at the end of the input. */
    @FunctionalInterface
    interface PinInput {
        char[] read(String prompt) throws IOException;
    }

    /** --config FILE or --data DIR, exactly one. */
    static final class Folder {
        @Option(names = "--config", paramLabel = "FILE", required = true,
                description = "the kiosk's configuration: its storage.data-folder, else the platform's")
        Path config;

        @Option(names = "--data", paramLabel = "DIR", required = true, description = "the kiosk's data folder")
        Path data;

        /** A bad file is the loader's one line and exit 1 (ConfigException, caught by the callers). */
        Path resolve() {
            return data != null ? data
                    : new AttachPlatform(ConfigLoader.load(config).storage().dataFolder()).dataFolder();
        }
    }

    @Command(name = "set-pin", mixinStandardHelpOptions = true,
            description = {"Set the PIN that opens technician mode (asked twice, never an argument).",
                    PinRule.MIN_LENGTH + "-" + PinRule.MAX_LENGTH + " digits, not echoed; without a terminal one line of"
                            + " standard input. Stored as a salted PBKDF2 hash in DIR/" + TechnicianPin.FILE_NAME
                            + "; clears the wrong-entry count and any lockout."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:set", "1:not set", "2:usage"})
    public static final class SetPin implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Folder folder;

        private final PrintStream out;
        private final PrintStream err;
        private final PinInput input;
        private final boolean confirm;

        public SetPin(PrintStream out, PrintStream err) {
            this(out, err, null, false);
        }

        SetPin(PrintStream out, PrintStream err, PinInput input, boolean confirm) {
            this.out = out;
            this.err = err;
            this.input = input;
            this.confirm = confirm;
        }

        @Override
        public Integer call() {
            if (input != null) {
                return setPin(folder, out, err, input, confirm);
            }
            Console console = System.console();
            PinInput terminal = console != null ? prompt -> console.readPassword("%s", prompt) : prompt -> line(System.in);
            return setPin(folder, out, err, terminal, console != null);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Whether a technician PIN is set, the wrong entries since the last right one, and any lockout.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:a PIN is set", "1:no PIN set, or a bad file", "2:usage"})
    public static final class Status implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Folder folder;

        private final PrintStream out;
        private final PrintStream err;

        public Status(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            return status(folder, out, err);
        }
    }

    private TechnicianCommand() {
    }

    public static int setPin(List<String> args, PrintStream out, PrintStream err) {
        return execute(new SetPin(out, err), "kiosk technician set-pin", args, out, err);
    }

    static int setPin(List<String> args, PrintStream out, PrintStream err, PinInput input, boolean confirm) {
        return execute(new SetPin(out, err, input, confirm), "kiosk technician set-pin", args, out, err);
    }

    public static int status(List<String> args, PrintStream out, PrintStream err) {
        return execute(new Status(out, err), "kiosk technician status", args, out, err);
    }

    private static int execute(Object command, String name, List<String> args, PrintStream out, PrintStream err) {
        return org.medkiosk.app.cli.Cli.execute(new CommandLine(command).setCommandName(name), args, out, err);
    }

    private static int setPin(Folder where, PrintStream out, PrintStream err, PinInput input, boolean confirm) {
        Path folder;
        try {
            folder = where.resolve();
        } catch (ConfigException e) {
            err.println("kiosk: " + e.getMessage());
            return 1;
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
            TechnicianPin technicianPin = TechnicianPin.in(folder);
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

    private static int status(Folder where, PrintStream out, PrintStream err) {
        Path folder;
        try {
            folder = where.resolve();
        } catch (ConfigException e) {
            err.println("kiosk: " + e.getMessage());
            return 1;
        }
        TechnicianPin pin = TechnicianPin.in(folder);
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
