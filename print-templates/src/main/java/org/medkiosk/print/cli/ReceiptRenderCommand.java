package org.medkiosk.print.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.medkiosk.print.escpos.PrinterProfile;
import org.medkiosk.print.preview.ReceiptPreview;
import org.medkiosk.print.receipt.ReceiptTemplates;
import org.medkiosk.print.sample.SampleData;

/**
 * {@code kiosk receipt render --template NAME --out FILE.png|FILE.bin [--profile NAME] [--lang zh|en]}:
 * renders a template with sample data to ESC/POS bytes (.bin, what the printer would receive) or to a
 * preview image (.png).
 */
public final class ReceiptRenderCommand {
    /** Template names accepted by {@code --template}. */
    public static final Map<String, Function<ReceiptTemplates, byte[]>> TEMPLATES = Map.of(
            "registration-slip", t -> t.registrationSlip(SampleData.registrationSlip()),
            "queue-ticket", t -> t.queueTicket(SampleData.queueTicket(), SampleData.patient().name()),
            "payment-receipt", t -> t.paymentReceipt(SampleData.patient(), SampleData.invoice(), SampleData.payment(),
                    org.medkiosk.hospital.PaymentMethod.WECHAT_PAY),
            "top-up-receipt", t -> t.topUpReceipt(SampleData.patient(), SampleData.topUp(), org.medkiosk.hospital.PaymentMethod.ALIPAY),
            "refund-notice", t -> t.refundNotice(SampleData.refund()),
            "test-page", t -> t.testPage(SampleData.AT));

    private static final String USAGE = "usage: kiosk receipt render --template "
            + String.join("|", new java.util.TreeSet<>(TEMPLATES.keySet()))
            + " --out FILE.png|FILE.bin [--profile epson-80|generic-80|generic-58] [--lang zh|en]";

    private ReceiptRenderCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String template = null;
        String file = null;
        String profileName = PrinterProfile.EPSON_80.name();
        String lang = "zh";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (i + 1 >= args.size() && List.of("--template", "--out", "--profile", "--lang").contains(a)) {
                err.println(USAGE);
                return 2;
            }
            switch (a) {
                case "--template" -> template = args.get(++i);
                case "--out" -> file = args.get(++i);
                case "--profile" -> profileName = args.get(++i);
                case "--lang" -> lang = args.get(++i);
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    err.println("unknown option " + a);
                    err.println(USAGE);
                    return 2;
                }
            }
        }
        if (template == null || file == null || !TEMPLATES.containsKey(template)
                || !(file.endsWith(".png") || file.endsWith(".bin")) || !(lang.equals("zh") || lang.equals("en"))) {
            err.println(USAGE);
            return 2;
        }
        var profile = PrinterProfile.byName(profileName);
        if (profile.isEmpty()) {
            err.println("unknown printer profile " + profileName);
            err.println(USAGE);
            return 2;
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
