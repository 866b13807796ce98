package org.medkiosk.device.scanner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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

/**
 * {@code kiosk devices scan --port PATH [--baud N] [--prefix TEXT] [--suffix cr|lf|crlf|tab|any|none] [--aim]
 * [--trigger presentation|honeywell|zebra|newland] [--count N] [--timeout SECONDS]}, or {@code --image FILE}:
 * one JSON line per code with its classification. Payment codes are masked, always.
 */
public final class ScanCommand {

    static final String USAGE = "usage: kiosk devices scan (--port PATH [--baud N] [--prefix TEXT] "
            + "[--suffix cr|lf|crlf|tab|any|none] [--aim] [--trigger presentation|honeywell|zebra|newland] "
            + "[--count N] [--timeout SECONDS] | --image FILE)";

    private ScanCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String port = null;
        String image = null;
        int baud = 9600;
        ScannerFraming framing = ScannerFraming.defaults();
        TriggerProfile trigger = TriggerProfile.PRESENTATION;
        int count = 0;
        Duration timeout = null;
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--port" -> port = value(args, ++i, a);
                    case "--image" -> image = value(args, ++i, a);
                    case "--baud" -> baud = positive(value(args, ++i, a), a);
                    case "--prefix" -> framing = framing.withPrefix(value(args, ++i, a));
                    case "--suffix" -> framing = framing.withSuffix(suffix(value(args, ++i, a)));
                    case "--aim" -> framing = framing.withAimId(true);
                    case "--trigger" -> trigger = TriggerProfile.parse(value(args, ++i, a));
                    case "--count" -> count = positive(value(args, ++i, a), a);
                    case "--timeout" -> timeout = Duration.ofSeconds(positive(value(args, ++i, a), a));
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if ((port == null) == (image == null)) {
                throw new IllegalArgumentException("give either --port or --image");
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        CodeClassifier classifier = new CodeClassifier();
        if (image != null) {
            return decodeImage(Path.of(image), classifier, out, err);
        }
        return scan(new SerialLink(SerialSettings.of(port, baud)), framing, trigger, count, timeout, classifier, out,
                err);
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

    private static String value(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args.get(i);
    }
}
