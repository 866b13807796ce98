package org.medkiosk.device.receipt;

import java.util.List;

/**
 * What became of a print job. Only {@link Printed} means the paper came out; a journal keeps any other
 * outcome queued.
 */
public sealed interface PrintResult permits PrintResult.Printed, PrintResult.NotPrinted, PrintResult.SentUnverified {

    /** The printer was healthy before and after the job. Warnings (paper near end) go to technicians. */
    record Printed(PrinterStatus after, List<String> warnings) implements PrintResult {
        public Printed {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The job must be treated as not printed.
     *
     * @param bytesSent whether any of the job reached the printer (a reprint may then duplicate part of it)
     * @param status    the status that stopped it; null when the printer could not be asked
     */
    record NotPrinted(PrinterProblem problem, String reason, boolean bytesSent, PrinterStatus status) implements PrintResult {
    }

    /** Written to a destination that cannot report status (a capture file): delivered, never confirmed. */
    record SentUnverified(String reason) implements PrintResult {
    }

    default boolean printed() {
        return this instanceof Printed;
    }
}
