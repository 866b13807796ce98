package org.medkiosk.print.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.medkiosk.print.escpos.PrinterProfile;
import org.medkiosk.print.preview.ReceiptPreview;
import org.medkiosk.print.receipt.ReceiptTemplates;
import org.medkiosk.print.sample.SampleData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk receipt render --template NAME --out FILE.png|FILE.bin [--profile NAME] [--lang zh|en]}:
 * renders a template with sample data to ESC/POS bytes (.bin, what the printer would receive) or to a
 * preview image (.png).
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a receipt template with sample data to ESC/POS bytes (.bin) or a preview image (.png).",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:ok", "1:cannot write the file", "2:usage"})
public final class ReceiptRenderCommand implements Callable<Integer> {
    /** Template names accepted by {@code --template}. */
    public static final Map<String, Function<ReceiptTemplates, byte[]>> TEMPLATES = Map.of(
            "registration-slip", t -> t.registrationSlip(SampleData.registrationSlip()),
            "queue-ticket", t -> t.queueTicket(SampleData.queueTicket(), SampleData.patient().name()),
            "payment-receipt", t -> t.paymentReceipt(SampleData.patient(), SampleData.invoice(), SampleData.payment(),
                    org.medkiosk.hospital.PaymentMethod.WECHAT_PAY),
            "top-up-receipt", t -> t.topUpReceipt(SampleData.patient(), SampleData.topUp(), org.medkiosk.hospital.PaymentMethod.ALIPAY),
            "refund-notice", t -> t.refundNotice(SampleData.refund()),
            "test-page", t -> t.testPage(SampleData.AT));

    @Spec
    CommandSpec spec;

    @Option(names = "--template", paramLabel = "NAME", required = true,
            description = "registration-slip | queue-ticket | payment-receipt | top-up-receipt | refund-notice | test-page")
    String template;

    @Option(names = "--out", paramLabel = "FILE.png|FILE.bin", required = true,
            description = "a preview image (.png) or the ESC/POS bytes the printer would receive (.bin)")
    String file;

    @Option(names = "--profile", paramLabel = "epson-80|generic-80|generic-58", description = "printer profile (default: epson-80)")
    String profileName = PrinterProfile.EPSON_80.name();

    @Option(names = "--lang", paramLabel = "zh|en", description = "language (default: zh)")
    String lang = "zh";

    private final PrintStream out;
    private final PrintStream err;

    public ReceiptRenderCommand() {
        this(System.out, System.err);
    }

    public ReceiptRenderCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new ReceiptRenderCommand(out, err)).setCommandName("kiosk receipt render")
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(new String[0]));
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    @Override
    public Integer call() {
        if (!TEMPLATES.containsKey(template)) {
            throw new ParameterException(spec.commandLine(), "unknown template " + template + " (one of "
                    + String.join(", ", new java.util.TreeSet<>(TEMPLATES.keySet())) + ")");
        }
        if (!(file.endsWith(".png") || file.endsWith(".bin"))) {
            throw new ParameterException(spec.commandLine(), "--out must end in .png or .bin");
        }
        if (!(lang.equals("zh") || lang.equals("en"))) {
            throw new ParameterException(spec.commandLine(), "--lang takes zh or en, not '" + lang + "'");
        }
        var profile = PrinterProfile.byName(profileName);
        if (profile.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "unknown printer profile " + profileName);
        }
        ReceiptTemplates templates = new ReceiptTemplates(SampleData.letterhead(), profile.get(), Locale.forLanguageTag(lang));
        byte[] bytes = TEMPLATES.get(template).apply(templates);
        byte[] content = file.endsWith(".png") ? ReceiptPreview.png(bytes, profile.get()) : bytes;
        try {
            Files.write(Path.of(file), content);
        } catch (IOException e) {
            err.println("cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        out.println("wrote " + file + " (" + template + ", " + profile.get().name() + ", " + lang + ", "
                + bytes.length + " ESC/POS bytes)");
        return 0;
    }
}
