package org.medkiosk.device.idcard;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * {@code kiosk devices idcard --port PATH [--baud N] [--once] [--unmasked] [--timeout SECONDS]}: waits for cards and
 * prints one JSON object per card. Exit codes: 0 ok, 1 failure (port, permission, timeout, SAM fault), 2 usage.
 */
@Command(name = "idcard", mixinStandardHelpOptions = true,
        description = {"Wait for ID cards and print one JSON object per card.",
                "ID and pass numbers are masked unless --unmasked; --sam-id / --reset-sam query or reset the reader's SAM."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failed (port, permission, timeout, SAM fault)", "2:usage"})
public final class IdCardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PATH", description = "serial port of the reader (required)")
    String port;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "115200", description = "baud rate (default: ${DEFAULT-VALUE})")
    int baud;

    @Option(names = "--once", description = "stop after the first card")
    boolean once;

    @Option(names = "--unmasked", description = "print ID and pass numbers in full")
    boolean unmasked;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "fail when no card comes within SECONDS")
    Long timeoutSeconds;

    @Option(names = "--sam-id", description = "print the SAM id and exit")
    boolean samId;

    @Option(names = "--reset-sam", description = "reset the SAM and exit")
    boolean resetSam;

    private enum Diagnostic { NONE, SAM_ID, RESET_SAM }

    private final PrintStream out;
    private final PrintStream err;

    public IdCardCommand() {
        this(System.out, System.err);
    }

    public IdCardCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new IdCardCommand(out, err)).setCommandName("kiosk devices idcard")
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(new String[0]));
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    @Override
    public Integer call() {
        if (port == null) {
            throw new ParameterException(spec.commandLine(), "--port is required");
        }
        if (baud <= 0) {
            throw new ParameterException(spec.commandLine(), "--baud must be positive");
        }
        Diagnostic diagnostic = resetSam ? Diagnostic.RESET_SAM : samId ? Diagnostic.SAM_ID : Diagnostic.NONE;
        Duration timeout = timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds);
        SerialLink link = new SerialLink(SerialSettings.of(port, baud));
        if (diagnostic != Diagnostic.NONE) {
            return diagnose(link, diagnostic, out, err);
        }
        return read(link, once, unmasked, timeout, out, err);
    }

    /** SAM id or SAM reset for technicians: one JSON line. */
    private static int diagnose(SerialLink link, Diagnostic diagnostic, PrintStream out, PrintStream err) {
        try {
            link.open();
            SamChannel channel = new SamChannel(link);
            SamAnswer a = channel.transact(diagnostic == Diagnostic.SAM_ID ? SamCommand.READ_SAM_ID
                    : SamCommand.RESET_SAM, Duration.ofSeconds(3));
            if (a.status() != SamStatus.SUCCESS) {
                err.println("error: SAM fault: " + a.status().reason() + String.format(" (SW3 %02X)", a.sw3()));
                return 1;
            }
            out.println(diagnostic == Diagnostic.SAM_ID
                    ? "{\"samId\":\"" + SamChannel.formatSamId(a.data()) + "\"}"
                    : "{\"samReset\":\"" + a.status().reason() + "\"}");
            return 0;
        } catch (LinkException e) {
            err.println("error: " + e.getMessage() + (e.reason() == LinkException.Reason.TIMEOUT ? " (timeout)" : ""));
            return 1;
        } catch (SamFrameException e) {
            err.println("error: garbled answer from the ID-card reader (wrong baud rate?)");
            return 1;
        } finally {
            link.close();
        }
    }

    static int read(SerialLink link, boolean once, boolean unmasked, Duration timeout, PrintStream out,
                    PrintStream err) {
        IdCardReaderSettings settings = IdCardReaderSettings.defaults();
        try {
            link.open();
            SamAnswer status = new SamChannel(link).transact(SamCommand.SAM_STATUS, Duration.ofSeconds(2));
            if (status.status() != SamStatus.SUCCESS) {
                err.println("error: SAM fault: " + status.status().reason() + String.format(" (SW3 %02X)", status.sw3()));
                link.close();
                return 1;
            }
        } catch (LinkException e) {
            err.println("error: " + e.getMessage() + (e.reason() == LinkException.Reason.TIMEOUT ? " (timeout)" : ""));
            link.close();
            return 1;
        } catch (SamFrameException e) {
            err.println("error: garbled answer from the ID-card reader (wrong baud rate?)");
            link.close();
            return 1;
        }
        CompletableFuture<Integer> done = new CompletableFuture<>();
        final boolean stopAfterFirst = once;
        IdCardReader reader = new IdCardReader(link, settings, event -> {
            if (event instanceof IdCardEvent.CardRead r) {
                out.println(toJson(r.card(), unmasked, LocalDate.now()));
                out.flush();
                if (stopAfterFirst) {
                    done.complete(0);
                }
            } else if (event instanceof IdCardEvent.ReadFailed f) {
                err.println("card not read: " + f.detail());
            } else if (event instanceof IdCardEvent.HealthChanged h) {
                if (h.health() instanceof DeviceHealth.Offline o) {
                    err.println("error: " + o.reason());
                    done.complete(1);
                } else if (h.health() instanceof DeviceHealth.Degraded d) {
                    err.println("error: " + d.reason());
                    done.complete(1);
                }
            }
        });
        reader.start();
        try {
            return timeout == null ? done.get() : done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            err.println("error: no card within " + timeout.toSeconds() + " s (timeout)");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            err.println("error: " + e.getCause().getClass().getSimpleName());
            return 1;
        } finally {
            reader.close();
        }
    }

    /** One line of JSON; dates as on the card (YYYYMMDD or 长期); ID and pass numbers masked unless asked. */
    static String toJson(IdCard c, boolean unmasked, LocalDate today) {
        StringBuilder b = new StringBuilder("{");
        field(b, "cardType", c.cardType().code());
        field(b, "name", c.name());
        field(b, "englishName", c.englishName());
        field(b, "sex", String.valueOf(c.sex().code()));
        field(b, "nation", c.nation());
        field(b, "birthDate", c.birthDate());
        field(b, "address", c.address());
        field(b, "idNumber", unmasked ? c.idNumber() : c.maskedIdNumber());
        field(b, "authority", c.authority());
        field(b, "validFrom", c.validFrom());
        field(b, "validTo", c.validTo());
        if (c.passNumber() != null) {
            field(b, "passNumber", unmasked ? c.passNumber() : IdCard.maskIdNumber(c.passNumber()));
            field(b, "issueCount", c.issueCount());
        }
        if (c.nationality() != null) {
            field(b, "nationality", c.nationality());
        }
        b.append("\"expired\":").append(c.isExpired(today)).append(',');
        field(b, "idCheck", c.idNumberCheck().name());
        b.setLength(b.length() - 1);
        return b.append('}').toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append('"').append(name).append("\":").append(JsonString.quote(value)).append(',');
    }
}
