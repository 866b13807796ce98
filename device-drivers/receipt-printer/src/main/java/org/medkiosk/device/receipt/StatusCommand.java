package org.medkiosk.device.receipt;

import org.medkiosk.device.link.JsonString;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code kiosk devices status --printer SPEC}: reads DLE EOT 1–4 and prints the status as one JSON object.
 * Exit 0 when the printer answered (whatever its state; see {@code health}/{@code problem}), 1 when it could
 * not be reached or did not answer, 2 on bad usage.
 */
public final class StatusCommand {
    static final String USAGE = "usage: kiosk devices status --printer serial:PATH[@BAUD]|tcp://HOST:PORT|file:PATH";

    private StatusCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String spec = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--printer") && i + 1 < args.size()) {
                spec = args.get(++i);
            } else if (a.equals("-h") || a.equals("--help")) {
                out.println(USAGE);
                return 0;
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        if (spec == null) {
            err.println(USAGE);
            return 2;
        }
        ReceiptPrinter printer;
        try {
            printer = ReceiptPrinter.connect(spec);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (printer) {
            PrinterStatus s = printer.readStatus();
            out.println("{\"printer\":" + JsonString.quote(spec) + "," + s.toJson().substring(1));
            return 0;
        } catch (PrinterException e) {
            out.println("{\"printer\":" + JsonString.quote(spec) + ",\"health\":\"OFFLINE\",\"problem\":\"" + e.problem().name()
                    + "\",\"error\":" + JsonString.quote(e.problem().description()) + "}");
            err.println("printer " + spec + ": " + e.problem().description());
            return 1;
        }
    }
}
