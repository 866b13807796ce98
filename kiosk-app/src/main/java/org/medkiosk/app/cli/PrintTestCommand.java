package org.medkiosk.app.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.device.receipt.PrintTest;
import org.medkiosk.print.escpos.PrinterProfile;
import org.medkiosk.print.receipt.Letterhead;
import org.medkiosk.print.receipt.ReceiptTemplates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * `kiosk devices print-test`: renders the technician test page for the printer's profile and hands it to the
 * driver, which reads status before and after and sends nothing to a printer that cannot print.
 */
@Command(name = "print-test", mixinStandardHelpOptions = true,
        description = {"Status, test page, status.",
                "Names the problem and sends nothing when the printer has no paper, an open cover or is offline."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:printed", "1:not printed (the problem is named)", "2:usage"})
final class PrintTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--printer", paramLabel = "SPEC", required = true,
            description = "serial:PATH[@BAUD] | tcp://HOST:PORT | file:PATH")
    String printer;

    @Option(names = "--profile", paramLabel = "epson-80|generic-80|generic-58", description = "printer profile (default: epson-80)")
    String profileName;

    @Option(names = "--lang", paramLabel = "zh|en", description = "language of the test page (default: zh)")
    String lang = "zh";

    private final PrintStream out;
    private final PrintStream err;

    PrintTestCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        PrinterProfile profile = PrinterProfile.EPSON_80;
        if (profileName != null) {
            Optional<PrinterProfile> p = PrinterProfile.byName(profileName);
            if (p.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "kiosk devices print-test: unknown profile '" + profileName + "'");
            }
            profile = p.get();
        }
        if (!lang.equals("zh") && !lang.equals("en")) {
            throw new ParameterException(spec.commandLine(), "kiosk devices print-test: --lang takes zh or en, not '" + lang + "'");
        }
        Locale locale = lang.equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        KioskConfig.Hospital hospital = KioskConfig.demo().hospital();
        Letterhead letterhead = new Letterhead(hospital.name(), null, hospital.footer(), "print-test", ZoneId.systemDefault());
        byte[] page = new ReceiptTemplates(letterhead, profile, locale).testPage(Instant.now());
        return PrintTest.run(printer, page, out, err);
    }
}
