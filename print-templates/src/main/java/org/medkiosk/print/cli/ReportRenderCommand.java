package org.medkiosk.print.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.medkiosk.print.report.ImagingReportPdf;
import org.medkiosk.print.report.LabReportPdf;
import org.medkiosk.print.sample.SampleData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kiosk report render --sample lab|imaging --out FILE.pdf [--lang zh|en]}: an A4 report from sample data. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render an A4 report (PDF) from sample data.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:ok", "1:cannot write the file", "2:usage"})
public final class ReportRenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sample", paramLabel = "lab|imaging", required = true, description = "which sample report")
    String sample;

    @Option(names = "--out", paramLabel = "FILE.pdf", required = true, description = "the PDF to write")
    String file;

    @Option(names = "--lang", paramLabel = "zh|en", description = "language (default: zh)")
    String lang = "zh";

    private final PrintStream out;
    private final PrintStream err;

    public ReportRenderCommand() {
        this(System.out, System.err);
    }

    public ReportRenderCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new ReportRenderCommand(out, err)).setCommandName("kiosk report render")
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(new String[0]));
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    @Override
    public Integer call() {
        if (!(sample.equals("lab") || sample.equals("imaging"))) {
            throw new ParameterException(spec.commandLine(), "--sample takes lab or imaging, not '" + sample + "'");
        }
        if (!file.endsWith(".pdf")) {
            throw new ParameterException(spec.commandLine(), "--out must end in .pdf");
        }
        if (!(lang.equals("zh") || lang.equals("en"))) {
            throw new ParameterException(spec.commandLine(), "--lang takes zh or en, not '" + lang + "'");
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
