package org.medkiosk.device.receipt;

/** The printer could not be asked for its status; {@link #problem()} says why. Messages carry no job content. */
public final class PrinterException extends Exception {
    private final PrinterProblem problem;

    public PrinterException(PrinterProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public PrinterProblem problem() {
        return problem;
    }
}
