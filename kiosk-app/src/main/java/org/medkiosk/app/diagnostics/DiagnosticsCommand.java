package org.medkiosk.app.diagnostics;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.medkiosk.app.platform.AttachPlatform;

/**
 * {@code kiosk diagnostics --out FILE.zip [--config FILE] [--data DIR]}: writes the {@link DiagnosticsBundle}.
 * The data folder is DIR, else FILE's storage.data-folder, else the platform's. Exit 0 (prints the zip and its number
 * of entries), 1 failed (e.g. the zip cannot be written), 2 usage. Parsing is an {@link Options} record so that the
 * command moves to picocli as one {@code @Option} per component.
 */
public final class DiagnosticsCommand {
    public static final String USAGE = "usage: kiosk diagnostics --out FILE.zip [--config FILE | --data DIR]\n"
            + "  a zip for support: configuration with secrets redacted, masked logs, devices, journal summary,\n"
            + "  versions; never the technician PIN file or the journal database";

    private DiagnosticsCommand() {
    }

    /** The command's options: --out, --config, --data (both of the last two: DIR wins for the data folder). */
    public record Options(Path out, Optional<Path> config, Optional<Path> data) {
        /** Parses {@code args}; throws {@link UsageException} naming the problem. */
        public static Options parse(List<String> args) {
            Path out = null;
            Path config = null;
            Path data = null;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                boolean hasValue = i + 1 < args.size() && !args.get(i + 1).startsWith("--");
                switch (a) {
                    case "--out", "--config", "--data" -> {
                        if (!hasValue) {
                            throw new UsageException(a + " needs a value");
                        }
                        Path p = path(a, args.get(++i));
                        if (a.equals("--out")) {
                            out = once(a, out, p);
                        } else if (a.equals("--config")) {
                            config = once(a, config, p);
                        } else {
                            data = once(a, data, p);
                        }
                    }
                    default -> throw new UsageException("unknown option '" + a + "'");
                }
            }
            if (out == null) {
                throw new UsageException("needs --out FILE.zip");
            }
            return new Options(out, Optional.ofNullable(config), Optional.ofNullable(data));
        }

        private static Path once(String flag, Path before, Path value) {
            if (before != null) {
                throw new UsageException(flag + " given twice");
            }
            return value;
        }

        private static Path path(String flag, String value) {
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw new UsageException(flag + ": not a path: " + value);
            }
        }
    }

    /** A command line that is not the command's: exit 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() == 1 && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            err.println("kiosk diagnostics: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        return run(options, out, err);
    }

    /** The command on parsed options (what a picocli {@code call()} would invoke). */
    public static int run(Options options, PrintStream out, PrintStream err) {
        if (options.config().isPresent() && !Files.isRegularFile(options.config().get())) {
            err.println("kiosk diagnostics: configuration file not found: " + options.config().get());
            return 1;
        }
        Path zip = options.out().toAbsolutePath();
        if (zip.getParent() == null || !Files.isDirectory(zip.getParent())) {
            err.println("kiosk diagnostics: cannot write " + zip + ": there is no folder " + zip.getParent());
            return 1;
        }
        Path dataFolder = options.data().orElseGet(() -> new AttachPlatform(
                options.config().flatMap(DiagnosticsCommand::configuredDataFolder)).dataFolder());
        try {
            DiagnosticsBundle.Result result = DiagnosticsBundle.write(
                    new DiagnosticsBundle.Sources(options.config(), dataFolder), zip);
            out.println("kiosk diagnostics: wrote " + result.file() + " (" + result.entries().size() + " entries)");
            out.flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            // The message names a path, never a value: nothing secret is in it.
            err.println("kiosk diagnostics: cannot write " + zip + ": " + e);
            return 1;
        }
    }

    /** storage.data-folder as written in the file, even when the rest of the file does not load. */
    private static Optional<Path> configuredDataFolder(Path config) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
            p.load(in);
            String folder = p.getProperty("storage.data-folder", "").strip();
            return folder.isEmpty() ? Optional.empty() : Optional.of(Path.of(folder));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
