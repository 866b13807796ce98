package org.medkiosk.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How every `kiosk` command line runs: picocli's parser and help, the process's streams, exit 0 ok, 1 failed, 2 usage.
 * A usage error prints one line naming the problem and then the command's usage, on standard error; the value of a
 * secret option ({@link #SECRET_OPTIONS}) and the value following an unknown option are never echoed.
 */
public final class Cli {
    /** Options whose values are never repeated in an error message. */
    public static final Set<String> SECRET_OPTIONS = Set.of("--token", "--pin", "--password", "--secret");

    private Cli() {
    }

    /** Runs {@code cl} (and its subcommands) on {@code args} with {@code out}/{@code err}; returns the exit code. */
    public static int execute(CommandLine cl, List<String> args, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        cl.setOut(o).setErr(e).setParameterExceptionHandler(Cli::usageError);
        try {
            return cl.execute(args.toArray(new String[0]));
        } finally {
            o.flush();
            e.flush();
        }
    }

    static int usageError(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(message(ex, args));
        UnmatchedArgumentException.printSuggestions(ex, err);
        cl.usage(err, cl.getColorScheme());
        err.flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String message(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String name = cl.getCommandSpec().qualifiedName();
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            List<String> unmatched = u.getUnmatched();
            String first = unmatched.get(0);
            if (!cl.getSubcommands().isEmpty() && !first.startsWith("-")) {
                return cl.getParent() == null ? name + ": unknown command '" + first + "'"
                        : name + ": unknown subcommand '" + first + "'";
            }
            List<String> shown = new ArrayList<>();
            int hidden = 0;
            for (int i = 0; i < unmatched.size(); i++) {
                String a = unmatched.get(i);
                if (a.startsWith("-")) {
                    shown.add("'" + (a.contains("=") ? a.substring(0, a.indexOf('=')) + "=…" : a) + "'");
                } else if (i > 0 && unmatched.get(i - 1).startsWith("-") && !unmatched.get(i - 1).contains("=")) {
                    hidden++; // perhaps the value of a mistyped option: never repeated
                } else {
                    shown.add("'" + a + "'");
                }
            }
            boolean options = first.startsWith("-");
            return name + ": " + (options ? "unknown option" : "unexpected argument") + (shown.size() > 1 ? "s " : " ")
                    + String.join(", ", shown) + (hidden > 0 ? " (and " + hidden + " value" + (hidden > 1 ? "s" : "") + ")" : "");
        }
        String message = masked(ex.getMessage(), args);
        return message.startsWith(name) || message.startsWith("error: ") ? message : name + ": " + message;
    }

    /** The message with the values of secret options replaced. */
    static String masked(String message, String[] args) {
        String m = String.valueOf(message);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            if (SECRET_OPTIONS.contains(a) && i + 1 < args.length) {
                value = args[i + 1];
            } else if (a.contains("=") && SECRET_OPTIONS.contains(a.substring(0, a.indexOf('=')))) {
                value = a.substring(a.indexOf('=') + 1);
            }
            if (value != null && !value.isEmpty()) {
                m = m.replace(value, "****");
            }
        }
        return m;
    }
}
