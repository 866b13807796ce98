package org.medkiosk.device.receipt;

/**
 * Why a receipt printer cannot print, in words a technician acts on. Each one stops a job: the job is
 * not reported as printed and stays queued.
 */
public enum PrinterProblem {
    PAPER_END("paper end: load a new paper roll"),
    COVER_OPEN("cover open: close the printer cover"),
    CUTTER_ERROR("autocutter error: clear the cutter jam, then switch the printer off and on"),
    UNRECOVERABLE_ERROR("unrecoverable printer error: switch the printer off and on, or service it"),
    OFFLINE("printer offline: check the printer's power and error light"),
    NOT_RESPONDING("printer does not answer status requests: check the cable, power and port settings"),
    LINK_FAILURE("cannot reach the printer: check the port or address");

    private final String description;

    PrinterProblem(String description) {
        this.description = description;
    }

    /** One line for a technician (English, no patient data). */
    public String description() {
        return description;
    }
}
