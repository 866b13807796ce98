package org.medkiosk.journey.guide;

/**
 * A rules file the guide cannot use. The message is one line a hospital technician can act on: which file, which line
 * when known, and what is wrong.
 */
public final class GuideRulesException extends RuntimeException {
    private final String source;
    private final int line;
    private final String problem;

    GuideRulesException(String source, int line, String problem, int moreProblems) {
        super(message(source, line, problem, moreProblems));
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    /** The file (or the built-in default) the problem is in. */
    public String source() {
        return source;
    }

    /** The line of the problem, or 0 when it has none (an unreadable or empty file). */
    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }

    private static String message(String source, int line, String problem, int more) {
        String m = "Department guide rules " + source + (line > 0 ? " line " + line : "") + ": " + problem
                + (more > 0 ? " (and " + more + " more problem" + (more == 1 ? "" : "s") + ")" : "");
        return oneLine(m);
    }

    static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t\\u0085\\u2028\\u2029]+", " ");
    }
}
