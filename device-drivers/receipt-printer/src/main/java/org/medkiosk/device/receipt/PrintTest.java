package org.medkiosk.device.receipt;

import java.io.PrintStream;

/**
 * The body of {@code kiosk devices print-test}: status → send the test page → status on the printer at
 * {@code spec}, reporting one line per outcome. The caller (kiosk-app) renders the page with
 * print-templates ({@code ReceiptTemplates.testPage}) for the chosen profile; this driver only moves bytes.
 */
public final class PrintTest {
    private PrintTest() {
    }

    /**
     * @return exit code: 0 printed (or written to a capture file), 1 not printed (problem named on err),
     *         2 bad printer address
     */
    public static int run(String spec, byte[] page, PrintStream out, PrintStream err) {
        PrinterAddress address;
        try {
            address = PrinterAddress.parse(spec);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        PrintResult r = ReceiptPrinter.printOnce(address.spec(), page);
        if (r instanceof PrintResult.Printed p) {
            out.println("test page printed on " + spec + " (" + page.length + " bytes)");
            p.warnings().forEach(w -> out.println("warning: " + w));
            return 0;
        }
        if (r instanceof PrintResult.SentUnverified u) {
            out.println("test page written to " + spec + " (" + page.length + " bytes); " + u.reason());
            return 0;
        }
        PrintResult.NotPrinted np = (PrintResult.NotPrinted) r;
        err.println("printer " + spec + ": " + np.problem().description()
                + (np.bytesSent() ? " (the page was sent but did not print completely)" : " (nothing was sent)"));
        return 1;
    }
}
