package org.medkiosk.app.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.device.receipt.PrintTest;
import org.medkiosk.print.escpos.PrinterProfile;
import org.medkiosk.print.receipt.Letterhead;
import org.medkiosk.print.receipt.ReceiptTemplates;

/**
 * `kiosk devices print-test`: renders the technician test page for the printer's profile and hands it to the
 * driver, which reads status before and after and sends nothing to a printer that cannot print.
 */
final class PrintTestCommand {
    static final String USAGE = "usage: kiosk devices print-test --printer serial:PATH[@BAUD]|tcp://HOST:PORT|file:PATH "
            + "[--profile epson-80|generic-80|generic-58] [--lang zh|en]";

    private PrintTestCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String printer = null;
        PrinterProfile profile = PrinterProfile.EPSON_80;
        Locale locale = Locale.SIMPLIFIED_CHINESE;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean hasValue = i + 1 < args.size();
            switch (a) {
                case "--printer" -> {
                    if (!hasValue) {
                        return usage(err, "--printer needs a value");
                    }
                    printer = args.get(++i);
                }
                case "--profile" -> {
                    if (!hasValue) {
                        return usage(err, "--profile needs a value");
                    }
                    String name = args.get(++i);
                    Optional<PrinterProfile> p = PrinterProfile.byName(name);
                    if (p.isEmpty()) {
                        return usage(err, "unknown profile '" + name + "'");
                    }
                    profile = p.get();
                }
                case "--lang" -> {
                    if (!hasValue) {
                        return usage(err, "--lang needs zh or en");
                    }
                    String lang = args.get(++i);
                    if (!lang.equals("zh") && !lang.equals("en")) {
                        return usage(err, "--lang takes zh or en, not '" + lang + "'");
                    }
                    locale = lang.equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
                }
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    return usage(err, "unknown option '" + a + "'");
                }
            }
        }
        if (printer == null) {
            return usage(err, "--printer is required");
        }
        KioskConfig.Hospital hospital = KioskConfig.demo().hospital();
        Letterhead letterhead = new Letterhead(hospital.name(), null, hospital.footer(), "print-test", ZoneId.systemDefault());
        byte[] page = new ReceiptTemplates(letterhead, profile, locale).testPage(Instant.now());
        return PrintTest.run(printer, page, out, err);
    }

    private static int usage(PrintStream err, String problem) {
        err.println("kiosk devices print-test: " + problem);
        err.println(USAGE);
        return 2;
    }

}
