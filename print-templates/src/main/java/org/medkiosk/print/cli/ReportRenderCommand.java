package org.medkiosk.print.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.medkiosk.print.report.ImagingReportPdf;
import org.medkiosk.print.report.LabReportPdf;
import org.medkiosk.print.sample.SampleData;

/** {@code kiosk report render --sample lab|imaging --out FILE.pdf [--lang zh|en]}: an A4 report from sample data. */
public final class ReportRenderCommand {
    static final String USAGE = "usage: kiosk report render --sample lab|imaging --out FILE.pdf [--lang zh|en]";

    private ReportRenderCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String sample = null;
        String file = null;
        String lang = "zh";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean hasValue = i + 1 < args.size();
            switch (a) {
                case "--sample" -> sample = hasValue ? args.get(++i) : null;
                case "--out" -> file = hasValue ? args.get(++i) : null;
                case "--lang" -> lang = hasValue ? args.get(++i) : null;
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
        if (sample == null || file == null || !file.endsWith(".pdf") || !("zh".equals(lang) || "en".equals(lang))
                || !(sample.equals("lab") || sample.equals("imaging"))) {
            err.println(USAGE);
            return 2;
        }
        Locale locale = Locale.forLanguageTag(lang);
        byte[] pdf = sample.equals("lab")
                ? LabReportPdf.render(SampleData.letterhead(), SampleData.labReport(), locale)
                : ImagingReportPdf.render(SampleData.letterhead(), SampleData.imagingReport(), locale);
        try {
            Files.write(Path.of(file), pdf);
        } catch (IOException e) {
            err.println("cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        out.println("wrote " + file + " (" + sample + " report, " + lang + ", " + pdf.length + " bytes)");
        return 0;
    }
}
