package org.medkiosk.device.smartcard;

import org.medkiosk.device.link.JsonString;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiosk devices smartcard [--reader NAME] [--unmasked]}: lists PC/SC readers (one JSON line each) and reads the
 * inserted card (one JSON line). Exit 0 ok, 1 failure (no service, no reader, no card, unreadable card), 2 usage.
 */
@Command(name = "smartcard", mixinStandardHelpOptions = true,
        description = "List PC/SC readers (one JSON line each) and read the inserted card (one JSON line).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failed (no PC/SC service, no reader, no card, unreadable card)", "2:usage"})
public final class SmartCardCommand implements Callable<Integer> {

    @Option(names = "--reader", paramLabel = "NAME", description = "read the card in this reader (default: the first with a card)")
    String readerName;

    @Option(names = "--unmasked", description = "print card and social-security numbers in full")
    boolean unmasked;

    private final PrintStream out;
    private final PrintStream err;
    private final CardTerminalSource source;

    public SmartCardCommand() {
        this(System.out, System.err);
    }

    public SmartCardCommand(PrintStream out, PrintStream err) {
        this(out, err, null);
    }

    SmartCardCommand(PrintStream out, PrintStream err, CardTerminalSource source) {
        this.out = out;
        this.err = err;
        this.source = source;
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, null);
    }

    static int run(List<String> args, PrintStream out, PrintStream err, CardTerminalSource source) {
        CommandLine cl = new CommandLine(new SmartCardCommand(out, err, source)).setCommandName("kiosk devices smartcard")
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(new String[0]));
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    @Override
    public Integer call() {
        CardTerminalSource source = this.source != null ? this.source : new PcscTerminalSource();
        try {
            List<String> readers = SmartCardReader.readerNames(source);
            if (readers.isEmpty()) {
                err.println("error: no smart-card reader connected");
                return 1;
            }
            for (String r : readers) {
                out.println("{\"reader\":" + JsonString.quote(r) + "}");
            }
            SmartCardIdentity id = SmartCardReader.readOnce(source, new SmartCardProfiles(), readerName);
            out.println(toJson(id, unmasked));
            return 0;
        } catch (SmartCardException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    static String toJson(SmartCardIdentity id, boolean unmasked) {
        if (id instanceof SmartCardIdentity.ContactlessPatientCard c) {
            return "{\"cardType\":\"contactless-patient-card\",\"uid\":" + JsonString.quote(c.uid()) + "}";
        }
        if (id instanceof SmartCardIdentity.StaffCard staff) {
            // the number signs its holder in: masked like an ID number unless the technician asks
            return "{\"cardType\":\"staff-card\",\"staffCardNumber\":" + JsonString.quote(unmasked
                    ? staff.staffCardNumber() : SmartCardIdentity.mask(staff.staffCardNumber(), 2)) + "}";
        }
        SmartCardIdentity.SocialSecurityCard s = (SmartCardIdentity.SocialSecurityCard) id;
        return "{\"cardType\":\"social-security\",\"cardNumber\":" + JsonString.quote(s.cardNumber())
                + ",\"socialSecurityNumber\":"
                + JsonString.quote(unmasked ? s.socialSecurityNumber() : SmartCardIdentity.mask(s.socialSecurityNumber(), 4))
                + ",\"name\":" + JsonString.quote(s.name()) + ",\"sex\":" + JsonString.quote(s.sex()) + ",\"nation\":" + JsonString.quote(s.nation())
                + ",\"birthplace\":" + JsonString.quote(s.birthplace()) + ",\"birthDate\":" + JsonString.quote(s.birthDate()) + "}";
    }
}
