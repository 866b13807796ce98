package org.medkiosk.device.scanner;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.medkiosk.device.link.JsonString;
import org.medkiosk.device.link.DeviceHealth;
import org.medkiosk.device.link.LinkException;
import org.medkiosk.device.link.SerialLink;
import org.medkiosk.device.link.SerialSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk devices scan --port PATH [--baud N] [--prefix TEXT] [--suffix cr|lf|crlf|tab|any|none] [--aim]
 * [--trigger presentation|honeywell|zebra|newland] [--count N] [--timeout SECONDS]}, or {@code --image FILE}:
 * one JSON line per code with its classification. Payment codes are masked, always.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Read codes from a serial scanner (--port) or an image (--image), one JSON line per code.",
                "Codes are classified (QR, PDF417, CODE128); payment codes are always masked."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failed (port, image, timeout)", "2:usage"})
public final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PATH", description = "serial port of the scanner")
    String port;

    @Option(names = "--image", paramLabel = "FILE", description = "decode the codes in this image instead")
    String image;

    @Option(names = "--baud", paramLabel = "N", description = "baud rate (default: 9600)")
    String baud;

    @Option(names = "--prefix", paramLabel = "TEXT", description = "prefix the scanner sends before each code")
    String prefix;

    @Option(names = "--suffix", paramLabel = "cr|lf|crlf|tab|any|none", description = "what ends a code")
    String suffix;

    @Option(names = "--aim", description = "the scanner sends AIM symbology identifiers")
    boolean aim;

    @Option(names = "--trigger", paramLabel = "presentation|honeywell|zebra|newland",
            description = "trigger profile (default: presentation)")
    String trigger;

    @Option(names = "--count", paramLabel = "N", description = "stop after N codes")
    String count;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "fail when no code comes within SECONDS")
    String timeout;

    private final PrintStream out;
    private final PrintStream err;

    public ScanCommand() {
        this(System.out, System.err);
    }

    public ScanCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new ScanCommand(out, err)).setCommandName("kiosk devices scan")
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(new String[0]));
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    @Override
    public Integer call() {
        int baudRate = 9600;
        ScannerFraming framing = ScannerFraming.defaults();
        TriggerProfile triggerProfile = TriggerProfile.PRESENTATION;
        int codes = 0;
        Duration wait = null;
        try {
            if (baud != null) {
                baudRate = positive(baud, "--baud");
            }
            if (prefix != null) {
                framing = framing.withPrefix(prefix);
            }
            if (suffix != null) {
                framing = framing.withSuffix(suffix(suffix));
            }
            if (aim) {
                framing = framing.withAimId(true);
            }
            if (trigger != null) {
                triggerProfile = TriggerProfile.parse(trigger);
            }
            if (count != null) {
                codes = positive(count, "--count");
            }
            if (timeout != null) {
                wait = Duration.ofSeconds(positive(timeout, "--timeout"));
            }
            if ((port == null) == (image == null)) {
                throw new IllegalArgumentException("give either --port or --image");
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "error: " + e.getMessage());
        }
        CodeClassifier classifier = new CodeClassifier();
        if (image != null) {
            return decodeImage(Path.of(image), classifier, out, err);
        }
        return scan(new SerialLink(SerialSettings.of(port, baudRate)), framing, triggerProfile, codes, wait, classifier,
                out, err);
    }

    private static int decodeImage(Path image, CodeClassifier classifier, PrintStream out, PrintStream err) {
        if (!Files.isReadable(image)) {
            err.println("error: cannot read image " + image);
            return 1;
        }
        try {
            List<ScannedCode> codes = new ImageCodeDecoder(classifier).decodeFile(image);
            if (codes.isEmpty()) {
                err.println("error: no QR, PDF417 or CODE128 code found in " + image);
                return 1;
            }
            codes.forEach(c -> out.println(toJson(c)));
            return 0;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    static int scan(SerialLink link, ScannerFraming framing, TriggerProfile trigger, int count, Duration timeout,
                    CodeClassifier classifier, PrintStream out, PrintStream err) {
        try {
            link.open();
        } catch (LinkException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        CompletableFuture<Integer> done = new CompletableFuture<>();
        AtomicInteger printed = new AtomicInteger();
        SerialScanner scanner = new SerialScanner(link, framing, trigger, classifier, event -> {
            if (event instanceof ScannerEvent.CodeScanned s) {
                out.println(toJson(s.code()));
                out.flush();
                if (count > 0 && printed.incrementAndGet() >= count) {
                    done.complete(0);
                }
            } else if (event instanceof ScannerEvent.HealthChanged h && h.health() instanceof DeviceHealth.Offline o) {
                err.println("error: " + o.reason());
                done.complete(1);
            }
        });
        scanner.start();
        try {
            scanner.startScanning();
            return timeout == null ? done.get() : done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (LinkException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (TimeoutException e) {
            err.println("error: no code within " + timeout.toSeconds() + " s (timeout)");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            err.println("error: " + e.getCause().getClass().getSimpleName());
            return 1;
        } finally {
            try {
                if (link.isOpen()) {
                    scanner.stopScanning();
                }
            } catch (LinkException ignored) {
                // closing anyway
            }
            scanner.close();
        }
    }

    /** {"kind":..,"payment":..,"symbology":..,"value":..}; the value of a payment code is always masked. */
    static String toJson(ScannedCode c) {
        String value = c.kind().isPaymentCode() ? c.maskedValue() : c.value();
        return "{\"kind\":\"" + c.kind() + "\",\"payment\":" + c.kind().isPaymentCode() + ",\"symbology\":\""
                + c.symbology() + "\",\"value\":" + JsonString.quote(value) + "}";
    }

    private static ScannerFraming.Suffix suffix(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "cr" -> ScannerFraming.Suffix.CR;
            case "lf" -> ScannerFraming.Suffix.LF;
            case "crlf" -> ScannerFraming.Suffix.CRLF;
            case "tab" -> ScannerFraming.Suffix.TAB;
            case "any" -> ScannerFraming.Suffix.ANY_LINE_END;
            case "none" -> ScannerFraming.Suffix.NONE;
            default -> throw new IllegalArgumentException("unknown suffix " + s);
        };
    }

    private static int positive(String v, String flag) {
        try {
            int n = Integer.parseInt(v);
            if (n <= 0) {
                throw new IllegalArgumentException(flag + " must be positive");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " is not a number: " + v);
        }
    }

}
