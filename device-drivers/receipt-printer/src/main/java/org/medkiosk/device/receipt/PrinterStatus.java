package org.medkiosk.device.receipt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medkiosk.device.link.DeviceHealth;

/**
 * The printer's state from the four real-time status answers ({@code DLE EOT 1..4}, DEVICES.md §2).
 */
public record PrinterStatus(
        boolean offline,
        boolean waitingForRecovery,
        boolean feedButtonPressed,
        boolean coverOpen,
        boolean feedingByButton,
        boolean stoppedByPaperEnd,
        boolean errorOccurred,
        boolean cutterError,
        boolean unrecoverableError,
        boolean autoRecoverableError,
        boolean paperNearEnd,
        boolean paperEnd) {

    /** The first problem that stops printing, most specific first; empty when the printer can print. */
    public Optional<PrinterProblem> problem() {
        if (paperEnd || stoppedByPaperEnd) {
            return Optional.of(PrinterProblem.PAPER_END);
        }
        if (coverOpen) {
            return Optional.of(PrinterProblem.COVER_OPEN);
        }
        if (cutterError) {
            return Optional.of(PrinterProblem.CUTTER_ERROR);
        }
        if (unrecoverableError) {
            return Optional.of(PrinterProblem.UNRECOVERABLE_ERROR);
        }
        if (offline || errorOccurred || autoRecoverableError) {
            return Optional.of(PrinterProblem.OFFLINE);
        }
        return Optional.empty();
    }

    /** Conditions that do not stop printing but need a technician soon. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (paperNearEnd && !paperEnd) {
            w.add("paper near end: replace the paper roll soon");
        }
        return w;
    }

    public DeviceHealth health() {
        Optional<PrinterProblem> p = problem();
        if (p.isPresent()) {
            return DeviceHealth.offline(p.get().description());
        }
        List<String> w = warnings();
        return w.isEmpty() ? DeviceHealth.ready() : DeviceHealth.degraded(String.join("; ", w));
    }

    /** Technician JSON (stable key names, no patient data). */
    public String toJson() {
        return "{\"health\":\"" + (health() instanceof DeviceHealth.Ready ? "READY"
                : health() instanceof DeviceHealth.Degraded ? "DEGRADED" : "OFFLINE") + "\""
                + ",\"problem\":" + problem().map(p -> "\"" + p.name() + "\"").orElse("null")
                + ",\"offline\":" + offline
                + ",\"coverOpen\":" + coverOpen
                + ",\"paperNearEnd\":" + paperNearEnd
                + ",\"paperEnd\":" + (paperEnd || stoppedByPaperEnd)
                + ",\"cutterError\":" + cutterError
                + ",\"unrecoverableError\":" + unrecoverableError
                + ",\"autoRecoverableError\":" + autoRecoverableError
                + ",\"feedButtonPressed\":" + feedButtonPressed
                + ",\"warnings\":[" + String.join(",", warnings().stream().map(s -> "\"" + s + "\"").toList()) + "]}";
    }
}
